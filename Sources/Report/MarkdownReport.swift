import Cells
import Document
import Markup
import Notebook

/// The Markdown report of a note (`output/NAME.md`): the note itself, with a summary at the
/// top, each display formula followed by a compact table of its results, and a table of every
/// check at the end. It renders on GitHub (math included), so a course can be published from
/// the repository itself.
public enum MarkdownReport {
    /// The report as text.
    public static func text(document: Document, result: NoteResult, title: String) -> String {
        String(decoding: bytes(document: document, result: result, title: title), as: UTF8.self)
    }

    /// The report as UTF-8, as it is written to the file.
    /// `cells` are the note's Swift cells with their outputs; each output follows its cell.
    public static func bytes(document: Document, result: NoteResult, title: String,
                             cells: [(cell: Cell, output: CellOutput)] = []) -> [UInt8] {
        // The line of each cell's closing fence (the cell's last code line + 1).
        var cellAfter: [Int: Int] = [:]
        for (position, entry) in cells.enumerated() {
            let lineCount = entry.cell.code.split(separator: "\n", omittingEmptySubsequences: false).count - (entry.cell.code.hasSuffix("\n") ? 1 : 0)
            cellAfter[entry.cell.firstLine + lineCount] = position
        }
        let formulas = document.formulas
        var byFormula: [FormulaID: [Int]] = [:]
        for index in result.statements.indices { byFormula[result.statements[index].formula, default: []].append(index) }
        let numbers = MarkdownSource.equationNumbers(of: formulas)
        let references = MarkdownSource.references(in: document)

        // After which source line each display formula's results go: the first blank line at
        // or after the formula's last line, so a paragraph is never split, or the line before
        // the next item of the list the formula is in. The results carry the formula's
        // containers (list item indentation, quote markers), so a list keeps its numbering.
        var insertions: [Int: [Insertion]] = [:]
        // The line that ends each labelled display formula, and its label.
        var labelLines: [Int: String] = [:]
        // The runs of update rules (§13), after the table of their section's last rule, in its
        // containers.
        var runInsertions: [Int: [(run: Int, prefix: String)]] = [:]
        for math in formulas where math.display {
            let statements = byFormula[math.id] ?? []
            guard !statements.isEmpty || math.label != nil else { continue }
            let lastLine = (math.lineStarts.last?.line ?? math.position.line)
                + (math.delimiter == .dollarBlock || math.delimiter == .fence ? 1 : 0)
            if let label = math.label, lastLine <= document.lines.count { labelLines[lastLine] = label }
            let prefix = math.position.line <= document.lines.count
                ? MarkdownSource.containerPrefix(of: document.lines[math.position.line - 1], before: math.position.column)
                : ""
            var line = lastLine
            while line <= document.lines.count, !MarkdownSource.isBlank(document.lines[line - 1]) {
                if line > lastLine, MarkdownSource.startsItem(document.lines[line - 1], within: prefix) {
                    line -= 1
                    break
                }
                line += 1
            }
            let label = math.label.flatMap { label in numbers[label].map { (label, $0) } }
            insertions[line, default: []].append(Insertion(statements: statements, prefix: prefix, label: label))
            for (index, run) in result.runs.enumerated() where run.formula == math.id {
                runInsertions[line, default: []].append((index, prefix))
            }
        }

        // The summary goes after the front matter and the note's title (an ATX heading on the
        // first line of the body), or at the very top.
        var summaryAfter = document.frontMatter.map { $0.firstLine + $0.lineCount } ?? 0
        if summaryAfter < document.lines.count, document.lines[summaryAfter].hasPrefix("# ") { summaryAfter += 1 }
        var out = MarkdownText(capacity: 4096 + document.lines.reduce(0) { $0 + $1.utf8.count + 1 })
        if summaryAfter == 0 {
            summaryBlock(result: result, title: title, into: &out)
            out.newline()
        }
        for (index, line) in document.lines.enumerated() {
            var line = line
            if let label = labelLines[index + 1] { line = MarkdownSource.droppingLabel(label, from: line) }
            if let found = references[index + 1] {
                out.append(MarkdownSource.linkingReferences(in: line, found, numbers: numbers))
            } else {
                out.append(line)
            }
            out.newline()
            if let position = cellAfter[index + 1] {
                MarkdownText.cellOutput(cells[position].output, index: position,
                                        checks: result.cellChecks.filter { $0.cell == position }, into: &out)
            }
            if index + 1 == summaryAfter {
                out.newline()
                summaryBlock(result: result, title: title, into: &out)
            }
            for insertion in insertions[index + 1] ?? [] {
                // After a blank line the results follow at once; otherwise a blank line first.
                if !MarkdownSource.isBlank(line) { out.blankLine(prefix: insertion.prefix) }
                table(for: insertion, of: result, into: &out)
                out.blankLine(prefix: insertion.prefix)
            }
            for insertion in runInsertions[index + 1] ?? [] {
                runTable(result.runs[insertion.run], prefix: insertion.prefix, into: &out)
                out.blankLine(prefix: insertion.prefix)
            }
        }
        if let position = cellAfter[document.lines.count + 1] {
            // A cell whose fence the note never closes runs to the end: closed here, so that
            // its output is not read as more code.
            out.append("```")
            out.newline()
            MarkdownText.cellOutput(cells[position].output, index: position,
                                    checks: result.cellChecks.filter { $0.cell == position }, into: &out)
        }
        for insertion in insertions[document.lines.count + 1] ?? [] {
            out.blankLine(prefix: insertion.prefix)
            table(for: insertion, of: result, into: &out)
        }
        for insertion in runInsertions[document.lines.count + 1] ?? [] {
            out.blankLine(prefix: insertion.prefix)
            runTable(result.runs[insertion.run], prefix: insertion.prefix, into: &out)
        }
        out.newline()
        gradients(result: result, into: &out)
        checksTable(result: result, into: &out)
        return out.bytes
    }

