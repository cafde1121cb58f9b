import Markup
import Notebook

/// A book's `index.html`: the course's title, the search form, the totals, then each part with
/// its chapters in reading order, each with its note's path (relative to the notes folder) and
/// its verdict counts.
public enum FrontPage {
    /// The page; `summaries` gives each chapter's counts by its page (`Book.Chapter.page`).
    public static func html(book: Book, summaries: [String: Summary]) -> String {
        let chapters = book.chapters
        let total = chapters.reduce(Summary()) { $0 + (summaries[$1.page] ?? Summary()) }
        var body = MarkupBuffer()
        body.raw("<header class=\"course\">\n<h1>")
        body.escaped(book.title)
        body.raw("</h1>\n")
        BookNavigation.writeSearchForm(rootPrefix: "", into: &body)
        body.raw("</header>\n<p class=\"summary totals\">\(chapters.count) chapter\(chapters.count == 1 ? "" : "s") · ")
        body.raw("\(total.claims) claim\(total.claims == 1 ? "" : "s"): ")
        body.raw("<span class=\"verdict holds\">✓ \(total.held) held</span> · ")
        body.raw("<span class=\"verdict fails\">✗ \(total.failed) failed</span> · ")
        body.raw("<span class=\"verdict cannot-tell\">? \(total.cannotTell) cannot tell</span>")
        if total.errors > 0 { body.raw(" · <span class=\"verdict fails\">\(total.errors) error\(total.errors == 1 ? "" : "s")</span>") }
        body.raw("</p>\n")
        if let first = chapters.first {
            body.raw("<p class=\"start\"><a href=\"")
            body.escaped(URLPath.encode(first.page))
            body.raw("\">Start reading: ")
            body.escaped(first.title)
            body.raw(" →</a></p>\n")
        }
        var number = 1
        for part in book.parts where !part.chapters.isEmpty {
            if let title = part.title {
                body.raw("<section class=\"part\">\n<h2>")
                body.escaped(title)
                body.raw("</h2>\n")
            }
            body.raw(number == 1 ? "<ol class=\"chapters\">\n" : "<ol class=\"chapters\" start=\"\(number)\">\n")
            for chapter in part.chapters {
                body.raw("<li><a href=\"")
                body.escaped(URLPath.encode(chapter.page))
                body.raw("\">")
                body.escaped(chapter.title)
                body.raw("</a> <span class=\"counts\"><code>")
                body.escaped(chapter.source)
                body.raw("</code>")
                writeCounts(summaries[chapter.page] ?? Summary(), into: &body)
                body.raw("</span></li>\n")
            }
            number += part.chapters.count
            body.raw(part.title == nil ? "</ol>\n" : "</ol>\n</section>\n")
        }
        var shell = PageShell(title: book.title, rootPrefix: "")
        shell.canonicalURL = book.url(of: "index.html")
        return shell.page(body: body.string)
    }

    /// ` · 8 claims: ✓ 8 · ✗ 1 · ? 1 · 2 errors`, the zeros of the last three left out.
    private static func writeCounts(_ summary: Summary, into body: inout MarkupBuffer) {
        body.raw(" · \(summary.claims) claim\(summary.claims == 1 ? "" : "s")")
        if summary.claims > 0 { body.raw(": <span class=\"verdict holds\">✓ \(summary.held)</span>") }
        if summary.failed > 0 { body.raw(" · <span class=\"verdict fails\">✗ \(summary.failed)</span>") }
        if summary.cannotTell > 0 { body.raw(" · <span class=\"verdict cannot-tell\">? \(summary.cannotTell)</span>") }
        if summary.errors > 0 {
            body.raw(" · <span class=\"verdict fails\">\(summary.errors) error\(summary.errors == 1 ? "" : "s")</span>")
        }
    }
}
