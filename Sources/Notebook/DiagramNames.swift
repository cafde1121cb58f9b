/// How a diagram's text (a node's id or label, an edge's label) names a name of the note:
/// `h1`, `h₁`, `h_1`, `h_{1}` and `$h_1$` all write `h_1`.
enum DiagramNames {
    /// The note names `text` may write: the text itself, and its reading with the index as a
    /// subscript (`h_1` for `h1` and `h₁`, `w_12` for `w12` and `w₁₂`). The caller keeps those
    /// that are names of the note.
    static func candidates(_ text: String) -> [String] {
        var trimmed = Substring(text).drop { $0 == " " || $0 == "\t" }
        while let last = trimmed.last, last == " " || last == "\t" { trimmed = trimmed.dropLast() }
        if trimmed.count >= 2, trimmed.first == "$", trimmed.last == "$" { trimmed = trimmed.dropFirst().dropLast() }
        guard !trimmed.isEmpty else { return [] }
        let plain = String(trimmed)
        var read = ""
        var hasUnderscore = false
        var inSubscript = false
        for character in trimmed {
            if let digit = subscriptDigits[character] {
                if !inSubscript, read.last != "_" { read.append("_") }
                read.append(digit)
                inSubscript = true
                hasUnderscore = true
                continue
            }
            inSubscript = false
            switch character {
            case "{", "}": continue
            case "_": hasUnderscore = true
            default: break
            }
            read.append(character)
        }
        if !hasUnderscore, let firstDigit = read.firstIndex(where: \.isASCIIDigit), firstDigit != read.startIndex,
            read[..<firstDigit].allSatisfy(\.isLetter), read[firstDigit...].allSatisfy(\.isASCIIDigit)
        {
            read = read[..<firstDigit] + "_" + read[firstDigit...]
        }
        return read == plain ? [plain] : [plain, read]
    }

    /// The one name of `names` that one of `texts` writes, or `nil` when none does or when
    /// they write different names (the mapping must be certain).
    static func name(writtenBy texts: [String], in names: Set<String>) -> String? {
        var found: String?
        for text in texts {
            for candidate in candidates(text) where names.contains(candidate) {
                if let found, found != candidate { return nil }
                found = candidate
            }
        }
        return found
    }

    /// The names written after a `+` in `text` (`b_3` in `a1 (+b3)` or `h₁ + b₁`), with the
    /// text written: the biases a node's label gives its unit.
    static func addedNames(in text: String, names: Set<String>) -> [(name: String, written: String)] {
        var found: [(name: String, written: String)] = []
        var rest = Substring(text)
        while let plus = rest.firstIndex(of: "+") {
            rest = rest[rest.index(after: plus)...].drop { $0 == " " }
            let token = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "{" || $0 == "}" }
            if !token.isEmpty, let name = name(writtenBy: [String(token)], in: names) {
                found.append((name, String(token)))
            }
        }
        return found
    }

    private static let subscriptDigits: [Character: Character] = [
        "₀": "0", "₁": "1", "₂": "2", "₃": "3", "₄": "4", "₅": "5", "₆": "6", "₇": "7", "₈": "8", "₉": "9",
    ]
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
