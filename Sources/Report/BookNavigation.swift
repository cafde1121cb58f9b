import Markup

/// A book's table of contents beside one of its pages: the course's title (a link to the front
/// page), the search form, then every chapter, parts collapsible (`<details>`, the current
/// page's part open) and the current page marked (`aria-current="page"`).
///
/// It is one `<details class="contents">`: on a wide screen the stylesheet shows it open as a
/// sidebar whatever its state (`::details-content`); on a phone it is a closed "Contents" line
/// above the page that opens in place. No script.
public struct BookNavigation: Sendable {
    public var book: Book
    /// The current page, relative to the output folder (`sub/a.html`).
    public var page: String

    public init(book: Book, page: String) {
        self.book = book
        self.page = page
    }

    /// The sidebar's HTML.
    public func write(into html: inout MarkupBuffer) {
        html.raw("<details class=\"contents\">\n<summary>Contents</summary>\n<nav aria-label=\"Contents of the course\">\n")
        html.raw("<p class=\"course\"><a href=\"")
        html.escaped(URLPath.link(from: page, to: "index.html"))
        html.raw("\">")
        html.escaped(book.title)
        html.raw("</a></p>\n")
        Self.writeSearchForm(rootPrefix: URLPath.rootPrefix(for: page), into: &html)
        for part in book.parts where !part.chapters.isEmpty {
            guard let title = part.title else {
                writeChapters(part.chapters, into: &html)
                continue
            }
            let current = part.chapters.contains { $0.page == page }
            html.raw(current ? "<details class=\"part\" open>\n<summary>" : "<details class=\"part\">\n<summary>")
            html.escaped(title)
            html.raw("</summary>\n")
            writeChapters(part.chapters, into: &html)
            html.raw("</details>\n")
        }
        html.raw("</nav>\n</details>\n")
    }

    private func writeChapters(_ chapters: [Book.Chapter], into html: inout MarkupBuffer) {
        html.raw("<ul>\n")
        for chapter in chapters {
            html.raw(chapter.page == page ? "<li><a aria-current=\"page\" href=\"" : "<li><a href=\"")
            html.escaped(URLPath.link(from: page, to: chapter.page))
            html.raw("\">")
            html.escaped(chapter.title)
            html.raw("</a></li>\n")
        }
        html.raw("</ul>\n")
    }

    /// The search form, which asks the course's search page (`search.html` at the output's
    /// root) for `?q=`: a plain GET form, so it works without a script on the page.
    static func writeSearchForm(rootPrefix: String, into html: inout MarkupBuffer) {
        html.raw("<form class=\"search\" action=\"")
        html.escaped(URLPath.encode(rootPrefix + "search.html"))
        html.raw("\" method=\"get\" role=\"search\"><input type=\"search\" name=\"q\" placeholder=\"Search the course\" ")
        html.raw("aria-label=\"Search the course\"><button type=\"submit\">Search</button></form>\n")
    }
}
