import Markup

/// The checks cmark-gfm applies to raw HTML and URLs.
enum HTMLSafety {
    /// Whether a URL is one safe mode blanks: `javascript:`, `vbscript:`, `file:`, and `data:`
    /// except `data:image/png|gif|jpeg|webp` (case-insensitive), like cmark's `scan_dangerous_url`.
    static func isDangerous(url: String) -> Bool {
        let lower = url.prefix(16).lowercased()
        for safe in ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
        where lower.hasPrefix(safe) {
            return false
        }
        return ["javascript:", "vbscript:", "file:", "data:"].contains { lower.hasPrefix($0) }
    }

    /// Tags GitHub's tagfilter extension disables in raw HTML.
    private static let filteredTags = [
        "title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext",
    ].map { Array($0.utf8) }

    /// Whether `bytes` starts with a tag the tagfilter extension disables (`<script`, `</style>`...).
    static func isFilteredTag(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count >= 3, bytes.first == UInt8(ascii: "<") else { return false }
        var start = bytes.startIndex + 1
        if bytes[start] == UInt8(ascii: "/") { start += 1 }
        for name in filteredTags {
            var index = start
            var matched = true
            for expected in name {
                guard index < bytes.endIndex, lowercase(bytes[index]) == expected else {
                    matched = false
                    break
                }
                index += 1
            }
            guard matched, index < bytes.endIndex else { continue }
            let next = bytes[index]
            if next == UInt8(ascii: ">") || isSpace(next) { return true }
            if next == UInt8(ascii: "/"), index + 1 < bytes.endIndex, bytes[index + 1] == UInt8(ascii: ">") {
                return true
            }
        }
        return false
    }

    /// Raw HTML with every `<` that opens a filtered tag written as `&lt;`.
    static func filtered(_ html: String, into buffer: inout MarkupBuffer) {
        let bytes = Array(html.utf8)
        var index = 0
        var runStart = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), isFilteredTag(bytes[index...]) {
                buffer.append(bytes: bytes[runStart..<index])
                buffer.raw("&lt;")
                runStart = index + 1
            }
            index += 1
        }
        buffer.append(bytes: bytes[runStart..<bytes.count])
    }

    private static func lowercase(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0B || byte == 0x0C || byte == 0x0D
    }
}
