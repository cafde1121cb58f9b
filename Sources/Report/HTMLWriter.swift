import Document
import Markup

/// What an HTML page adds to cmark-gfm's rendering: how formulas look, code blocks drawn as
/// pictures, text that links somewhere, material after a block. Every method has a default,
/// so a conformer implements only what it changes.
public protocol HTMLHooks {
    /// Writes a formula. The default writes its escaped TeX in
    /// `<span class="math inline">`, `<span class="math display">` (display math inside a
    /// paragraph) or `<div class="math display">` (display math standing as a block).
    func write(math: Math, standalone: Bool, into html: inout MarkupBuffer)
    /// HTML to write instead of a code block (e.g. a drawn diagram), or `nil` for the code.
    func replacement(forCodeBlockInfo info: String, literal: String, line: Int) -> String?
    /// Writes an `@eq-label` reference. The default writes its text, `@` and the label, as
    /// cmark writes text.
    func write(equationReference label: String, position: SourcePosition, into html: inout MarkupBuffer)
    /// Called after each block is written (any depth), e.g. to add a result card.
    func didWrite(block: Block, into html: inout MarkupBuffer)
    /// The `id` of the heading on source line `line`, if it gets one. The default gives none.
    func headingID(line: Int) -> String?
}

extension HTMLHooks {
    public func write(math: Math, standalone: Bool, into html: inout MarkupBuffer) {
        if standalone {
            html.newlineIfNeeded()
            html.raw("<div class=\"math display\">")
            html.escaped(math.tex)
            html.raw("</div>\n")
        } else {
            html.raw(math.display ? "<span class=\"math display\">" : "<span class=\"math inline\">")
            html.escaped(math.tex)
            html.raw("</span>")
        }
    }

    public func replacement(forCodeBlockInfo info: String, literal: String, line: Int) -> String? { nil }
    public func write(equationReference label: String, position: SourcePosition, into html: inout MarkupBuffer) {
        html.escaped("@" + label)
    }
    public func didWrite(block: Block, into html: inout MarkupBuffer) {}
    public func headingID(line: Int) -> String? { nil }
}

/// The hooks that change nothing: formulas as escaped TeX in `math` spans and divs.
public struct PlainHTMLHooks: HTMLHooks {
    public init() {}
}

/// Writes a `Document` as HTML, byte for byte as libcmark-gfm's HTML renderer does for the
/// same Markdown (with GitHub's extensions and footnotes), plus formulas through `hooks`.
public struct HTMLWriter<Hooks: HTMLHooks> {
    /// Whether raw HTML and dangerous URLs pass through (cmark's `CMARK_OPT_UNSAFE`); when
    /// they do, GitHub's tagfilter still disables `<script>`, `<style>`, `<iframe>`...
    public var unsafe: Bool
    public var hooks: Hooks

    public init(unsafe: Bool = false, hooks: Hooks) {
        self.unsafe = unsafe
        self.hooks = hooks
    }

    /// The HTML of a whole document.
    public func render(_ document: Document) -> String {
        var html = MarkupBuffer(capacity: 4096)
        write(document.blocks, into: &html)
        return html.string
    }

    /// Writes blocks (e.g. a whole document's) into `html`.
    public func write(_ blocks: [Block], into html: inout MarkupBuffer) {
        var state = FootnoteState()
        for block in blocks { write(block, tight: false, state: &state, into: &html) }
        if state.opened { html.raw("</ol>\n</section>\n") }
    }

    /// The state cmark keeps for footnotes while rendering.
    private struct FootnoteState {
        var opened = false
        var backrefWritten = false
    }

