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
        var builder = Builder(diagram: diagram)
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

/// The steps of ``DiagramLayout/make(_:)``, in layout coordinates: `main` along the flow,
/// `cross` across it.
private struct Builder {
    let diagram: MermaidDiagram
    let horizontal: Bool
    var nodeIndex: [String: Int] = [:]
    var lines: [[String]] = []
    var mainSize: [Double] = []
    var crossSize: [Double] = []
    var isDummy: [Bool] = []
    var isLabel: [Bool] = []
    var layerOf: [Int] = []

    init(diagram: MermaidDiagram) {
        self.diagram = diagram
        self.horizontal = diagram.direction.isHorizontal
    }

    /// An edge of the diagram as routed through the layers.
    struct Chain {
        var edge: Int
        var vertices: [Int]
        var labelVertex: Int?
        var reversed: Bool
    }

    mutating func run() -> Result<DiagramLayout, DiagramProblem> {
        let nodes = diagram.nodes
        for (index, node) in nodes.enumerated() {
            nodeIndex[node.id] = index
            let text = NodeGeometry.lines(node.label)
            lines.append(text)
            if node.shape == .bar {
                mainSize.append(8)
                crossSize.append(56)
            } else {
                let size = NodeGeometry.size(shape: node.shape, lines: text)
                mainSize.append(horizontal ? size.width : size.height)
                crossSize.append(horizontal ? size.height : size.width)
            }
            isDummy.append(false)
            isLabel.append(false)
        }
        let nodeCount = nodes.count
        // Edges between known nodes; self-loops are drawn apart.
        var routed: [Int] = []
        var selfLoops: [Int] = []
        for (index, edge) in diagram.edges.enumerated() {
            guard let from = nodeIndex[edge.from], let to = nodeIndex[edge.to] else { continue }
            if from == to { selfLoops.append(index) } else { routed.append(index) }
        }
        let hasLabels = routed.contains { diagram.edges[$0].label != nil }
        let stretch = hasLabels ? 2 : 1
        var links = routed.map { index -> LayerAssignment.Link in
            let edge = diagram.edges[index]
            return LayerAssignment.Link(
                from: nodeIndex[edge.from] ?? 0, to: nodeIndex[edge.to] ?? 0,
                minimumSpan: max(1, edge.length) * stretch)
        }
        let reversed = LayerAssignment.backEdges(nodeCount: nodeCount, links: links)
        for index in links.indices where reversed[index] {
            let from = links[index].from
            links[index].from = links[index].to
            links[index].to = from
        }
        let rank = LayerAssignment.ranks(nodeCount: nodeCount, links: links)
        layerOf = rank
        // Self-loops take room on one side of their node.
        var loopReserve = [Double](repeating: 0, count: nodeCount)
        var loopCount = [Int](repeating: 0, count: nodeCount)
        for index in selfLoops {
            guard let node = nodeIndex[diagram.edges[index].from] else { continue }
            loopCount[node] += 1
            let label = labelSize(diagram.edges[index].label)
            loopReserve[node] = max(loopReserve[node], 24 + 10 * Double(loopCount[node]) + (horizontal ? label.height : label.width))
        }
        // Dummy vertices.
        var down = [[Int]](repeating: [], count: nodeCount)
        var up = [[Int]](repeating: [], count: nodeCount)
        var chains: [Chain] = []
        for (linkIndex, link) in links.enumerated() {
            let edgeIndex = routed[linkIndex]
            let span = rank[link.to] - rank[link.from]
            var vertices = [link.from]
            for step in 1..<max(1, span) {
                let vertex = isDummy.count
                if vertex >= DiagramLayout.limits.vertices {
                    return .failure(DiagramProblem(
                        reason: .tooLarge, detail: "the diagram's edges span too many layers to lay out"))
                }
                isDummy.append(true)
                isLabel.append(false)
                mainSize.append(0)
                crossSize.append(0)
                lines.append([])
                layerOf.append(rank[link.from] + step)
                down.append([])
                up.append([])
                vertices.append(vertex)
            }
            vertices.append(link.to)
            for (a, b) in zip(vertices, vertices.dropFirst()) {
                down[a].append(b)
                up[b].append(a)
            }
            var labelVertex: Int?
            if let label = diagram.edges[edgeIndex].label, span >= 2 {
                let vertex = vertices[span / 2]
                let size = labelSize(label)
                isLabel[vertex] = true
                mainSize[vertex] = horizontal ? size.width : size.height
                crossSize[vertex] = horizontal ? size.height : size.width
                labelVertex = vertex
            }
            chains.append(Chain(edge: edgeIndex, vertices: vertices, labelVertex: labelVertex, reversed: reversed[linkIndex]))
        }
        // Layers and order.
        let layerCount = (layerOf.max() ?? 0) + 1
        var layers = [[Int]](repeating: [], count: layerCount)
        for vertex in layerOf.indices { layers[layerOf[vertex]].append(vertex) }
        var graph = LayeredGraph(layers: layers, down: down, up: up)
        LayerOrdering.order(&graph)
        // Across the flow.
        let reservedCross = crossSize.indices.map { $0 < nodeCount ? crossSize[$0] + 2 * loopReserve[$0] : crossSize[$0] }
        let dummy = isDummy
        let label = isLabel
        var backward = [Bool](repeating: false, count: isDummy.count)
        for chain in chains where chain.reversed {
            for vertex in chain.vertices.dropFirst().dropLast() { backward[vertex] = true }
        }
        let cross = CrossAxisPlacement.place(
            graph, size: reservedCross,
            separation: { a, b in
                let plainA = dummy[a] && !label[a]
                let plainB = dummy[b] && !label[b]
                if plainA && plainB { return 10 }
                if plainA || plainB { return 16 }
                return 28
            },
            weight: { a, b in
                // Back edges give way to the flow: their bends pull little on what they join.
                if backward[a] && backward[b] { return 2 }
                if backward[a] || backward[b] { return 0.1 }
                if dummy[a] && dummy[b] { return 8 }
                if dummy[a] || dummy[b] { return 2 }
                return 1
            })
        // Along the flow.
        var layerMain = [Double](repeating: 0, count: layerCount)
        for vertex in layerOf.indices { layerMain[layerOf[vertex]] = max(layerMain[layerOf[vertex]], mainSize[vertex]) }
        let base = hasLabels ? 30.0 : 52.0
        var layerCenter = [Double](repeating: 0, count: layerCount)
        layerCenter[0] = layerMain[0] / 2
        for index in 1..<max(1, layerCount) {
            var steepest = 0.0
            for vertex in graph.layers[index - 1] {
                for other in graph.down[vertex] { steepest = max(steepest, abs(cross[vertex] - cross[other])) }
            }
            let gap = max(base, min(steepest * 0.4, base * 3))
            layerCenter[index] = layerCenter[index - 1] + layerMain[index - 1] / 2 + gap + layerMain[index] / 2
        }
        let main = layerOf.map { layerCenter[$0] }
        // Ports: where each chain leaves and enters a node, spread across the side.
        var outPort = [Int: Double]()  // key: chain index → cross offset at the source
        var inPort = [Int: Double]()
        var outgoing = [[Int]](repeating: [], count: nodeCount)
        var incoming = [[Int]](repeating: [], count: nodeCount)
        for (index, chain) in chains.enumerated() {
            outgoing[chain.vertices[0]].append(index)
            incoming[chain.vertices[chain.vertices.count - 1]].append(index)
        }
        for node in 0..<nodeCount {
            for (list, isOut) in [(outgoing[node], true), (incoming[node], false)] where !list.isEmpty {
                let sorted = list.sorted { a, b in
                    let va = isOut ? chains[a].vertices[1] : chains[a].vertices[chains[a].vertices.count - 2]
                    let vb = isOut ? chains[b].vertices[1] : chains[b].vertices[chains[b].vertices.count - 2]
                    return (cross[va], a) < (cross[vb], b)
                }
                let count = sorted.count
                let spacing = count > 1 ? min(12, crossSize[node] * 0.7 / Double(count - 1)) : 0
                for (position, chain) in sorted.enumerated() {
                    let offset = (Double(position) - Double(count - 1) / 2) * spacing
                    if isOut { outPort[chain] = offset } else { inPort[chain] = offset }
                }
            }
        }
        func outline(_ node: Int, offset: Double) -> Double {
            NodeGeometry.mainExtent(
                shape: nodes[node].shape, halfMain: mainSize[node] / 2, halfCross: crossSize[node] / 2,
                offset: offset, horizontalFlow: horizontal)
        }
        // Routes in layout coordinates.
        typealias Point = (main: Double, cross: Double)
        var edgeRoutes = [Int: (points: [Point], curves: [[Point]], label: Point?, reversed: Bool)]()
        for (index, chain) in chains.enumerated() {
            let first = chain.vertices[0]
            let last = chain.vertices[chain.vertices.count - 1]
            let startOffset = outPort[index] ?? 0
            let endOffset = inPort[index] ?? 0
            var points: [Point] = [(main[first] + outline(first, offset: startOffset), cross[first] + startOffset)]
            let interior = chain.vertices.dropFirst().dropLast()
            // A single plain bend (an unlabelled edge stretched over a label layer) is drawn
            // as one smooth curve from end to end.
            if !(interior.count == 1 && chain.labelVertex == nil) {
                for vertex in interior { points.append((main[vertex], cross[vertex])) }
            }
            points.append((main[last] - outline(last, offset: endOffset), cross[last] + endOffset))
            var slopes = [Double](repeating: 0, count: points.count)
            for k in 1..<max(1, points.count - 1) where points.count > 2 {
                let span = points[k + 1].main - points[k - 1].main
                slopes[k] = span > 0 ? (points[k + 1].cross - points[k - 1].cross) / span : 0
            }
            var curves: [[Point]] = []
            for k in 0..<(points.count - 1) {
                let a = points[k]
                let b = points[k + 1]
                let half = (b.main - a.main) / 2
                curves.append([a, (a.main + half, a.cross + half * slopes[k]), (b.main - half, b.cross - half * slopes[k + 1]), b])
            }
            let labelPoint = chain.labelVertex.map { (main[$0], cross[$0]) }
            edgeRoutes[chain.edge] = (points, curves, labelPoint, chain.reversed)
        }
        // Self-loops, on the side of smaller cross coordinates.
        var loopNumber = [Int](repeating: 0, count: nodeCount)
        for index in selfLoops {
            guard let node = nodeIndex[diagram.edges[index].from] else { continue }
            loopNumber[node] += 1
            let k = Double(loopNumber[node] - 1)
            let halfMain = mainSize[node] / 2
            let halfCross = crossSize[node] / 2
            let a = min(halfMain * 0.5, 12 + 4 * k)
            let edgeCross = NodeGeometry.mainExtent(
                shape: nodes[node].shape, halfMain: halfCross, halfCross: halfMain, offset: a,
                horizontalFlow: !horizontal)
            let top = cross[node] - edgeCross
            let height = 26 + 10 * k
            let start: Point = (main[node] - a, top)
            let end: Point = (main[node] + a, top)
            let curve: [Point] = [start, (start.main - 14, top - height), (end.main + 14, top - height), end]
            let size = labelSize(diagram.edges[index].label)
            let labelCross = horizontal ? size.height : size.width
            let labelPoint: Point? = diagram.edges[index].label == nil ? nil
                : (main[node], top - height * 0.75 - labelCross / 2 - 2)
            edgeRoutes[index] = ([start, (main[node], top - height * 0.75), end], [curve], labelPoint, false)
        }
        return .success(assemble(graph: graph, main: main, cross: cross, routes: edgeRoutes, selfLoops: Set(selfLoops)))
    }

