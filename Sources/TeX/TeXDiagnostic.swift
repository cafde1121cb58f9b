/// A span of a formula's TeX source: half-open UTF-8 byte offsets into the string that was
/// parsed (`0` is the first byte of the formula, not of the file it came from).
public typealias SourceRange = Range<Int>

/// A problem found while reading a formula. Malformed TeX never stops parsing: the formula
/// still renders as far as it can, and each problem becomes one diagnostic.
public struct TeXDiagnostic: Hashable, Sendable, CustomStringConvertible {
    /// How bad a problem is.
    public enum Severity: String, Hashable, Sendable {
        /// The formula renders, but not as written (an unknown command).
        case warning
        /// The formula cannot be read as written: an unbalanced brace, nesting too deep.
        case error
    }

    /// How bad the problem is.
    public var severity: Severity
    /// A one-line description for a person, e.g. `unknown command \foo`.
    public var message: String
    /// Where in the formula's TeX source the problem is (UTF-8 byte offsets).
    public var range: SourceRange

    /// Makes a diagnostic.
    public init(severity: Severity, message: String, range: SourceRange) {
        self.severity = severity
        self.message = message
        self.range = range
    }

    /// `warning 3..<7: unknown command \foo`.
    public var description: String {
        "\(severity.rawValue) \(range.lowerBound)..<\(range.upperBound): \(message)"
    }
}
