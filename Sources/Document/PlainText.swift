import Foundation

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
            case .html, .footnoteReference:
                break
            }
        }
    }

    /// The text of a document's first heading, if it has one.
    public static func firstHeading(of document: Document) -> String? {
        for block in document.blocks {
            if case .heading(_, let content, _) = block {
                let text = of(content).trimmingCharacters(in: .whitespaces)
                if !text.isEmpty { return text }
            }
        }
        return nil
    }
}
