import CCmarkGFM

/// What the inline math extension records for each formula it takes out of a paragraph.
struct InlineMathRecord {
    var tex: [UInt8]
    var delimiter: Math.Delimiter
    var label: String?
    /// The block (paragraph, heading, table cell) whose content was being parsed.
    var block: OpaquePointer
    /// Byte offsets in that block's content: the opening `$` and the first byte of the TeX.
    var openerOffset: Int
    var texOffset: Int
}

/// State shared between one parse and the C callback. Only touched while `CmarkParser`'s lock
/// is held, so the C callback (which cannot capture context) can reach it through a global.
final class InlineMathCollector {
    var records: [InlineMathRecord] = []
    /// Whether the scanner consults `CloserIndex` (always, except in the test that compares
    /// the formulas found with and without it).
    var usesCloserIndex = true
    /// The closers ahead in the block being parsed (built at its first `$`).
    var closers: (parser: OpaquePointer, block: OpaquePointer, index: CloserIndex)?

    /// The closer index for `block`, built from the `$` at the parser's offset if this is the
    /// block's first `$`.
    func closerIndex(parser: OpaquePointer, block: OpaquePointer) -> CloserIndex {
        if let closers, closers.parser == parser, closers.block == block { return closers.index }
        let start = Int(cmark_inline_parser_get_offset(parser))
        var bytes: [UInt8] = []
        while cmark_inline_parser_is_eof(parser) == 0 {
            bytes.append(cmark_inline_parser_peek_char(parser))
            cmark_inline_parser_advance_offset(parser)
        }
        cmark_inline_parser_set_offset(parser, Int32(start))
        let index = CloserIndex(base: start, bytes: bytes)
        closers = (parser, block, index)
        return index
    }
}

nonisolated(unsafe) var activeInlineMathCollector: InlineMathCollector?

/// The cmark-gfm inline syntax extension that reads `$...$`, `$$...$$` and `` $`...`$ ``
/// before cmark's inline parser can touch their bytes.
///
/// Rules (pandoc's `tex_math_dollars`): the opening `$` of inline math is not followed by
/// white space, the closing `$` is not preceded by white space nor followed by a digit; a
/// backslash and the byte after it are taken as a pair (so `\$` never closes); material in
/// balanced braces is skipped when looking for the closing `$` (`$\text{a $x$}$`), and if that
/// finds no closer, braces are ignored so that a formula with an unbalanced brace is still
/// math (the TeX parser then reports the brace). `$$` opens display math closed by the next
/// `$$`, optionally followed by a label `{#name}`.
enum MathSyntaxExtension {
    /// The match callback. A formula becomes a code node that carries, as user data, the
    /// index of its record: GFM table cells accept only a fixed list of inline node types
    /// (text, code, emphasis...), so a node type of our own would be dropped there.
    static let match: cmark_match_inline_func = { _, _, parent, character, inlineParser in
        guard character == UInt8(ascii: "$"), let parent, let inlineParser,
            let collector = activeInlineMathCollector
        else { return nil }
        var scanner = MathScanner(
            parser: inlineParser,
            closers: collector.usesCloserIndex ? collector.closerIndex(parser: inlineParser, block: parent) : nil)
        guard let found = scanner.scan(), let node = makeMarkerNode() else { return nil }
        collector.records.append(
            InlineMathRecord(
                tex: found.tex, delimiter: found.delimiter, label: found.label, block: parent,
                openerOffset: found.openerOffset, texOffset: found.texOffset))
        cmark_node_set_user_data(node, UnsafeMutableRawPointer(bitPattern: collector.records.count))
        return node
    }

    /// A new code node, allocated as the parser's nodes are (cmark refuses children from
    /// another allocator).
    private static func makeMarkerNode() -> OpaquePointer? {
        cmark_node_new_with_mem(CMARK_NODE_CODE, cmark_get_default_mem_allocator())
    }
}

/// Scans one formula starting at the `$` under the inline parser's offset.
struct MathScanner {
    struct Found {
        var tex: [UInt8]
        var delimiter: Math.Delimiter
        var label: String?
        var openerOffset: Int
        var texOffset: Int
    }

    let parser: OpaquePointer
    let start: Int
    /// What closers lie ahead, when the index covers this start.
    let closers: CloserIndex?

    init(parser: OpaquePointer, closers: CloserIndex? = nil) {
        let start = Int(cmark_inline_parser_get_offset(parser))
        self.parser = parser
        self.start = start
        self.closers = closers.flatMap { $0.covers(start: start) ? $0 : nil }
    }

    private var offset: Int { Int(cmark_inline_parser_get_offset(parser)) }
    private func peek() -> UInt8 { cmark_inline_parser_peek_char(parser) }
    private func advance() { cmark_inline_parser_advance_offset(parser) }
    private func seek(_ offset: Int) { cmark_inline_parser_set_offset(parser, Int32(offset)) }
    private var atEnd: Bool { cmark_inline_parser_is_eof(parser) != 0 }

