import Foundation

/// How numbers are written in messages and reports: up to `significant` significant digits,
/// no trailing zeros, no locale.
public enum NumberText {
    public static func format(_ value: Double, significant: Int = 6) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "∞" : "-∞" }
        if value == 0 { return "0" }
        // The common case without printf: round to the digits wanted and let Swift print the
        // shortest text of the rounded double.
        let exponent = Int(Foundation.log10(Swift.abs(value)).rounded(.down))
        if exponent >= -4, exponent < significant, significant <= 15 {
            let scale = Foundation.pow(10, Double(significant - 1 - exponent))
            var text = ((value * scale).rounded() / scale).description
            let plain: String? = text.withUTF8 { utf8 in
                guard !utf8.contains(UInt8(ascii: "e")) else { return nil }
                // "12.0" → "12"
                if utf8.count > 2, utf8[utf8.count - 2] == UInt8(ascii: "."), utf8[utf8.count - 1] == UInt8(ascii: "0") {
                    return String(decoding: UnsafeBufferPointer(rebasing: utf8[..<(utf8.count - 2)]), as: UTF8.self)
                }
                return ""
            }
            if let plain { return plain.isEmpty ? text : plain }
        }
        return exponential(value, significant: significant)
    }

    /// printf's `%.{significant}g`, trimmed: no trailing zeros after the point, no `+` or
    /// leading zeros in the exponent (`1.5e-07` → `1.5e-7`).
    private static func exponential(_ value: Double, significant: Int) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        let written = withVaList([Int32(significant), value]) { arguments in
            buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, "%.*g", arguments) }
        }
        var text = String(decoding: buffer[..<max(0, min(Int(written), buffer.count - 1))].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var exponent: String?
        if let e = text.firstIndex(of: "e") {
            exponent = String(Int(text[text.index(after: e)...]) ?? 0)
            text = String(text[..<e])
        }
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return exponent.map { "\(text)e\($0)" } ?? text
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
