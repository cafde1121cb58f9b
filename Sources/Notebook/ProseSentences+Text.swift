import TeX

/// How `ProseSentences` reads the text of a paragraph: sentence stops, first and last words,
/// "instead", "near zero". ASCII is read as bytes, in place (a note's strings are native); the
/// byte paths say what the character paths say of ASCII, and leave anything else to them.
extension ProseSentences {
    /// The text of a paragraph since its last formula, of which only the last 80 to 160 bytes
    /// are kept (enough for the words looked for, and linear on long paragraphs).
    struct TextBefore {
        private(set) var text = ""
        /// Whether `text`, ASCII letters lowercased, holds a near-zero phrase: the quick test of
        /// `saysNearZero`, kept up to date as text is appended, by looking at the new bytes.
        private var mayBeNearZero = false

        mutating func append(_ piece: String) {
            let kept = text.utf8.count
            let cut = ProseSentences.append(piece, to: &text)
            guard cut || !mayBeNearZero else { return }
            // A phrase the kept text did not hold ends in the new bytes; a cut text is looked at whole.
            let from = cut ? 0 : max(0, kept - (ProseSentences.longestNearZeroPhrase - 1))
            mayBeNearZero = text.withBytes { ProseSentences.holdsNearZeroPhraseFolded($0, from: from) }
        }

        /// Whether the text says "near zero" (`ProseSentences.saysNearZero`).
        var saysNearZero: Bool { mayBeNearZero && ProseSentences.saysNearZeroExactly(text) }
    }

    /// The words just before a formula, read from the text before it: the last word, the word
    /// before that, and whether the text before the last word starts a sentence.
    struct WordsBefore {
        /// The last word, lowercased, when the text ends with it and spaces (`lastWord`).
        var last: String?
        /// The last word of the text before `last` (`lastWord(of: beforeLastWord(text))`).
        var previous: String?
        /// Whether the text before `last` starts a sentence (`startsSentence`).
        var earlierStartsSentence: Bool

        init(_ text: String) {
            let ascii: (last: String?, previous: String?, startsSentence: Bool)? = text.withBytes { bytes in
                guard ProseSentences.isASCII(bytes) else { return nil }
                let (lastStart, lastEnd) = ProseSentences.lastWordBounds(bytes, before: bytes.count)
                let (previousStart, previousEnd) = ProseSentences.lastWordBounds(bytes, before: lastStart)
                var end = lastStart
                while end > 0, ProseSentences.isASCIISpace(bytes[end - 1]) { end -= 1 }
                return (ProseSentences.lowercasedWord(bytes, lastStart..<lastEnd),
                        ProseSentences.lowercasedWord(bytes, previousStart..<previousEnd),
                        end == 0 || ProseSentences.sentenceMarks.contains(bytes[end - 1]))
            }
            if let ascii {
                (last, previous, earlierStartsSentence) = ascii
                return
            }
            last = ProseSentences.lastWord(of: text)
            let earlier = String(ProseSentences.beforeLastWord(text))
            previous = ProseSentences.lastWord(of: earlier)
            earlierStartsSentence = ProseSentences.startsSentence(earlier)
        }
    }

