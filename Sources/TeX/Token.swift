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
enum Tokenizer {
    static func tokens(of source: String) -> [Token] {
        var tokens: [Token] = []
        let scalars = Array(source.unicodeScalars)
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var offset = 0
        for scalar in scalars {
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)

        var index = 0
        func isLetter(_ scalar: Unicode.Scalar) -> Bool {
            (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
        }
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
        }
        while index < scalars.count {
            let scalar = scalars[index]
            let start = index
            switch scalar {
            case "\\":
                index += 1
                if index < scalars.count, isLetter(scalars[index]) {
                    while index < scalars.count, isLetter(scalars[index]) { index += 1 }
                    let name = String(String.UnicodeScalarView(scalars[(start + 1)..<index]))
                    tokens.append(Token(kind: .command(name), range: offsets[start]..<offsets[index]))
                    while index < scalars.count, isSpace(scalars[index]) { index += 1 }
                } else if index < scalars.count {
                    index += 1
                    let name = String(scalars[index - 1])
                    tokens.append(Token(kind: .command(name), range: offsets[start]..<offsets[index]))
                } else {
                    tokens.append(Token(kind: .command(""), range: offsets[start]..<offsets[index]))
                }
            case "%":
                while index < scalars.count, scalars[index] != "\n" { index += 1 }
            case "{":
                index += 1
                tokens.append(Token(kind: .open, range: offsets[start]..<offsets[index]))
            case "}":
                index += 1
                tokens.append(Token(kind: .close, range: offsets[start]..<offsets[index]))
            case "^":
                index += 1
                tokens.append(Token(kind: .caret, range: offsets[start]..<offsets[index]))
            case "_":
                index += 1
                tokens.append(Token(kind: .underscore, range: offsets[start]..<offsets[index]))
            case _ where isSpace(scalar):
                while index < scalars.count, isSpace(scalars[index]) { index += 1 }
                tokens.append(Token(kind: .space, range: offsets[start]..<offsets[index]))
            default:
                index += 1
                tokens.append(Token(kind: .character(scalar), range: offsets[start]..<offsets[index]))
            }
        }
        return tokens
    }
}
