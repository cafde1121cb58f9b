import Document
import Foundation
import Markup
import Notebook
import TeX

/// The HTML pieces that show what Derive computed: the header, result cards, badges, plots and
/// gradient tables.
enum ResultCards {
    // MARK: - Names and numbers

    /// A name as HTML: `n_1` → n<sub>1</sub>, `w_5^+` → w<sub>5</sub><sup>+</sup>, `m_{t-1}` →
    /// m<sub>t-1</sub>.
    static func name(_ name: String, into html: inout MarkupBuffer) {
        var name = name
        name.withUTF8 { utf8 in
            let caret = utf8.firstIndex(of: UInt8(ascii: "^")) ?? utf8.endIndex
            let underscore = utf8[..<caret].firstIndex(of: UInt8(ascii: "_")) ?? caret
            html.raw("<var>")
            html.escaped(utf8: UnsafeBufferPointer(rebasing: utf8[..<underscore]))
            html.raw("</var>")
            if underscore < caret {
                // A shifted subscript keeps its braces in the name (`m_{t-1}`), not on the page.
                var sub = (underscore + 1)..<caret
                if sub.count >= 2, utf8[sub.lowerBound] == UInt8(ascii: "{"), utf8[sub.upperBound - 1] == UInt8(ascii: "}") {
                    sub = (sub.lowerBound + 1)..<(sub.upperBound - 1)
                }
                html.raw("<sub>")
                html.escaped(utf8: UnsafeBufferPointer(rebasing: utf8[sub]))
                html.raw("</sub>")
            }
            if caret < utf8.endIndex {
                html.raw("<sup>")
                html.escaped(utf8: UnsafeBufferPointer(rebasing: utf8[(caret + 1)...]))
                html.raw("</sup>")
            }
        }
    }

    /// A diagnostic's text with the note's `names` in it shown as names (`y_pred` as
    /// y<sub>pred</sub>, as the note's `y_{pred}` reads).
    static func text(_ text: String, names: NamesInText, into html: inout MarkupBuffer) {
        for segment in names.segments(of: text) {
            switch segment {
            case .text(let text): html.escaped(text)
            case .name(let found): name(found, into: &html)
            }
        }
    }

    /// A problem's message, then its hint in italics, with the note's `names` shown as names.
    static func message(of problem: Diagnostic, names: NamesInText, into html: inout MarkupBuffer) {
        text(problem.message, names: names, into: &html)
        if let hint = problem.hint {
            html.raw(" <em>")
            text(hint, names: names, into: &html)
            html.raw("</em>")
        }
    }

    /// A number as the page shows it, with a true minus sign.
    static func number(_ value: Double, into html: inout MarkupBuffer) {
        html.raw("<span class=\"number\">")
        html.escaped(displayText(value))
        html.raw("</span>")
    }

