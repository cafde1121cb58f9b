/// A note's bytes split into lines, with the UTF-8 byte-order mark removed.
///
/// Line endings may be `\n`, `\r\n` or `\r`, as in CommonMark. Lines are kept without their
/// endings; `lines[0]` is line 1.
struct SourceText {
    /// The bytes after the byte-order mark.
    let bytes: [UInt8]
    /// For each line, the byte range (without line ending) in `bytes`.
    let lineRanges: [Range<Int>]

    init(_ text: String) {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        self.bytes = bytes
        var ranges: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                ranges.append(start..<index)
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
        self.lineRanges = ranges
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
        var scalars = 1
        var index = line.startIndex
        let end = min(line.startIndex + max(0, byteOffset), line.endIndex)
        while index < end {
            if line[index] & 0xC0 != 0x80 { scalars += 1 }
            index += 1
        }
        return scalars + max(0, byteOffset - line.count)
    }

    /// The lines as substrings (for quoting in diagnostics).
    func substrings() -> [Substring] {
        let text = String(decoding: bytes, as: UTF8.self)
        var result: [Substring] = []
        result.reserveCapacity(lineRanges.count)
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
        if let last = lines.last, last.isEmpty, text.hasSuffix("\n") || text.hasSuffix("\r") {
            lines.removeLast()
        }
        result.append(contentsOf: lines)
        return result
    }
}
