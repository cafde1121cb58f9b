import CCmarkBridge
import CCmarkGFM

/// Turns cmark-gfm's C tree into our `Document` values, locating every formula.
struct CmarkConverter {
    /// Nesting deeper than this is left out (with a warning) rather than risking the stack.
    static let maximumDepth = 1000

    let source: SourceText
    let records: [InlineMathRecord]
    let dollarBlocks: [Int: BlockPrepass.DollarBlock]
    /// The rewritten `$$` blocks that came out as our fence, at their opening line and closed
    /// at their closing line.
    private var closedDollarFences: [BlockPrepass.DollarBlock] = []
    /// The lines where a code block starts.
    private var codeBlockStarts: [Int] = []
    private(set) var diagnostics: [Diagnostic] = []
    /// The locator of the block whose inlines are being converted: a block's formulas and
    /// references are all met while it is converted, one block after another, so no earlier
    /// block's locator is asked for again (one would be made anew).
    private var currentLocator: (block: OpaquePointer, locator: ContentLocator)?
    /// For each block with `@eq-` references, the content offset after the last one found.
    private var referenceCursors: [OpaquePointer: Int] = [:]
    /// The kinds of the node types met so far (a few: a list, not a dictionary made per note).
    private var kinds: [(type: UInt32, kind: ExtensionKind)] = []
    private var reportedDepth = false
    /// The id the next formula met takes: formulas are numbered as they are converted, which
    /// is source order (`Document` checks it and renumbers a tree built otherwise).
    private var formulaCount = 0

    init(source: SourceText, records: [InlineMathRecord], dollarBlocks: [Int: BlockPrepass.DollarBlock]) {
        self.source = source
        self.records = records
        self.dollarBlocks = dollarBlocks
    }

    /// Node kinds that extensions allocate at run time, told apart by their type strings.
    private enum ExtensionKind {
        case table, tableRow, tableCell, strikethrough, other
    }

    private mutating func kind(of node: OpaquePointer) -> ExtensionKind {
        let type = cmark_node_get_type(node).rawValue
        if let known = kinds.first(where: { $0.type == type }) { return known.kind }
        // Compared as bytes: a paragraph's type is looked up once in every note.
        let name = Self.bytes(cmark_node_get_type_string(node))[...]
        let kind = Self.extensionKinds.first { Self.equal(name, $0.name) }?.kind ?? .other
        kinds.append((type, kind))
        return kind
    }

    private static let extensionKinds: [(name: [UInt8], kind: ExtensionKind)] = [
        ("table", .table), ("table_header", .tableRow), ("table_row", .tableRow), ("table_cell", .tableCell),
        ("strikethrough", .strikethrough),
    ].map { (Array($0.utf8), $1) }

    /// The opening lines of the rewritten `$$` blocks that cmark read as written: our fence at
    /// the opening line, closed by the closing line. A closing line that cmark did not take as
    /// the fence's end (indented four columns or more past its container, or after the
    /// container ended) left the fence open over the lines below, with our ```` ``` ```` in the
    /// formula, or opened a code block of its own.
    var takenDollarBlocks: Set<Int> {
        // Both in line order (footnote definitions are converted last, wherever they are).
        let closed = closedDollarFences.sorted { $0.closerLine < $1.closerLine }
        let starts = codeBlockStarts.sorted()
        var taken = Set<Int>(minimumCapacity: closed.count)
        var next = 0
        for block in closed {
            while next < starts.count, starts[next] < block.closerLine { next += 1 }
            if next < starts.count, starts[next] == block.closerLine { continue }
            taken.insert(block.openerLine)
        }
        return taken
    }

    private mutating func tooDeep(_ node: OpaquePointer, depth: Int) -> Bool {
        guard depth > Self.maximumDepth else { return false }
        if !reportedDepth {
            reportedDepth = true
            let line = Int(cmark_node_get_start_line(node))
            diagnostics.append(
                Diagnostic(.warning, "Markdown nested more than \(Self.maximumDepth) levels deep; the deeper part is left out",
                           at: SourcePosition(line: max(1, line), column: max(1, Int(cmark_node_get_start_column(node))))))
        }
        return true
    }

    // MARK: - Blocks

    mutating func blocks(of parent: OpaquePointer, depth: Int) -> [Block] {
        var result: [Block] = []
        var child = cmark_node_first_child(parent)
        while let node = child {
            if let block = block(node, depth: depth + 1) { result.append(block) }
            child = cmark_node_next(node)
        }
        return result
    }

