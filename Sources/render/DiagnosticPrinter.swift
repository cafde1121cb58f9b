import Document
import Foundation
import Rainbow

/// Prints diagnostics as a compiler does: `path:line:column: severity: message`, the source
/// line, a caret under the formula, and a hint. Coloured on a terminal; plain when standard
/// error is not a terminal or `NO_COLOR` is set.
struct DiagnosticPrinter {
    let color: Bool

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
            let line = Substring(ControlCharacters.escaped(String(lines[position.line - 1])))
            let number = String(position.line)
            let gutter = String(repeating: " ", count: number.count)
            text += "\n \(number) | \(line)"
            // Keep tabs so the caret lines up under the source.
            let lead = line.prefix(max(0, position.column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
            // A formula over several lines is underlined to the end of its first line.
            let room = max(1, line.count - (position.column - 1))
            let underline = "^" + String(repeating: "~", count: max(0, min(diagnostic.length, room) - 1))
            text += "\n \(gutter) | " + lead + paint(underline) { $0.green.bold }
        }
        if let hint = diagnostic.hint {
            text += "\n" + paint("hint:") { $0.cyan.bold } + " " + ControlCharacters.escaped(hint)
        }
        for note in diagnostic.related { text += "\n" + format(note, path: path, lines: lines) }
        return text
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
