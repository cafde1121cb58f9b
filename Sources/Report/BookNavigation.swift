import Markup

/// A book's table of contents beside each of its pages: the course's title (a link to the front
/// page), the search form, then every chapter, parts collapsible (`<details>`, the current
/// page's part open) and the current page marked (`aria-current="page"`).
///
/// It is one `<details class="contents">`: on a wide screen the stylesheet shows it open as a
/// sidebar whatever its state (`::details-content`); on a phone it is a closed "Contents" line
/// above the page that opens in place. No script.
///
/// Every page carries every chapter, so a course of n chapters writes n² links: the parts a
/// page does not stand in are the same on every page as deep in the folders, and are written
/// once here, then copied (docs/publishing.md has the sizes).
public struct BookNavigation: Sendable {
    public let book: Book
    /// By depth (0 for `a.html`, 1 for `sub/a.html`): each part's HTML as a page at that depth
    /// shows it when it is not the page's part (closed, nothing marked).
    private let otherParts: [Int: [[UInt8]]]

    /// A page of the book: where the contents are written.
    public struct Page: Sendable {
        public var navigation: BookNavigation
        /// Relative to the output folder (`sub/a.html`).
        public var page: String
    }

    public init(book: Book) {
        self.book = book
        var otherParts: [Int: [[UInt8]]] = [:]
        for depth in Set(book.chapters.map { Self.depth(of: $0.page) }) {
            otherParts[depth] = book.parts.map { part in
                var html = MarkupBuffer()
                Self.write(part, current: nil, rootPrefix: String(repeating: "../", count: depth), into: &html)
                return html.bytes
            }
        }
        self.otherParts = otherParts
    }

    /// The contents as shown on `page`.
    public func at(_ page: String) -> Page { Page(navigation: self, page: page) }

    /// The contents' HTML on `page`.
    public func write(page: String, into html: inout MarkupBuffer) {
        let rootPrefix = URLPath.rootPrefix(for: page)
        html.raw("<details class=\"contents\">\n<summary>Contents</summary>\n<nav aria-label=\"Contents of the course\">\n")
        html.raw("<p class=\"course\"><a href=\"")
        html.escaped(URLPath.encode(rootPrefix + "index.html"))
        html.raw("\">")
        html.escaped(book.title)
        html.raw("</a></p>\n")
        Self.writeSearchForm(rootPrefix: rootPrefix, into: &html)
        let written = otherParts[Self.depth(of: page)]
        for (index, part) in book.parts.enumerated() {
            if let written, !part.chapters.contains(where: { $0.page == page }) {
                written[index].withUnsafeBufferPointer { html.append($0) }
            } else {
                Self.write(part, current: page, rootPrefix: rootPrefix, into: &html)
            }
        }
        html.raw("</nav>\n</details>\n")
    }

    /// A part: a `<details>` with its title (open when it holds `current`), or only its list
    /// for the chapters before any part.
    private static func write(_ part: Book.Part, current: String?, rootPrefix: String, into html: inout MarkupBuffer) {
        guard !part.chapters.isEmpty else { return }
        if let title = part.title {
            html.raw(part.chapters.contains { $0.page == current } ? "<details class=\"part\" open>\n<summary>" : "<details class=\"part\">\n<summary>")
            html.escaped(title)
            html.raw("</summary>\n")
        }
        html.raw("<ul>\n")
        for chapter in part.chapters {
            html.raw(chapter.page == current ? "<li><a aria-current=\"page\" href=\"" : "<li><a href=\"")
            html.escaped(URLPath.encode(rootPrefix + chapter.page))
            html.raw("\">")
            html.escaped(chapter.title)
            html.raw("</a></li>\n")
        }
        html.raw(part.title == nil ? "</ul>\n" : "</ul>\n</details>\n")
    }

    private static func depth(of page: String) -> Int {
        page.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) }
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
