import CCmarkBridge
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
    /// The closers ahead in the block being parsed: built at the block's first `$` whose scan
    /// read to the block's end without a closer. Until then every scan has been short (a scan
    /// that finds its closer consumes what it read), so only blocks with an unclosed `$` pay
    /// for the index, and each pays once.
    private var closers: (parser: OpaquePointer, block: OpaquePointer, index: CloserIndex)?

    /// The closer index of `block`, if it has one.
    func closerIndex(parser: OpaquePointer, block: OpaquePointer) -> CloserIndex? {
        guard usesCloserIndex, let closers, closers.parser == parser, closers.block == block else { return nil }
        return closers.index
    }

    /// Builds the closer index of `block`, whose content is `bytes`, from the `$` at `start`.
    func indexClosers(parser: OpaquePointer, block: OpaquePointer, bytes: UnsafeBufferPointer<UInt8>, start: Int) {
        guard usesCloserIndex else { return }
        closers = (parser, block, CloserIndex(base: start, bytes: UnsafeBufferPointer(rebasing: bytes[start...])))
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
        // The scanner reads the block's bytes in place, and moves the parser past a formula.
        var data: UnsafePointer<UInt8>?
        let count = Int(derive_inline_parser_input(UnsafeMutableRawPointer(inlineParser), &data))
        guard let data else { return nil }
        let bytes = UnsafeBufferPointer(start: data, count: count)
        let start = Int(cmark_inline_parser_get_offset(inlineParser))
        let closers = collector.closerIndex(parser: inlineParser, block: parent)
        var scanner = MathScanner(bytes: bytes, start: start, closers: closers)
        let scanned = scanner.scan()
        if closers == nil, scanner.readToEnd {
            collector.indexClosers(parser: inlineParser, block: parent, bytes: bytes, start: start)
        }
        guard let found = scanned, let node = makeMarkerNode() else { return nil }
        cmark_inline_parser_set_offset(inlineParser, Int32(scanner.offset))
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

/// Scans one formula starting at a `$` in a block's content (the bytes cmark's inline parser
/// reads).
struct MathScanner {
    struct Found {
        var tex: [UInt8]
        var delimiter: Math.Delimiter
        var label: String?
        var openerOffset: Int
        var texOffset: Int
    }

    /// The block's content.
    let bytes: UnsafeBufferPointer<UInt8>
    /// The offset of the opening `$` in `bytes`.
    let start: Int
    /// What closers lie ahead, when the index covers this start.
    let closers: CloserIndex?
    /// The offset being read: after `scan` finds a formula, the offset after it.
    private(set) var offset: Int
    /// Whether `scan` read to the end of the block without finding a closer (and so would
    /// again from the next `$`: the block needs its closer index).
    private(set) var readToEnd = false

    init(bytes: UnsafeBufferPointer<UInt8>, start: Int, closers: CloserIndex? = nil) {
        self.bytes = bytes
        self.start = start
        self.offset = start
        self.closers = closers.flatMap { $0.covers(start: start) ? $0 : nil }
    }

    // As cmark's inline parser reads: 0 past the end.
    private func peek() -> UInt8 { offset < bytes.count ? bytes[offset] : 0 }
    private mutating func advance() { offset += 1 }
    private mutating func seek(_ offset: Int) { self.offset = offset }
    private var atEnd: Bool { offset >= bytes.count }

    /// Reads the formula and returns it (`offset` is then after it), or returns `nil` with
    /// `offset` back at the start.
    mutating func scan() -> Found? {
        advance()
        var found: Found?
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
                found = scanInline(skippingBraces: true)
                if found == nil {
                    readToEnd = true
                    found = scanInline(skippingBraces: false)
                }
            }
        }
        if found == nil {
            readToEnd = true
            seek(start)
        }
        return found
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: "\r")
    }

    /// The bytes from `texStart` to `end`: the TeX of a formula found (every scan takes the
    /// bytes between its delimiters as they are).
    private func tex(from texStart: Int, to end: Int) -> [UInt8] {
        Array(bytes[texStart..<end])
    }

    /// `$...$` with pandoc's rules.
    private mutating func scanInline(skippingBraces: Bool) -> Found? {
        seek(start + 1)
        let first = peek()
        if atEnd || Self.isSpace(first) { return nil }
        var depth = 0
        var previous: UInt8 = 0
        while !atEnd {
            let byte = peek()
            switch byte {
            case UInt8(ascii: "\\"):
                guard let escaped = skipEscapePair() else { return nil }
                previous = escaped
                continue
            case UInt8(ascii: "{") where skippingBraces:
                depth += 1
            case UInt8(ascii: "}") where skippingBraces && depth > 0:
                depth -= 1
            case UInt8(ascii: "$") where depth == 0 && !Self.isSpace(previous):
                let closer = offset
                advance()
                let next = peek()
                if atEnd || !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(next) {
                    return Found(tex: tex(from: start + 1, to: closer), delimiter: .dollar, label: nil,
                                 openerOffset: start, texOffset: start + 1)
                }
                previous = byte
                continue
            default:
                break
            }
            previous = byte
            advance()
        }
        return nil
    }

    /// Steps over a backslash and the byte after it as one pair (so `\$` never closes a
    /// formula); returns that byte, or `nil` when the paragraph ends after the backslash.
    private mutating func skipEscapePair() -> UInt8? {
        advance()
        if atEnd { return nil }
        let escaped = peek()
        advance()
        return escaped
    }

    /// `$$...$$`, then an optional `{#label}`.
    private mutating func scanDisplay() -> Found? {
        let texStart = offset
        while !atEnd {
            let byte = peek()
            if byte == UInt8(ascii: "\\") {
                guard skipEscapePair() != nil else { return nil }
                continue
            }
            if byte == UInt8(ascii: "$") {
                let closer = offset
                advance()
                if peek() == UInt8(ascii: "$") {
                    advance()
                    guard bytes[texStart..<closer].contains(where: { !Self.isSpace($0) }) else { return nil }
                    return Found(tex: tex(from: texStart, to: closer), delimiter: .doubleDollar, label: scanLabel(),
                                 openerOffset: start, texOffset: start + 2)
                }
                continue
            }
            advance()
        }
        return nil
    }

    /// `` $`...`$ ``: everything up to the first `` `$ ``.
    private mutating func scanBacktick() -> Found? {
        let texStart = offset
        while !atEnd {
            let byte = peek()
            advance()
            if byte == UInt8(ascii: "`"), peek() == UInt8(ascii: "$") {
                let closer = offset - 1
                advance()
                guard closer > texStart else { return nil }
                return Found(tex: tex(from: texStart, to: closer), delimiter: .backtickDollar, label: nil,
                             openerOffset: start, texOffset: start + 2)
            }
        }
        return nil
    }

    /// After a closing `$$`: optional blanks and `{#name}`; consumed only when well formed.
    private mutating func scanLabel() -> String? {
        let resume = offset
        while peek() == UInt8(ascii: " ") || peek() == UInt8(ascii: "\t") { advance() }
        guard peek() == UInt8(ascii: "{") else {
            seek(resume)
            return nil
        }
        var written: [UInt8] = []
        while !atEnd, written.count < 256 {
            let byte = peek()
            written.append(byte)
            advance()
            if byte == UInt8(ascii: "}") { break }
        }
        if let label = EquationLabel.parse(written[...]), label.length == written.count {
            return label.name
        }
        seek(resume)
        return nil
    }
}
