import Foundation

/// Where `render` talks to its user: errors and diagnostics on standard error, the summary
/// line on standard output.
struct Console {
    /// Writes a line to standard error.
    static func standardError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// An error that stops a note or the run: `render: error: ...`.
    func error(_ message: String) {
        Self.standardError("render: error: \(message)")
    }

    /// The one line that ends a run.
    func summary(_ line: String) {
        print(line)
    }
}