    /// A number's text with true minus signs (`−0.5`, `1e−7`).
    static func displayText(_ value: Double) -> String {
        let text = NumberText.format(value)
        guard text.utf8.contains(UInt8(ascii: "-")) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 4)
        for byte in text.utf8 {
            if byte == UInt8(ascii: "-") { bytes.append(contentsOf: "\u{2212}".utf8) } else { bytes.append(byte) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: - Header

    /// How many rows the example point may have and still be shown open: more would fill the
    /// first screen.
    static let openPointRows = 6

    /// The counts in plain words: `63 statements, all evaluated`, `1 error, 2 warnings`.
    static func countWords(_ summary: Summary) -> (statements: String, claims: String, problems: String?) {
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        let evaluated = summary.evaluated == summary.statements
            ? (summary.statements == 1 ? "evaluated" : summary.statements == 2 ? "both evaluated" : "all evaluated")
            : summary.evaluated == 0 ? "none evaluated" : "\(summary.evaluated) evaluated"
        let statements = summary.statements == 0 ? "no statements" : "\(plural(summary.statements, "statement")), \(evaluated)"
        let claims = summary.claims == 0 ? "no claims" : plural(summary.claims, "claim")
        var problems: [String] = []
        if summary.errors > 0 { problems.append(plural(summary.errors, "error")) }
        if summary.warnings > 0 { problems.append(plural(summary.warnings, "warning")) }
        return (statements, claims, problems.isEmpty ? nil : problems.joined(separator: ", "))
    }

    /// The note's summary, its problems, and its example point (closed when it has more than
    /// `openPointRows` rows).
    /// `anchor` gives the id a problem's link goes to (its formula's, or the first on its line).
    static func header(result: NoteResult, anchor: (Diagnostic) -> String?, names: NamesInText,
                       into html: inout MarkupBuffer) {
        let summary = result.summary
        let words = countWords(summary)
        html.raw("<section class=\"summary\" aria-label=\"What Derive checked\">\n<p class=\"counts\">")
        html.raw("<span>\(words.statements)</span> · <span>\(words.claims)</span>")
        if summary.claims > 0 {
            html.raw(": <span class=\"verdict holds\">✓ \(summary.held) held</span> ")
            html.raw("<span class=\"verdict fails\">✗ \(summary.failed) failed</span> ")
            html.raw("<span class=\"verdict cannot-tell\">? \(summary.cannotTell) cannot tell</span>")
        }
        if let problems = words.problems {
            html.raw(" · <span>\(problems)</span>")
        }
        html.raw("</p>\n")
        let problems = result.diagnostics.filter { $0.severity != .note }
        if !problems.isEmpty {
            html.raw("<details class=\"problems\" open><summary>Problems</summary>\n<ul>\n")
            for problem in problems {
                html.raw("<li class=\"\(problem.severity.rawValue)\">")
                if let anchor = anchor(problem) {
                    html.raw("<a href=\"#")
                    html.escaped(anchor)
                    html.raw("\">line \(problem.position.line)</a>: ")
                } else {
                    html.raw("line \(problem.position.line): ")
                }
                html.raw("<strong>\(problem.severity.rawValue)</strong> ")
                message(of: problem, names: names, into: &html)
                html.raw("</li>\n")
            }
            html.raw("</ul>\n</details>\n")
        }
        if !result.point.isEmpty {
            let open = result.point.count <= openPointRows ? " open" : ""
            html.raw("<details class=\"point\"\(open)><summary>")
            html.raw(pointTitle(result.point))
            html.raw("</summary>\n<table>\n")
            html.raw("<thead><tr><th scope=\"col\">name</th><th scope=\"col\">value</th><th scope=\"col\">from</th></tr></thead>\n<tbody>\n")
            for value in result.point {
                html.raw("<tr><td>")
                name(value.name, into: &html)
                html.raw("</td><td>")
                number(value.value, into: &html)
                html.raw("</td><td class=\"source \(value.source == .sampled ? "sampled" : "given")\">")
                html.escaped(origin(value.source))
                html.raw("</td></tr>\n")
            }
            html.raw("</tbody>\n</table>\n</details>\n")
        }
        html.raw("</section>\n")
    }

    /// The example point's title: `Example point (12 values, 1 sampled)`.
    static func pointTitle(_ point: [PointValue]) -> String {
        var title = "Example point (\(point.count) \(point.count == 1 ? "value" : "values")"
        let sampled = point.filter { $0.source == .sampled }.count
        if sampled > 0 { title += ", \(sampled == point.count ? "all" : String(sampled)) sampled" }
        return title + ")"
    }

    /// Where a value of the example point came from: `note, line 3`, `sampled`, `--set`.
    static func origin(_ source: PointValue.Source) -> String {
        if case .note(let line) = source { return "note, line \(line)" }
        return source.word
    }

    // MARK: - Cards and badges

    /// What cards need to know of the whole note.
    struct CardContext {
        /// Finds the note's names in a diagnostic's text, to show them as names.
        var names = NamesInText([])
        /// Each sink's gradient, by the sink's name; a name two sections give two sinks is left
        /// out (a claim's side would not say which).
        var sinks: [String: [(name: String, value: Double)]] = [:]

        init() {}

        init(result: NoteResult) {
            names = NamesInText(result.diagnostics.isEmpty ? [] : result.names)
            var twice = Set<String>()
            for statement in result.statements where !statement.gradient.isEmpty {
                guard let name = statement.name else { continue }
                if sinks.updateValue(statement.gradient, forKey: name) != nil { twice.insert(name) }
            }
            for name in twice { sinks[name] = nil }
        }
    }

    /// The card after a display formula: value, partials, verdict, reading.
    static func card(for statements: [StatementResult], anchor: String, context: CardContext = CardContext(),
                     into html: inout MarkupBuffer) {
        html.newlineIfNeeded()
        html.raw("<aside class=\"card\" aria-label=\"Results of the formula above\">\n")
        for (position, statement) in statements.enumerated() {
            self.statement(statement, id: anchor + "-\(position + 1)", context: context, into: &html)
        }
        html.raw("</aside>\n")
    }

    /// The card after a paragraph whose inline formulas make claims or have problems: each such
    /// statement as written (linked to its formula in the paragraph), then its numbers, verdict
    /// and problems as a display formula's card gives them. The paragraph reads on undisturbed.
    static func inlineCard(for formulas: [(anchor: String, statements: [StatementResult])], context: CardContext,
                           into html: inout MarkupBuffer) {
        html.newlineIfNeeded()
        html.raw("<aside class=\"card inline\" aria-label=\"Claims and problems of the paragraph above\">\n")
        let mathML = MathMLCache.current
        for formula in formulas {
            for (position, statement) in formula.statements.enumerated() {
                Self.statement(statement, id: formula.anchor + "-\(position + 1)", context: context, into: &html) { html in
                    html.raw("<a class=\"claim\" href=\"#")
                    html.escaped(formula.anchor)
                    html.raw("\" title=\"line \(statement.position.line) of the note\">")
                    mathML.write(tex: statement.tex, display: .inline, tree: { Formula.parse(statement.tex) }, into: &html)
                    html.raw("</a>")
                }
            }
        }
        html.raw("</aside>\n")
    }

    /// Whether a statement of an inline formula gets a card: it makes a claim, or it has an
    /// error or a warning.
    static func needsInlineCard(_ statement: StatementResult) -> Bool {
        statement.check != nil || statement.diagnostics.contains { $0.severity != .note }
    }

    /// One statement of a card: `head` (if any) first, then value, partials, sides, verdict,
    /// what it is, problems and reading.
    private static func statement(_ statement: StatementResult, id: String, context: CardContext,
                                  into html: inout MarkupBuffer, head: ((inout MarkupBuffer) -> Void)? = nil) {
        html.raw("<div class=\"statement \(statement.kind.rawValue)\" id=\"")
        html.escaped(id)
        html.raw("\">")
        head?(&html)
        let names = context.names
        if let index = statement.index {
            html.raw("<span class=\"index\">index \(index)</span>")
        }
        if let value = statement.value {
            html.raw("<span class=\"value\">")
            if let label = statement.name {
                name(label, into: &html)
                html.raw(" = ")
            }
            number(value, into: &html)
            html.raw("</span>")
        }
        if !statement.partials.isEmpty {
            html.raw("<span class=\"partials\">")
            for (index, partial) in statement.partials.enumerated() {
                if index > 0 { html.raw(", ") }
                html.raw("∂")
                if let label = statement.name { name(label, into: &html) }
                html.raw("/∂")
                name(partial.name, into: &html)
                html.raw(" = ")
                number(partial.value, into: &html)
            }
            html.raw("</span>")
        } else if let reason = statement.partialsOmitted {
            html.raw("<span class=\"partials\">∂ ")
            html.escaped(reason)
            html.raw("</span>")
        }
        if let check = statement.check, let sides = check.exampleSides {
            html.raw("<span class=\"sides\">")
            for (index, side) in pairedSides(of: statement, values: sides).enumerated() {
                if index > 0 { html.raw(", ") }
                // Under the claim as written (an inline card), a value on every side needs no text.
                if let text = side.text, head == nil || !sameOnEverySide(sides) {
                    html.raw("<code>")
                    html.escaped(text)
                    html.raw("</code> = ")
                }
                number(side.value, into: &html)
            }
            html.raw(" \(sameOnEverySide(sides) ? "on \(sides.count == 2 ? "both" : "all \(sides.count)") sides " : "")at the example point</span>")
        }
        if let check = statement.check {
            verdict(check, names: names, into: &html)
            if let difference = check.largestDifference, check.status == .holds {
                html.raw("<span class=\"difference\">largest difference between the sides ")
                number(difference, into: &html)
                html.raw("</span>")
            }
            if let entry = gradientEntry(of: statement, sinks: context.sinks) {
                html.raw("<a class=\"gradient-value\" href=\"#")
                html.escaped(gradientAnchor(entry.sink))
                html.raw("\">the gradient's ∂")
                name(entry.sink, into: &html)
                html.raw("/∂")
                name(entry.leaf, into: &html)
                html.raw(" = ")
                number(entry.value, into: &html)
                html.raw("</a>")
            }
        }
        if let reason = statement.notEvaluated {
            html.raw("<span class=\"verdict not-evaluated\">not evaluated: ")
            html.escaped(reason)
            html.raw("</span>")
        }
        if let what = whatItIs(statement) {
            html.raw("<span class=\"what\">")
            html.escaped(what)
            html.raw("</span>")
        }
        for problem in statement.diagnostics where problem.severity != .note {
            if let check = statement.check, check.status != .holds, problem.message.hasSuffix(check.message) {
                // It says the verdict again ("claim does not hold: …"): only its hint is news.
                if let hint = problem.hint {
                    html.raw("<p class=\"problem hint\"><strong>hint</strong> ")
                    text(hint, names: names, into: &html)
                    html.raw("</p>")
                }
                continue
            }
            html.raw("<p class=\"problem \(problem.severity.rawValue)\"><strong>")
            html.raw(problem.severity == .error ? "✗ error" : "⚠ warning")
            html.raw("</strong> ")
            message(of: problem, names: names, into: &html)
            html.raw("</p>")
        }
        if let reading = statement.reading {
            html.raw("<details class=\"reading\"><summary title=\"")
            html.escaped(reading)
            html.raw("\">read as</summary><code>")
            html.escaped(reading)
            html.raw("</code></details>")
        }
        html.raw("</div>\n")
    }

    static func verdict(_ check: Check, names: NamesInText, into html: inout MarkupBuffer) {
        switch check.status {
        case .holds: html.raw("<span class=\"verdict holds\">✓ ")
        case .fails: html.raw("<span class=\"verdict fails\">✗ fails: ")
        case .cannotTell: html.raw("<span class=\"verdict cannot-tell\">? cannot tell: ")
        }
        text(check.message, names: names, into: &html)
        html.raw("</span>")
    }

    /// Whether every side of a claim shows the same number.
    static func sameOnEverySide(_ values: [Double]) -> Bool {
        guard values.count > 1 else { return false }
        // The same number bit for bit has the same text: no text is made (a claim that holds).
        if values.allSatisfy({ $0.bitPattern == values[0].bitPattern }) { return true }
        return Set(values.map(displayText)).count == 1
    }

    /// What a claim's card pairs with its numbers: the first side's text and its value when
    /// every side has that value (`∂L/∂w_5 = 0.0822` on both sides); otherwise each side with
    /// its value, but for a side written as a number (it shows its value already).
    static func pairedSides(of statement: StatementResult, values: [Double]) -> [(text: String?, value: Double)] {
        let texts = sideTexts(of: statement, count: values.count)
        if sameOnEverySide(values) { return [(texts?.first, values[0])] }
        return values.indices.compactMap { index in
            if let texts, isNumeral(texts[index]) { return nil }
            return (texts?[index], values[index])
        }
    }

    /// The text of each side of a claim, from its reading (`∂L/∂w`, `(z - 1)*x`), when the
    /// reading splits into as many sides as were compared; for a definition that claims its
    /// body equal to more (`f(t) = t^2 = t*t`), the sides after the head.
    static func sideTexts(of statement: StatementResult, count: Int) -> [String]? {
        guard var reading = statement.reading, count > 1 else { return nil }
        // One pass over the reading's bytes, splitting at each relation between spaces (` = `,
        // ` ≤ `...); a space byte is always a space character in UTF-8.
        var parts: [String] = []
        reading.withUTF8 { bytes in
            var start = 0
            var index = 0
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: " "), let length = relationLength(bytes, at: index + 1),
                   index + 1 + length < bytes.count, bytes[index + 1 + length] == UInt8(ascii: " ")
                {
                    parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                    start = index + length + 2
                    index = start
                    continue
                }
                index += 1
            }
            parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
        }
        if parts.count == count + 1, statement.kind == .definition { parts.removeFirst() }
        return parts.count == count ? parts : nil
    }

