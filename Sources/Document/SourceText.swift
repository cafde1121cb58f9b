/// A note's bytes split into lines, with the UTF-8 byte-order mark removed and every NUL read
/// as U+FFFD (CommonMark §2.3: cmark does so in its input, so offsets in its text and in ours
/// agree; a NUL left as one byte placed a formula after it two columns to the right).
///
/// Line endings may be `\n`, `\r\n` or `\r`, as in CommonMark. Lines are kept without their
/// endings; `lines[0]` is line 1.
struct SourceText {
    /// The bytes after the byte-order mark.
    let bytes: [UInt8]
    /// For each line, the byte range (without line ending) in `bytes`.
    let lineRanges: [Range<Int>]
    /// The offsets in `bytes` of UTF-8 continuation bytes (`10xxxxxx`), ascending: a column is
    /// a byte offset less the continuation bytes before it, found by binary search, so that
    /// locating many formulas on one long line stays linear.
    private let continuationBytes: [Int]
    /// Whether every line ending is `\n` (no `\r`): then the bytes from the start of a line to
    /// the end of a later one are those lines joined by `\n`.
    let endsLinesWithNewlineOnly: Bool

    init(_ text: String) {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.contains(0) { bytes = bytes.flatMap { $0 == 0 ? [0xEF, 0xBF, 0xBD] : [$0] } }
        self.bytes = bytes
        var ranges: [Range<Int>] = []
        var continuations: [Int] = []
        var carriageReturns = false
        bytes.withUnsafeBufferPointer { bytes in
            var start = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte & 0xC0 == 0x80 { continuations.append(index) }
                if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                    ranges.append(start..<index)
                    if byte == UInt8(ascii: "\r") { carriageReturns = true }
                    if byte == UInt8(ascii: "\r"), index + 1 < bytes.count,
                        bytes[index + 1] == UInt8(ascii: "\n")
                    {
                        index += 1
                    }
                    start = index + 1
                }
                index += 1
            }
            if start < bytes.count { ranges.append(start..<bytes.count) }
        }
        self.lineRanges = ranges
        self.continuationBytes = continuations
        self.endsLinesWithNewlineOnly = !carriageReturns
    }

    var lineCount: Int { lineRanges.count }

    /// The bytes of 1-based line `number`, or an empty slice past the end.
    func line(_ number: Int) -> ArraySlice<UInt8> {
        guard number >= 1, number <= lineRanges.count else { return [] }
        return bytes[lineRanges[number - 1]]
    }

    /// The 1-based column (in Unicode scalars) of the byte at `byteOffset` within line `number`.
    func column(line number: Int, byteOffset: Int) -> Int {
        let line = line(number)
        let end = min(line.startIndex + max(0, byteOffset), line.endIndex)
        let continuations = continuationCount(before: end) - continuationCount(before: line.startIndex)
        return 1 + (end - line.startIndex) - continuations + max(0, byteOffset - line.count)
    }

    /// How many continuation bytes lie before `offset` in `bytes`.
    private func continuationCount(before offset: Int) -> Int {
        countOfElements(in: continuationBytes, atMost: offset - 1)
    }

    /// The lines as substrings (for quoting in diagnostics); one empty line for an empty text.
    func substrings() -> [Substring] {
        let text = String(decoding: bytes, as: UTF8.self)
        guard !lineRanges.isEmpty else { return [text[...]] }
        // The bytes came from a String, so every line boundary is a scalar boundary.
        let utf8 = text.utf8
        var start = utf8.startIndex
        var offset = 0
        return lineRanges.map { range in
            start = utf8.index(start, offsetBy: range.lowerBound - offset)
            let end = utf8.index(start, offsetBy: range.count)
            offset = range.upperBound
            defer { start = end }
            return text[start..<end]
        }
    }
}
