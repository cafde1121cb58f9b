import Markup

/// A small writer of SVG (and HTML) markup: one element per line, attributes in the order
/// given, text escaped, so that the same input always gives the same bytes.
struct SVGWriter {
    /// The markup written so far, one element per line.
    private(set) var lines: [String] = []
    private var depth = 0

    /// Opens an element that will hold children; close it with ``close(_:)``.
    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        lines.append(indent + "<" + name + Self.attributes(attributes) + ">")
        depth += 1
    }

    /// Closes the element opened last.
    mutating func close(_ name: String) {
        depth = max(0, depth - 1)
        lines.append(indent + "</" + name + ">")
    }

    /// Writes an element without children, or with text content when `text` is given.
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], text: String? = nil) {
        if let text {
            lines.append(indent + "<" + name + Self.attributes(attributes) + ">" + Self.escape(text) + "</" + name + ">")
        } else {
            lines.append(indent + "<" + name + Self.attributes(attributes) + "/>")
        }
    }

    /// Writes markup that is already well-formed (for instance another writer's output).
    /// Split on the newline byte when the markup has no carriage return: a newline is then a
    /// character of its own, and splitting bytes gives the same lines as splitting characters,
    /// without walking grapheme clusters (7% of the instructions of rendering 100 notes with plots).
    mutating func raw(_ markup: String) {
        let indent = self.indent
        guard !markup.utf8.contains(UInt8(ascii: "\r")) else {
            for line in markup.split(separator: "\n", omittingEmptySubsequences: true) {
                lines.append(indent + line)
            }
            return
        }
        for line in markup.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            lines.append(indent + String(decoding: line, as: UTF8.self))
        }
    }

    /// The whole markup, lines joined by newlines, ending without a newline.
    var markup: String { lines.joined(separator: "\n") }

    private var indent: String { String(repeating: "  ", count: depth) }

    private static func attributes(_ attributes: [(String, String)]) -> String {
        attributes.map { " " + $0.0 + "=\"" + escape($0.1) + "\"" }.joined()
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
