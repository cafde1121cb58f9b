import Document
import Foundation
import Rainbow

/// Prints diagnostics as a compiler does: `path:line:column: severity: message`, the source
/// line, a caret under the formula, and a hint. Coloured on a terminal; plain when standard
/// error is not a terminal or `NO_COLOR` is set.
struct DiagnosticPrinter {
    let color: Bool
    /// The Unicode scalars of the last long line shown, for the next diagnostic on it.
    private let longLine = LongLine()

    /// A source line longer than this (in Unicode scalars) is shown as this much of it around
    /// the column, `…` where it is cut: n diagnostics on one line of n formulas printed the
    /// whole line each (quadratic output; found by fuzzing).
    static let shownWidth = 120

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        color = !noColor && isatty(STDERR_FILENO) != 0
    }

    init(color: Bool) {
        self.color = color
    }

    /// The lines for one diagnostic in a note at `path` whose lines are `lines`.
    /// Control characters in the path, the message and the source line are shown escaped
    /// (`\u{1b}`), never sent to the terminal.
    func format(_ diagnostic: Diagnostic, path: String, lines: [Substring]) -> String {
        let path = ControlCharacters.escaped(path)
        let position = diagnostic.position
        let severity = diagnostic.severity.rawValue + ":"
        let coloredSeverity: String
        switch diagnostic.severity {
        case .error: coloredSeverity = paint(severity) { $0.red.bold }
        case .warning: coloredSeverity = paint(severity) { $0.yellow.bold }
        case .note: coloredSeverity = paint(severity) { $0.cyan.bold }
        }
        var text = paint("\(path):\(position.line):\(position.column):") { $0.bold }
        text += " \(coloredSeverity) " + paint(ControlCharacters.escaped(diagnostic.message)) { $0.bold }
        if position.line >= 1, position.line <= lines.count {
            let (shown, column) = window(of: lines[position.line - 1], line: position.line, path: path,
                                         column: max(0, position.column - 1))
            let line = Substring(ControlCharacters.escaped(shown))
            let number = String(position.line)
            let gutter = String(repeating: " ", count: number.count)
            text += "\n \(number) | \(line)"
            // Keep tabs so the caret lines up under the source.
            let lead = line.prefix(column).map { $0 == "\t" ? "\t" : " " }.joined()
            // A formula over several lines is underlined to the end of its first line.
            let room = max(1, line.count - column)
            let underline = "^" + String(repeating: "~", count: max(0, min(diagnostic.length, room) - 1))
            text += "\n \(gutter) | " + lead + paint(underline) { $0.green.bold }
        }
        if let hint = diagnostic.hint {
            text += "\n" + paint("hint:") { $0.cyan.bold } + " " + ControlCharacters.escaped(hint)
        }
        for note in diagnostic.related { text += "\n" + format(note, path: path, lines: lines) }
        return text
    }

    /// The part of `line` shown, and the column (0-based, in it) that the caret is under: all of
    /// a line of at most `shownWidth` scalars, else `shownWidth` of them around the column.
    private func window(of line: Substring, line number: Int, path: String, column: Int) -> (String, Int) {
        guard line.utf8.count > Self.shownWidth else { return (String(line), column) }
        let scalars = longLine.scalars(of: line, key: "\(number):\(path)")
        guard scalars.count > Self.shownWidth else { return (String(line), column) }
        let start = max(0, min(column - Self.shownWidth / 3, scalars.count - Self.shownWidth))
        let end = min(scalars.count, start + Self.shownWidth)
        var shown = String(String.UnicodeScalarView(scalars[start..<end]))
        if end < scalars.count { shown += "…" }
        return start > 0 ? ("…" + shown, column - start + 1) : (shown, column - start)
    }

    /// The scalars of the last long line asked for, kept for the diagnostics after it on the
    /// same line (they come in order of position). A run makes one printer and formats its
    /// diagnostics one after another, so a path and a line number name one line's text.
    private final class LongLine: @unchecked Sendable {
        private var key = ""
        private var scalars: [Unicode.Scalar] = []

        func scalars(of line: Substring, key: String) -> [Unicode.Scalar] {
            if key != self.key {
                self.key = key
                scalars = Array(line.unicodeScalars)
            }
            return scalars
        }
    }

    /// A GitHub Actions annotation (`::error file=...,line=...,col=...::message`).
    static func githubAnnotation(_ diagnostic: Diagnostic, path: String) -> String {
        let command = diagnostic.severity == .error ? "error" : (diagnostic.severity == .warning ? "warning" : "notice")
        let message = diagnostic.message + (diagnostic.hint.map { "\nhint: " + $0 } ?? "")
            + diagnostic.related.map { "\nnote: line \($0.position.line): " + $0.message }.joined()
        let path = ControlCharacters.escaped(path)
        return "::\(command) file=\(escapeProperty(path)),line=\(diagnostic.position.line),"
            + "col=\(diagnostic.position.column)::\(escapeData(message))"
    }

    private static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    private func paint(_ text: String, _ style: (String) -> String) -> String {
        color ? style(text) : text
    }
}
