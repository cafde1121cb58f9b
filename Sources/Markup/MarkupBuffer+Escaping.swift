/// How text is made safe in each language a writer writes. `EscapingTests` (MarkupTests) shows
/// every rule side by side on the same inputs.
public enum Escaping: CaseIterable, Sendable {
    /// HTML text and attribute values, and MathML: `&`, `<`, `>`, `"` (cmark's `escape_html`).
    case html
    /// A URL in an HTML `href` (cmark's `houdini_escape_href`): bytes outside cmark's safe set
    /// as `%XX`, `&` as `&amp;`, `'` as `&#x27;`.
    case href
    /// XML content and attribute values (SVG): `&`, `<`, `>`, `"`, `'`; the characters XML 1.0
    /// forbids (C0 controls other than tab, newline and carriage return; U+FFFE, U+FFFF) are
    /// dropped.
    case xml
    /// An XML attribute value that keeps its line breaks (JUnit): `&`, `<`, `>`, `"`; a newline
    /// as `&#10;`; each character XML 1.0 forbids as U+FFFD (the replacement character).
    case xmlAttribute
    /// The inside of a JSON string: `\"`, `\\`, `\n`, `\r`, `\t`, other controls as `\u00XX`.
    case json
    /// A Markdown table cell or inline code: `|` as `\|`, a newline as a space, a backtick as
    /// an apostrophe.
    case markdownCell
    /// Like `markdownCell` inside inline code in a cell: `|` as `\\|` (a single escape would
    /// lose its backslash).
    case markdownCellInCode
}

extension MarkupBuffer {
    /// Appends `text` escaped by the rules of `escaping`.
    public mutating func append(_ text: String, escaping: Escaping) {
        switch escaping {
        case .html: escaped(text)
        case .href: escapedHref(text)
        case .xml: xmlEscaped(text)
        case .xmlAttribute: xmlAttributeEscaped(text)
        case .json: jsonEscaped(text)
        case .markdownCell: markdownCellEscaped(text)
        case .markdownCellInCode: markdownCellEscaped(text, twice: true)
        }
    }

    // MARK: - HTML

    /// Appends text with `&`, `<`, `>` and `"` escaped (cmark's `escape_html`): HTML text and
    /// attribute values, MathML.
    @inlinable
    public mutating func escaped(_ text: String) {
        var text = text
        text.withUTF8 { escaped(utf8: $0) }
    }

    /// Appends UTF-8 bytes with `&`, `<`, `>` and `"` escaped; runs without one are copied whole.
    @inlinable
    public mutating func escaped(utf8: UnsafeBufferPointer<UInt8>) {
        reserve(utf8.count)
        var runStart = 0
        for index in 0..<utf8.count {
            let byte = utf8[index]
            // Letters and most text sort after `>`, the greatest byte escaped.
            guard byte <= UInt8(ascii: ">") else { continue }
            switch byte {
            case UInt8(ascii: "&"): flush(utf8, runStart, index); append("&amp;")
            case UInt8(ascii: "<"): flush(utf8, runStart, index); append("&lt;")
            case UInt8(ascii: ">"): flush(utf8, runStart, index); append("&gt;")
            case UInt8(ascii: "\""): flush(utf8, runStart, index); append("&quot;")
            default: continue
            }
            runStart = index + 1
        }
        flush(utf8, runStart, utf8.count)
    }

    /// Appends `utf8[start..<end]` as it is.
    @inlinable @inline(__always)
    mutating func flush(_ utf8: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        if end > start { append(UnsafeBufferPointer(rebasing: utf8[start..<end])) }
    }

