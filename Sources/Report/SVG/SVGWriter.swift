import Markup

/// A small writer of SVG (and HTML) markup: one element per line, attributes in the order
/// given, text escaped, so that the same input always gives the same bytes.
///
/// Lines go straight into one byte buffer, a newline before each but the first (the markup
/// ends without one), indented two spaces a level.
struct SVGWriter: ~Copyable {
    private var out: MarkupBuffer
    private var depth: Int
    /// Whether a line was written (the next one starts with a newline).
    private var started = false

    /// A writer whose first elements stand `depth` levels deep.
    init(depth: Int = 0, capacity: Int = 8192) {
        out = MarkupBuffer(capacity: capacity)
        self.depth = depth
    }

    /// Starts a line at the current depth.
    private mutating func line() {
        if started { out.append(UInt8(ascii: "\n")) }
        started = true
        for _ in 0..<depth {
            out.append(UInt8(ascii: " "))
            out.append(UInt8(ascii: " "))
        }
    }

    /// Opens an element that will hold children; close it with ``close(_:)``.
    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        line()
        out.append(UInt8(ascii: "<"))
        out.raw(name)
        write(attributes)
        out.append(UInt8(ascii: ">"))
        depth += 1
    }

    /// Closes the element opened last.
    mutating func close(_ name: String) {
        depth = max(0, depth - 1)
        line()
        out.append("</")
        out.raw(name)
        out.append(UInt8(ascii: ">"))
    }

    /// Writes an element without children, or with text content when `text` is given.
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], text: String? = nil) {
        line()
        out.append(UInt8(ascii: "<"))
        out.raw(name)
        write(attributes)
        if let text {
            out.append(UInt8(ascii: ">"))
            out.xmlEscaped(text)
            out.append("</")
            out.raw(name)
            out.append(UInt8(ascii: ">"))
        } else {
            out.append("/>")
        }
    }

    /// Writes markup that is already well-formed (for instance another writer's output), each
    /// of its lines (empty ones left out) indented to the current depth.
    /// Split on the newline byte when the markup has no carriage return: a newline is then a
    /// character of its own, and splitting bytes gives the same lines as splitting characters,
    /// without walking grapheme clusters (7% of the instructions of rendering 100 notes with plots).
    mutating func raw(_ markup: String) {
        guard !markup.utf8.contains(UInt8(ascii: "\r")) else {
            for text in markup.split(separator: "\n", omittingEmptySubsequences: true) {
                line()
                out.raw(text)
            }
            return
        }
        var markup = markup
        markup.withUTF8 { utf8 in
            var start = 0
            for index in 0...utf8.count where index == utf8.count || utf8[index] == UInt8(ascii: "\n") {
                if index > start {
                    line()
                    out.append(UnsafeBufferPointer(rebasing: utf8[start..<index]))
                }
                start = index + 1
            }
        }
    }

    /// The whole markup, lines joined by newlines, ending without a newline.
    var markup: String { out.string }

    private mutating func write(_ attributes: [(String, String)]) {
        for (name, value) in attributes {
            out.append(UInt8(ascii: " "))
            out.raw(name)
            out.append("=\"")
            out.xmlEscaped(value)
            out.append(UInt8(ascii: "\""))
        }
    }

    /// Escapes text for XML content and attribute values, and drops the characters XML 1.0
    /// forbids (C0 controls other than tab, newline and carriage return), so that any input
    /// gives a well-formed document (`Escaping.xml`).
    static func escape(_ text: String) -> String {
        var out = MarkupBuffer(capacity: text.utf8.count + 16)
        out.xmlEscaped(text)
        return out.string
    }
}
