@testable import Notebook
import Testing

@Suite struct NameOrderTests {
    /// The order as first written: on arrays of Unicode scalars, digit runs read with `Int`.
    static func reference(_ a: String, _ b: String) -> Bool {
        let left = Array(a.unicodeScalars)
        let right = Array(b.unicodeScalars)
        func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
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

    static let names = [
        "", "a", "b", "x", "x_1", "x_2", "x_10", "x_01", "x_001", "x_1a", "x_1b", "x_9", "x_99999999999999999999",
        "x_99999999999999999998", "w_1@2", "w_1@10", "n_1", "n_12", "η", "σ", "é", "e", "ê_3", "ŷ", "ŷ_2", "∂", "⟨x⟩",
        "\u{1}u#3", "\u{1}u#12", "10", "9", "a10b2", "a10b10", "a9", "日本_2", "日本_10",
    ]

    @Test func namesSortAsTheScalarOrderSortedThem() {
        for a in Self.names {
            for b in Self.names {
                #expect(Names.naturalOrder(a, b) == Self.reference(a, b), "\(a) vs \(b)")
            }
        }
    }

    @Test func indexedNamesSortByTheirNumbers() {
        #expect(["x_10", "x_2", "x_1"].sorted(by: Names.naturalOrder) == ["x_1", "x_2", "x_10"])
    }

    @Test func aBaseOfMoreThanOneCharacterIsMultiLetter() {
        for name in ["net_{h1}", "bias", "xy", "ab@2", "ReLU", "ηx", "ab\u{301}", "bias_{true}"] {
            #expect(Names.isMultiLetter(name), "\(name)")
        }
        for name in ["w_1", "x", "x^{*}", "η", "e\u{301}", "σ_1", "a@2", "\r\n", "y_{true}"] {
            #expect(!Names.isMultiLetter(name), "\(name)")
        }
    }
}
