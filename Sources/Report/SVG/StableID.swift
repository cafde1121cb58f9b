/// Deterministic identifiers for SVG elements, derived from content (FNV-1a, 32 bits), so
/// that the same figure gets the same id on every run. Swift's `Hasher` is seeded per process
/// and must not be used for this.
enum StableID {
    /// `prefix` followed by eight hex digits of the FNV-1a hash of `content`.
    static func make(prefix: String, content: String) -> String {
        var hash: UInt32 = 0x811C_9DC5
        for byte in content.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        let hex = String(hash, radix: 16)
        return prefix + String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// `text` reduced to the characters allowed in an XML id (letters, digits, `-`, `_`),
    /// starting with a letter; empty input gives `fallback`.
    static func sanitize(_ text: String, fallback: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let isLetter = (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
            let isDigit = (0x30...0x39).contains(value)
            if isLetter || isDigit || scalar == "-" || scalar == "_" {
                out.unicodeScalars.append(scalar)
            }
        }
        guard let first = out.unicodeScalars.first else { return fallback }
        let startsWithLetter = (0x41...0x5A).contains(first.value) || (0x61...0x7A).contains(first.value)
        return startsWithLetter ? out : "id-" + out
    }
}
