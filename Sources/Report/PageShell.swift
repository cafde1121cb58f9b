import Document
import Markup

/// The HTML around a page's content: doctype, head with the stylesheet, and navigation.
public struct PageShell: Sendable {
    /// A link in the navigation bar.
    public struct Link: Sendable, Equatable {
        public var title: String
        /// Already URL-encoded (see `URLPath.encode`).
        public var href: String
        public init(title: String, href: String) {
            self.title = title
            self.href = href
        }
    }

    /// The page's title (in `<title>`).
    public var title: String
    /// The relative path from the page to the output folder's root (`""` or `"../"`...).
    public var rootPrefix: String
    public var index: Link?
    public var previous: Link?
    public var next: Link?
    /// The book's table of contents beside the page (a course with a `derive.yml`), or nil.
    public var contents: BookNavigation.Page?
    /// The page's published address (`<link rel="canonical">`), or nil.
    public var canonicalURL: String?

    public init(title: String, rootPrefix: String, index: Link? = nil, previous: Link? = nil, next: Link? = nil) {
        self.title = title
        self.rootPrefix = rootPrefix
        self.index = index
        self.previous = previous
        self.next = next
    }

    /// The stylesheet's path inside the output folder.
    public static let stylesheetPath = "assets/derive.css"

    /// The whole page around `body` (already HTML).
    public func page(body: String) -> String {
        String(decoding: page { $0.raw(body) }, as: UTF8.self)
    }

    /// The whole page as UTF-8, its content written by `writeBody` (already HTML).
    public func page(_ writeBody: (inout MarkupBuffer) -> Void) -> [UInt8] {
        var html = MarkupBuffer(capacity: 32_768)
        html.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        html.raw("<meta name=\"generator\" content=\"Derive\">\n<title>")
        html.escaped(title)
        if let contents {
            html.raw(" — ")
            html.escaped(contents.navigation.book.title)
        }
        html.raw("</title>\n<link rel=\"stylesheet\" href=\"")
        html.escaped(URLPath.encode(rootPrefix + Self.stylesheetPath))
        html.raw("\">\n")
        if let canonicalURL {
            html.raw("<link rel=\"canonical\" href=\"")
            html.escaped(canonicalURL)
            html.raw("\">\n")
        }
        html.raw("</head>\n")
        if let contents {
            // A book's page: the contents, then the page in a column of its own.
            html.raw("<body class=\"book\">\n")
            contents.navigation.write(page: contents.page, into: &html)
            html.raw("<div class=\"page\">\n")
        } else {
            html.raw("<body>\n")
        }
        writeNavigation(into: &html)
        html.raw("<main>\n")
        writeBody(&html)
        html.newlineIfNeeded()
        html.raw("</main>\n")
        writeNavigation(into: &html)
        if contents != nil { html.raw("</div>\n") }
        html.raw("</body>\n</html>\n")
        return html.bytes
    }

    private func writeNavigation(into html: inout MarkupBuffer) {
        guard index != nil || previous != nil || next != nil else { return }
        html.raw("<nav class=\"pages\">")
        for (link, rel, label) in [(previous, "prev", "← "), (index, "index", ""), (next, "next", "")] {
            guard let link else { continue }
            html.raw("<a rel=\"\(rel)\" href=\"")
            html.escaped(link.href)
            html.raw("\">")
            html.escaped(label + link.title + (rel == "next" ? " →" : ""))
            html.raw("</a>")
        }
        html.raw("</nav>\n")
    }
}
