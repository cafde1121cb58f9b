/// A course published as a book (a `derive.yml` in the notes folder; docs/publishing.md): its
/// title, its chapters in reading order grouped in parts, and the address it is published at.
/// Every page of a book carries its table of contents (`BookNavigation`); the index is its
/// front page (`FrontPage`).
public struct Book: Sendable, Equatable {
    /// A chapter: a note's page.
    public struct Chapter: Sendable, Equatable {
        public var title: String
        /// Its page, relative to the output folder (`sub/a.html`), not URL-encoded.
        public var page: String
        /// Its note, relative to the notes folder (`sub/a.md`).
        public var source: String

        public init(title: String, page: String, source: String) {
            self.title = title
            self.page = page
            self.source = source
        }
    }

    /// A part and its chapters.
    public struct Part: Sendable, Equatable {
        /// nil for the chapters before any part (all of them in a course without parts).
        public var title: String?
        public var chapters: [Chapter]

        public init(title: String?, chapters: [Chapter]) {
            self.title = title
            self.chapters = chapters
        }
    }

    public var title: String
    public var parts: [Part]
    /// Where the output folder is published (`https://example.org/course/`, ending with `/`), or nil.
    public var baseURL: String?

    public init(title: String, parts: [Part], baseURL: String? = nil) {
        self.title = title
        self.parts = parts
        self.baseURL = baseURL
    }

    /// Every chapter, in reading order.
    public var chapters: [Chapter] { parts.flatMap(\.chapters) }

    /// The published address of the page at `page` (relative to the output folder), or nil
    /// without a base URL; the front page's is the base URL itself.
    public func url(of page: String) -> String? {
        guard let baseURL else { return nil }
        return page == "index.html" ? baseURL : baseURL + URLPath.encode(page)
    }

    /// What every page shows of the book, as one text: the course's title, its address, the
    /// parts and each chapter's title and page. A page's build key includes it (BuildState),
    /// so that every page is written again when the table of contents changes, and only then.
    public var fingerprint: String {
        var text = title + "\u{0}" + (baseURL ?? "") + "\u{0}"
        for part in parts {
            text += "\u{1}" + (part.title ?? "") + "\u{0}"
            for chapter in part.chapters { text += chapter.title + "\u{0}" + chapter.page + "\u{0}" }
        }
        return text
    }
}
