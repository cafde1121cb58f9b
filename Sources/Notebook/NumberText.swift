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
            let scale = powersOfTen[significant - 1 - exponent]
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

    /// 10^0 … 10^18, all exact doubles (what `pow(10, n)` gives for them).
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
    ]

    /// printf's `%.{significant}g`, trimmed: no trailing zeros after the point, no `+` or
    /// leading zeros in the exponent (`1.5e-07` → `1.5e-7`). The digits come from the double's
    /// exact decimal value, rounded half to even as printf rounds, without printf.
    private static func exponential(_ value: Double, significant: Int) -> String {
        let precision = significant < 0 ? 6 : Swift.max(significant, 1)
        // value = mantissa × 2^power exactly; as a decimal, digits × 10^min(power, 0).
        let bits = value.bitPattern
        let biased = Int((bits >> 52) & 0x7FF)
        let fraction = bits & ((1 << 52) - 1)
        let mantissa = biased == 0 ? fraction : fraction | (1 << 52)
        let power = biased == 0 ? -1074 : biased - 1075
        // 767 digits at most (a subnormal's mantissa × 5^1074): 86 limbs of nine digits.
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 96) { limbs in
            var count = 0
            var rest = mantissa
            while rest > 0 {
                limbs[count] = rest % 1_000_000_000
                rest /= 1_000_000_000
                count += 1
            }
            func multiply(by factor: UInt64) {
                var carry: UInt64 = 0
                for index in 0..<count {
                    let product = limbs[index] &* factor &+ carry
                    limbs[index] = product % 1_000_000_000
                    carry = product / 1_000_000_000
                }
                while carry > 0 {
                    limbs[count] = carry % 1_000_000_000
                    carry /= 1_000_000_000
                    count += 1
                }
            }
            if power >= 0 {
                var left = power
                while left >= 32 { multiply(by: 1 << 32); left -= 32 }
                if left > 0 { multiply(by: 1 << UInt64(left)) }
            } else {
                var left = -power
                while left >= 13 { multiply(by: 1_220_703_125); left -= 13 }  // 5^13
                if left > 0 {
                    var factor: UInt64 = 1
                    for _ in 0..<left { factor *= 5 }
                    multiply(by: factor)
                }
            }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 9 * 96 + 2) { digits in
                // The decimal digits, most significant first: the top limb's.
                var total = 0
                var top = limbs[count - 1]
                var topDigits = 0
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 9) { scratch in
                    while top > 0 {
                        scratch[topDigits] = UInt8(top % 10)
                        top /= 10
                        topDigits += 1
                    }
                    for index in stride(from: topDigits - 1, through: 0, by: -1) {
                        digits[total] = scratch[index]
                        total += 1
                    }
                }
                // The limbs below: only as many digits as rounding looks at; past those, whether
                // any is not zero.
                var limb = count - 2
                while limb >= 0, total <= precision {
                    var part = limbs[limb]
                    for place in stride(from: 8, through: 0, by: -1) {
                        digits[total + place] = UInt8(part % 10)
                        part /= 10
                    }
                    total += 9
                    limb -= 1
                }
                var beyond = false
                while limb >= 0, !beyond {
                    beyond = limbs[limb] != 0
                    limb -= 1
                }
                var exponent = topDigits + 9 * (count - 1) - 1 + Swift.min(power, 0)
                // Round to `precision` digits, half to even.
                var kept = Swift.min(total, precision)
                if total > precision {
                    let next = digits[precision]
                    for index in (precision + 1)..<total where digits[index] != 0 {
                        beyond = true
                        break
                    }
                    if next > 5 || (next == 5 && (beyond || digits[precision - 1] % 2 == 1)) {
                        var index = precision - 1
                        while index >= 0, digits[index] == 9 {
                            digits[index] = 0
                            index -= 1
                        }
                        if index >= 0 {
                            digits[index] += 1
                        } else {
                            digits[0] = 1
                            exponent += 1
                        }
                    }
                }
                while kept > 1, digits[kept - 1] == 0 { kept -= 1 }
                return String(unsafeUninitializedCapacity: precision + kept + 16) { text in
                    var length = 0
                    func put(_ byte: UInt8) {
                        text[length] = byte
                        length += 1
                    }
                    func digit(_ index: Int) -> UInt8 { index < kept ? UInt8(ascii: "0") + digits[index] : UInt8(ascii: "0") }
                    if value < 0 { put(UInt8(ascii: "-")) }
                    if exponent < -4 || exponent >= precision {
                        put(digit(0))
                        if kept > 1 {
                            put(UInt8(ascii: "."))
                            for index in 1..<kept { put(digit(index)) }
                        }
                        put(UInt8(ascii: "e"))
                        if exponent < 0 { put(UInt8(ascii: "-")) }
                        let magnitude = exponent.magnitude
                        if magnitude >= 100 { put(UInt8(ascii: "0") + UInt8(magnitude / 100)) }
                        if magnitude >= 10 { put(UInt8(ascii: "0") + UInt8(magnitude / 10 % 10)) }
                        put(UInt8(ascii: "0") + UInt8(magnitude % 10))
                    } else if exponent >= 0 {
                        for index in 0...exponent { put(digit(index)) }
                        if kept > exponent + 1 {
                            put(UInt8(ascii: "."))
                            for index in (exponent + 1)..<kept { put(digit(index)) }
                        }
                    } else {
                        put(UInt8(ascii: "0"))
                        put(UInt8(ascii: "."))
                        for _ in 0..<(-exponent - 1) { put(UInt8(ascii: "0")) }
                        for index in 0..<kept { put(digit(index)) }
                    }
                    return length
                }
            }
        }
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