    private mutating func block(_ node: OpaquePointer, depth: Int) -> Block? {
        if tooDeep(node, depth: depth) { return nil }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            return .paragraph(inlines(of: node, depth: depth))
        case CMARK_NODE_HEADING:
            return .heading(level: Int(cmark_node_get_heading_level(node)), content: inlines(of: node, depth: depth),
                            line: Int(cmark_node_get_start_line(node)))
        case CMARK_NODE_THEMATIC_BREAK:
            return .thematicBreak
        case CMARK_NODE_BLOCK_QUOTE:
            return .blockQuote(blocks(of: node, depth: depth))
        case CMARK_NODE_LIST:
            return .list(list(node, depth: depth))
        case CMARK_NODE_CODE_BLOCK:
            return codeBlock(node)
        case CMARK_NODE_HTML_BLOCK:
            return .htmlBlock(literal(node))
        case CMARK_NODE_FOOTNOTE_DEFINITION:
            var label: UnsafePointer<UInt8>?
            let length = Int(derive_footnote_definition_label(UnsafeMutableRawPointer(node), &label))
            let name = label.map { String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self) } ?? ""
            return .footnoteDefinition(
                FootnoteDefinition(label: name, referenceCount: Int(derive_footnote_definition_reference_count(UnsafeMutableRawPointer(node))),
                                   blocks: blocks(of: node, depth: depth)))
        default:
            if kind(of: node) == .table { return .table(table(node, depth: depth)) }
            return nil
        }
    }

    private mutating func list(_ node: OpaquePointer, depth: Int) -> ListBlock {
        var items: [ListItem] = []
        var child = cmark_node_first_child(node)
        while let item = child {
            var task: Bool?
            if let type = cmark_node_get_type_string(item), String(cString: type) == "tasklist" {
                task = cmark_gfm_extensions_get_tasklist_item_checked(item)
            }
            items.append(ListItem(task: task, blocks: blocks(of: item, depth: depth + 1)))
            child = cmark_node_next(item)
        }
        let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
        return ListBlock(start: ordered ? Int(cmark_node_get_list_start(node)) : nil,
                         tight: cmark_node_get_list_tight(node) != 0, items: items)
    }

    private mutating func table(_ node: OpaquePointer, depth: Int) -> Table {
        let columns = Int(cmark_gfm_extensions_get_table_columns(node))
        var alignments: [Table.Alignment] = []
        if let raw = cmark_gfm_extensions_get_table_alignments(node) {
            for index in 0..<columns {
                switch raw[index] {
                case UInt8(ascii: "l"): alignments.append(.left)
                case UInt8(ascii: "c"): alignments.append(.center)
                case UInt8(ascii: "r"): alignments.append(.right)
                default: alignments.append(.none)
                }
            }
        }
        var rows: [TableRow] = []
        var rowNode = cmark_node_first_child(node)
        while let row = rowNode {
            var cells: [[Inline]] = []
            var cellNode = cmark_node_first_child(row)
            while let cell = cellNode {
                cells.append(inlines(of: cell, depth: depth + 2))
                cellNode = cmark_node_next(cell)
            }
            rows.append(TableRow(isHeader: cmark_gfm_extensions_get_table_row_is_header(row) != 0, cells: cells))
            rowNode = cmark_node_next(row)
        }
        return Table(alignments: alignments, rows: rows, line: headerLine(of: node))
    }

    /// The line of a table's header row: the one before its delimiter row (`|---|:-:|`).
    /// cmark-gfm starts a table that interrupts a paragraph (its header the paragraph's last
    /// line) at the paragraph's first line, and its rows too.
    private func headerLine(of node: OpaquePointer) -> Int {
        let start = max(1, Int(cmark_node_get_start_line(node)))
        let end = min(Int(cmark_node_get_end_line(node)), source.lineRanges.count)
        if start + 1 <= end {
            for line in (start + 1)...end where Self.isDelimiterRow(source.bytes[source.lineRanges[line - 1]]) {
                return line - 1
            }
        }
        return start
    }

    /// Whether a line is a table's delimiter row: pipes, dashes, colons and blanks (and the `>` of
    /// a block quote), a dash at least.
    private static func isDelimiterRow(_ line: ArraySlice<UInt8>) -> Bool {
        line.contains(UInt8(ascii: "-")) && line.allSatisfy { byte in
            byte == UInt8(ascii: "|") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":")
                || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: ">")
        }
    }

    private mutating func codeBlock(_ node: OpaquePointer) -> Block {
        // Read in place: the node outlives this call.
        let info = Self.bytes(cmark_node_get_fence_info(node))
        let text = Self.bytes(cmark_node_get_literal(node))
        let line = Int(cmark_node_get_start_line(node))
        let endLine = Int(cmark_node_get_end_line(node))
        codeBlockStarts.append(line)
        var wordStart = 0
        while wordStart < info.count, info[wordStart] == UInt8(ascii: " ") || info[wordStart] == UInt8(ascii: "\t") {
            wordStart += 1
        }
        var wordEnd = wordStart
        while wordEnd < info.count, info[wordEnd] != UInt8(ascii: " ") && info[wordEnd] != UInt8(ascii: "\t") {
            wordEnd += 1
        }
        var fenceLength: Int32 = 0
        var fenceOffset: Int32 = 0
        var fenceCharacter: CChar = 0
        let fenced = cmark_node_get_fenced(node, &fenceLength, &fenceOffset, &fenceCharacter) != 0
        guard fenced, Self.equal(info[wordStart..<wordEnd], Self.mathWord) else {
            return .codeBlock(info: String(decoding: info, as: UTF8.self), literal: String(decoding: text, as: UTF8.self),
                              line: line)
        }
        var tex = Array(text)
        if tex.last == UInt8(ascii: "\n") { tex.removeLast() }
        let texLocator = ContentLocator(
            content: tex, startLine: line + 1, startColumn: 1,
            endLine: endLine, isTableCell: false, source: source)
        let lineStarts = Self.lineStarts(of: tex) { texLocator.position(ofContentOffset: $0) }
        tex = texLocator.contentAsWritten()
        if Self.equal(info[...], Self.dollarBlockInfo), let block = dollarBlocks[line] {
            // `tex` is the content without its last `\n`: as many lines as `\n`s plus one, when
            // there is content.
            let contentLines = text.isEmpty ? 0 : tex.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            if endLine == block.closerLine, contentLines == block.closerLine - block.openerLine - 1 {
                closedDollarFences.append(block)
            }
            return .math(Math(tex: String(decoding: tex, as: UTF8.self), id: nextFormulaID(), display: true, delimiter: .dollarBlock,
                              label: block.label, position: SourcePosition(line: line, column: block.column),
                              lineStarts: lineStarts))
        }
        let column = source.column(line: line, byteOffset: Int(cmark_node_get_start_column(node)) - 1)
        return .math(Math(tex: String(decoding: tex, as: UTF8.self), id: nextFormulaID(), display: true, delimiter: .fence,
                          position: SourcePosition(line: line, column: column), lineStarts: lineStarts))
    }

    // MARK: - Inlines

    private mutating func inlines(of parent: OpaquePointer, depth: Int) -> [Inline] {
        var result: [Inline] = []
        var child = cmark_node_first_child(parent)
        while let node = child {
            if cmark_node_get_type(node) == CMARK_NODE_TEXT, !tooDeep(node, depth: depth + 1) {
                appendText(of: node, to: &result)
            } else if let inline = inline(node, depth: depth + 1) {
                result.append(inline)
            }
            child = cmark_node_next(node)
        }
        return result
    }

    /// A text node: one `.text`, or, when it holds `@eq-` references, its plain runs and
    /// its references, each at the position of its `@`.
    private mutating func appendText(of node: OpaquePointer, to result: inout [Inline]) {
        let text = literal(node)
        guard EquationReferenceSyntax.mentions(in: text) else {
            result.append(.text(text))
            return
        }
        var plain = ""
        for part in EquationReferenceSyntax.split(text) {
            guard let label = part.label else {
                plain += part.text
                continue
            }
            if !plain.isEmpty {
                result.append(.text(plain))
                plain = ""
            }
            result.append(.equationReference(label: label, position: referencePosition(label, in: node)))
        }
        if !plain.isEmpty { result.append(.text(plain)) }
    }

    /// Where `@label` is in the file: found in the content of the text node's block after
    /// the block's previous reference (references come in the order of the content). When
    /// the text differs from the content (an escaped character in the label), the position
    /// after the previous reference.
    private mutating func referencePosition(_ label: String, in node: OpaquePointer) -> SourcePosition {
        var block = cmark_node_parent(node)
        while let current = block, !Self.holdsInlineContent(current) { block = cmark_node_parent(current) }
        guard let block else {
            return SourcePosition(line: max(1, Int(cmark_node_get_start_line(node))),
                                  column: max(1, Int(cmark_node_get_start_column(node))))
        }
        let locator = locator(for: block)
        let cursor = referenceCursors[block] ?? 0
        guard let offset = locator.contentOffset(of: Array(("@" + label).utf8), from: cursor) else {
            return locator.position(ofContentOffset: cursor)
        }
        referenceCursors[block] = offset + 1
        return locator.position(ofContentOffset: offset)
    }

    /// Paragraphs, headings and table cells: the blocks whose content cmark parses as inlines.
    private static func holdsInlineContent(_ node: OpaquePointer) -> Bool {
        let type = cmark_node_get_type(node)
        if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING { return true }
        let name = cmark_node_get_type_string(node).map { String(cString: $0) }
        return name == "table_cell"
    }

    private mutating func inline(_ node: OpaquePointer, depth: Int) -> Inline? {
        if tooDeep(node, depth: depth) { return nil }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: return .text(literal(node))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE:
            // The math extension's formulas are code nodes marked with user data.
            if cmark_node_get_user_data(node) != nil { return math(node) }
            return .code(literal(node))
        case CMARK_NODE_HTML_INLINE: return .html(literal(node))
        case CMARK_NODE_EMPH: return .emphasis(inlines(of: node, depth: depth))
        case CMARK_NODE_STRONG: return .strong(inlines(of: node, depth: depth))
        case CMARK_NODE_LINK:
            return .link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)),
                         content: inlines(of: node, depth: depth))
        case CMARK_NODE_IMAGE:
            return .image(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)),
                          content: inlines(of: node, depth: depth))
        case CMARK_NODE_FOOTNOTE_REFERENCE:
            var label: UnsafePointer<UInt8>?
            let definition = derive_footnote_reference_definition(UnsafeMutableRawPointer(node))
            let length = Int(derive_footnote_definition_label(definition, &label))
            let name = label.map { String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self) } ?? ""
            return .footnoteReference(label: name, number: Int(literal(node)) ?? 0,
                                      index: Int(derive_footnote_reference_index(UnsafeMutableRawPointer(node))))
        default:
            switch kind(of: node) {
            case .strikethrough: return .strikethrough(inlines(of: node, depth: depth))
            default: return nil
            }
        }
    }

    private mutating func math(_ node: OpaquePointer) -> Inline? {
        let index = Int(bitPattern: cmark_node_get_user_data(node)) - 1
        guard records.indices.contains(index) else { return nil }
        let record = records[index]
        let locator = locator(for: record.block)
        let lineStarts = Self.lineStarts(of: record.tex) { locator.position(ofContentOffset: record.texOffset + $0) }
        let tex = locator.written(record.texOffset..<(record.texOffset + record.tex.count))
        return .math(Math(tex: String(decoding: tex, as: UTF8.self), id: nextFormulaID(), display: record.delimiter == .doubleDollar,
                          delimiter: record.delimiter, label: record.label,
                          position: locator.position(ofContentOffset: record.openerOffset), lineStarts: lineStarts))
    }

    private mutating func nextFormulaID() -> FormulaID {
        formulaCount += 1
        return FormulaID(formulaCount - 1)
    }

    private mutating func locator(for block: OpaquePointer) -> ContentLocator {
        if let current = currentLocator, current.block == block { return current.locator }
        let content = cmark_node_get_string_content(block).map { Array(String(cString: $0).utf8) } ?? []
        var positioned = block
        var pipesUnescaped = kind(of: block) == .tableCell
        // The lines of a paragraph above a table's header row: cmark-gfm's table extension
        // moves them into a new paragraph that has no position (line 0), with `\|` unescaped;
        // the table keeps the position of the whole paragraph, so they start where it does.
        if cmark_node_get_start_line(block) == 0, let table = cmark_node_next(block), kind(of: table) == .table {
            positioned = table
            pipesUnescaped = true
        }
        var startLine = Int(cmark_node_get_start_line(positioned))
        var startColumn = Int(cmark_node_get_start_column(positioned))
        var endLine = Int(cmark_node_get_end_line(positioned))
        if positioned == block, pipesUnescaped, let place = tableCellPlace(block) {
            (startLine, startColumn, endLine) = (place.line, place.column, place.line)
        }
        let locator = ContentLocator(content: content, startLine: startLine, startColumn: startColumn, endLine: endLine,
                                     isTableCell: pipesUnescaped, source: source)
        currentLocator = (block, locator)
        return locator
    }

    /// Where a table cell's text is looked for: its row's line in the file, from the byte column
    /// (1-based) where the cell starts. cmark-gfm places a cell at the table's column plus the
    /// cell's offset in its row as the table extension read it, from the row's first non-blank
    /// after the container's markers: a row indented otherwise than the header row was off by
    /// the difference. A header row below paragraph lines (`p` / `x | y` / `-|-`) is placed on
    /// the paragraph's first line, at offsets counted from the paragraph's start (the table's
    /// content is those lines, then the header row).
    private mutating func tableCellPlace(_ cell: OpaquePointer) -> (line: Int, column: Int)? {
        guard let row = cmark_node_parent(cell), let table = cmark_node_parent(row), kind(of: table) == .table else {
            return nil
        }
        let tableColumn = Int(cmark_node_get_start_column(table))
        var offset = Int(cmark_node_get_start_column(cell)) - tableColumn
        let line: Int
        let rowStart: Int
        if cmark_node_previous(row) == nil {
            // The header row: the last line of the table's content.
            let content = cmark_node_get_string_content(table).map { Array(String(cString: $0).utf8) } ?? []
            var lineStarts = [0]
            for (index, byte) in content.enumerated() where byte == UInt8(ascii: "\n") && index + 1 < content.count {
                lineStarts.append(index + 1)
            }
            line = Int(cmark_node_get_start_line(table)) + lineStarts.count - 1
            if lineStarts.count == 1 {
                rowStart = tableColumn - 1
            } else {
                offset -= lineStarts[lineStarts.count - 1]
                rowStart = Self.firstNonMarker(in: source.line(line), quotes: blockQuotes(around: table))
            }
        } else {
            line = Int(cmark_node_get_start_line(row))
            rowStart = Self.firstNonMarker(in: source.line(line), quotes: blockQuotes(around: table))
        }
        return (line, rowStart + max(0, offset) + 1)
    }

    /// The offset in `line` of its first byte that is neither blank nor one of the `quotes`
    /// block quote markers the table sits in: where a table row starts. A `>` past those is the
    /// row's own text (a paragraph line indented four columns or more, `    >$x$`, does not
    /// open a block quote and can become a header row).
    private static func firstNonMarker(in line: ArraySlice<UInt8>, quotes: Int) -> Int {
        var index = line.startIndex
        var skipped = 0
        while index < line.endIndex {
            let byte = line[index]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                index += 1
            } else if byte == UInt8(ascii: ">"), skipped < quotes {
                skipped += 1
                index += 1
            } else {
                break
            }
        }
        return index - line.startIndex
    }

    /// How many block quotes hold `node`.
    private func blockQuotes(around node: OpaquePointer) -> Int {
        var count = 0
        var parent = cmark_node_parent(node)
        while let current = parent {
            if cmark_node_get_type(current) == CMARK_NODE_BLOCK_QUOTE { count += 1 }
            parent = cmark_node_parent(current)
        }
        return count
    }

    /// The position of the first byte of each line of `tex`.
    private static func lineStarts(of tex: [UInt8], position: (Int) -> SourcePosition) -> [SourcePosition] {
        var starts = [position(0)]
        for (offset, byte) in tex.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(position(offset + 1))
        }
        return starts
    }

    // MARK: - Strings

    private func literal(_ node: OpaquePointer) -> String { string(cmark_node_get_literal(node)) }

    /// The bytes of a C string of cmark's, in place (empty for none).
    private static func bytes(_ pointer: UnsafePointer<CChar>?) -> UnsafeBufferPointer<UInt8> {
        guard let pointer else { return UnsafeBufferPointer(start: nil, count: 0) }
        let start = UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self)
        var count = 0
        while start[count] != 0 { count += 1 }
        return UnsafeBufferPointer(start: start, count: count)
    }

    private static let mathWord = Array("math".utf8)
    private static let dollarBlockInfo = Array(BlockPrepass.fenceInfo.utf8)

    private static func equal(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ other: [UInt8]) -> Bool {
        bytes.count == other.count && zip(bytes, other).allSatisfy { $0 == $1 }
    }

    private func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
