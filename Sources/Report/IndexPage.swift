import Document
import Markup
import Notebook

/// `index.html`: every note with its verdict counts.
public enum IndexPage {
    public struct Entry: Sendable {
        public var title: String
        /// Already URL-encoded.
        public var href: String
        public var path: String
        public var summary: Summary

        public init(title: String, href: String, path: String, summary: Summary) {
            self.title = title
            self.href = href
            self.path = path
            self.summary = summary
        }
    }

    public static func html(entries: [Entry]) -> String {
        let total = entries.reduce(Summary()) { $0 + $1.summary }
        var body = MarkupBuffer()
        body.raw("<h1>Notes</h1>\n<p class=\"summary\">\(entries.count) notes · \(total.claims) claims: ")
        body.raw("<span class=\"verdict holds\">✓ \(total.held) held</span> · ")
        body.raw("<span class=\"verdict fails\">✗ \(total.failed) failed</span> · ")
        body.raw("<span class=\"verdict cannot-tell\">? \(total.cannotTell) cannot tell</span></p>\n")
        body.raw("<p class=\"search-link\"><a href=\"\(SearchPage.fileName)\">Search the notes</a></p>\n")
        body.raw("<ul class=\"notes\">\n")
        for entry in entries {
            body.raw("<li><a href=\"")
            body.escaped(entry.href)
            body.raw("\">")
            body.escaped(entry.title)
            body.raw("</a> <span class=\"counts\">")
            body.escaped(entry.path)
            let summary = entry.summary
            body.raw(" · \(summary.claims) claims: ✓ \(summary.held)")
            if summary.failed > 0 { body.raw(" · <span class=\"verdict fails\">✗ \(summary.failed)</span>") }
            if summary.cannotTell > 0 { body.raw(" · <span class=\"verdict cannot-tell\">? \(summary.cannotTell)</span>") }
            body.raw("</span></li>\n")
        }
        body.raw("</ul>\n")
        return PageShell(title: "Notes", rootPrefix: "").page(body: body.string)
    }
}
