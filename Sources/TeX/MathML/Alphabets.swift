/// Unicode Mathematical Alphanumeric Symbols (U+1D400...): MathML Core styles letters by
/// their code points (`𝐱` for `\mathbf{x}`), not by `mathvariant`, which it only supports as
/// `normal`.
enum Alphabets {
    /// Where an alphabet's letters start, and the letters Unicode placed elsewhere.
    private struct Alphabet {
        let capital: UInt32?
        let small: UInt32?
        let digit: UInt32?
        let greekCapital: UInt32?
        let greekSmall: UInt32?
        let exceptions: [Unicode.Scalar: Unicode.Scalar]
    }

    private static let alphabets: [MathFont: Alphabet] = [
        .bold: Alphabet(capital: 0x1D400, small: 0x1D41A, digit: 0x1D7CE, greekCapital: 0x1D6A8,
                        greekSmall: 0x1D6C2, exceptions: [:]),
        .italic: Alphabet(capital: 0x1D434, small: 0x1D44E, digit: nil, greekCapital: 0x1D6E2,
                          greekSmall: 0x1D6FC, exceptions: ["h": "\u{210E}", "\u{131}": "\u{1D6A4}", "\u{237}": "\u{1D6A5}"]),
        .boldItalic: Alphabet(capital: 0x1D468, small: 0x1D482, digit: 0x1D7CE, greekCapital: 0x1D71C,
                              greekSmall: 0x1D736, exceptions: [:]),
        .script: Alphabet(capital: 0x1D49C, small: 0x1D4B6, digit: nil, greekCapital: nil, greekSmall: nil,
                          exceptions: ["B": "\u{212C}", "E": "\u{2130}", "F": "\u{2131}", "H": "\u{210B}",
                                       "I": "\u{2110}", "L": "\u{2112}", "M": "\u{2133}", "R": "\u{211B}",
                                       "e": "\u{212F}", "g": "\u{210A}", "o": "\u{2134}"]),
        .boldScript: Alphabet(capital: 0x1D4D0, small: 0x1D4EA, digit: 0x1D7CE, greekCapital: nil,
                              greekSmall: nil, exceptions: [:]),
        .fraktur: Alphabet(capital: 0x1D504, small: 0x1D51E, digit: nil, greekCapital: nil, greekSmall: nil,
                           exceptions: ["C": "\u{212D}", "H": "\u{210C}", "I": "\u{2111}", "R": "\u{211C}",
                                        "Z": "\u{2128}"]),
        .boldFraktur: Alphabet(capital: 0x1D56C, small: 0x1D586, digit: 0x1D7CE, greekCapital: nil,
                               greekSmall: nil, exceptions: [:]),
        .doubleStruck: Alphabet(capital: 0x1D538, small: 0x1D552, digit: 0x1D7D8, greekCapital: nil,
                                greekSmall: nil,
                                exceptions: ["C": "\u{2102}", "H": "\u{210D}", "N": "\u{2115}", "P": "\u{2119}",
                                             "Q": "\u{211A}", "R": "\u{211D}", "Z": "\u{2124}"]),
        .sansSerif: Alphabet(capital: 0x1D5A0, small: 0x1D5BA, digit: 0x1D7E2, greekCapital: nil,
                             greekSmall: nil, exceptions: [:]),
        .boldSansSerif: Alphabet(capital: 0x1D5D4, small: 0x1D5EE, digit: 0x1D7EC, greekCapital: 0x1D756,
                                 greekSmall: 0x1D770, exceptions: [:]),
        .sansSerifItalic: Alphabet(capital: 0x1D608, small: 0x1D622, digit: 0x1D7E2, greekCapital: nil,
                                   greekSmall: nil, exceptions: [:]),
        .boldSansSerifItalic: Alphabet(capital: 0x1D63C, small: 0x1D656, digit: 0x1D7EC,
                                       greekCapital: 0x1D790, greekSmall: 0x1D7AA, exceptions: [:]),
        .monospace: Alphabet(capital: 0x1D670, small: 0x1D68A, digit: 0x1D7F6, greekCapital: nil,
                             greekSmall: nil, exceptions: [:]),
    ]

    /// Greek letter variants that follow the small letters in each Greek alphabet, in order.
    private static let greekVariants: [Unicode.Scalar] = ["\u{2202}", "\u{3F5}", "\u{3D1}", "\u{3F0}", "\u{3D5}", "\u{3F1}", "\u{3D6}"]

    /// The character in the given alphabet, or the character itself where the alphabet has
    /// none (punctuation, or Greek in a Latin-only alphabet).
    static func map(_ scalar: Unicode.Scalar, _ font: MathFont) -> Unicode.Scalar {
        guard let alphabet = alphabets[font] else { return scalar }
        if let exception = alphabet.exceptions[scalar] { return exception }
        let value = scalar.value
        var mapped: UInt32?
        switch value {
        case 0x41...0x5A: mapped = alphabet.capital.map { $0 + value - 0x41 }
        case 0x61...0x7A: mapped = alphabet.small.map { $0 + value - 0x61 }
        case 0x30...0x39: mapped = alphabet.digit.map { $0 + value - 0x30 }
        case 0x391...0x3A9 where value != 0x3A2: mapped = alphabet.greekCapital.map { $0 + value - 0x391 }
        case 0x3F4: mapped = alphabet.greekCapital.map { $0 + 0x11 }
        case 0x2207: mapped = alphabet.greekCapital.map { $0 + 25 }
        case 0x3B1...0x3C9: mapped = alphabet.greekSmall.map { $0 + value - 0x3B1 }
        default:
            if let index = greekVariants.firstIndex(of: scalar) {
                mapped = alphabet.greekSmall.map { $0 + 25 + UInt32(index) }
            }
        }
        if let mapped, let result = Unicode.Scalar(mapped) { return result }
        return scalar
    }

    /// The string with every letter and digit in the given alphabet.
    static func map(_ text: String, _ font: MathFont) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { result.append(map(scalar, font)) }
        return String(result)
    }
}
