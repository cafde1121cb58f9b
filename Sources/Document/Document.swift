/// A parsed note: its Markdown blocks, with every formula kept as its TeX source and located
/// in the original file.
///
/// A `Document` is a plain value: it holds no reference to cmark's C tree, so it can be
/// shared across threads and compared in tests.
public struct Document: Sendable, Equatable {
    /// The top-level blocks, in source order.
    public var blocks: [Block] {
        // Assigning `blocks` inside its own observer does not call the observer again.
        didSet { (blocks, formulas) = Self.numberingFormulas(blocks) }
    }
    /// The YAML front matter (between `---` lines at the very top), if any.
    public var frontMatter: FrontMatter?
    /// Problems found while reading the Markdown (not the math), e.g. nesting too deep.
    public var diagnostics: [Diagnostic]
    /// The source lines, without line endings, for diagnostics that quote a line.
    public var lines: [Substring]

    public init(
        blocks: [Block], frontMatter: FrontMatter? = nil, diagnostics: [Diagnostic] = [],
        lines: [Substring] = []
    ) {
        (self.blocks, self.formulas) = Self.numberingFormulas(blocks)
        self.frontMatter = frontMatter
        self.diagnostics = diagnostics
        self.lines = lines
    }

    /// Every formula in the document, in source order (collected when the blocks are set:
    /// the checker, the page and the report all walk them); `formulas[k].id` is `FormulaID(k)`.
    public private(set) var formulas: [Math]

    /// The blocks with every formula's id its place in source order, and the formulas. The
    /// parser numbers them as it goes, so the blocks are rewritten only when built otherwise
    /// (by hand, or edited).
    private static func numberingFormulas(_ blocks: [Block]) -> ([Block], [Math]) {
        var formulas: [Math] = []
        for block in blocks { block.collectFormulas(into: &formulas) }
        if formulas.indices.allSatisfy({ formulas[$0].id.index == $0 }) { return (blocks, formulas) }
        var next = 0
        let numbered = blocks.map { $0.numberingFormulas(from: &next) }
        for index in formulas.indices { formulas[index].id = FormulaID(index) }
        return (numbered, formulas)
    }
}

/// The YAML block at the top of a note.
public struct FrontMatter: Sendable, Equatable {
    /// The YAML text between the fences.
    public var yaml: String
    /// The 1-based line of the first YAML line (the line after the opening `---`).
    public var firstLine: Int
    /// How many YAML lines there are between the fences.
    public var lineCount: Int
}

/// A block-level element, mirroring cmark-gfm's block nodes plus display math.
public indirect enum Block: Sendable, Equatable {
    case paragraph([Inline])
    /// An ATX or setext heading; `line` is its 1-based source line.
    case heading(level: Int, content: [Inline], line: Int)
    case thematicBreak
    case blockQuote([Block])
    case list(ListBlock)
    /// A code block; `info` is the fence's info string ("" for indented code).
    case codeBlock(info: String, literal: String, line: Int)
    case htmlBlock(String)
    case table(Table)
    case footnoteDefinition(FootnoteDefinition)
    /// A display formula standing as a block: a ```` ```math ```` fence or a `$$` block.
    case math(Math)

    func collectFormulas(into result: inout [Math]) {
        switch self {
        case .paragraph(let inlines), .heading(_, let inlines, _):
            for inline in inlines { inline.collectFormulas(into: &result) }
        case .blockQuote(let blocks):
            for block in blocks { block.collectFormulas(into: &result) }
        case .list(let list):
            for item in list.items {
                for block in item.blocks { block.collectFormulas(into: &result) }
            }
        case .table(let table):
            for row in table.rows {
                for cell in row.cells {
                    for inline in cell { inline.collectFormulas(into: &result) }
                }
            }
        case .footnoteDefinition(let definition):
            for block in definition.blocks { block.collectFormulas(into: &result) }
        case .math(let math):
            result.append(math)
        case .thematicBreak, .codeBlock, .htmlBlock:
            break
        }
    }

    /// The block with its formulas numbered from `next`, in the order of `collectFormulas`.
    func numberingFormulas(from next: inout Int) -> Block {
        func blocks(_ list: [Block]) -> [Block] { list.map { $0.numberingFormulas(from: &next) } }
        func inlines(_ list: [Inline]) -> [Inline] { list.map { $0.numberingFormulas(from: &next) } }
        switch self {
        case .paragraph(let content):
            return .paragraph(inlines(content))
        case .heading(let level, let content, let line):
            return .heading(level: level, content: inlines(content), line: line)
        case .blockQuote(let children):
            return .blockQuote(blocks(children))
        case .list(var list):
            for index in list.items.indices { list.items[index].blocks = blocks(list.items[index].blocks) }
            return .list(list)
        case .table(var table):
            for row in table.rows.indices {
                for cell in table.rows[row].cells.indices {
                    table.rows[row].cells[cell] = inlines(table.rows[row].cells[cell])
                }
            }
            return .table(table)
        case .footnoteDefinition(var definition):
            definition.blocks = blocks(definition.blocks)
            return .footnoteDefinition(definition)
        case .math(var math):
            math.id = FormulaID(next)
            next += 1
            return .math(math)
        case .thematicBreak, .codeBlock, .htmlBlock:
            return self
        }
    }
}

