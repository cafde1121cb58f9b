import Cells
import Diagram
import Document
import Markup
import Notebook
import TeX

/// The HTML page of a note: its Markdown as cmark-gfm renders it, every formula as MathML with
/// an anchor and its source line, each display formula followed by a card of its results, a
/// summary and the example point at the top, gradients of sinks, plots of one-variable
/// functions and mermaid diagrams drawn as SVG.
public struct NotePage: HTMLHooks {
    let note: CheckedNote
    let statementsByFormula: [FormulaID: [StatementResult]]
    let equationNumbers: [String: Int]
    let plotsByFormula: [FormulaID: [FunctionPlot]]
    /// The leaves of the example point that Derive sampled (nothing in the note gives them a
    /// value): an inline mention of one alone gets no value badge.
    let sampled: Set<String>
    /// The ids of the top-level headings by line (HeadingAnchors).
    let headingIDs: [Int: String]
    /// The names and gradients the cards refer to.
    let context: ResultCards.CardContext
    /// The thread's MathML of formulas met before (the page is written on one thread).
    private let mathML = MathMLCache.current
    /// The Swift cells' outputs by their opening fence's line; empty when the note has none.
    public var cells: [Int: (index: Int, output: CellOutput)] = [:]

    var document: Document { note.document }
    var result: NoteResult { note.result }

    public init(note: CheckedNote) {
        self.note = note
        let formulas = note.document.formulas
        equationNumbers = MarkdownSource.equationNumbers(of: formulas)
        let result = note.result
        var statements: [FormulaID: [StatementResult]] = [:]
        statements.reserveCapacity(formulas.count)
        for statement in result.statements { statements[statement.formula, default: []].append(statement) }
        FormulaProblems.attach(result.diagnostics, formulas: formulas, to: &statements)
        statementsByFormula = statements
        var plots: [FormulaID: [FunctionPlot]] = [:]
        for plot in result.plots { plots[plot.formula, default: []].append(plot) }
        plotsByFormula = plots
        sampled = Set(result.point.lazy.filter { $0.source == .sampled }.map(\.name))
        headingIDs = HeadingAnchors.ids(in: note.document)
        context = ResultCards.CardContext(result: result)
    }

    /// The page body: header, the note, and the gradient tables.
    public func body(unsafeHTML: Bool) -> String {
        var html = MarkupBuffer(capacity: 16_384)
        write(into: &html, unsafeHTML: unsafeHTML)
        return html.string
    }

    /// Appends the page body (see `body(unsafeHTML:)`) to `html`.
    public func write(into html: inout MarkupBuffer, unsafeHTML: Bool) {
        let writer = HTMLWriter(unsafe: unsafeHTML, hooks: self)
        var blocks = document.blocks[...]
        html.raw("<article class=\"note\">\n")
        // The summary follows the note's title when it starts with one.
        if case .heading(1, _, _)? = blocks.first, let title = blocks.popFirst() {
            writer.write([title], into: &html)
        }
        // A problem links to the formula it points into, else to the first formula on its line.
        let byLine = anchorsByLine
        let ordered = FormulaProblems.ordered(document.formulas)
        ResultCards.header(result: result, anchor: { problem in
            FormulaProblems.formula(containing: problem.position, in: ordered).map(anchor(for:)) ?? byLine[problem.position.line]
        }, names: context.names, into: &html)
        writer.write(Array(blocks), into: &html)
        html.newlineIfNeeded()
        html.raw("</article>\n")
        ResultCards.gradients(result: result, into: &html)
    }

    // MARK: - Hooks

