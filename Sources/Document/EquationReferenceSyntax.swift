/// What counts as an `@eq-label` reference in a note's text (Quarto's syntax). The Document
/// turns each into an `Inline.equationReference` when it is built.
public enum EquationReferenceSyntax {
    /// Whether `text` contains `@eq-` at all: a quick byte test, for the many texts without one.
    public static func mentions(in text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            guard utf8.count >= 4 else { return false }
            for index in 0..<(utf8.count - 3)
            where utf8[index] == UInt8(ascii: "@") && utf8[index + 1] == UInt8(ascii: "e")
                && utf8[index + 2] == UInt8(ascii: "q") && utf8[index + 3] == UInt8(ascii: "-") {
                return true
            }
            return false
        }
    }

    /// Splits text into plain runs and references. A reference's `text` and `label` are both
    /// its label without the `@` (`eq-loss`); `@eq-` after a letter or digit is part of an
    /// e-mail address, and a label does not end with `.` or `:` (they end a sentence).
    public static func split(_ text: String) -> [(text: String, label: String?)] {
        guard mentions(in: text) else { return text.isEmpty ? [] : [(text, nil)] }
        var parts: [(String, String?)] = []
        var rest = Substring(text)
        while let at = firstMention(in: rest) {
            let before = rest[..<at.lowerBound]
            if let last = before.last, last.isLetter || last.isNumber {  // an e-mail address
                parts.append((String(rest[..<at.upperBound]), nil))
                rest = rest[at.upperBound...]
                continue
            }
            var end = at.upperBound
            while end < rest.endIndex, isLabelCharacter(rest[end]) { end = rest.index(after: end) }
            // A label does not end with punctuation that ends a sentence.
            while end > at.upperBound, let previous = rest[..<end].last, previous == "." || previous == ":" {
                end = rest.index(before: end)
            }
            if end == at.upperBound {
                parts.append((String(rest[..<at.upperBound]), nil))
            } else {
                if !before.isEmpty { parts.append((String(before), nil)) }
                parts.append((String(rest[rest.index(after: at.lowerBound)..<end]), String(rest[rest.index(after: at.lowerBound)..<end])))
            }
            rest = rest[end...]
        }
        if !rest.isEmpty { parts.append((String(rest), nil)) }
        return parts
    }

    /// Where `@eq-` first occurs in `text`, found on its UTF-8 bytes: Foundation's
    /// `range(of:)` copies the text it searches, which made a text of many references
    /// quadratic.
    private static func firstMention(in text: Substring) -> Range<String.Index>? {
        let utf8 = text.utf8
        var index = utf8.startIndex
        while let at = utf8[index...].firstIndex(of: UInt8(ascii: "@")) {
            let end = utf8.index(at, offsetBy: 4, limitedBy: utf8.endIndex) ?? utf8.endIndex
            if utf8[at..<end].elementsEqual("@eq-".utf8) { return at..<end }
            index = utf8.index(after: at)
        }
        return nil
    }

    private static func isLabelCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || "-_:.".contains(character)
    }
}
