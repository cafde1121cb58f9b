/// Estimated width of text, for layout without font metrics.
///
/// No font is available at build time, so widths come from the character classes of a
/// typical sans-serif face (in ems). Estimates err on the wide side so boxes never clip text.
public enum TextWidth {
    /// The estimated width of `text` set at `fontSize`, in the same units as `fontSize`.
    public static func estimate(_ text: String, fontSize: Double) -> Double {
        var ems = 0.0
        for scalar in text.unicodeScalars {
            ems += width(of: scalar)
        }
        return ems * fontSize
    }

    private static func width(of scalar: Unicode.Scalar) -> Double {
        let value = scalar.value
        switch scalar {
        case " ": return 0.3
        case "i", "j", "l", "!", "|", ".", ",", ":", ";", "'", "`": return 0.3
        case "f", "t", "r", "(", ")", "[", "]", "{", "}", "/", "\\", "-", "\"": return 0.4
        case "m", "w", "M", "W", "@", "%": return 0.9
        default: break
        }
        if (0x30...0x39).contains(value) { return 0.58 }
        if (0x41...0x5A).contains(value) { return 0.7 }
        if (0x61...0x7A).contains(value) { return 0.56 }
        if value < 0x80 { return 0.6 }
        if (0x0300...0x036F).contains(value) { return 0 }  // combining marks
        if (0x1100...0x11FF).contains(value) || (0x2E80...0xA4CF).contains(value)
            || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value)
            || (0xFF00...0xFF60).contains(value) || value >= 0x1F300
        {
            return 1.0  // wide: CJK, Hangul, full-width forms, emoji
        }
        return 0.65
    }
}
