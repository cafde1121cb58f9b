/// Where a formula writes a name of a family (`h_5` as `h_5`, `h_{5}` or within the index range
/// `h_{5..6}`), so that a diagnostic about the name can put its caret under it rather than under
/// the whole statement (docs/note-language.md §7).
enum WrittenName {
    /// The byte range in `tex`, within `range`, where `name` (letters, `_`, a whole number:
    /// `h_5`, `net_12`) is first written; `nil` for another kind of name, or when it is not
    /// found as written.
    static func find(_ name: String, in tex: [UInt8], within range: Range<Int>) -> Range<Int>? {
        guard let underscore = name.firstIndex(of: "_") else { return nil }
        let base = Array(name[..<underscore].utf8)
        guard let number = Int(name[name.index(after: underscore)...]), !base.isEmpty, base.allSatisfy(isLetter)
        else { return nil }
        let range = range.clamped(to: 0..<tex.count)
        var start = range.lowerBound
        while start + base.count < range.upperBound {
            defer { start += 1 }
            guard tex[start..<(start + base.count)].elementsEqual(base),
                start == range.lowerBound || (!isLetter(tex[start - 1]) && tex[start - 1] != UInt8(ascii: "\\"))
            else { continue }
            var cursor = skipSpaces(tex, from: start + base.count, to: range.upperBound)
            guard cursor < range.upperBound, tex[cursor] == UInt8(ascii: "_") else { continue }
            cursor = skipSpaces(tex, from: cursor + 1, to: range.upperBound)
            guard cursor < range.upperBound else { continue }
            if tex[cursor] == UInt8(ascii: "{") {
                guard let close = tex[cursor..<range.upperBound].firstIndex(of: UInt8(ascii: "}")) else { continue }
                let inner = String(decoding: tex[(cursor + 1)..<close], as: UTF8.self).filter { !$0.isWhitespace }
                if writes(number, inner) { return start..<(close + 1) }
            } else {
                var end = cursor
                while end < range.upperBound, end < cursor + 1, isDigit(tex[end]) { end += 1 }
                if end > cursor, Int(String(decoding: tex[cursor..<end], as: UTF8.self)) == number {
                    return start..<end
                }
            }
        }
        return nil
    }

    /// Whether a braced subscript writes `number`: itself, or an index range `a..b` holding it.
    private static func writes(_ number: Int, _ inner: String) -> Bool {
        if Int(inner) == number { return true }
        guard let dots = inner.range(of: ".."), let low = Int(inner[..<dots.lowerBound]),
            let high = Int(inner[dots.upperBound...])
        else { return false }
        return low <= number && number <= high
    }

    private static func skipSpaces(_ tex: [UInt8], from start: Int, to end: Int) -> Int {
        var index = start
        while index < end, tex[index] == UInt8(ascii: " ") { index += 1 }
        return index
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
