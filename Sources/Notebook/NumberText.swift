import Foundation

/// How numbers are written in messages and reports: up to `significant` significant digits,
/// no trailing zeros, no locale.
public enum NumberText {
    public static func format(_ value: Double, significant: Int = 6) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "∞" : "-∞" }
        if value == 0 { return "0" }
        // The common case without Foundation's formatter: round to the digits wanted and let
        // Swift print the shortest text of the rounded double.
        let exponent = Int(Foundation.log10(Swift.abs(value)).rounded(.down))
        if exponent >= -4, exponent < significant, significant <= 15 {
            let scale = Foundation.pow(10, Double(significant - 1 - exponent))
            let rounded = (value * scale).rounded() / scale
            var text = rounded.description
            if !text.utf8.contains(UInt8(ascii: "e")) {
                if text.hasSuffix(".0") { text.removeLast(2) }
                return text
            }
        }
        var text = String(format: "%.\(significant)g", value)
        if text.contains("e") {
            // 1.5e-07 → 1.5e-7
            let parts = text.split(separator: "e")
            var mantissa = String(parts[0])
            if mantissa.contains(".") {
                while mantissa.hasSuffix("0") { mantissa.removeLast() }
                if mantissa.hasSuffix(".") { mantissa.removeLast() }
            }
            let exponent = Int(parts[1]) ?? 0
            return "\(mantissa)e\(exponent)"
        }
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// Two numbers written so that they look different when they are (more digits when needed).
    public static func pair(_ left: Double, _ right: Double) -> (String, String) {
        for digits in [4, 6, 9, 12, 17] {
            let a = format(left, significant: digits)
            let b = format(right, significant: digits)
            if a != b || left == right { return (a, b) }
        }
        return (format(left, significant: 17), format(right, significant: 17))
    }
}
