import Calculus

/// Questions about names as the note language writes them.
enum Names {
    /// `x_2` before `x_10`: digits compare as numbers (a run too long for an `Int` counts as 0);
    /// other characters by code point.
    static func naturalOrder(_ a: String, _ b: String) -> Bool {
        // On UTF-8 bytes: digits are single bytes, and bytes order as code points do.
        var a = a
        var b = b
        return a.withUTF8 { left in b.withUTF8 { right in naturalOrder(left, right) } }
    }

    private static func naturalOrder(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        var j = 0
        while i < left.count, j < right.count {
            if isDigit(left[i]), isDigit(right[j]) {
                let (numberA, endI) = number(in: left, from: i)
                let (numberB, endJ) = number(in: right, from: j)
                if numberA != numberB { return numberA < numberB }
                i = endI
                j = endJ
            } else {
                if left[i] != right[j] { return left[i] < right[j] }
                i += 1
                j += 1
            }
        }
        return left.count - i < right.count - j
    }

    /// The value of the run of digits from `start` (0 when it overflows) and where it ends.
    private static func number(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (Int, Int) {
        var end = start
        var value = 0
        var overflow = false
        while end < bytes.count, isDigit(bytes[end]) {
            let (times, overflowTimes) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowSum) = times.addingReportingOverflow(Int(bytes[end] - UInt8(ascii: "0")))
            overflow = overflow || overflowTimes || overflowSum
            value = sum
            end += 1
        }
        return (overflow ? 0 : value, end)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// Whether the base of the name (before `_` or `^`) has more than one letter.
    static func isMultiLetter(_ name: String) -> Bool {
        // A name of plain ASCII (almost every name) is counted on its bytes: one character each
        // (CR LF aside, which is one).
        let bytes = name.utf8
        if bytes.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\r") }) {
            let base = bytes.prefix { $0 != UInt8(ascii: "_") && $0 != UInt8(ascii: "^") && $0 != UInt8(ascii: "@") }
            return base.count > 1
        }
        let base = name.prefix { $0 != "_" && $0 != "^" && $0 != "@" }
        return base.count > 1
    }

    /// Whether binding this name to a number shadows a built-in function or a constant.
    static func isBuiltinOrConstant(_ name: String) -> Bool {
        Builtins.isBuiltin(name) || Constants.value(of: name) != nil || name == "σ"
    }

    /// The family of an indexed name: `h` for `h_5`, `w` for `w_12`; `nil` when the subscript is
    /// not a number.
    static func family(of name: String) -> String? {
        guard let underscore = name.firstIndex(of: "_") else { return nil }
        let index = name[name.index(after: underscore)...]
        guard !index.isEmpty, index.allSatisfy(\.isNumber) else { return nil }
        return String(name[..<underscore])
    }
}