    /// The number of UTF-8 bytes of the relation a reading writes between its sides (`=`, `≈`,
    /// `≠`, `<`, `>`, `≤`, `≥`) at `index`, if one is there.
    private static func relationLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: ">"):
            return 1
        case 0xE2:
            // ≈ E2 89 88, ≠ E2 89 A0, ≤ E2 89 A4, ≥ E2 89 A5
            guard index + 2 < bytes.count, bytes[index + 1] == 0x89 else { return nil }
            switch bytes[index + 2] {
            case 0x88, 0xA0, 0xA4, 0xA5: return 3
            default: return nil
            }
        default:
            return nil
        }
    }

    /// What a statement is, in words, when its card would otherwise show nothing but its
    /// reading (a declaration, a function's definition, a condition).
    static func whatItIs(_ statement: StatementResult) -> String? {
        guard statement.value == nil, statement.partials.isEmpty, statement.check == nil,
              statement.notEvaluated == nil else { return nil }
        let name = statement.name.map { "\($0) " } ?? ""
        switch statement.kind {
        case .declaration:
            return "declares the function \(name)and its inputs; it has no formula of its own to evaluate"
        case .definition:
            // One without a value that says why (`cannot evaluate: g takes 1 argument, not 2`)
            // is no function evaluated where it is used.
            if statement.diagnostics.contains(where: { $0.severity != .note }) { return nil }
            return "defines the function \(name)for every value of its inputs; it is evaluated where it is used"
        case .condition:
            return "a condition: says where the claims beside it hold"
        case .binding:
            return "binds \(name)without a value at the example point"
        case .update:
            return "an update rule of the learning cycle (its run follows the section's last rule)"
        case .expression, .claim, .prose:
            return "not evaluated at the example point"
        }
    }

    /// The small badge after an inline formula that holds a statement. A name Derive sampled,
    /// mentioned alone (`$h_1$` as a node's label in a table), gets none: its value is no
    /// number of the note's, and "= 0.7" beside it reads as one.
    static func badge(for statements: [StatementResult], sampled: Set<String> = [], into html: inout MarkupBuffer) {
        // A binding or a number shows its value already; a badge would repeat it.
        let worthShowing = statements.filter {
            $0.kind != .binding && !isNumeral($0.tex) && !($0.kind == .expression && sampled.contains($0.reading ?? ""))
        }
        guard let statement = worthShowing.first(where: { $0.check != nil }) ?? worthShowing.first(where: { $0.value != nil })
        else { return }
        var title = statement.reading ?? statement.tex
        if let check = statement.check {
            title += " — " + check.message
            let (symbol, kind) = check.status == .holds ? ("✓", "holds") : check.status == .fails ? ("✗", "fails") : ("?", "cannot-tell")
            html.raw("<span class=\"badge \(kind)\" title=\"")
            html.escaped(title)
            html.raw("\">\(symbol)<span class=\"visually-hidden\"> \(check.status == .holds ? "holds" : check.status == .fails ? "fails" : "cannot tell")</span></span>")
        } else if statement.value != nil {
            let values = worthShowing.compactMap(\.value).map(displayText)
            html.raw("<span class=\"badge value\" title=\"")
            html.escaped(title)
            html.raw("\">= ")
            html.escaped(values.joined(separator: ", "))
            html.raw("</span>")
        }
    }

    /// Whether `tex` is just a number between spaces (`0.5`, ` -2 `).
    static func isNumeral(_ tex: String) -> Bool {
        Double(PlainText.trimmed(tex)) != nil
    }

    // MARK: - Plots and gradients

    static func plot(_ function: FunctionPlot, into html: inout MarkupBuffer) {
        let runs = PlotCache.shared.definedRuns(PlotCurve(function.name, function.function)) {
            definedRuns(of: function.function.samplingFunction())
        }
        let range = domain(runs: runs, around: function.exampleX)
        let plot = Plot(title: "\(function.name)(\(function.parameter))", xLabel: function.parameter,
                        yLabel: "\(function.name)(\(function.parameter))",
                        curves: [PlotCurve("\(function.name)", function.function)], exampleX: function.exampleX,
                        xRange: range, id: "plot-\(function.formula.index)-\(function.name)")
        html.newlineIfNeeded()
        html.raw("<figure class=\"figure-plot\">")
        if let derivative = function.derivative {
            let slope = Plot(title: "\(function.name)′(\(function.parameter))", xLabel: function.parameter,
                             yLabel: "\(function.name)′(\(function.parameter))",
                             curves: [PlotCurve("\(function.name)′", derivative)], exampleX: function.exampleX,
                             xRange: range, id: "plot-\(function.formula.index)-\(function.name)-derivative")
            html.raw(PlotSVG.pair(plot, beside: slope))
        } else {
            html.raw(PlotSVG.svg(plot))
        }
        html.raw("</figure>\n")
    }

    /// When a function is defined on only part of [-6, 6] (a loss of a probability, defined on
    /// (0, 1)), the part around the example point, so the curve is not squeezed; `nil` lets the
    /// plot choose.
    static func domain(of function: (Double) -> Double, around example: Double?) -> ClosedRange<Double>? {
        domain(runs: definedRuns(of: function), around: example)
    }

    /// How many steps ``domain(of:around:)`` cuts [-6, 6] into.
    private static let domainSteps = 240

    /// The runs of the points of [-6, 6] (``domainSteps`` steps) where `function` is defined,
    /// by index; none when it is defined on all of them or on none. A point alone where it is
    /// not (`1/x` or cases without `otherwise` at 0) does not cut a run: the curve is drawn on
    /// both sides of it, broken there.
    static func definedRuns(of function: (Double) -> Double) -> [ClosedRange<Int>] {
        let count = domainSteps
        let xs = (0...count).map { -6 + 12 * Double($0) / Double(count) }
        let defined = xs.map { function($0).isFinite }
        guard defined.contains(false), defined.contains(true) else { return [] }
        var runs: [ClosedRange<Int>] = []
        var start: Int?
        for (index, ok) in defined.enumerated() {
            if ok, start == nil { start = index }
            if !ok, let first = start {
                runs.append(first...(index - 1))
                start = nil
            }
        }
        if let first = start { runs.append(first...count) }
        var joined: [ClosedRange<Int>] = []
        for run in runs {
            if let last = joined.last, run.lowerBound - last.upperBound == 2 {
                joined[joined.count - 1] = last.lowerBound...run.upperBound
            } else {
                joined.append(run)
            }
        }
        return joined == [0...count] ? [] : joined
    }

    /// The part of [-6, 6] around `example` from the function's `runs` (``definedRuns(of:)``).
    static func domain(runs: [ClosedRange<Int>], around example: Double?) -> ClosedRange<Double>? {
        let count = domainSteps
        guard !runs.isEmpty else { return nil }
        func x(_ index: Int) -> Double { -6 + 12 * Double(index) / Double(count) }
        let chosen = runs.first { run in example.map { x(run.lowerBound) <= $0 && $0 <= x(run.upperBound) } ?? false }
            ?? runs.max { $0.count < $1.count }
        guard let run = chosen, run.count >= 3, run.count < count else { return nil }
        // Reach just inside the edges of the domain.
        let step = 12 / Double(count)
        let low = run.lowerBound == 0 ? x(0) : x(run.lowerBound) - step * 0.95
        let high = run.upperBound == count ? x(count) : x(run.upperBound) + step * 0.95
        return low...high
    }

    /// The id of a sink's gradient table.
    static func gradientAnchor(_ sink: String) -> String { "gradient-" + sink }

    /// The gradient entry a claim equals: a side written `∂L/∂w` where L is a sink and w a leaf
    /// (a chain-rule claim, `∂L/∂w_5 = ∂L/∂a · ∂a/∂n_3 · ∂n_3/∂w_5`), with the value reverse
    /// mode gave it.
    static func gradientEntry(of statement: StatementResult, sinks: [String: [(name: String, value: Double)]])
        -> (sink: String, leaf: String, value: Double)?
    {
        guard !sinks.isEmpty, let sides = statement.check?.exampleSides,
              let texts = sideTexts(of: statement, count: sides.count) else { return nil }
        for text in texts where text.hasPrefix("∂") {
            let parts = text.dropFirst().components(separatedBy: "/∂")
            guard parts.count == 2, let gradient = sinks[parts[0]],
                  let entry = gradient.first(where: { $0.name == parts[1] }) else { continue }
            return (parts[0], parts[1], entry.value)
        }
        return nil
    }

    /// For each sink, its gradient with respect to every leaf.
    static func gradients(result: NoteResult, into html: inout MarkupBuffer) {
        let sinks = result.statements.filter { !$0.gradient.isEmpty }
        guard !sinks.isEmpty else { return }
        html.raw("<section class=\"gradients\">\n<h2>Gradients</h2>\n")
        var anchored = Set<String>()
        for sink in sinks {
            guard let sinkName = sink.name else { continue }
            html.raw("<table class=\"gradient\"")
            // The first sink of a name is the target of the cards' links (ids are unique).
            if anchored.insert(sinkName).inserted {
                html.raw(" id=\"")
                html.escaped(gradientAnchor(sinkName))
                html.raw("\"")
            }
            html.raw(">\n<caption>∂")
            name(sinkName, into: &html)
            html.raw(" with respect to every leaf, at the example point</caption>\n<tbody>\n")
            for entry in sink.gradient {
                html.raw("<tr><th scope=\"row\">∂")
                name(sinkName, into: &html)
                html.raw("/∂")
                name(entry.name, into: &html)
                html.raw("</th><td>")
                number(entry.value, into: &html)
                html.raw("</td></tr>\n")
            }
            html.raw("</tbody>\n</table>\n")
        }
        html.raw("</section>\n")
    }
}