    private func write(_ block: Block, tight: Bool, footnote: FootnoteDefinition? = nil, last: Bool = false,
                       state: inout FootnoteState, into html: inout MarkupBuffer)
    {
        switch block {
        case .paragraph(let inlines):
            if tight {
                write(inlines, into: &html)
            } else {
                html.newlineIfNeeded()
                html.raw("<p>")
                write(inlines, into: &html)
                if let footnote, last {
                    html.raw(" ")
                    writeBackref(footnote, state: &state, into: &html)
                }
                html.raw("</p>\n")
            }
        case .heading(let level, let inlines, let line):
            html.newlineIfNeeded()
            if let id = hooks.headingID(line: line) {
                html.raw("<h\(level) id=\"")
                html.escaped(id)
                html.raw("\">")
            } else {
                html.raw("<h\(level)>")
            }
            write(inlines, into: &html)
            html.raw("</h\(level)>\n")
        case .thematicBreak:
            html.newlineIfNeeded()
            html.raw("<hr />\n")
        case .blockQuote(let blocks):
            html.newlineIfNeeded()
            html.raw("<blockquote>\n")
            for child in blocks { write(child, tight: false, state: &state, into: &html) }
            html.newlineIfNeeded()
            html.raw("</blockquote>\n")
        case .list(let list):
            writeList(list, state: &state, into: &html)
        case .codeBlock(let info, let literal, let line):
            if let replacement = hooks.replacement(forCodeBlockInfo: info, literal: literal, line: line) {
                html.newlineIfNeeded()
                html.raw(replacement)
                html.newlineIfNeeded()
            } else {
                writeCode(info: info, literal: literal, into: &html)
            }
        case .htmlBlock(let literal):
            html.newlineIfNeeded()
            if !unsafe {
                html.raw("<!-- raw HTML omitted -->")
            } else {
                HTMLSafety.filtered(literal, into: &html)
            }
            html.newlineIfNeeded()
        case .table(let table):
            writeTable(table, into: &html)
        case .footnoteDefinition(let definition):
            if !state.opened {
                html.raw("<section class=\"footnotes\" data-footnotes>\n<ol>\n")
                state.opened = true
            }
            state.backrefWritten = false
            html.raw("<li id=\"fn-")
            html.escapedHref(definition.label)
            html.raw("\">\n")
            for (index, child) in definition.blocks.enumerated() {
                write(child, tight: false, footnote: definition, last: index == definition.blocks.count - 1,
                      state: &state, into: &html)
            }
            if writeBackref(definition, state: &state, into: &html) { html.raw("\n") }
            html.raw("</li>\n")
        case .math(let math):
            hooks.write(math: math, standalone: true, into: &html)
        }
        hooks.didWrite(block: block, into: &html)
    }

    @discardableResult
    private func writeBackref(_ definition: FootnoteDefinition, state: inout FootnoteState,
                              into html: inout MarkupBuffer) -> Bool
    {
        guard !state.backrefWritten else { return false }
        state.backrefWritten = true
        html.raw("<a href=\"#fnref-")
        html.escapedHref(definition.label)
        html.raw("\" class=\"footnote-backref\" data-footnote-backref aria-label=\"Back to content\">↩</a>")
        if definition.referenceCount > 1 {
            for index in 2...definition.referenceCount {
                html.raw(" <a href=\"#fnref-")
                html.escapedHref(definition.label)
                html.raw("-\(index)\" class=\"footnote-backref\" data-footnote-backref aria-label=\"Back to content\">↩<sup class=\"footnote-ref\">\(index)</sup></a>")
            }
        }
        return true
    }

    private func writeList(_ list: ListBlock, state: inout FootnoteState, into html: inout MarkupBuffer) {
        html.newlineIfNeeded()
        switch list.start {
        case nil: html.raw("<ul>\n")
        case 1?: html.raw("<ol>\n")
        case let start?: html.raw("<ol start=\"\(start)\">\n")
        }
        for item in list.items {
            html.newlineIfNeeded()
            html.raw("<li>")
            switch item.task {
            case true?: html.raw("<input type=\"checkbox\" checked=\"\" disabled=\"\" /> ")
            case false?: html.raw("<input type=\"checkbox\" disabled=\"\" /> ")
            case nil: break
            }
            for child in item.blocks { write(child, tight: list.tight, state: &state, into: &html) }
            html.raw("</li>\n")
        }
        html.raw(list.start == nil ? "</ul>\n" : "</ol>\n")
    }

    private func writeCode(info: String, literal: String, into html: inout MarkupBuffer) {
        html.newlineIfNeeded()
        if info.isEmpty {
            html.raw("<pre><code>")
        } else {
            let firstWord = Substring(info.utf8.prefix(while: { !Self.isSpace($0) }))
            html.raw("<pre><code class=\"language-")
            html.escaped(String(firstWord))
            html.raw("\">")
        }
        html.escaped(literal)
        html.raw("</code></pre>\n")
    }

