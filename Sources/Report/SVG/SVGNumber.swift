import Foundation

/// Locale-free, deterministic number formatting for SVG coordinates and for labels.
///
/// Foundation's formatters depend on the locale and, on some platforms, on the C library;
/// these functions depend on nothing but the value, so output is byte-identical everywhere.
enum SVGNumber {
    /// `value` rounded to at most `decimals` digits after the point, trailing zeros removed:
    /// `12.5`, `3`, `-0.25`. Never `-0`; non-finite values become `0`.
    static func fixed(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite else { return "0" }
        let places = max(0, min(decimals, 12))
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (value * scale).rounded()
        // Beyond 2^53 the digits are meaningless anyway; keep the conversion in range.
        guard abs(scaled) < 9.0e15 else { return scientific(value, significant: 6) }
        let integer = Int64(scaled)
        if integer == 0 { return "0" }
        // The digits, at least one more than `places` (leading zeros), written from the end of
        // a small buffer; then the point before the last `places`, trailing zeros dropped.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { buffer in
            var end = buffer.count
            var start = end
            var magnitude = integer.magnitude
            var written = 0
            while magnitude > 0 || written <= places {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                written += 1
            }
            if places > 0 {
                let point = end - places
                var fractionEnd = end
                while fractionEnd > point, buffer[fractionEnd - 1] == UInt8(ascii: "0") { fractionEnd -= 1 }
                if fractionEnd > point {
                    for index in start..<point { buffer[index - 1] = buffer[index] }
                    start -= 1
                    buffer[point - 1] = UInt8(ascii: ".")
                    end = fractionEnd
                } else {
                    end = point
                }
            }
            if integer < 0 {
                start -= 1
                buffer[start] = UInt8(ascii: "-")
            }
            return String(decoding: UnsafeMutableBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
        }
    }

    /// `value` with `significant` significant digits, in plain notation for magnitudes between
    /// 1e-4 and 1e6 and as `1.5e-7` otherwise: `0.6225`, `403.4`, `2e-9`.
    static func significant(_ value: Double, digits significant: Int = 4) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "−∞") }
        if value == 0 { return "0" }
        let magnitude = abs(value)
        if magnitude < 1e-4 || magnitude >= 1e6 { return scientific(value, significant: significant) }
        let exponent = Int((log10(magnitude)).rounded(.down))
        return fixed(value, decimals: max(0, significant - 1 - exponent))
    }

    /// `value` as mantissa and power of ten, `1.5e-7`, with at most `significant` digits.
    static func scientific(_ value: Double, significant: Int) -> String {
        guard value.isFinite else { return "0" }
        if value == 0 { return "0" }
        var exponent = Int((log10(abs(value))).rounded(.down))
        var mantissa = value / pow(10, Double(exponent))
        // Rounding can carry the mantissa to 10 (9.99996 → 10.000).
        let rounded = Double(fixed(mantissa, decimals: max(0, significant - 1))) ?? mantissa
        if abs(rounded) >= 10 {
            exponent += 1
            mantissa = value / pow(10, Double(exponent))
        }
        return fixed(mantissa, decimals: max(0, significant - 1)) + "e" + String(exponent)
    }

    /// A label for display: like ``significant(_:digits:)`` but with a true minus sign (U+2212).
    static func label(_ value: Double, digits: Int = 4) -> String {
        typographic(significant(value, digits: digits))
    }

    /// Replaces an ASCII hyphen-minus used as a sign by the minus sign U+2212.
    static func typographic(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "-")) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { out.append(scalar == "-" ? "\u{2212}" : scalar) }
        return String(out)
    }
}
