/// A growing UTF-8 byte buffer with the escaping rules of cmark-gfm's HTML renderer.
public struct HTMLBuffer: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    /// The written HTML as a string.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends raw (already safe) HTML.
    public mutating func raw(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends raw bytes.
    public mutating func raw<S: Sequence>(bytes more: S) where S.Element == UInt8 {
        bytes.append(contentsOf: more)
    }

    /// Lets `write` append raw (already safe) HTML bytes directly.
    public mutating func raw(writing write: (inout [UInt8]) -> Void) {
        write(&bytes)
    }

    /// A newline, unless the buffer is empty or already ends with one (cmark's `cr`).
    public mutating func newlineIfNeeded() {
        if let last = bytes.last, last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
    }

    /// Appends text with `&`, `<`, `>` and `"` escaped (cmark's `escape_html`).
    public mutating func escaped(_ text: String) {
        var text = text
        text.withUTF8 { escaped(utf8: $0) }
    }

    /// Appends UTF-8 bytes with `&`, `<`, `>` and `"` escaped.
    public mutating func escaped(utf8: UnsafeBufferPointer<UInt8>) {
        // Runs without a special byte are copied whole.
        var runStart = 0
        for (index, byte) in utf8.enumerated() where Self.needsEscape[Int(byte)] {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            escape(byte)
            runStart = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
    }

    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
        case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
        case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
        default: bytes.append(contentsOf: "&quot;".utf8)
        }
    }

    /// `&`, `<`, `>` and `"`: the bytes `escaped` replaces.
    private static let needsEscape: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "&<>\"".utf8 { table[Int(byte)] = true }
        return table
    }()

    /// Appends a URL escaped for an `href` (cmark's `houdini_escape_href`): bytes outside
    /// cmark's safe set become `%XX`, `&` becomes `&amp;` and `'` becomes `&#x27;`.
    public mutating func escapedHref(_ url: String) {
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in url.utf8 {
            if Self.hrefSafe[Int(byte)] {
                bytes.append(byte)
            } else if byte == UInt8(ascii: "&") {
                bytes.append(contentsOf: "&amp;".utf8)
            } else if byte == UInt8(ascii: "'") {
                bytes.append(contentsOf: "&#x27;".utf8)
            } else {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0xF)])
            }
        }
    }

    /// Bytes that `houdini_escape_href` leaves alone: alphanumerics and `-_.+!*(),%#@?=;:/$~`.
    private static let hrefSafe: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(byte)] = true }
        for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(byte)] = true }
        for byte in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(byte)] = true }
        for byte in "-_.+!*(),%#@?=;:/$~".utf8 { table[Int(byte)] = true }
        return table
    }()
}

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
    static func filtered(_ html: String, into buffer: inout HTMLBuffer) {
        let bytes = Array(html.utf8)
        var index = 0
        var runStart = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), isFilteredTag(bytes[index...]) {
                buffer.raw(bytes: bytes[runStart..<index])
                buffer.raw("&lt;")
                runStart = index + 1
            }
            index += 1
        }
        buffer.raw(bytes: bytes[runStart..<bytes.count])
    }

    private static func lowercase(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0B || byte == 0x0C || byte == 0x0D
    }
}
