/// A point of a laid-out diagram, in SVG user units (y grows downward).
public struct DiagramPoint: Sendable, Equatable {
    /// Horizontal coordinate.
    public var x: Double
    /// Vertical coordinate.
    public var y: Double

    /// The point (x, y).
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// A cubic Bézier segment of an edge.
public struct DiagramCurve: Sendable, Equatable {
    /// Where the segment starts.
    public var start: DiagramPoint
    /// The first control point.
    public var control1: DiagramPoint
    /// The second control point.
    public var control2: DiagramPoint
    /// Where the segment ends.
    public var end: DiagramPoint

    /// The segment from `start` to `end` with the given control points.
    public init(start: DiagramPoint, control1: DiagramPoint, control2: DiagramPoint, end: DiagramPoint) {
        self.start = start
        self.control1 = control1
        self.control2 = control2
        self.end = end
    }
}

/// A diagram laid out in layers (Sugiyama style): cycles broken by reversing back edges,
/// layers by longest path then shortened, long edges split by dummy vertices (edge labels
/// ride on one of them, so they get their own room), crossings reduced by barycenter sweeps
/// with transpositions and, for small graphs, an exact search; positions across the flow by
/// weighted isotonic regression. The direction (LR, RL, TB, BT) only turns the result.
public struct DiagramLayout: Sendable {
    /// A node with its final position and size.
    public struct Node: Sendable, Equatable {
        /// The node's identifier.
        public var id: String
        /// The lines of text shown in it.
        public var lines: [String]
        /// The shape drawn.
        public var shape: DiagramNode.Shape
        /// The centre.
        public var center: DiagramPoint
        /// Full width.
        public var width: Double
        /// Full height.
        public var height: Double
        /// The layer (0 = first in the flow direction).
        public var layer: Int
    }

    /// An edge with its route.
    public struct Edge: Sendable, Equatable {
        /// The source node's identifier.
        public var from: String
        /// The target node's identifier.
        public var to: String
        /// The lines of the label; empty when there is none.
        public var label: [String]
        /// The centre of the label box, when there is a label.
        public var labelCenter: DiagramPoint?
        /// Width of the label box.
        public var labelWidth: Double
        /// Height of the label box.
        public var labelHeight: Double
        /// The route as a polyline from the source's outline through the bends to the target's
        /// outline (always in the edge's direction, also for reversed back edges).
        public var points: [DiagramPoint]
        /// The route as drawn: one cubic per polyline segment (four points for a self-loop).
        public var curves: [DiagramCurve]
        /// The line style.
        public var line: DiagramEdge.Line
        /// The end at the target.
        public var head: DiagramEdge.End
        /// The end at the source.
        public var tail: DiagramEdge.End
        /// Whether the edge goes from a node to itself.
        public var isSelfLoop: Bool
        /// Whether the layout reversed the edge to break a cycle (it is drawn against the flow).
        public var isReversed: Bool
    }

    /// The diagram laid out.
    public var diagram: MermaidDiagram
    /// Width of the drawing.
    public var width: Double
    /// Height of the drawing.
    public var height: Double
    /// The nodes, in the diagram's order.
    public var nodes: [Node]
    /// The edges, in the diagram's order.
    public var edges: [Edge]

    /// The largest graphs laid out: nodes, edges, and vertices including dummies.
    static let limits = (nodes: 400, edges: 1000, vertices: 8000)

    /// Lays out `diagram`, or says why it is too large.
    public static func make(_ diagram: MermaidDiagram) -> Result<DiagramLayout, DiagramProblem> {
        if let refusal = refusal(diagram) { return .failure(refusal) }
        var builder = LayoutBuilder(diagram: diagram)
        return builder.run()
    }

    /// Why `diagram` has more nodes or edges than are laid out, if it has; checked before any
    /// layout work (a graph within these limits can still be refused by ``make(_:)`` when its
    /// edges span too many layers).
    public static func refusal(_ diagram: MermaidDiagram) -> DiagramProblem? {
        guard diagram.nodes.count > limits.nodes || diagram.edges.count > limits.edges else { return nil }
        return DiagramProblem(
            reason: .tooLarge,
            detail: "the diagram has \(diagram.nodes.count) nodes and \(diagram.edges.count) edges "
                + "(at most \(limits.nodes) and \(limits.edges) are laid out)")
    }
}