/// A bullet or ordered list.
public struct ListBlock: Sendable, Equatable {
    /// `nil` for a bullet list, the start number for an ordered one.
    public var start: Int?
    /// Tight lists render their paragraphs without `<p>`.
    public var tight: Bool
    public var items: [ListItem]
}

/// One item of a list.
public struct ListItem: Sendable, Equatable {
    /// `nil` for an ordinary item; `true`/`false` for a GFM task item (`- [x]`).
    public var task: Bool?
    public var blocks: [Block]
}

/// A GFM table.
public struct Table: Sendable, Equatable {
    /// Column alignment, as written in the delimiter row.
    public enum Alignment: Sendable, Equatable { case none, left, center, right }
    public var alignments: [Alignment]
    /// The rows; the first is the header row.
    public var rows: [TableRow]
    /// The 1-based source line of the header row.
    public var line: Int
}

/// One row of a table.
public struct TableRow: Sendable, Equatable {
    public var isHeader: Bool
    public var cells: [[Inline]]
}

/// A footnote definition, in the order cmark-gfm gives them (order of first reference).
public struct FootnoteDefinition: Sendable, Equatable {
    public var label: String
    /// How many references point at this definition (for the back-links).
    public var referenceCount: Int
    public var blocks: [Block]
}

/// An inline element, mirroring cmark-gfm's inline nodes plus inline math.
public indirect enum Inline: Sendable, Equatable {
    case text(String)
    case softBreak
    case lineBreak
    case code(String)
    case html(String)
    case emphasis([Inline])
    case strong([Inline])
    case strikethrough([Inline])
    case link(destination: String, title: String, content: [Inline])
    case image(source: String, title: String, content: [Inline])
    /// `[^label]`: `number` is the definition's position, `index` which reference to it this is.
    case footnoteReference(label: String, number: Int, index: Int)
    case math(Math)
    /// `@eq-label` in text (Quarto's syntax): `label` without the `@` (`eq-loss`), `position`
    /// where the `@` is. As text (alt text, plain text) it is `@` and the label.
    case equationReference(label: String, position: SourcePosition)

    func collectFormulas(into result: inout [Math]) {
        switch self {
        case .math(let math):
            result.append(math)
        case .emphasis(let children), .strong(let children), .strikethrough(let children),
            .link(_, _, let children), .image(_, _, let children):
            for child in children { child.collectFormulas(into: &result) }
        case .text, .softBreak, .lineBreak, .code, .html, .footnoteReference, .equationReference:
            break
        }
    }

    /// The inline with its formulas numbered from `next`, in the order of `collectFormulas`.
    func numberingFormulas(from next: inout Int) -> Inline {
        func inlines(_ list: [Inline]) -> [Inline] { list.map { $0.numberingFormulas(from: &next) } }
        switch self {
        case .math(var math):
            math.id = FormulaID(next)
            next += 1
            return .math(math)
        case .emphasis(let children): return .emphasis(inlines(children))
        case .strong(let children): return .strong(inlines(children))
        case .strikethrough(let children): return .strikethrough(inlines(children))
        case .link(let destination, let title, let children):
            return .link(destination: destination, title: title, content: inlines(children))
        case .image(let source, let title, let children):
            return .image(source: source, title: title, content: inlines(children))
        case .text, .softBreak, .lineBreak, .code, .html, .footnoteReference, .equationReference:
            return self
        }
    }
}