    /// The results that follow one display formula.
    private struct Insertion {
        /// The formula's statements, by index into the result.
        var statements: [Int]
        /// What each inserted line starts with (see `MarkdownSource.containerPrefix`).
        var prefix: String
        /// The formula's label and number, when it has one: the results carry its anchor.
        var label: (name: String, number: Int)?
    }

    /// The summary quote, ending with a newline.
    private static func summaryBlock(result: NoteResult, title: String, into out: inout MarkdownText) {
        let summary = result.summary
        let words = ResultCards.countWords(summary)
        out.append("> **Derive report** · \(words.statements) · \(words.claims)")
        if summary.claims > 0 {
            out.append(": ✓ \(summary.held) held, ✗ \(summary.failed) failed, ? \(summary.cannotTell) cannot tell")
        }
        if let problems = words.problems { out.append(" · \(problems)") }
        out.newline()
        let problems = result.diagnostics.filter { $0.severity != .note }
        if !problems.isEmpty {
            let names = NamesInText(result.names)
            out.append(">\n> Problems:\n>\n")
            for problem in problems {
                out.append("> - line \(problem.position.line): **\(problem.severity.rawValue)** ")
                out.text(problem.message, names: names, written: result.writtenNames)
                if let hint = problem.hint {
                    out.append(" *")
                    out.text(hint, names: names, written: result.writtenNames)
                    out.append("*")
                }
                out.newline()
            }
        }
        if result.point.count > ResultCards.openPointRows {
            // Closed, as on the page: a long example point would fill the first screen.
            out.append(">\n> <details><summary>\(ResultCards.pointTitle(result.point))</summary>\n>\n")
            out.append("> | name | value | from |\n> |---|---|---|\n")
            for value in result.point {
                out.append("> | `")
                out.cell(value.name)
                out.append("` | \(NumberText.format(value.value)) | \(ResultCards.origin(value.source)) |\n")
            }
            out.append(">\n> </details>\n")
        } else if !result.point.isEmpty {
            out.append(">\n> Example point: ")
            for (index, value) in result.point.enumerated() {
                if index > 0 { out.append(", ") }
                out.append("`")
                out.append(value.name)
                out.append(" = ")
                out.append(NumberText.format(value.value))
                out.append("` (")
                out.append(value.source.word)
                out.append(")")
            }
            out.newline()
        }
    }

    /// A run of update rules: a line with its steps and the loss at the first and last step,
    /// then the table of the steps it kept; each line starts with `prefix`, so that the run
    /// stays in the list item or quote of its rule.
    private static func runTable(_ run: LearningRun, prefix: String, into out: inout MarkdownText) {
        out.append(prefix)
        out.append("**Run:** ")
        out.append(RunHTML.caption(run))
        if let stopped = run.stopped {
            out.append(". ")
            out.cell(stopped)
        }
        out.newline()
        out.blankLine(prefix: prefix)
        out.append(prefix)
        out.append("| step |")
        for name in run.parameters + run.losses {
            out.append(" `")
            out.cell(name)
            out.append("` |")
        }
        out.newline()
        out.append(prefix)
        out.append("|---|" + String(repeating: "---|", count: run.parameters.count + run.losses.count) + "\n")
        for row in run.table {
            out.append(prefix)
            out.append("| \(row.step) |")
            for value in row.parameters + row.losses { out.append(" \(NumberText.format(value)) |") }
            out.append("\n")
        }
    }