    private func labelSize(_ label: String?) -> (width: Double, height: Double) {
        guard let label else { return (0, 0) }
        let text = NodeGeometry.textSize(NodeGeometry.lines(label))
        return (text.width + 10, text.height + 4)
    }

    /// Turns layout coordinates into the final drawing: direction applied, moved to the origin.
    private func assemble(
        graph: LayeredGraph, main: [Double], cross: [Double],
        routes: [Int: (points: [(main: Double, cross: Double)], curves: [[(main: Double, cross: Double)]],
            label: (main: Double, cross: Double)?, reversed: Bool)],
        selfLoops: Set<Int>
    ) -> DiagramLayout {
        let direction = diagram.direction
        func turn(_ p: (main: Double, cross: Double)) -> DiagramPoint {
            switch direction {
            case .leftToRight: DiagramPoint(x: p.main, y: p.cross)
            case .rightToLeft: DiagramPoint(x: -p.main, y: p.cross)
            case .topToBottom: DiagramPoint(x: p.cross, y: p.main)
            case .bottomToTop: DiagramPoint(x: p.cross, y: -p.main)
            }
        }
        var nodes: [DiagramLayout.Node] = []
        for (index, node) in diagram.nodes.enumerated() {
            let width = horizontal ? mainSize[index] : crossSize[index]
            let height = horizontal ? crossSize[index] : mainSize[index]
            nodes.append(DiagramLayout.Node(
                id: node.id, lines: lines[index], shape: node.shape, center: turn((main[index], cross[index])),
                width: width, height: height, layer: layerOf[index]))
        }
        var edges: [DiagramLayout.Edge] = []
        for (index, edge) in diagram.edges.enumerated() {
            let label = edge.label.map(NodeGeometry.lines) ?? []
            let size = labelSize(edge.label)
            guard let route = routes[index] else { continue }
            var points = route.points.map(turn)
            var curves = route.curves.map { c in
                DiagramCurve(start: turn(c[0]), control1: turn(c[1]), control2: turn(c[2]), end: turn(c[3]))
            }
            if route.reversed {
                points.reverse()
                curves = curves.reversed().map {
                    DiagramCurve(start: $0.end, control1: $0.control2, control2: $0.control1, end: $0.start)
                }
            }
            edges.append(DiagramLayout.Edge(
                from: edge.from, to: edge.to, label: label, labelCenter: route.label.map(turn),
                labelWidth: size.width, labelHeight: size.height, points: points, curves: curves, line: edge.line,
                head: edge.head, tail: edge.tail, isSelfLoop: selfLoops.contains(index), isReversed: route.reversed))
        }
        // Bounding box of everything drawn.
        var minX = Double.infinity
        var minY = Double.infinity
        var maxX = -Double.infinity
        var maxY = -Double.infinity
        func include(_ x: Double, _ y: Double) {
            minX = min(minX, x)
            minY = min(minY, y)
            maxX = max(maxX, x)
            maxY = max(maxY, y)
        }
        for node in nodes {
            include(node.center.x - node.width / 2, node.center.y - node.height / 2)
            include(node.center.x + node.width / 2, node.center.y + node.height / 2)
        }
        for edge in edges {
            for curve in edge.curves {
                for p in [curve.start, curve.control1, curve.control2, curve.end] { include(p.x, p.y) }
            }
            if let center = edge.labelCenter {
                include(center.x - edge.labelWidth / 2, center.y - edge.labelHeight / 2)
                include(center.x + edge.labelWidth / 2, center.y + edge.labelHeight / 2)
            }
        }
        if !minX.isFinite {
            minX = 0
            minY = 0
            maxX = 0
            maxY = 0
        }
        let margin = 8.0
        let dx = margin - minX
        let dy = margin - minY
        func shift(_ p: DiagramPoint) -> DiagramPoint { DiagramPoint(x: p.x + dx, y: p.y + dy) }
        for index in nodes.indices { nodes[index].center = shift(nodes[index].center) }
        for index in edges.indices {
            edges[index].points = edges[index].points.map(shift)
            edges[index].curves = edges[index].curves.map {
                DiagramCurve(start: shift($0.start), control1: shift($0.control1), control2: shift($0.control2), end: shift($0.end))
            }
            edges[index].labelCenter = edges[index].labelCenter.map(shift)
        }
        return DiagramLayout(
            diagram: diagram, width: maxX - minX + 2 * margin, height: maxY - minY + 2 * margin, nodes: nodes,
            edges: edges)
    }
}
