/// A problem found in a note, reported as `path:line:column: severity: message`.
public struct Diagnostic: Sendable, Equatable, Hashable {
    /// How bad it is. Errors fail a build; warnings do under `--strict`.
    public enum Severity: String, Sendable, Equatable, Hashable, Comparable {
        case error
        case warning
        case note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    public var message: String
    public var position: SourcePosition
    /// How many columns the caret underline spans (at least 1).
    public var length: Int
    /// A suggestion of what to do about it, printed on its own line.
    public var hint: String?
    /// Notes at other places that explain it (`note: L is declared here, but never defined`),
    /// printed after it, as a compiler does.
    public var related: [Diagnostic]

    public init(
        _ severity: Severity, _ message: String, at position: SourcePosition, length: Int = 1,
        hint: String? = nil, related: [Diagnostic] = []
    ) {
        self.severity = severity
        self.message = message
        self.position = position
        self.length = max(1, length)
        self.hint = hint
        self.related = related
    }
}
