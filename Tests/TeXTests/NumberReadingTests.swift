import Calculus
import TeX
import Testing

/// A number written in a formula is the number a person (and Swift's `Double(_:)`) reads in it,
/// to the last bit, however many digits it has; and the parse tree keeps its text as written.
@Suite struct NumberReadingTests {
    /// Numbers on both sides of the fast path: short decimals, 15, 16 and 17 digits, leading
    /// zeros, a decimal point at either end, and values no `Double` holds exactly.
    static let written = [
        "0", "7", "0.1", "0.2", "0.3", "0.24", "1.92", "0.5", "2.0", "10", "0.000001", "00012.50",
        "3.141592653589793", "2.718281828459045", "123456789012345", "1234567890123456",
        "12345678901234567890", "0.123456789012345", "0.1234567890123456", "999999999999999.9",
        "9007199254740993", "1.7976931348623157", ".5", "5.", "0.30000000000000004",
    ]

    @Test func numbersReadToTheDoubleTheirDigitsName() throws {
        for text in Self.written {
            let reading = FormulaReader.read("x = " + text, scope: ReadingScope())
            let statement = try #require(reading.statements.first, "\(text)")
            guard statement.kind == .binding || statement.kind == .definition,
                case .number(let value)? = statement.sides.last
            else {
                // A text TeX does not read as one number (`5.` is 5 and a full stop).
                continue
            }
            #expect(value == Double(text.hasSuffix(".") ? String(text.dropLast()) : text), "\(text)")
        }
    }

    @Test func parsedNumbersKeepTheirTextAsWritten() {
        let formula = Formula.parse("12.5 + .25 + 3.x + 4 5")
        let numbers = formula.nodes.compactMap { node -> String? in
            if case .atom(let atom) = node, atom.form == .number { return atom.text }
            return nil
        }
        #expect(numbers == ["12.5", ".25", "3", "4", "5"])
    }
}
