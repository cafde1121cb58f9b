import Foundation
import Testing

/// A course with a `derive.yml` is published as a book (docs/publishing.md): every page carries
/// the table of contents, prev/next follow the configured order, the index is a front page;
/// without one, the pages are what they always were, byte for byte.
@Suite struct BookTests {
    /// Four notes, one of whose claims fails (its counts show on the front page).
    static let notes = [
        "notes/a.md": "# Alpha\n\nLet $x = 2$. Then $x^2 = 4$.\n",
        "notes/b.md": "# Beta\n\nLet $w = 3$. Then $2w = 6$.\n",
        "notes/sub/c.md": "# Gamma & co\n\nLet $t = 1$. Then $t + 1 = 3$.\n",
        "notes/d.md": "# Delta\n\nLet $u = 5$. Then $u - 1 = 4$.\n",
    ]

    /// Two parts, out of the files' order.
    static let configuration = """
        title: A small course
        base-url: https://example.org/course
        parts:
          - title: First steps
            chapters:
              - b.md
              - a.md
          - title: Further
            chapters:
              - sub/c.md
              - d.md

        """

    static func writeCourse(into scratch: Scratch, configuration: String? = Self.configuration) throws {
        for (path, text) in notes { try scratch.write(text, to: path) }
        if let configuration { try scratch.write(configuration, to: "notes/derive.yml") }
    }

    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// Compares `actual` with `Golden/<name>`, or rewrites it with `UPDATE_GOLDEN=1`.
    static func checkGolden(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = goldenFolder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" { try Data(actual.utf8).write(to: url) }
        let expected = FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) }
        #expect(actual == expected, "\(name) changed; rerun with UPDATE_GOLDEN=1 and review the diff", sourceLocation: sourceLocation)
    }

    /// The lines from the first holding `start` through the next holding `end`.
    static func lines(of text: String, from start: String, through end: String) -> String {
        let all = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = all.firstIndex(where: { $0.contains(start) }),
              let last = all[first...].firstIndex(where: { $0.contains(end) }) else { return "" }
        return all[first...last].joined(separator: "\n") + "\n"
    }

    @Test func theBookNavigationOfAPageAndTheFrontPageArePinned() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try Self.writeCourse(into: scratch)
        let run = try RenderRunner.run(["notes"], in: scratch.url)
        #expect(run.status == 1, "c's claim fails: \(run.stderr)")
        let page = try #require(scratch.read("output/sub/c.html"))
        // The head (title, canonical address), the contents, and prev/next of the third chapter.
        let pinned = Self.lines(of: page, from: "<title>", through: "<body")
            + Self.lines(of: page, from: "<details class=\"contents\">", through: "<div class=\"page\">")
            + Self.lines(of: page, from: "<nav class=\"pages\">", through: "</nav>")
        try Self.checkGolden(pinned, named: "book-chapter.html")
        try Self.checkGolden(try #require(scratch.read("output/index.html")), named: "book-front.html")
        #expect(scratch.read("output/sitemap.xml") == """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <url><loc>https://example.org/course/</loc></url>
            <url><loc>https://example.org/course/b.html</loc></url>
            <url><loc>https://example.org/course/a.html</loc></url>
            <url><loc>https://example.org/course/sub/c.html</loc></url>
            <url><loc>https://example.org/course/d.html</loc></url>
            </urlset>

            """)
        // Prev/next across the parts, in the configured order: b, a | c, d.
        #expect(scratch.read("output/b.html")?.contains("<nav class=\"pages\"><a rel=\"index\" href=\"index.html\">Index</a><a rel=\"next\" href=\"a.html\">Alpha →</a></nav>") == true)
        #expect(scratch.read("output/a.html")?.contains("<a rel=\"next\" href=\"sub/c.html\">Gamma &amp; co →</a>") == true)
        // The front page shows paths relative to the notes folder, never where the folder is.
        #expect(scratch.read("output/index.html")?.contains(scratch.url.path) == false)
    }

    /// The pages of a course without derive.yml are those Derive wrote before books existed:
    /// the golden files were written by the render of main (8248143) before this feature (then
    /// given the headings' ids and the index's link to search.html, which search added).
    @Test func withoutDeriveYmlThePagesDoNotChange() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try Self.writeCourse(into: scratch, configuration: nil)
        let run = try RenderRunner.run(["notes"], in: scratch.url)
        #expect(run.status == 1, "\(run.stderr)")
        try Self.checkGolden(try #require(scratch.read("output/index.html")), named: "plain-index.html")
        try Self.checkGolden(try #require(scratch.read("output/sub/c.html")), named: "plain-sub-c.html")
        #expect(!scratch.exists("output/sitemap.xml"))
    }

    @Test func aNoteDeriveYmlLeavesOutIsRenderedLastWithAWarningNamingIt() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try Self.writeCourse(into: scratch, configuration: """
            title: Some
            chapters:
              - d.md
              - b.md
              - sub/c.md

            """)
        try scratch.write("# Gamma\n\nLet $t = 1$. Then $t + 1 = 2$.\n", to: "notes/sub/c.md")
        let run = try RenderRunner.run(["notes"], in: scratch.url)
        #expect(run.status == 0, "a warning alone does not fail the run: \(run.stderr)")
        #expect(run.stderr.contains("""
            notes/derive.yml:2:1: warning: notes/a.md is not listed in derive.yml: it is placed after the listed chapters
            """), "\(run.stderr)")
        #expect(run.stdout.contains("4 claims: 4 held, 0 failed, 0 cannot tell, 1 warning → output/"), "the summary counts it: \(run.stdout)")
        #expect(scratch.read("output/sub/c.html")?.contains("<a rel=\"next\" href=\"../a.html\">Alpha →</a>") == true)
        #expect(scratch.read("output/a.html")?.contains("<a aria-current=\"page\" href=\"a.html\">Alpha</a>") == true)
        let strict = try RenderRunner.run(["notes", "--strict"], in: scratch.url)
        #expect(strict.status == 1, "with --strict the warning fails the run")
    }

    /// A diagnostic of derive.yml: where (`notes/derive.yml:LINE:COL`), what and how bad.
    struct Case: Sendable, CustomTestStringConvertible {
        var yaml: String
        var expected: String
        var testDescription: String { expected }
    }

    static let cases: [Case] = [
        Case(yaml: "title: T\nbase_url: https://example.org/\n",
             expected: "notes/derive.yml:2:1: error: unknown key 'base_url' in derive.yml: did you mean 'base-url'?"),
        Case(yaml: "parts:\n  - title: P\n    chapter:\n      - a.md\n",
             expected: "notes/derive.yml:3:5: error: unknown key 'chapter' in a part: did you mean 'chapters'?"),
        Case(yaml: "colour: red\n", expected: "notes/derive.yml:1:1: error: unknown key 'colour' in derive.yml\n"),
        Case(yaml: "title: [A, B]\n", expected: "notes/derive.yml:1:8: error: 'title' should be text, not a list"),
        Case(yaml: "title: A\ntitle: B\n", expected: "notes/derive.yml:2:1: error: 'title' is given twice"),
        Case(yaml: "parts:\n  - title: A\n    chapters: [a.md]\n    title: B\n",
             expected: "notes/derive.yml:4:5: error: 'title' is given twice\n 4 |     title: B\n   |     ^~~~~\nnotes/derive.yml:2:5: note: 'title' is first given here"),
        Case(yaml: "chapters: a.md\n",
             expected: "notes/derive.yml:1:11: error: 'chapters' should be a list of notes, one '- path.md' a line, not 'a.md'"),
        Case(yaml: "parts:\n  - a.md\n",
             expected: "notes/derive.yml:2:5: error: a part should have a title and chapters"),
        Case(yaml: "parts:\n  - chapters:\n      - a.md\n", expected: "notes/derive.yml:2:5: error: a part needs a title"),
        Case(yaml: "chapters:\n  - a.md\n  - e.md\n", expected: "notes/derive.yml:3:5: error: no note 'e.md' in notes/"),
        Case(yaml: "chapters:\n  - a.md\n  - sub/cc.md\n",
             expected: "notes/derive.yml:3:5: error: no note 'sub/cc.md' in notes/\n 3 |   - sub/cc.md\n   |     ^~~~~~~~~\nhint: did you mean 'sub/c.md'?"),
        Case(yaml: "chapters:\n  - a.md\n  - ./a.md\n",
             expected: "notes/derive.yml:3:5: error: 'a.md' is listed twice: a chapter has one place in the book"),
        Case(yaml: "chapters:\n  - ../x.md\n", expected: "notes/derive.yml:2:5: error: '../x.md' is not a path inside the notes folder"),
        Case(yaml: "chapters:\n  - a.txt\n", expected: "notes/derive.yml:2:5: error: 'a.txt' is not a note: a chapter is a Markdown file (.md)"),
        Case(yaml: "base-url: example.org/course\n",
             expected: "notes/derive.yml:1:11: error: 'base-url' should be the address the course is published at, starting with https:// or http://"),
        Case(yaml: "title:\n", expected: "notes/derive.yml:1:7: error: 'title' has no value"),
        Case(yaml: "- a.md\n", expected: "notes/derive.yml:1:1: error: derive.yml should hold keys (title:, parts:, ...), not a list"),
        Case(yaml: "title: A\n  parts: [\n", expected: "notes/derive.yml:2:8: error: derive.yml is not valid YAML: "),
        Case(yaml: FrontMatterBomb.yaml, expected: "notes/derive.yml:1:1: error: derive.yml not read: it uses 72 YAML aliases (*name), more than 32"),
    ]

    @Test(arguments: cases) func aMistakeInDeriveYmlIsAnErrorAtItsLineAndColumn(_ example: Case) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try Self.writeCourse(into: scratch, configuration: example.yaml)
        try scratch.write("# Gamma\n\nLet $t = 1$. Then $t + 1 = 2$.\n", to: "notes/sub/c.md")
        let run = try RenderRunner.run(["notes", "--check"], in: scratch.url, timeout: 60)
        #expect(run.status == 1, "an error in derive.yml fails the run: \(run.stderr)")
        #expect(run.stderr.contains(example.expected), "\(run.stderr)")
    }

    @Test func theOutputFolderOfDeriveYmlIsUsedUnlessTheCommandLineGivesOne() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try Self.writeCourse(into: scratch, configuration: Self.configuration + "output: ../site\n")
        _ = try RenderRunner.run(["notes"], in: scratch.url)
        #expect(scratch.exists("site/index.html") && scratch.exists("site/sub/c.html"))
        #expect(!scratch.exists("output"))
        _ = try RenderRunner.run(["notes", "-o", "elsewhere"], in: scratch.url)
        #expect(scratch.exists("elsewhere/index.html"))
    }

    /// Incremental builds (BuildState): every page shows the table of contents, so a change
    /// of the order (or a title, the course's title) writes every page again, as a full build
    /// would; a change that the contents do not show (a comment, a note's body) does not.
    @Test func editingTheOrderInDeriveYmlRewritesEveryPageAndOnlyThen() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try Self.writeCourse(into: scratch)
        try scratch.write("# Gamma\n\nLet $t = 1$. Then $t + 1 = 2$.\n", to: "notes/sub/c.md")
        #expect(try RenderRunner.run(["notes"], in: scratch.url).status == 0)
        // A comment: no page changes; d is not checked again (a debug build traps if it is).
        try scratch.write("# the course\n" + Self.configuration, to: "notes/derive.yml")
        let comment = try RenderRunner.run(["notes"], in: scratch.url, environment: ["RENDER_TEST_TRAP_AFTER": "d.md"])
        #expect(comment.status == 0, "\(comment.stderr)")
        // a's body changes, not its title: d's page does not show it.
        try scratch.write("# Alpha\n\nLet $x = 3$. Then $x^2 = 9$.\n", to: "notes/a.md")
        let body = try RenderRunner.run(["notes"], in: scratch.url, environment: ["RENDER_TEST_TRAP_AFTER": "d.md"])
        #expect(body.status == 0, "\(body.stderr)")
        // The order: d (unchanged, far from the change) is written again.
        try scratch.write(Self.configuration.replacingOccurrences(of: "      - b.md\n      - a.md\n", with: "      - a.md\n      - b.md\n"),
                          to: "notes/derive.yml")
        let reordered = try RenderRunner.run(["notes"], in: scratch.url, environment: ["RENDER_TEST_TRAP_AFTER": "d.md"])
        #expect(reordered.status != 0, "d's page shows the order: it is written again")
        #expect(try RenderRunner.run(["notes"], in: scratch.url).status == 0)
        let full = try RenderRunner.run(["notes", "--output", "full", "--force"], in: scratch.url)
        #expect(full.status == 0, "\(full.stderr)")
        let incremental = IncrementalTests.contents(of: scratch.url.appendingPathComponent("output"))
        let rebuilt = IncrementalTests.contents(of: scratch.url.appendingPathComponent("full"))
        #expect(incremental.keys.sorted() == rebuilt.keys.sorted())
        for (path, bytes) in rebuilt { #expect(incremental[path] == bytes, "\(path) differs from a full rebuild") }
        let d = try #require(scratch.read("output/d.html"))
        let a = try #require(d.range(of: "href=\"a.html\">Alpha</a>")), b = try #require(d.range(of: "href=\"b.html\">Beta</a>"))
        #expect(a.lowerBound < b.lowerBound, "d's contents list a before b now")
        // A title: every page is written again too.
        try scratch.write("# Alpha, renamed\n\nLet $x = 3$. Then $x^2 = 9$.\n", to: "notes/a.md")
        let retitled = try RenderRunner.run(["notes"], in: scratch.url, environment: ["RENDER_TEST_TRAP_AFTER": "d.md"])
        #expect(retitled.status != 0, "d's page shows a's title: it is written again")
    }

    /// `render --watch`: saving derive.yml rebuilds the book, as saving a note does.
    @Test func watchRebuildsTheBookWhenDeriveYmlIsSaved() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try Self.writeCourse(into: scratch)
        let watch = try LiveRender(["notes", "--watch"], in: scratch)
        defer { watch.stop() }
        #expect(LiveRender.wait(seconds: 60) { watch.stdout.contains("render: watching notes") }, "\(watch.stderr)")
        try saveByRename(Self.configuration.replacingOccurrences(of: "A small course", with: "A renamed course"),
                         to: scratch.url.appendingPathComponent("notes/derive.yml"))
        #expect(LiveRender.wait(seconds: 30) { scratch.read("output/d.html")?.contains("A renamed course") == true },
                "\(watch.stdout)")
        #expect(watch.stop() == 0)
    }
}

/// The "billion laughs" as a derive.yml (the front matter's test has it as a note).
enum FrontMatterBomb {
    static let yaml: String = {
        var lines = [#"a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]"#]
        let levels = Array("abcdefghi")
        for (previous, level) in zip(levels, levels.dropFirst()) {
            lines.append("\(level): &\(level) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()
}