    /// Appends a URL escaped for an `href` (cmark's `houdini_escape_href`): bytes outside
    /// cmark's safe set become `%XX`, `&` becomes `&amp;` and `'` becomes `&#x27;`.
    public mutating func escapedHref(_ url: String) {
        for byte in url.utf8 {
            if Self.hrefSafe[Int(byte)] {
                append(byte)
            } else if byte == UInt8(ascii: "&") {
                append("&amp;")
            } else if byte == UInt8(ascii: "'") {
                append("&#x27;")
            } else {
                append(UInt8(ascii: "%"))
                appendHex(byte, digits: Self.upperHex)
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

    private static let upperHex: StaticString = "0123456789ABCDEF"
    private static let lowerHex: StaticString = "0123456789abcdef"

    /// Two hexadecimal digits of `byte`.
    private mutating func appendHex(_ byte: UInt8, digits: StaticString) {
        append(digits.utf8Start[Int(byte >> 4)])
        append(digits.utf8Start[Int(byte & 0xF)])
    }

    // MARK: - XML

    /// Appends text for XML content or an attribute value (SVG): `&`, `<`, `>`, `"`, `'`
    /// escaped, characters XML 1.0 forbids dropped, so that any input gives well-formed XML.
    public mutating func xmlEscaped(_ text: String) {
        appendXML(text, apostrophe: true, newlineAsReference: false, forbidden: "")
    }

    /// Appends an XML attribute value that keeps its line breaks (JUnit): `&`, `<`, `>`, `"`
    /// escaped, a newline as `&#10;`, each character XML 1.0 forbids as U+FFFD.
    public mutating func xmlAttributeEscaped(_ text: String) {
        appendXML(text, apostrophe: false, newlineAsReference: true, forbidden: "\u{FFFD}")
    }

    private mutating func appendXML(_ text: String, apostrophe: Bool, newlineAsReference: Bool,
                                    forbidden replacement: StaticString)
    {
        var text = text
        text.withUTF8 { utf8 in
            reserve(utf8.count)
            var runStart = 0
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                var skip = 1
                switch byte {
                case UInt8(ascii: "&"): flush(utf8, runStart, index); append("&amp;")
                case UInt8(ascii: "<"): flush(utf8, runStart, index); append("&lt;")
                case UInt8(ascii: ">"): flush(utf8, runStart, index); append("&gt;")
                case UInt8(ascii: "\""): flush(utf8, runStart, index); append("&quot;")
                case UInt8(ascii: "'") where apostrophe: flush(utf8, runStart, index); append("&#39;")
                case UInt8(ascii: "\n") where newlineAsReference: flush(utf8, runStart, index); append("&#10;")
                case UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                    index += 1
                    continue
                case 0..<0x20:
                    flush(utf8, runStart, index)
                    append(replacement)
                case 0xEF where index + 2 < utf8.count && utf8[index + 1] == 0xBF
                    && (utf8[index + 2] == 0xBE || utf8[index + 2] == 0xBF):
                    // U+FFFE and U+FFFF.
                    flush(utf8, runStart, index)
                    append(replacement)
                    skip = 3
                default:
                    index += 1
                    continue
                }
                index += skip
                runStart = index
            }
            flush(utf8, runStart, utf8.count)
        }
    }

    // MARK: - JSON

    /// Appends the inside of a JSON string (without its quotes): `\"`, `\\`, `\n`, `\r`, `\t`,
    /// or `\u00XX` for another control character; runs without one are copied whole.
    public mutating func jsonEscaped(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            reserve(utf8.count)
            var runStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                flush(utf8, runStart, index)
                append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\n"): append(UInt8(ascii: "n"))
                case UInt8(ascii: "\r"): append(UInt8(ascii: "r"))
                case UInt8(ascii: "\t"): append(UInt8(ascii: "t"))
                case 0..<0x20:
                    append("u00")
                    appendHex(byte, digits: Self.lowerHex)
                default: append(byte)
                }
                runStart = index + 1
            }
            flush(utf8, runStart, utf8.count)
        }
    }

    // MARK: - Markdown

    /// Appends text safe inside a Markdown table cell and inline code: pipes escaped (`\|`, or
    /// `\\|` when escaped `twice`, for inline code in a cell), newlines as spaces, backticks
    /// as apostrophes.
    public mutating func markdownCellEscaped(_ text: String, twice: Bool = false) {
        var text = text
        text.withUTF8 { utf8 in
            reserve(utf8.count)
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "|"):
                    append(UInt8(ascii: "\\"))
                    if twice { append(UInt8(ascii: "\\")) }
                    append(byte)
                case UInt8(ascii: "\n"): append(UInt8(ascii: " "))
                case UInt8(ascii: "`"): append(UInt8(ascii: "'"))
                default: append(byte)
                }
            }
        }
    }
}
