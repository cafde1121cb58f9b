import Calculus

/// Questions about names as the note language writes them.
enum Names {
    /// `x_2` before `x_10`: digits compare as numbers.
    static func naturalOrder(_ a: String, _ b: String) -> Bool {
        let left = Array(a.unicodeScalars)
        let right = Array(b.unicodeScalars)
        var i = 0
        var j = 0
        while i < left.count, j < right.count {
            if isDigit(left[i]), isDigit(right[j]) {
                var endI = i
                while endI < left.count, isDigit(left[endI]) { endI += 1 }
                var endJ = j
                while endJ < right.count, isDigit(right[endJ]) { endJ += 1 }
                let numberA = Int(String(String.UnicodeScalarView(left[i..<endI]))) ?? 0
                let numberB = Int(String(String.UnicodeScalarView(right[j..<endJ]))) ?? 0
                if numberA != numberB { return numberA < numberB }
                i = endI
                j = endJ
            } else {
                if left[i] != right[j] { return left[i].value < right[j].value }
                i += 1
                j += 1
            }
        }
        return left.count - i < right.count - j
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    /// Whether the base of the name (before `_` or `^`) has more than one letter.
    static func isMultiLetter(_ name: String) -> Bool {
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
