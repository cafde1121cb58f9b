import Document

/// What a note's cells gave: each cell's output and the diagnostics (compile errors and
/// warnings at the note's positions, and an error on each cell that failed).
public struct CellRun: Sendable, Equatable {
    public var outputs: [CellOutput]
    public var diagnostics: [Diagnostic]
    /// Whether this came from the cache (no compiler was started).
    public var cached: Bool
    /// What the harness printed after the cells, line by line (empty when it was not reached).
    public var checks: [String]

    public init(outputs: [CellOutput], diagnostics: [Diagnostic], cached: Bool = false, checks: [String] = []) {
        self.outputs = outputs
        self.diagnostics = diagnostics
        self.cached = cached
        self.checks = checks
    }

    /// Every cell not run, with no diagnostic.
    public static func notRun(_ cells: [Cell]) -> CellRun {
        CellRun(outputs: cells.map { _ in .notRun }, diagnostics: [])
    }
}

/// The form a run is kept in the cache (Document's Diagnostic is not Codable).
struct StoredRun: Codable {
    struct StoredDiagnostic: Codable {
        var severity: String
        var message: String
        var line: Int
        var column: Int
        var length: Int
    }
    var outputs: [CellOutput]
    var diagnostics: [StoredDiagnostic]
    var checks: [String]

    init(_ run: CellRun) {
        outputs = run.outputs
        checks = run.checks
        diagnostics = run.diagnostics.map {
            StoredDiagnostic(severity: $0.severity.rawValue, message: $0.message, line: $0.position.line, column: $0.position.column, length: $0.length)
        }
    }

    var run: CellRun {
        CellRun(outputs: outputs, diagnostics: diagnostics.map {
            Diagnostic(Diagnostic.Severity(rawValue: $0.severity) ?? .error, $0.message,
                       at: SourcePosition(line: $0.line, column: $0.column), length: $0.length)
        }, cached: true, checks: checks)
    }
}
