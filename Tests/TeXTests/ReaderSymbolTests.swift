@testable import TeX
import Testing

/// The reader tells `-`, `·`, `×`, `∘`, `,` and the other operators and separators it looks for
/// by their bytes, not by Unicode canonical equivalence (which normalizes a non-ASCII text
/// first): the same answer as `==` for every character a formula can hold.
@Suite struct ReaderSymbolTests {
    /// The symbols compared byte for byte (with `ExpressionReader.isSymbol` or `onlyByte`).
    static let symbols = [",", ":", "=", "*", "/", "+", "-", "\u{2212}", "\u{22C5}", "\u{00D7}", "\u{2217}",
                          "\u{00B7}", "\u{0387}", "\u{00F7}", "\u{2218}", "\u{2190}"]

    @Test func bytesAgreeWithCanonicalEquivalenceForEveryScalar() {
        var mismatches: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(scalar)
            for symbol in Self.symbols where (text == symbol) != ExpressionReader.isSymbol(text, symbol.unicodeScalars.first!) {
                mismatches.append("U+\(String(value, radix: 16, uppercase: true)) vs \(symbol)")
            }
        }
        // U+0387 GREEK ANO TELEIA is canonically U+00B7 MIDDLE DOT: the reader names both.
        #expect(mismatches == ["U+B7 vs \u{0387}", "U+387 vs \u{00B7}"])
    }

    @Test func theMiddleDotInEitherSpellingMultiplies() {
        let scope = ReadingScope(names: ["a", "b"])
        for dot in ["\u{00B7}", "\u{0387}", "\u{22C5}", "\\cdot", "\\times", "*"] {
            let reading = FormulaReader.read("a \(dot) b", scope: scope)
            #expect(reading.statements.first?.sides.first == .product([.symbol("a"), .symbol("b")]), "\(dot)")
        }
    }
}