    /// Whether `text` holds the end of a sentence: `.`, `?` or `!` before a space or at its end
    /// (not in `e.g.`, `i.e.`, `vs.`, `cf.`), or `;` (its clauses say separate things). Bytes,
    /// not characters: a long paragraph is walked once.
    static func endsSentence(_ text: String) -> Bool {
        text.withBytes { bytes in
            // The word before a stop runs from the last space or line break.
            var wordStart = 0
            for index in bytes.indices {
                let byte = bytes[index]
                if byte == UInt8(ascii: ";") { return true }
                if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "!") {
                    let next = index + 1
                    if next == bytes.count || bytes[next] == UInt8(ascii: " ") || bytes[next] == UInt8(ascii: "\n")
                        || bytes[next] == UInt8(ascii: "\t")
                    {
                        if byte != UInt8(ascii: ".") || !isAbbreviation(bytes[wordStart..<index]) { return true }
                    }
                }
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") { wordStart = index + 1 }
            }
            return false
        }
    }

    /// Whether the word is "e.g", "i.e", "vs" or "cf" in any case (a byte past ASCII makes none
    /// of them: no letter lowercases to these).
    private static func isAbbreviation(_ word: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard word.count == 2 || word.count == 3 else { return false }
        return abbreviations.contains { $0.count == word.count && zip($0, word).allSatisfy { $0 == folded($1) } }
    }

    private static let abbreviations: [[UInt8]] = ["e.g", "i.e", "vs", "cf"].map { Array($0.utf8) }

    /// Whether `text` is only whitespace (`Character.isWhitespace`), ASCII read as bytes.
    static func isBlank(_ text: Substring) -> Bool {
        let ascii = text.withBytes { bytes -> Bool? in
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if !isASCIISpace(byte) { return false }
            }
            return true
        }
        return ascii ?? text.allSatisfy(\.isWhitespace)
    }

    static func isBlank(_ text: String) -> Bool { isBlank(Substring(text)) }

    /// Appends `text` to the text before the next formula, of which only the last 80 bytes are
    /// kept once it passes 160; returns whether it was cut so.
    @discardableResult
    static func append(_ text: String, to before: inout String) -> Bool {
        let bytes = text.utf8
        if bytes.count > 160 {
            before = String(decoding: bytes.suffix(80), as: UTF8.self)
            return true
        }
        before += text
        guard before.utf8.count > 160 else { return false }
        before = String(decoding: before.utf8.suffix(80), as: UTF8.self)
        return true
    }

    /// Whether `text` holds one of `restatingWords` as words of its own (not inside longer ones).
    static func saysRestating(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return restatingWords.contains { phrase in
            var searched = lowered[...]
            while let found = searched.range(of: phrase) {
                let before = found.lowerBound > lowered.startIndex ? lowered[lowered.index(before: found.lowerBound)] : " "
                let after = found.upperBound < lowered.endIndex ? lowered[found.upperBound] : " "
                if !before.isLetter, !after.isLetter { return true }
                searched = lowered[found.upperBound...]
            }
            return false
        }
    }

    /// The first word of `text`, lowercased, if it starts with one (after spaces); nil for text
    /// of spaces only, "" when it starts with something else.
    static func firstWord(of text: Substring) -> String? {
        // ASCII as bytes, when every byte read and the one after them are ASCII (a byte past
        // ASCII may be a mark that joins the character before it).
        let ascii = text.withBytes { bytes -> String?? in
            var index = 0
            while index < bytes.count, isASCIISpace(bytes[index]) { index += 1 }
            if index == bytes.count { return .some(nil) }
            let start = index
            while index < bytes.count, isASCIILetter(bytes[index]) { index += 1 }
            guard index == bytes.count || bytes[index] < 0x80 else { return nil }
            return lowercasedWord(bytes, start..<index) ?? ""
        }
        if let ascii { return ascii }
        let rest = text.drop { $0.isWhitespace }
        guard !rest.isEmpty else { return nil }
        return String(rest.prefix { $0.isLetter }).lowercased()
    }

    static func firstWord(of text: String) -> String? { firstWord(of: Substring(text)) }

    /// The text after the last end of a sentence in `text`.
    static func afterLastStop(_ text: String) -> Substring {
        let ascii = text.withBytes { bytes -> Int?? in
            guard isASCII(bytes) else { return nil }
            return bytes.lastIndex { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "!") || $0 == UInt8(ascii: ";") }
        }
        if let ascii {
            // ASCII: a byte is a character (a stop never joins the `\r\n` pair).
            guard let stop = ascii else { return Substring(text) }
            return text[text.utf8.index(text.utf8.startIndex, offsetBy: stop + 1)...]
        }
        guard let stop = text.lastIndex(where: { $0 == "." || $0 == "?" || $0 == "!" || $0 == ";" }) else {
            return Substring(text)
        }
        return text[text.index(after: stop)...]
    }

    /// Whether `text` starts with the word "instead" (after spaces and a comma).
    static func startsWithInstead(_ text: String) -> Bool {
        // ASCII as bytes, when the bytes read and the two after "instead" are ASCII.
        let ascii = text.withBytes { bytes -> Bool? in
            var index = 0
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: ",") { index += 1 }
            let word = bytes[index..<min(bytes.count, index + 9)]
            guard word.allSatisfy({ $0 < 0x80 }) else { return nil }
            guard word.count >= insteadBytes.count,
                zip(insteadBytes, word).allSatisfy({ $0 == folded($1) })
            else { return false }
            return word.count == insteadBytes.count || !isASCIILetter(word[index + insteadBytes.count])
        }
        if let ascii { return ascii }
        let rest = text.drop { $0 == " " || $0 == "," }.lowercased()
        guard rest.hasPrefix("instead") else { return false }
        return rest.dropFirst(7).first.map { !$0.isLetter } ?? true
    }

    private static let insteadBytes = Array("instead".utf8)

    /// Whether `text` (the text of a paragraph before a word) is the start of a sentence: empty,
    /// or ending with `.`, `?`, `!`, `;` or `:`.
    static func startsSentence(_ text: String) -> Bool {
        var trimmed = Substring(text)
        while let last = trimmed.last, last.isWhitespace { trimmed.removeLast() }
        guard let last = trimmed.last else { return true }
        return ".?!;:".contains(last)
    }

    private static let sentenceMarks: [UInt8] = Array(".?!;:".utf8)

    /// Whether `text`, without the whitespace after it, ends with `:`.
    static func endsWithColon(_ text: String) -> Bool {
        let ascii = text.withBytes { bytes -> Bool? in
            guard isASCII(bytes) else { return nil }
            var end = bytes.count
            while end > 0, isASCIISpace(bytes[end - 1]) { end -= 1 }
            return end > 0 && bytes[end - 1] == UInt8(ascii: ":")
        }
        if let ascii { return ascii }
        var trimmed = Substring(text)
        while let last = trimmed.last, last.isWhitespace { trimmed.removeLast() }
        return trimmed.hasSuffix(":")
    }

    /// Whether the text says "near zero" (or "around zero", "close to zero", "near the origin").
    /// The phrases are first looked for in the ASCII-lowercased bytes (every match of the exact
    /// test is one there too), so most texts never reach the exact, slower test.
    static func saysNearZero(_ text: String) -> Bool {
        text.withBytes { holdsNearZeroPhraseFolded($0, from: 0) } && saysNearZeroExactly(text)
    }

    /// The exact test of `saysNearZero`.
    fileprivate static func saysNearZeroExactly(_ text: String) -> Bool {
        let lower = text.lowercased()
        return nearZeroPhrases.contains { lower.contains($0) }
    }

    private static let nearZeroPhrases = ["near zero", "around zero", "close to zero", "near the origin", "near 0", "around 0"]
    private static let nearZeroPhraseBytes = nearZeroPhrases.map { Array($0.utf8) }
    fileprivate static let longestNearZeroPhrase = nearZeroPhraseBytes.map(\.count).max() ?? 0
    /// Whether a byte starts one of the phrases, by byte.
    private static let nearZeroFirstBytes: [Bool] = (0...255).map { byte in nearZeroPhraseBytes.contains { $0[0] == byte } }

    /// Whether `bytes`, ASCII letters lowercased, hold one of the near-zero phrases starting at
    /// or after `from`.
    fileprivate static func holdsNearZeroPhraseFolded(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Bool {
        let phrases = nearZeroPhraseBytes
        let firstBytes = nearZeroFirstBytes
        for start in from..<max(from, bytes.count) {
            let first = folded(bytes[start])
            guard firstBytes[Int(first)] else { continue }
            for phrase in phrases where phrase[0] == first && phrase.count <= bytes.count - start {
                var matched = 1
                while matched < phrase.count, folded(bytes[start + matched]) == phrase[matched] { matched += 1 }
                if matched == phrase.count { return true }
            }
        }
        return false
    }

    /// `text` without its last word and the spaces after it.
    static func beforeLastWord(_ text: String) -> Substring {
        if let start = text.withBytes({ isASCII($0) ? lastWordBounds($0, before: $0.count).start : nil }) {
            // ASCII: bytes are characters (but for "\r\n", which is whitespace either way).
            return text[..<text.utf8.index(text.utf8.startIndex, offsetBy: start)]
        }
        var characters = Substring(text)
        while let last = characters.last, last.isWhitespace { characters.removeLast() }
        while let last = characters.last, last.isLetter { characters.removeLast() }
        return characters
    }

    /// The last word of `text` when the text ends with it (and spaces), lowercased, without
    /// the punctuation before it (`(for ` gives `for`).
    static func lastWord(of text: String) -> String? {
        let ascii = text.withBytes { bytes -> String?? in
            guard isASCII(bytes) else { return nil }
            let (start, end) = lastWordBounds(bytes, before: bytes.count)
            return lowercasedWord(bytes, start..<end)
        }
        if let ascii { return ascii }
        var trimmed = Substring(text)
        while let last = trimmed.last, last.isWhitespace { trimmed.removeLast() }
        guard let last = trimmed.last, last.isLetter else { return nil }
        let word = trimmed.reversed().prefix { $0.isLetter }
        return String(word.reversed()).lowercased()
    }

    // MARK: - Bytes

    /// The ASCII word (letters) that ends `bytes[..<end]` after the spaces there, as the start
    /// and end of its letters (equal when there is none).
    private static func lastWordBounds(_ bytes: UnsafeBufferPointer<UInt8>, before end: Int) -> (start: Int, end: Int) {
        var end = end
        while end > 0, isASCIISpace(bytes[end - 1]) { end -= 1 }
        var start = end
        while start > 0, isASCIILetter(bytes[start - 1]) { start -= 1 }
        return (start, end)
    }

    /// The ASCII letters `bytes[range]` lowercased; nil when the range is empty.
    private static func lowercasedWord(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String? {
        guard !range.isEmpty else { return nil }
        return String(unsafeUninitializedCapacity: range.count) { word in
            for (offset, byte) in bytes[range].enumerated() { word[offset] = byte | 0x20 }
            return range.count
        }
    }

    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 < 0x80 }
    }

    /// An ASCII letter lowercased; any other byte as it is.
    @inline(__always) private static func folded(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte | 0x20 : byte }

    /// What `Character.isWhitespace` says of an ASCII byte: tab to carriage return, and space.
    private static func isASCIISpace(_ byte: UInt8) -> Bool { (9...13).contains(byte) || byte == 32 }

    /// What `Character.isLetter` says of an ASCII byte.
    private static func isASCIILetter(_ byte: UInt8) -> Bool { (65...90).contains(byte) || (97...122).contains(byte) }
}
