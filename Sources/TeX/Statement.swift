import Calculus

/// What a formula says, read from its TeX (docs/note-language.md §2): one `Statement` per
/// statement (formulas hold several, separated at top level by `,`, `;`, `\quad`, `\qquad` or
/// `\\`), each expanded once per index when it uses an index range (`w_{1..2}`).
///
/// Names are canonical strings: `x_1`, `w_12` (from `w_{12}`), `y_true` (from `y_{true}` or
/// `y_\text{true}`), Greek letters as Unicode (`η` from `\eta`), decorations kept (`w_5^+`,
/// `W^(1)`, `x^*`). Built-in functions use Calculus's names (`sigmoid`, `exp`, `ln`...).
public struct Statement: Sendable, Equatable {
    /// The kinds of docs/note-language.md §2.
    public enum Kind: String, Sendable, Equatable {
        /// `x_1 = 0.05`, `\eta = 10^{-2}`: a name and a closed constant expression.
        case binding
        /// `n_1 = x_1 w_1 + b_1`, `f(x) = ...`, and `f(x) = e_1 = e_2` (claims e_1 = e_2).
        case definition
        /// A chain of relations whose left side is not a definable head.
        case claim
        /// A function head alone: `L(w_1, \ldots, b_3)`.
        case declaration
        /// No relation: evaluated and shown.
        case expression
        /// Outside what is evaluated; `reason` says why.
        case prose
        /// An equality or inequality that says where the claims beside it hold (`x > 0` after
        /// `\text{for }` or after "for" in the text, docs/note-language.md §5): neither a binding
        /// nor a claim. The reader never makes it; the notebook does, from the words around.
        case condition
        /// `w_1 \leftarrow w_1 - \eta g` (also `\gets`, `:=`): an update rule of the learning
        /// cycle (docs/note-language.md §13). `head` is the updated name, `sides` its new value.
        case update
    }

    public var kind: Kind
    /// A leading `label:` (kept for display), if any.
    public var label: String?
    /// The defined, bound or declared name and its parameters (`nil` for claims, expressions
    /// and prose; `parameters` is empty for a symbol).
    public var head: Head?
    /// The expressions of the statement, left to right: for a definition or binding, its body
    /// then any further sides it claims equal; for a claim, every side of the chain; for an
    /// expression, the expression; empty for a declaration and prose.
    public var sides: [Expression]
    /// The relation between `sides[k]` and `sides[k + 1]`.
    public var relations: [Relation]
    /// The TeX byte range of each side (for diagnostics, and the digits written after `\approx`).
    public var sideRanges: [Range<Int>]
    /// The TeX byte range of the whole statement.
    public var range: Range<Int>
    /// The TeX byte range before the first side: the head of a definition or binding.
    public var headRange: Range<Int> { range.lowerBound..<(sideRanges.first?.lowerBound ?? range.lowerBound) }
    /// For a statement expanded from an index range, the index it was expanded for.
    public var index: Int?
    /// For an instance of a general form, the values of its letters (`i = 1, j = 2`).
    public var instance: String?
    /// For prose: why it is not evaluated (`\int is not evaluated`). Prose that is a claim in
    /// form (`\int_0^1 x\,dx = \frac{1}{2}`) keeps its `relations`, and no sides.
    public var reason: String?
    /// For prose: the TeX byte range of the part that made it so (the `\sum` over too many
    /// terms, an unknown command), where one part did; diagnostics point there.
    public var culprit: Range<Int>?
    /// The word of the text command written just before the statement in its formula
    /// (`if` in `a = b \quad \text{if } c = 1`), lowercased; nil after `,`, `\quad`….
    public var introducedBy: String?

    public init(kind: Kind, label: String? = nil, head: Head? = nil, sides: [Expression] = [],
                relations: [Relation] = [], sideRanges: [Range<Int>] = [], range: Range<Int>,
                index: Int? = nil, reason: String? = nil, culprit: Range<Int>? = nil)
    {
        self.kind = kind
        self.label = label
        self.head = head
        self.sides = sides
        self.relations = relations
        self.sideRanges = sideRanges
        self.range = range
        self.index = index
        self.reason = reason
        self.culprit = culprit
    }
}

/// The left side of a definition: a name, with parameters for a function.
public struct Head: Sendable, Equatable, Hashable {
    public var name: String
    /// Parameter names; empty for a symbol (`n_1 = ...`).
    public var parameters: [String]
    /// Whether it was written with parentheses (`f(x)`), even with no parameters.
    public var isFunction: Bool { !parameters.isEmpty }

    public init(name: String, parameters: [String] = []) {
        self.name = name
        self.parameters = parameters
    }
}

/// How two neighbouring sides of a chain are related.
public enum Relation: String, Sendable, Equatable {
    case equal = "="
    case approximately = "≈"
    case less = "<"
    case lessOrEqual = "≤"
    case greater = ">"
    case greaterOrEqual = "≥"
    case notEqual = "≠"
}

/// The left side of a definition or binding, as found before the full reading.
public struct HeadDeclaration: Sendable, Equatable {
    public var head: Head
    /// The word of the text command just before the statement (see `Statement.introducedBy`).
    public var introducedBy: String?
    /// The right side of a head without parameters, read only when `isBinding` is asked
    /// (most callers ask only about the few names that could shadow a built-in).
    private let body: (nodes: ArraySlice<Node>, source: [UInt8])?
    /// `isBinding` when there is no body to read.
    private let knownBinding: Bool
    /// Whether the head is a variance, `\sigma^2` (`\sigma_B^2`), which defines the standard
    /// deviation `σ` as the root of its body (docs/note-language.md §2).
    public var squared = false

    /// Whether the right side is a closed constant (`x_1 = 0.05`, `\eta = 10^{-2}`).
    public var isBinding: Bool {
        guard let body else { return knownBinding }
        return FormulaReader.writesClosedConstant(body.nodes, source: body.source)
    }

    /// The body's value when it is a whole number written as one (`L = 3`), for a name that
    /// may be a layer index (docs/note-language.md §3); `nil` otherwise.
    public var wholeNumber: Int? {
        guard let body, head.parameters.isEmpty, body.nodes.count <= 2 else { return nil }
        var reader = ExpressionReader(source: body.source, scope: ReadingScope())
        guard case .number(let value)? = try? reader.expression(body.nodes), value == value.rounded(),
            abs(value) < 1000
        else { return nil }
        return Int(value)
    }

    public init(head: Head, isBinding: Bool) {
        self.head = head
        self.body = nil
        self.knownBinding = isBinding
    }

    /// The head of `head = body`, whose binding is read from `body` when asked.
    init(head: Head, body: ArraySlice<Node>, source: [UInt8]) {
        self.head = head
        self.body = (body, source)
        self.knownBinding = false
    }

    public static func == (first: HeadDeclaration, second: HeadDeclaration) -> Bool {
        first.head == second.head && first.isBinding == second.isBinding
    }
}

/// The reading of one formula: its statements and what went wrong reading it.
public struct FormulaReading: Sendable, Equatable {
    public var statements: [Statement]
    public var diagnostics: [TeXDiagnostic]

    public init(statements: [Statement], diagnostics: [TeXDiagnostic]) {
        self.statements = statements
        self.diagnostics = diagnostics
    }
}
