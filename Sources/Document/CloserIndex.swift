/// Which closing delimiters lie ahead in one block's content, computed once per block, so that
/// an opening `$` with no closer is rejected without scanning to the end of the block again
/// (an unclosed `$a` repeated 10,000 times in a paragraph took quadratic time, issue 15).
///
/// It answers exactly what `MathScanner`'s scans would find, for a scan starting at any `$`
/// after `base` that the index reads as the start of a unit (not the byte after a backslash):
/// a backslash and the byte after it are one unit in both, and from such a `$` onward both
/// split the bytes into the same units. For other starts it answers nothing and the scanner
/// scans as before. A scan that finds a closer is short (it consumes what it scans), so only
/// the "no closer" answers are needed.
struct CloserIndex {
    /// The content offset of the `$` from which the index was built.
    let base: Int
    private let count: Int
    /// Per byte from `base`: bit 0 the byte starts a unit; bit 1 an inline closer (`$`, not
    /// after a blank nor before a digit) lies at or after it; bit 2 such a closer at brace
    /// depth 0 (counting braces from there); bit 3 a `$$` lies at or after it; bit 4 a `` `$ ``.
    private let flags: [UInt8]

    private static let unitStart: UInt8 = 1
    private static let inlineCloser: UInt8 = 2
    private static let braceCloser: UInt8 = 4
    private static let displayCloser: UInt8 = 8
    private static let backtickCloser: UInt8 = 16

    /// - Parameters:
    ///   - bytes: the block's content from offset `base` (a `$`) to its end.
    init(base: Int, bytes: UnsafeBufferPointer<UInt8>) {
        self.base = base
        self.count = bytes.count
        var flags = [UInt8](repeating: 0, count: bytes.count)
        // Units, as a scan from base + 1 reads them; brace balance before each byte.
        var balance = [Int32](repeating: 0, count: bytes.count + 1)
        var index = 1
        var depth: Int32 = 0
        while index < bytes.count {
            flags[index] |= Self.unitStart
            balance[index] = depth
            switch bytes[index] {
            case UInt8(ascii: "\\"):
                if index + 1 < bytes.count { balance[index + 1] = depth }
                index += 2
                continue
            case UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "}"): depth -= 1
            default: break
            }
            index += 1
        }
        // From the end: whether each kind of closer lies ahead. For the brace-depth closer,
        // `lowest` is the smallest balance among the closers that a scan starting here would
        // reach at depth 0 (depth counts from the start and never goes below 0, so a closer is
        // at depth 0 exactly when its balance is the lowest since the start).
        var inlineAhead = false
        var displayAhead = false
        var backtickAhead = false
        var lowest = Int32.max
        var position = bytes.count - 1
        while position >= 1 {
            let byte = bytes[position]
            let unit = flags[position] & Self.unitStart != 0
            let next: UInt8? = position + 1 < bytes.count ? bytes[position + 1] : nil
            if unit, byte == UInt8(ascii: "$"), !MathScanner.isSpace(bytes[position - 1]),
                !(next.map { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } ?? false)
            {
                inlineAhead = true
                lowest = min(lowest, balance[position])
            } else if lowest > balance[position] {
                lowest = .max
            }
            if unit, byte == UInt8(ascii: "$"), next == UInt8(ascii: "$") { displayAhead = true }
            if byte == UInt8(ascii: "`"), next == UInt8(ascii: "$") { backtickAhead = true }
            if inlineAhead { flags[position] |= Self.inlineCloser }
            if lowest != .max { flags[position] |= Self.braceCloser }
            if displayAhead { flags[position] |= Self.displayCloser }
            if backtickAhead { flags[position] |= Self.backtickCloser }
            position -= 1
        }
        self.flags = flags
    }

    /// Whether the index can answer for a scan that opens at the `$` at `start`.
    func covers(start: Int) -> Bool {
        start == base || (start > base && start - base < count && flags[start - base] & Self.unitStart != 0)
    }

    private func has(_ flag: UInt8, from offset: Int) -> Bool {
        let index = offset - base
        return index < count && flags[index] & flag != 0
    }

    /// Whether a `$...$` scan opening at `start` (covered) can find a closer, ignoring braces.
    func hasInlineCloser(openingAt start: Int) -> Bool { has(Self.inlineCloser, from: start + 1) }
    /// Whether it can find one at brace depth 0.
    func hasBraceCloser(openingAt start: Int) -> Bool { has(Self.braceCloser, from: start + 1) }
    /// Whether a `$$` opening at `start` (covered) is followed by a `$$`.
    func hasDisplayCloser(openingAt start: Int) -> Bool { has(Self.displayCloser, from: start + 2) }
    /// Whether a `` $` `` opening at `start` is followed by a `` `$ ``.
    func hasBacktickCloser(openingAt start: Int) -> Bool { has(Self.backtickCloser, from: start + 2) }
}
