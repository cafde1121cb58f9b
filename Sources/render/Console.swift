import Foundation

/// Where `render` talks to its user: errors and diagnostics on standard error, the summary
/// line on standard output.
struct Console {
    /// Writes a line to standard error.
    static func standardError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// An error that stops a note or the run: `render: error: ...`. Control characters in it
    /// (from a file name) are shown escaped, never sent to the terminal.
    func error(_ message: String) {
        Self.standardError("render: error: \(ControlCharacters.escaped(message))")
    }

    /// The one line that ends a run (and each line of `--watch`: sent at once, not buffered,
    /// so that a pipe or a log sees each rebuild as it ends).
    func summary(_ line: String) {
        print(ControlCharacters.escaped(line))
        fflush(nil)  // every stream: `stdout` itself is shared mutable state to Swift 6
    }
}
