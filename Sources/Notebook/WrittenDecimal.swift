import Document
import Foundation
import TeX

/// A decimal written in a claim that stands for every number that rounds to it
/// (docs/note-language.md §11): `0.75136507` is any number in 0.75136507 ± 0.000000005.
///
/// Only decimals with a point and at least `minimumDigits` significant digits are rounded;
/// integers (`1`, `2` in `\frac{1}{2}`) and short decimals (`0.5`, `0.01`, `0.40`, the values
/// a note chooses) are exact.
struct WrittenDecimal: Hashable {
    /// The decimal as written, for messages.
    var text: String
    /// Its value, as the reader reads it.
    var value: Double
    /// Half a unit in its last written digit.
    var halfUnit: Double

    /// Decimals with fewer significant digits are exact.
    static let minimumDigits = 3

    /// The rounded decimals written in `tex`, in order, each once.
    static func all(in tex: Substring) -> [WrittenDecimal] {
        var found: [WrittenDecimal] = []
        let bytes = Array(tex.utf8)
        var index = 0
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        while index < bytes.count {
            let start = index
            guard isDigit(bytes[index]) || (bytes[index] == UInt8(ascii: ".") && index + 1 < bytes.count && isDigit(bytes[index + 1]))
            else {
                index += 1
                continue
            }
            // A number starts after a non-digit, non-point: the run of digits with at most one point.
            var points = 0
            while index < bytes.count, isDigit(bytes[index]) || (bytes[index] == UInt8(ascii: ".") && points == 0) {
                if bytes[index] == UInt8(ascii: ".") { points += 1 }
                index += 1
            }
            var text = String(decoding: bytes[start..<index], as: UTF8.self)
            if text.hasSuffix(".") { text.removeLast() }
            guard points == 1, text.contains("."), let decimal = WrittenDecimal(text) else { continue }
            if !found.contains(decimal) { found.append(decimal) }
        }
        return found
    }

    /// The decimal `text` (digits with one point), or nil when it is exact (too few digits).
    init?(_ text: String) {
        guard let value = Double(text), let point = text.firstIndex(of: ".") else { return nil }
        let fractionDigits = text[text.index(after: point)...].count
        let significant = text.filter(\.isNumber).drop { $0 == "0" }.count
        guard fractionDigits > 0, significant >= Self.minimumDigits else { return nil }
        self.text = text
        self.value = value
        halfUnit = 0.5 * Foundation.pow(10, -Double(fractionDigits))
    }

    /// The TeX of a claim's sides, where their decimals are read when needed.
    struct Sides {
        let tex: String
        let ranges: [Range<Int>]

        init(of claim: SitedStatement, in formulas: [Math]) {
            tex = formulas[claim.site.formula.index].tex
            ranges = claim.statement.sideRanges
        }

        /// The rounded decimals of side `index` (none for a side without a range).
        func decimals(ofSide index: Int) -> [WrittenDecimal] {
            guard ranges.indices.contains(index) else { return [] }
            let bytes = Array(tex.utf8)
            return WrittenDecimal.all(in: String(decoding: bytes[ranges[index].clamped(to: 0..<bytes.count)], as: UTF8.self)[...])
        }
    }
}
