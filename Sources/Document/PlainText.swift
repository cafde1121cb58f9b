/// The text of inline content without markup (for titles and link text).
public enum PlainText {
    public static func of(_ inlines: [Inline]) -> String {
        var text = ""
        append(inlines, to: &text)
        return text
    }

    private static func append(_ inlines: [Inline], to text: inout String) {
        for inline in inlines {
            switch inline {
            case .text(let string), .code(let string):
                text += string
            case .softBreak, .lineBreak:
                text += " "
            case .emphasis(let children), .strong(let children), .strikethrough(let children),
                .link(_, _, let children), .image(_, _, let children):
                append(children, to: &text)
            case .math(let math):
                text += math.tex
            case .equationReference(let label, _):
                text += "@" + label
            case .html, .footnoteReference:
                break
            }
        }
    }

    /// The text of a document's first heading, if it has one.
    public static func firstHeading(of document: Document) -> String? {
        for block in document.blocks {
            if case .heading(_, let content, _) = block {
                let text = trimmed(of(content))
                if !text.isEmpty { return text }
            }
        }
        return nil
    }

    /// `text` without the spaces and tabs at its ends (Foundation's `.whitespaces`: tab and
    /// the Unicode space separators).
    public static func trimmed(_ text: String) -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "\t" || (scalar.value > 0x7F && scalar.properties.generalCategory == .spaceSeparator)
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        if first == scalars.startIndex, last == scalars.index(before: scalars.endIndex) { return text }
        return String(scalars[first...last])
    }
}