    /// The compact results table that follows a display formula, without the columns no row
    /// fills; a labelled formula's anchor and number head its first column.
    private static func table(for insertion: Insertion, of result: NoteResult, into out: inout MarkdownText) {
        let prefix = insertion.prefix
        if insertion.statements.isEmpty {
            // A labelled formula without statements: its anchor alone.
            if let label = insertion.label {
                out.append(prefix)
                out.append("<a name=\"\(label.name)\"></a>equation (\(label.number))\n")
            }
            return
        }
        let rows = insertion.statements.map { result.statements[$0] }
        let hasValue = rows.contains { $0.value != nil || $0.notEvaluated != nil || $0.check?.exampleSides != nil }
        let hasPartials = rows.contains { !$0.partials.isEmpty || $0.partialsOmitted != nil }
        let hasCheck = rows.contains { $0.check != nil }
        out.append(prefix)
        if let label = insertion.label {
            out.append("| <a name=\"\(label.name)\"></a>equation (\(label.number)) |")
        } else {
            out.append("| statement |")
        }
        if hasValue { out.append(" value |") }
        if hasPartials { out.append(" derivatives |") }
        if hasCheck { out.append(" check |") }
        out.newline()
        out.append(prefix)
        out.append("|---|")
        if hasValue { out.append("---|") }
        if hasPartials { out.append("---|") }
        if hasCheck { out.append("---|") }
        out.newline()
        for statement in rows {
            out.append(prefix)
            out.append("| `")
            out.cell(statement.reading ?? statement.tex)
            out.append("` |")
            if hasValue {
                out.append(" ")
                if let value = statement.value {
                    if let name = statement.name {
                        out.cell(name)
                        out.append(" = ")
                    }
                    out.append(NumberText.format(value))
                } else if let reason = statement.notEvaluated {
                    out.append("not evaluated: ")
                    // Escaped twice, as the reports have always written it: a reason quoting
                    // `\|` then reads back as written (a single escape would lose its backslash).
                    out.cell(reason, twice: true)
                } else {
                    sides(of: statement, into: &out)
                }
                out.append(" |")
            }
            if hasPartials {
                out.append(" ")
                for (number, partial) in statement.partials.enumerated() {
                    if number > 0 { out.append(", ") }
                    out.append("∂/∂")
                    out.cell(partial.name)
                    out.append(" = ")
                    out.append(NumberText.format(partial.value))
                }
                if statement.partials.isEmpty, let reason = statement.partialsOmitted { out.cell(reason) }
                out.append(" |")
            }
            if hasCheck {
                out.append(" ")
                verdict(statement.check, into: &out)
                out.append(" |")
            }
            out.newline()
        }
    }

    /// For each sink, its gradient with respect to every leaf (as the page's "Gradients").
    private static func gradients(result: NoteResult, into out: inout MarkdownText) {
        let sinks = result.statements.filter { !$0.gradient.isEmpty && $0.name != nil }
        guard !sinks.isEmpty else { return }
        out.append("## Gradients\n\n")
        for sink in sinks {
            guard let name = sink.name else { continue }
            out.append("| derivative of ")
            out.cell(name)
            out.append(" | at the example point |\n|---|---|\n")
            for entry in sink.gradient {
                out.append("| ∂")
                out.cell(name)
                out.append("/∂")
                out.cell(entry.name)
                out.append(" | ")
                out.append(NumberText.format(entry.value))
                out.append(" |\n")
            }
            out.newline()
        }
    }

    private static func checksTable(result: NoteResult, into out: inout MarkdownText) {
        guard result.statements.contains(where: { $0.check != nil }) else {
            out.append("## Checks\n\nThis note makes no claims.\n")
            return
        }
        out.append("## Checks\n\n| line | claim | at the example point | verdict |\n|---|---|---|---|\n")
        for index in result.statements.indices where result.statements[index].check != nil {
            let statement = result.statements[index]
            out.append("| \(statement.position.line) | `")
            out.cell(statement.reading ?? statement.tex)
            out.append("` | ")
            sides(of: statement, into: &out)
            out.append(" | ")
            verdict(statement.check, into: &out)
            out.append(" |\n")
        }
    }

    /// A claim's sides with their values at the example point, as its card shows them
    /// (`∂L/∂w = 0.0821 on both sides`; `f'(t) = 1.7, 3*t = 2.55`).
    private static func sides(of statement: StatementResult, into out: inout MarkdownText) {
        guard let values = statement.check?.exampleSides else { return }
        for (index, side) in ResultCards.pairedSides(of: statement, values: values).enumerated() {
            if index > 0 { out.append(", ") }
            if let text = side.text {
                out.cell(text)
                out.append(" = ")
            }
            out.append(NumberText.format(side.value))
        }
        if ResultCards.sameOnEverySide(values) { out.append(values.count == 2 ? " on both sides" : " on all \(values.count) sides") }
    }