    public func write(math: Math, standalone: Bool, into html: inout MarkupBuffer) {
        let statements = statementsByFormula[math.id] ?? []
        let anchor = anchor(for: math)
        if math.display {
            if standalone { html.newlineIfNeeded() }
            // The fixed markup as static strings and the numbers as digits: no string is made.
            html.append(standalone ? "<div" : "<span")
            html.append(#" class="formula display" id=""#)
            html.escaped(anchor)
            html.append(#"" data-line=""#)
            html.append(decimal: math.position.line)
            html.append(#"">"#)
            writeMathML(math, display: true, into: &html)
            if let label = math.label, let number = equationNumbers[label] {
                html.append(#"<span class="equation-number">("#)
                html.append(decimal: number)
                html.append(")</span>")
            }
            html.append(##"<a class="source-line" href="#"##)
            html.escaped(anchor)
            html.append(#"" title="line "#)
            html.append(decimal: math.position.line)
            html.append(#" of the note">line "#)
            html.append(decimal: math.position.line)
            html.append("</a>")
            html.append(standalone ? "</div>\n" : "</span>")
        } else {
            html.append(#"<span class="formula inline" id=""#)
            html.escaped(anchor)
            html.append(#"" data-line=""#)
            html.append(decimal: math.position.line)
            html.append(#"">"#)
            writeMathML(math, display: false, into: &html)
            ResultCards.badge(for: statements, sampled: sampled, into: &html)
            html.append("</span>")
        }
    }

    public func headingID(line: Int) -> String? {
        headingIDs[line]
    }

    /// The id of a formula's element: its label, or `f` and its number in the note.
    private func anchor(for math: Math) -> String {
        math.label ?? "f\(math.id.index + 1)"
    }

    /// For each source line, the anchor of the first formula on it or over it (for links from
    /// the list of problems).
    private var anchorsByLine: [Int: String] {
        var anchors: [Int: String] = [:]
        for math in document.formulas {
            // Every line of the formula, its closing `$$` line included.
            let last = (math.lineStarts.last?.line ?? math.position.line)
                + (math.delimiter == .dollarBlock || math.delimiter == .fence ? 1 : 0)
            for line in math.position.line...max(math.position.line, last) where anchors[line] == nil {
                anchors[line] = anchor(for: math)
            }
        }
        return anchors
    }

    /// The formula's MathML, from the parse tree the Notebook made.
    private func writeMathML(_ math: Math, display: Bool, into html: inout MarkupBuffer) {
        mathML.write(tex: math.tex, display: display ? .block : .inline, tree: { note.tree(of: math.id) }, into: &html)
    }

    public func replacement(forCodeBlockInfo info: String, literal: String, line: Int) -> String? {
        if let cell = cells[line], Cell.isSwift(info: info) {
            var html = MarkupBuffer()
            CellHTML.write(code: literal, output: cell.output, index: cell.index,
                           checks: result.cellChecks.filter { $0.cell == cell.index }, into: &html)
            return html.string
        }
        // The Notebook read the diagram when it checked the note; it is drawn from that.
        guard NoteDiagram.isMermaid(info: info), let diagram = result.diagram(atFenceLine: line) else { return nil }
        let rendering: DiagramRendering
        switch diagram.reading {
        case .success(let read): rendering = DiagramSVG.render(read, id: "diagram-\(line)")
        case .failure(let problem): rendering = .notDrawn(problem)
        }
        var html = MarkupBuffer()
        switch rendering {
        case .drawn(let svg):
            html.raw("<figure class=\"figure-diagram\"><div class=\"diagram-scroll\">")
            html.raw(svg)
            html.raw("</div></figure>")
        case .notDrawn(let problem):
            html.raw("<figure class=\"figure-diagram not-drawn\"><figcaption>Diagram ")
            html.escaped(problem.message)
            html.raw("</figcaption><pre><code class=\"language-mermaid\">")
            html.escaped(literal)
            html.raw("</code></pre></figure>")
        }
        return html.string
    }

    public func write(equationReference label: String, position: SourcePosition, into html: inout MarkupBuffer) {
        if let number = equationNumbers[label] {
            html.raw("<a class=\"equation-ref\" href=\"#")
            html.escaped(label)
            html.raw("\">(\(number))</a>")
        } else {
            html.raw("<span class=\"equation-ref unknown\" title=\"no formula has this label\">@")
            html.escaped(label)
            html.raw("</span>")
        }
    }

    public func didWrite(block: Block, into html: inout MarkupBuffer) {
        // Cards follow display formulas; plots follow the formula (inline or display) that
        // defines the function, after its paragraph.
        var formulas: [Math] = []
        switch block {
        case .math(let math): formulas = [math]
        case .paragraph(let inlines), .heading(_, let inlines, _): formulas = Self.formulas(in: inlines)
        default: return
        }
        // The claims and problems of the paragraph's inline formulas, in one card after it.
        var inline: [(anchor: String, statements: [StatementResult])] = []
        for math in formulas where !math.display {
            let statements = (statementsByFormula[math.id] ?? []).filter(ResultCards.needsInlineCard)
            if !statements.isEmpty { inline.append((anchor(for: math), statements)) }
        }
        if !inline.isEmpty { ResultCards.inlineCard(for: inline, context: context, into: &html) }
        for math in formulas {
            if math.display, let statements = statementsByFormula[math.id], !statements.isEmpty {
                ResultCards.card(for: statements, anchor: anchor(for: math), context: context, into: &html)
            }
            for plot in plotsByFormula[math.id] ?? [] {
                ResultCards.plot(plot, into: &html)
            }
            for (index, run) in result.runs.enumerated() where run.formula == math.id {
                RunHTML.write(run, index: index, into: &html)
            }
        }
    }

    private static func formulas(in inlines: [Inline]) -> [Math] {
        var found: [Math] = []
        for inline in inlines {
            switch inline {
            case .math(let math): found.append(math)
            case .emphasis(let children), .strong(let children), .strikethrough(let children), .link(_, _, let children):
                found.append(contentsOf: formulas(in: children))
            default: break
            }
        }
        return found
    }
}
