import Document
import Notebook

/// The Markdown report of a note (`output/NAME.md`): the note itself, with a summary at the
/// top, each display formula followed by a compact table of its results, and a table of every
/// check at the end. It renders on GitHub (math included), so a course can be published from
/// the repository itself.
public enum MarkdownReport {
    public static func text(document: Document, result: NoteResult, title: String) -> String {
        let formulas = document.formulas
        var byFormula: [Int: [StatementResult]] = [:]
        for statement in result.statements { byFormula[statement.formula, default: []].append(statement) }

        // After which source line each display formula's table goes: the first blank line at
        // or after the formula's last line, so a paragraph is never split.
        var insertions: [Int: [String]] = [:]
        for (index, math) in formulas.enumerated() where math.display {
            guard let statements = byFormula[index], !statements.isEmpty else { continue }
            let lastLine = (math.lineStarts.last?.line ?? math.position.line)
                + (math.delimiter == .dollarBlock || math.delimiter == .fence ? 1 : 0)
            var line = lastLine
            while line <= document.lines.count, !document.lines[line - 1].allSatisfy({ $0 == " " || $0 == "\t" }) {
                line += 1
            }
            insertions[line, default: []].append(table(for: statements))
        }

        // The summary goes after the front matter and the note's title (an ATX heading on the
        // first line of the body), or at the very top.
        var summaryAfter = document.frontMatter.map { $0.firstLine + $0.lineCount } ?? 0
        if summaryAfter < document.lines.count, document.lines[summaryAfter].hasPrefix("# ") { summaryAfter += 1 }
        var out = summaryAfter == 0 ? summaryBlock(result: result, title: title) : ""
        out.reserveCapacity(4096 + document.lines.reduce(0) { $0 + $1.utf8.count + 1 })
        for (index, line) in document.lines.enumerated() {
            out += line
            out += "\n"
            if index + 1 == summaryAfter { out += "\n" + summaryBlock(result: result, title: title).dropLast() }
            if let tables = insertions[index + 1] {
                // The insertion line is blank: the table follows it and is closed by a blank line.
                for table in tables { out += table + "\n" }
            }
        }
        if let tables = insertions[document.lines.count + 1] {
            for table in tables { out += "\n" + table }
        }
        out += "\n" + checksTable(result: result)
        return out
    }

    private static func summaryBlock(result: NoteResult, title: String) -> String {
        let summary = result.summary
        var out = "> **Derive report** · \(summary.statements) statements, \(summary.evaluated) evaluated · "
        out += "claims: \(summary.held) ✓ held, \(summary.failed) ✗ failed, \(summary.cannotTell) ? cannot tell"
        out += " · \(summary.errors) errors, \(summary.warnings) warnings\n"
        if !result.point.isEmpty {
            out += ">\n> Example point: "
            out += result.point.map { "`\($0.name) = \(NumberText.format($0.value))` (\($0.source.word))" }
                .joined(separator: ", ")
            out += "\n"
        }
        return out + "\n"
    }

    /// The compact results table that follows a display formula.
    static func table(for statements: [StatementResult]) -> String {
        var out = "| statement | value | derivatives | check |\n|---|---|---|---|\n"
        for statement in statements {
            let reading = statement.reading.map { "`\(cell($0))`" } ?? "`\(cell(statement.tex))`"
            let value = statement.value.map { "\(statement.name.map { "\($0) = " } ?? "")\(NumberText.format($0))" }
                ?? (statement.notEvaluated.map { "not evaluated: \(cell($0))" } ?? "")
            let partials = statement.partials.map { "∂/∂\($0.name) = \(NumberText.format($0.value))" }
                .joined(separator: ", ")
            out += "| \(reading) | \(cell(value)) | \(cell(partials)) | \(cell(verdict(statement.check))) |\n"
        }
        return out
    }

    private static func checksTable(result: NoteResult) -> String {
        let claims = result.statements.filter { $0.check != nil }
        guard !claims.isEmpty else { return "## Checks\n\nThis note makes no claims.\n" }
        var out = "## Checks\n\n| line | claim | verdict |\n|---|---|---|\n"
        for statement in claims {
            out += "| \(statement.position.line) | `\(cell(statement.reading ?? statement.tex))` "
                + "| \(cell(verdict(statement.check))) |\n"
        }
        return out
    }

    static func verdict(_ check: Check?) -> String {
        guard let check else { return "" }
        switch check.status {
        case .holds: return "✓ \(check.message)"
        case .fails: return "✗ fails: \(check.message)"
        case .cannotTell: return "? cannot tell: \(check.message)"
        }
    }

    /// Text safe inside a table cell and inline code: no pipes or newlines, no backticks.
    private static func cell(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "`") })
        else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for character in text.unicodeScalars {
            switch character {
            case "|": out += "\\|"
            case "\n": out += " "
            case "`": out += "'"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