    /// Consumes the formula and returns it, or restores the offset and returns `nil`.
    mutating func scan() -> Found? {
        advance()
        let found: Found?
        // Where the closer index says no closer lies ahead, the scan would run to the end of
        // the block and fail: skip it.
        switch peek() {
        case UInt8(ascii: "$"):
            advance()
            found = closers?.hasDisplayCloser(openingAt: start) == false ? nil : scanDisplay()
        case UInt8(ascii: "`"):
            advance()
            found = closers?.hasBacktickCloser(openingAt: start) == false ? nil : scanBacktick()
        default:
            if let closers {
                // A closer at brace depth 0 is also a closer when braces are ignored.
                if !closers.hasInlineCloser(openingAt: start) {
                    found = nil
                } else if closers.hasBraceCloser(openingAt: start) {
                    found = scanInline(skippingBraces: true) ?? scanInline(skippingBraces: false)
                } else {
                    found = scanInline(skippingBraces: false)
                }
            } else {
                found = scanInline(skippingBraces: true) ?? scanInline(skippingBraces: false)
            }
        }
        if found == nil { seek(start) }
        return found
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: "\r")
    }

    /// `$...$` with pandoc's rules.
    private func scanInline(skippingBraces: Bool) -> Found? {
        seek(start + 1)
        let first = peek()
        if atEnd || Self.isSpace(first) { return nil }
        var tex: [UInt8] = []
        var depth = 0
        var previous: UInt8 = 0
        while !atEnd {
            let byte = peek()
            switch byte {
            case UInt8(ascii: "\\"):
                guard let escaped = takeEscapePair(into: &tex) else { return nil }
                previous = escaped
                continue
            case UInt8(ascii: "{") where skippingBraces:
                depth += 1
            case UInt8(ascii: "}") where skippingBraces && depth > 0:
                depth -= 1
            case UInt8(ascii: "$") where depth == 0 && !Self.isSpace(previous):
                advance()
                let next = peek()
                if atEnd || !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(next) {
                    return Found(tex: tex, delimiter: .dollar, label: nil, openerOffset: start,
                                 texOffset: start + 1)
                }
                tex.append(byte)
                previous = byte
                continue
            default:
                break
            }
            tex.append(byte)
            previous = byte
            advance()
        }
        return nil
    }

    /// Takes a backslash and the byte after it as one pair (so `\$` never closes a formula);
    /// returns that byte, or `nil` when the paragraph ends after the backslash.
    private func takeEscapePair(into tex: inout [UInt8]) -> UInt8? {
        tex.append(peek())
        advance()
        if atEnd { return nil }
        let escaped = peek()
        tex.append(escaped)
        advance()
        return escaped
    }

    /// `$$...$$`, then an optional `{#label}`.
    private func scanDisplay() -> Found? {
        var tex: [UInt8] = []
        while !atEnd {
            let byte = peek()
            if byte == UInt8(ascii: "\\") {
                guard takeEscapePair(into: &tex) != nil else { return nil }
                continue
            }
            if byte == UInt8(ascii: "$") {
                advance()
                if peek() == UInt8(ascii: "$") {
                    advance()
                    guard tex.contains(where: { !Self.isSpace($0) }) else { return nil }
                    return Found(tex: tex, delimiter: .doubleDollar, label: scanLabel(),
                                 openerOffset: start, texOffset: start + 2)
                }
                tex.append(byte)
                continue
            }
            tex.append(byte)
            advance()
        }
        return nil
    }

    /// `` $`...`$ ``: everything up to the first `` `$ ``.
    private func scanBacktick() -> Found? {
        var tex: [UInt8] = []
        while !atEnd {
            let byte = peek()
            advance()
            if byte == UInt8(ascii: "`"), peek() == UInt8(ascii: "$") {
                advance()
                guard !tex.isEmpty else { return nil }
                return Found(tex: tex, delimiter: .backtickDollar, label: nil, openerOffset: start,
                             texOffset: start + 2)
            }
            tex.append(byte)
        }
        return nil
    }

    /// After a closing `$$`: optional blanks and `{#name}`; consumed only when well formed.
    private func scanLabel() -> String? {
        let resume = offset
        while peek() == UInt8(ascii: " ") || peek() == UInt8(ascii: "\t") { advance() }
        guard peek() == UInt8(ascii: "{") else {
            seek(resume)
            return nil
        }
        var bytes: [UInt8] = []
        while !atEnd, bytes.count < 256 {
            let byte = peek()
            bytes.append(byte)
            advance()
            if byte == UInt8(ascii: "}") { break }
        }
        if let label = EquationLabel.parse(bytes[...]), label.length == bytes.count {
            return label.name
        }
        seek(resume)
        return nil
    }
}