    private func writeTable(_ table: Table, into html: inout MarkupBuffer) {
        html.newlineIfNeeded()
        html.raw("<table>")
        var bodyOpen = false
        for row in table.rows {
            html.newlineIfNeeded()
            if row.isHeader {
                html.raw("<thead>")
                html.newlineIfNeeded()
            } else if !bodyOpen {
                html.raw("<tbody>")
                html.newlineIfNeeded()
                bodyOpen = true
            }
            html.raw("<tr>")
            for (index, cell) in row.cells.enumerated() {
                html.newlineIfNeeded()
                html.raw(row.isHeader ? "<th" : "<td")
                switch index < table.alignments.count ? table.alignments[index] : .none {
                case .left: html.raw(" align=\"left\"")
                case .center: html.raw(" align=\"center\"")
                case .right: html.raw(" align=\"right\"")
                case .none: break
                }
                html.raw(">")
                write(cell, into: &html)
                html.raw(row.isHeader ? "</th>" : "</td>")
            }
            html.newlineIfNeeded()
            html.raw("</tr>")
            if row.isHeader {
                html.newlineIfNeeded()
                html.raw("</thead>")
            }
        }
        if bodyOpen {
            html.newlineIfNeeded()
            html.raw("</tbody>")
            html.newlineIfNeeded()
        }
        html.newlineIfNeeded()
        html.raw("</table>")
        html.newlineIfNeeded()
    }

    // MARK: - Inlines

    /// Writes inline content into `html`.
    public func write(_ inlines: [Inline], into html: inout MarkupBuffer) {
        for inline in inlines { write(inline, into: &html) }
    }

    private func write(_ inline: Inline, into html: inout MarkupBuffer) {
        switch inline {
        case .text(let text):
            html.escaped(text)
        case .equationReference(let label, let position):
            hooks.write(equationReference: label, position: position, into: &html)
        case .softBreak:
            html.raw("\n")
        case .lineBreak:
            html.raw("<br />\n")
        case .code(let code):
            html.raw("<code>")
            html.escaped(code)
            html.raw("</code>")
        case .html(let raw):
            if !unsafe {
                html.raw("<!-- raw HTML omitted -->")
            } else if HTMLSafety.isFilteredTag(Array(raw.utf8)[...]) {
                html.raw("&lt;")
                html.append(bytes: raw.utf8.dropFirst())
            } else {
                html.raw(raw)
            }
        case .emphasis(let children):
            html.raw("<em>")
            write(children, into: &html)
            html.raw("</em>")
        case .strong(let children):
            html.raw("<strong>")
            write(children, into: &html)
            html.raw("</strong>")
        case .strikethrough(let children):
            html.raw("<del>")
            write(children, into: &html)
            html.raw("</del>")
        case .link(let destination, let title, let children):
            html.raw("<a href=\"")
            writeURL(destination, into: &html)
            if !title.isEmpty {
                html.raw("\" title=\"")
                html.escaped(title)
            }
            html.raw("\">")
            write(children, into: &html)
            html.raw("</a>")
        case .image(let source, let title, let children):
            html.raw("<img src=\"")
            writeURL(source, into: &html)
            html.raw("\" alt=\"")
            writePlain(children, into: &html)
            if !title.isEmpty {
                html.raw("\" title=\"")
                html.escaped(title)
            }
            html.raw("\" />")
        case .footnoteReference(let label, let number, let index):
            html.raw("<sup class=\"footnote-ref\"><a href=\"#fn-")
            html.escapedHref(label)
            html.raw("\" id=\"fnref-")
            html.escapedHref(label)
            if index > 1 { html.raw("-\(index)") }
            html.raw("\" data-footnote-ref>\(number)</a></sup>")
        case .math(let math):
            hooks.write(math: math, standalone: false, into: &html)
        }
    }

    private func writeURL(_ url: String, into html: inout MarkupBuffer) {
        if unsafe || !HTMLSafety.isDangerous(url: url) { html.escapedHref(url) }
    }

    /// An image's alt text: the text of its content, without markup (cmark's "plain" mode).
    private func writePlain(_ inlines: [Inline], into html: inout MarkupBuffer) {
        for inline in inlines {
            switch inline {
            case .text(let text), .code(let text), .html(let text):
                html.escaped(text)
            case .softBreak, .lineBreak:
                html.raw(" ")
            case .emphasis(let children), .strong(let children), .strikethrough(let children),
                .link(_, _, let children), .image(_, _, let children):
                writePlain(children, into: &html)
            case .math(let math):
                html.escaped(math.tex)
            case .equationReference(let label, _):
                html.escaped("@" + label)
            case .footnoteReference:
                break
            }
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0B || byte == 0x0C || byte == 0x0D
    }
}

extension HTMLWriter where Hooks == PlainHTMLHooks {
    /// A writer whose formulas are escaped TeX in `math` spans and divs.
    public init(unsafe: Bool = false) {
        self.init(unsafe: unsafe, hooks: PlainHTMLHooks())
    }
}