    private static func verdict(_ check: Check?, into out: inout MarkdownText) {
        guard let check else { return }
        switch check.status {
        case .holds: out.append("✓ ")
        case .fails: out.append("✗ fails: ")
        case .cannotTell: out.append("? cannot tell: ")
        }
        out.cell(check.message)
        if let difference = check.largestDifference, check.status == .holds {
            out.append(", largest difference \(NumberText.format(difference))")
        }
    }

    static func verdict(_ check: Check?) -> String {
        guard let check else { return "" }
        switch check.status {
        case .holds: return "✓ \(check.message)"
        case .fails: return "✗ fails: \(check.message)"
        case .cannotTell: return "? cannot tell: \(check.message)"
        }
    }
}

/// The Markdown report's text as it is written: UTF-8 bytes.
struct MarkdownText: ~Copyable {
    private var buffer: MarkupBuffer

    init(capacity: Int) {
        buffer = MarkupBuffer(capacity: capacity)
    }

    /// The text written so far, as UTF-8.
    var bytes: [UInt8] { buffer.bytes }

    mutating func append(_ text: String) {
        buffer.raw(text)
    }

    mutating func append(_ text: Substring) {
        // A note's lines are slices of one native string: copied as one run of bytes.
        buffer.raw(text)
    }

    mutating func newline() {
        buffer.append(UInt8(ascii: "\n"))
    }

    /// Text as Markdown reads it back: ASCII punctuation that could start markup
    /// backslash-escaped, line breaks as spaces, and an `@eq-label` as inline code (GitHub
    /// would link it to a user).
    mutating func text(_ text: String) {
        var escaped = ""
        for part in EquationReferenceSyntax.split(text) {
            if let label = part.label {
                escaped += "`@\(label)`"
                continue
            }
            for character in part.text {
                if character.isNewline {
                    escaped.append(" ")
                } else {
                    if "\\`*_[]<>|~#!&".contains(character) { escaped.append("\\") }
                    escaped.append(character)
                }
            }
        }
        buffer.raw(escaped)
    }

    /// A diagnostic's text (see `text(_:)`) with the names `names` finds in it as inline code,
    /// in the TeX the note wrote them in (`written`), else as read: `` `y_{pred}` ``.
    mutating func text(_ text: String, names: NamesInText, written: [String: String]) {
        for segment in names.segments(of: text) {
            switch segment {
            case .text(let text): self.text(text)
            case .name(let name):
                append("`")
                cell(written[name] ?? name)
                append("`")
            }
        }
    }

    /// A blank line inside the containers `prefix` opens (a quote's `>`; no trailing blanks).
    mutating func blankLine(prefix: String) {
        var trimmed = Substring(prefix)
        while trimmed.last == " " || trimmed.last == "\t" { trimmed = trimmed.dropLast() }
        buffer.raw(trimmed)
        newline()
    }

    /// Text safe inside a table cell and inline code: pipes escaped (`\|`, or `\\|` when
    /// escaped `twice`), newlines as spaces, backticks as apostrophes.
    mutating func cell(_ text: String, twice: Bool = false) {
        buffer.markdownCellEscaped(text, twice: twice)
    }

    /// A cell's output as a `text` fence (standard error marked), or "not run", and its problem.
    /// `checks` are the verdicts on its functions (docs/note-language.md §12).
    static func cellOutput(_ output: CellOutput, index: Int, checks: [CellCheck] = [], into out: inout MarkdownText) {
        out.newline()
        var text = ""
        switch output.status {
        case .notRun:
            text = "*Cell \(index + 1): not run\(output.problem.map { ": " + $0 } ?? "").*\n"
            out.append(Substring(text))
            return
        case .ran, .failed:
            let fence = String(repeating: "`", count: max(3, longestRun(of: "`", in: output.stdout + output.stderr) + 1))
            if !output.stdout.isEmpty {
                text += "Output of cell \(index + 1):\n\n\(fence)text\n\(output.stdout)\(output.stdout.hasSuffix("\n") ? "" : "\n")\(fence)\n"
            }
            if !output.stderr.isEmpty {
                if !text.isEmpty { text += "\n" }
                text += "Standard error of cell \(index + 1):\n\n\(fence)text\n\(output.stderr)\(output.stderr.hasSuffix("\n") ? "" : "\n")\(fence)\n"
            }
        }
        if let problem = output.problem {
            if !text.isEmpty { text += "\n" }
            text += "**✗ cell \(index + 1) \(problem)**\n"
        }
        if text.isEmpty { text = "*Cell \(index + 1) printed nothing.*\n" }
        for check in checks {
            text += "\n" + (check.holds ? "✓ `\(check.function)` \(check.text)\n" : "**✗ `\(check.function)` \(check.text)**\n")
        }
        out.append(Substring(text))
    }

    private static func longestRun(of character: Character, in text: String) -> Int {
        var best = 0, run = 0
        for c in text { run = c == character ? run + 1 : 0; best = max(best, run) }
        return best
    }
}
