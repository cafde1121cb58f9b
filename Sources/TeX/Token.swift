/// One lexical unit of TeX math source.
struct Token: Hashable, Sendable {
    /// What the token is.
    enum Kind: Hashable, Sendable {
        /// `\name` (letters) or `\X` (one non-letter character); the name has no backslash.
        case command(String)
        /// Any other single Unicode scalar: letters, digits, `+`, `(`, `'`, `~`, `$`, `&`, `#`...
        case character(Unicode.Scalar)
        /// `{`
        case open
        /// `}`
        case close
        /// `^`
        case caret
        /// `_`
        case underscore
        /// A run of white space (kept for text mode; math mode skips it).
        case space
    }

    var kind: Kind
    /// UTF-8 byte offsets in the formula.
    var range: SourceRange
}

/// Splits TeX source into tokens. Comments (`%` to the end of the line) are dropped, as are
/// spaces right after a control word (`\alpha b`), as TeX does.
///
/// Works on the UTF-8 bytes: every byte that matters to TeX is ASCII, so only a character
/// token outside ASCII decodes its scalar.
enum Tokenizer {
    /// The tokens of UTF-8 `bytes` (valid UTF-8, as a `String`'s are).
    static func tokens(of bytes: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count)
        let count = bytes.count
        var index = 0
        func isLetter(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
        }
        func isSpace(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
        }
        while index < count {
            let byte = bytes[index]
            let start = index
            switch byte {
            case UInt8(ascii: "\\"):
                index += 1
                if index < count, isLetter(bytes[index]) {
                    while index < count, isLetter(bytes[index]) { index += 1 }
                    let name = String(decoding: bytes[(start + 1)..<index], as: UTF8.self)
                    tokens.append(Token(kind: .command(name), range: start..<index))
                    while index < count, isSpace(bytes[index]) { index += 1 }
                } else if index < count {
                    let (_, width) = scalar(in: bytes, at: index)
                    index += width
                    let name = String(decoding: bytes[(start + 1)..<index], as: UTF8.self)
                    tokens.append(Token(kind: .command(name), range: start..<index))
                } else {
                    tokens.append(Token(kind: .command(""), range: start..<index))
                }
            case UInt8(ascii: "%"):
                while index < count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
            case UInt8(ascii: "{"):
                index += 1
                tokens.append(Token(kind: .open, range: start..<index))
            case UInt8(ascii: "}"):
                index += 1
                tokens.append(Token(kind: .close, range: start..<index))
            case UInt8(ascii: "^"):
                index += 1
                tokens.append(Token(kind: .caret, range: start..<index))
            case UInt8(ascii: "_"):
                index += 1
                tokens.append(Token(kind: .underscore, range: start..<index))
            case _ where isSpace(byte):
                while index < count, isSpace(bytes[index]) { index += 1 }
                tokens.append(Token(kind: .space, range: start..<index))
            default:
                let (scalar, width) = scalar(in: bytes, at: index)
                index += width
                tokens.append(Token(kind: .character(scalar), range: start..<index))
            }
        }
        return tokens
    }

    /// The scalar whose UTF-8 encoding starts at `index`, and its width in bytes. Bytes that
    /// do not make a scalar (impossible in a `String`'s UTF-8) read as U+FFFD, one byte wide.
    private static func scalar(in bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard width > 1, index + width <= bytes.count else { return ("\u{FFFD}", 1) }
        var value = UInt32(lead) & (0x7F >> UInt32(width))
        for offset in 1..<width {
            value = value << 6 | (UInt32(bytes[index + offset]) & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
    }
}
