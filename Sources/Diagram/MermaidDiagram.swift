/// A mermaid diagram read into a graph: the kinds Derive draws (flowcharts and state diagrams).
public struct MermaidDiagram: Sendable, Equatable {
    /// The kinds of diagram that are drawn.
    public enum Kind: String, Sendable, Equatable {
        /// `flowchart` or `graph`.
        case flowchart
        /// `stateDiagram` or `stateDiagram-v2`.
        case stateDiagram
    }

    /// Which kind of diagram it is.
    public var kind: Kind
    /// The direction the layers run in.
    public var direction: DiagramDirection
    /// The nodes (states), in order of first appearance.
    public var nodes: [DiagramNode]
    /// The edges (transitions), in source order.
    public var edges: [DiagramEdge]
    /// The title from front matter or `accTitle:`, if any.
    public var title: String?
    /// The description from `accDescr:`, if any.
    public var accessibleDescription: String?

    /// A diagram with the given parts.
    public init(
        kind: Kind, direction: DiagramDirection, nodes: [DiagramNode] = [], edges: [DiagramEdge] = [],
        title: String? = nil, accessibleDescription: String? = nil
    ) {
        self.kind = kind
        self.direction = direction
        self.nodes = nodes
        self.edges = edges
        self.title = title
        self.accessibleDescription = accessibleDescription
    }

    /// The node with identifier `id`, if any.
    public func node(_ id: String) -> DiagramNode? { nodes.first { $0.id == id } }
}

/// The direction of a layered diagram.
public enum DiagramDirection: String, Sendable, Equatable, CaseIterable {
    /// Left to right (`LR`, `>`).
    case leftToRight = "LR"
    /// Right to left (`RL`, `<`).
    case rightToLeft = "RL"
    /// Top to bottom (`TB`, `TD`, `v`).
    case topToBottom = "TB"
    /// Bottom to top (`BT`, `^`).
    case bottomToTop = "BT"

    /// The direction named by a mermaid keyword, or `nil`.
    public init?(mermaid keyword: String) {
        switch keyword.uppercased() {
        case "LR", ">": self = .leftToRight
        case "RL", "<": self = .rightToLeft
        case "TB", "TD", "V": self = .topToBottom
        case "BT", "^": self = .bottomToTop
        default: return nil
        }
    }

    /// Whether layers follow one another horizontally.
    public var isHorizontal: Bool { self == .leftToRight || self == .rightToLeft }

    /// Words for screen readers: "left to right".
    public var words: String {
        switch self {
        case .leftToRight: "left to right"
        case .rightToLeft: "right to left"
        case .topToBottom: "top to bottom"
        case .bottomToTop: "bottom to top"
        }
    }
}

/// A node of a diagram.
public struct DiagramNode: Sendable, Equatable {
    /// The shapes a node can have.
    public enum Shape: String, Sendable, Equatable {
        /// `A[Text]`.
        case rectangle
        /// `A(Text)`, and states.
        case rounded
        /// `A([Text])`.
        case stadium
        /// `A((Text))`.
        case circle
        /// `A{Text}`.
        case diamond
        /// `A{{Text}}`.
        case hexagon
        /// `A[[Text]]`.
        case subroutine
        /// `A[(Text)]`.
        case cylinder
        /// `A>Text]`, `A[/Text/]` and the other slanted boxes.
        case slanted
        /// The start pseudo-state `[*]` as a source.
        case start
        /// The end pseudo-state `[*]` as a target.
        case end
        /// `state S <<choice>>`.
        case choice
        /// `state S <<fork>>` or `<<join>>`.
        case bar
    }

    /// The identifier used in edges.
    public var id: String
    /// The text shown; lines are separated by `\n`.
    public var label: String
    /// The shape.
    public var shape: Shape
    /// The line of the diagram's text (1-based) where the node first appears, if known.
    public var sourceLine: Int?

    /// A node with the given parts.
    public init(id: String, label: String, shape: Shape, sourceLine: Int? = nil) {
        self.id = id
        self.label = label
        self.shape = shape
        self.sourceLine = sourceLine
    }
}

/// An edge (transition) of a diagram.
public struct DiagramEdge: Sendable, Equatable {
    /// How the line is drawn.
    public enum Line: String, Sendable, Equatable {
        /// `-->`, `---`.
        case solid
        /// `-.->`.
        case dotted
        /// `==>`.
        case thick
        /// `~~~`: laid out but not drawn.
        case invisible
    }

    /// What ends a line.
    public enum End: String, Sendable, Equatable {
        /// Nothing.
        case none
        /// An arrowhead.
        case arrow
        /// A small circle (`--o`).
        case circle
        /// A cross (`--x`).
        case cross
    }

    /// The source node's identifier.
    public var from: String
    /// The target node's identifier.
    public var to: String
    /// The label on the edge as shown, if any (quotes removed, entities resolved): the
    /// weight of `x1 -->|w1| h1` or `x1 --> h1 : w1`.
    public var label: String?
    /// The line style.
    public var line: Line
    /// The end at the target.
    public var head: End
    /// The end at the source.
    public var tail: End
    /// The minimum number of layers the edge spans (longer arrows, `--->`, span more).
    public var length: Int
    /// The line of the diagram's text (1-based) that states the edge, if known (a chain
    /// `A --> B --> C` states both of its edges on one line).
    public var sourceLine: Int?

    /// An edge with the given parts.
    public init(
        from: String, to: String, label: String? = nil, line: Line = .solid, head: End = .arrow,
        tail: End = .none, length: Int = 1, sourceLine: Int? = nil
    ) {
        self.from = from
        self.to = to
        self.label = label
        self.line = line
        self.head = head
        self.tail = tail
        self.length = length
        self.sourceLine = sourceLine
    }
}

/// Why a diagram is not drawn: shown by the page beside the diagram's code.
public struct DiagramProblem: Error, Sendable, Equatable {
    /// The kinds of problem.
    public enum Reason: Sendable, Equatable {
        /// A mermaid diagram kind that is not drawn (sequenceDiagram, classDiagram, pie, ...).
        case unsupportedKind(String)
        /// The text is not valid for its diagram kind.
        case malformed
        /// There is nothing to draw.
        case empty
        /// The diagram exceeds the size limits of the layout.
        case tooLarge
    }

    /// The kind of problem.
    public var reason: Reason
    /// The line of the diagram's text (1-based) where the problem is, if it has one.
    public var line: Int?
    /// What is wrong, without where: `the arrow after 'A' has no target node`,
    /// `sequenceDiagram diagrams are not supported`.
    public var detail: String

    /// A problem with the given parts.
    public init(reason: Reason, line: Int? = nil, detail: String) {
        self.reason = reason
        self.line = line
        self.detail = detail
    }

    /// The sentence the page shows beside the diagram's code: `line 2: the arrow after 'A' has
    /// no target node` for text that cannot be read, `not drawn: sequenceDiagram diagrams are
    /// not supported` for a diagram that is read but not drawn.
    public var message: String {
        switch reason {
        case .malformed: line.map { "line \($0): " + detail } ?? detail
        case .unsupportedKind, .empty, .tooLarge: "not drawn: " + detail
        }
    }
}
