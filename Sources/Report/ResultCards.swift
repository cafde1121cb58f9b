import Document
import Foundation
import Markup
import Notebook

/// The HTML pieces that show what Derive computed: the header, result cards, badges, plots and
/// gradient tables.
enum ResultCards {
    // MARK: - Names and numbers

    /// A name as HTML: `n_1` → n<sub>1</sub>, `w_5^+` → w<sub>5</sub><sup>+</sup>.
    static func name(_ name: String, into html: inout MarkupBuffer) {
        var name = name
        name.withUTF8 { utf8 in
            let caret = utf8.firstIndex(of: UInt8(ascii: "^")) ?? utf8.endIndex
            let underscore = utf8[..<caret].firstIndex(of: UInt8(ascii: "_")) ?? caret
            html.raw("<var>")
            html.escaped(utf8: UnsafeBufferPointer(rebasing: utf8[..<underscore]))
            html.raw("</var>")
            if underscore < caret {
                html.raw("<sub>")
                html.escaped(utf8: UnsafeBufferPointer(rebasing: utf8[(underscore + 1)..<caret]))
                html.raw("</sub>")
            }
            if caret < utf8.endIndex {
                html.raw("<sup>")
                html.escaped(utf8: UnsafeBufferPointer(rebasing: utf8[(caret + 1)...]))
                html.raw("</sup>")
            }
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

    /// The note's summary and its example point.
    static func header(result: NoteResult, anchors: [Int: String], into html: inout MarkupBuffer) {
        let summary = result.summary
        html.raw("<section class=\"summary\" aria-label=\"What Derive checked\">\n<p class=\"counts\">")
        html.raw("<span>\(summary.statements) statements</span> · <span>\(summary.evaluated) evaluated</span> · ")
        html.raw("<span class=\"verdict holds\">✓ \(summary.held) held</span> · ")
        html.raw("<span class=\"verdict fails\">✗ \(summary.failed) failed</span> · ")
        html.raw("<span class=\"verdict cannot-tell\">? \(summary.cannotTell) cannot tell</span>")
        if summary.errors + summary.warnings > 0 {
            html.raw(" · <span>\(summary.errors) errors, \(summary.warnings) warnings</span>")
        }
        html.raw("</p>\n")
        if !result.point.isEmpty {
            html.raw("<details class=\"point\" open><summary>Example point</summary>\n<table>\n")
            html.raw("<thead><tr><th scope=\"col\">name</th><th scope=\"col\">value</th><th scope=\"col\">from</th></tr></thead>\n<tbody>\n")
            for value in result.point {
                html.raw("<tr><td>")
                name(value.name, into: &html)
                html.raw("</td><td>")
                number(value.value, into: &html)
                html.raw("</td><td class=\"source \(value.source == .sampled ? "sampled" : "given")\">")
                switch value.source {
                case .note(let line): html.raw("note, line \(line)")
                default: html.escaped(value.source.word)
                }
                html.raw("</td></tr>\n")
            }
            html.raw("</tbody>\n</table>\n</details>\n")
        }
        let problems = result.diagnostics.filter { $0.severity != .note }
        if !problems.isEmpty {
            html.raw("<details class=\"problems\" open><summary>Problems</summary>\n<ul>\n")
            for problem in problems {
                html.raw("<li class=\"\(problem.severity.rawValue)\">")
                if let anchor = anchors[problem.position.line] {
                    html.raw("<a href=\"#")
                    html.escaped(anchor)
                    html.raw("\">line \(problem.position.line)</a>: ")
                } else {
                    html.raw("line \(problem.position.line): ")
                }
                html.raw("<strong>\(problem.severity.rawValue)</strong> ")
                html.escaped(problem.message)
                if let hint = problem.hint {
                    html.raw(" <em>")
                    html.escaped(hint)
                    html.raw("</em>")
                }
                html.raw("</li>\n")
            }
            html.raw("</ul>\n</details>\n")
        }
        html.raw("</section>\n")
    }

    // MARK: - Cards and badges

    /// The card after a display formula: value, partials, verdict, reading.
    static func card(for statements: [StatementResult], anchor: String, into html: inout MarkupBuffer) {
        html.newlineIfNeeded()
        html.raw("<aside class=\"card\" aria-label=\"Results of the formula above\">\n")
        for (position, statement) in statements.enumerated() {
            html.raw("<div class=\"statement \(statement.kind.rawValue)\" id=\"")
            html.escaped(anchor + "-\(position + 1)")
            html.raw("\">")
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
            }
            if let check = statement.check { verdict(check, into: &html) }
            if let reason = statement.notEvaluated {
                html.raw("<span class=\"verdict not-evaluated\">not evaluated: ")
                html.escaped(reason)
                html.raw("</span>")
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
        html.raw("</aside>\n")
    }

    static func verdict(_ check: Check, into html: inout MarkupBuffer) {
        switch check.status {
        case .holds: html.raw("<span class=\"verdict holds\">✓ ")
        case .fails: html.raw("<span class=\"verdict fails\">✗ fails: ")
        case .cannotTell: html.raw("<span class=\"verdict cannot-tell\">? cannot tell: ")
        }
        html.escaped(check.message)
        html.raw("</span>")
    }

    /// The small badge after an inline formula that holds a statement.
    static func badge(for statements: [StatementResult], into html: inout MarkupBuffer) {
        // A binding or a number shows its value already; a badge would repeat it.
        let worthShowing = statements.filter { $0.kind != .binding && !isNumeral($0.tex) }
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
    private static func isNumeral(_ tex: String) -> Bool {
        Double(PlainText.trimmed(tex)) != nil
    }

    // MARK: - Plots and gradients

    static func plot(_ function: FunctionPlot, into html: inout MarkupBuffer) {
        let range = domain(of: function.function, around: function.exampleX)
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
        let count = 240
        let xs = (0...count).map { -6 + 12 * Double($0) / Double(count) }
        let defined = xs.map { function($0).isFinite }
        guard defined.contains(false), defined.contains(true) else { return nil }
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
        let chosen = runs.first { run in example.map { xs[run.lowerBound] <= $0 && $0 <= xs[run.upperBound] } ?? false }
            ?? runs.max { $0.count < $1.count }
        guard let run = chosen, run.count >= 3, run.count < count else { return nil }
        // Reach just inside the edges of the domain.
        let step = 12 / Double(count)
        let low = run.lowerBound == 0 ? xs[0] : xs[run.lowerBound] - step * 0.95
        let high = run.upperBound == count ? xs[count] : xs[run.upperBound] + step * 0.95
        return low...high
    }

    /// For each sink, its gradient with respect to every leaf.
    static func gradients(result: NoteResult, into html: inout MarkupBuffer) {
        let sinks = result.statements.filter { !$0.gradient.isEmpty }
        guard !sinks.isEmpty else { return }
        html.raw("<section class=\"gradients\">\n<h2>Gradients</h2>\n")
        for sink in sinks {
            guard let sinkName = sink.name else { continue }
            html.raw("<table class=\"gradient\">\n<caption>∂")
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
