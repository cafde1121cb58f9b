import Foundation
import Notebook
import Testing

/// How numbers are written in messages, cards and tables.
@Suite struct NumberTextTests {
    @Test(arguments: [
        (0.5932699921071872, "0.59327"), (0.3775, "0.3775"), (1.10590596705977, "1.10591"), (-0.19, "-0.19"),
        (12.0, "12"), (100000.0, "100000"), (1234567.0, "1.23457e6"), (0.00012345, "0.00012345"),
        (0.000012345, "1.2345e-5"), (0.0, "0"), (2.5e-300, "2.5e-300"), (-1e20, "-1e20"), (0.1 + 0.2, "0.3"),
    ])
    func sixSignificantDigits(value: Double, text: String) {
        #expect(NumberText.format(value) == text)
    }

    /// Numbers too large or small for plain digits, and numbers asked for with more than 15
    /// digits, read as printf's `%.{digits}g` (Foundation's `String(format:)` here), trimmed:
    /// no trailing zeros, no `+` or leading zeros in the exponent.
    @Test func exponentsAndLongDigitsAsPrintf() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var values: [Double] = []
        for _ in 0..<3000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let mantissa = Double(state >> 11) / Double(1 << 53) * 2 - 1
            values.append(mantissa * Foundation.pow(10, Double(Int(state % 61) - 30)))
        }
        for _ in 0..<3000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            values.append(Double(bitPattern: state & ~(1 << 63) | (state % 7 == 0 ? 1 << 63 : 0)))
        }
        // Exact ties at some digit count (printf rounds them half to even), powers of two and
        // ten, nines that carry into a new digit, the ends of the range, subnormals.
        values += [25e20, 35e20, -45e20, 0x1p-20, 0x1p-30, 0x1p-40, 0x3p-25, 0x1p60, 0x1p100, 1e-5, 1e-7,
                   1e300, 1e-300, 9.9999999e-5, 99999.95e10, 9.9999995e-7, .greatestFiniteMagnitude,
                   .leastNormalMagnitude, .leastNonzeroMagnitude, 0x1.8p-1070, -1.5e-7, 123456789012345678]
        var checked = 0
        for value in values where value.isFinite && value != 0 {
            let exponent = Int(Foundation.log10(Swift.abs(value)).rounded(.down))
            for digits in 1...17 where digits > 15 || exponent < -4 || exponent >= digits {
                var expected = String(format: "%.\(digits)g", value)
                var power = ""
                if let e = expected.firstIndex(of: "e") {
                    power = "e\(Int(expected[expected.index(after: e)...])!)"
                    expected = String(expected[..<e])
                }
                if expected.contains(".") {
                    while expected.hasSuffix("0") { expected.removeLast() }
                    if expected.hasSuffix(".") { expected.removeLast() }
                }
                #expect(NumberText.format(value, significant: digits) == expected + power, "\(value), \(digits) digits")
                checked += 1
            }
        }
        #expect(checked > 50000)
    }

    @Test func nonFiniteValuesAreWords() {
        #expect(NumberText.format(.nan) == "NaN")
        #expect(NumberText.format(.infinity) == "∞")
        #expect(NumberText.format(-.infinity) == "-∞")
    }

    @Test func pairsShowEnoughDigitsToDiffer() {
        #expect(NumberText.pair(0.1244, 0.0813) == ("0.1244", "0.0813"))
        #expect(NumberText.pair(1.0000001, 1.0000002) == ("1.0000001", "1.0000002"))
        #expect(NumberText.pair(2, 2) == ("2", "2"))
    }
}
