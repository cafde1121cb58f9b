import Foundation
import Testing

/// Search across a course: `render` writes `search.html` and `search-index.js` into the output
/// folder, and the page's script, run in headless Chromium from `file://` as a reader opens it,
/// lists the sections that hold the query's words as links to their headings.
@Suite struct SearchPageTests {
    static let course = [
        "notes/a.md": """
            # Activations

            Every neuron applies an activation to its net input.

            ## The sigmoid

            The sigmoid squashes $z$ into $(0, 1)$: $$\\sigma(z) = \\frac{1}{1 + e^{-z}}$$

            ## Softmax

            Softmax turns scores into probabilities.
            """,
        "notes/b.md": """
            # Gradient descent

            ## One step

            With a learning rate $\\eta = 0.1$, the step for $w_1$ is $\\eta \\frac{\\partial L}{\\partial w_1}$.
            """,
        "notes/sub/c.md": """
            # Losses

            The squared error compares a sigmoid output with its target: Let $y = 1$.
            """,
    ]

    static func writeCourse(into scratch: Scratch) throws {
        for (path, text) in course { try scratch.write(text + "\n", to: path) }
    }

    /// The result links (`href`s of the results list) of `search.html?q=query` in `output`, as
    /// headless Chromium leaves the page after its script ran, the live count's text, and the
    /// list's HTML.
    static func search(_ query: String, in output: URL, scratch: Scratch)
        throws -> (links: [String], status: String, list: String)?
    {
        guard let chromium = ExternalTool.require("chromium") else { return nil }
        var components = URLComponents(url: output.appendingPathComponent("search.html"), resolvingAgainstBaseURL: false)
        components?.queryItems = [URLQueryItem(name: "q", value: query)]
        let url = try #require(components?.url)
        let run = try chromium.run(["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", url.absoluteString],
                                   in: scratch.url, scratch: scratch)
        try #require(run.status == 0, "chromium failed: \(run.stderr)")
        let dom = run.stdout
        let list = try #require(dom.range(of: "<ol class=\"search-results\" id=\"search-results\">").flatMap { start in
            dom.range(of: "</ol>", range: start.upperBound..<dom.endIndex).map { dom[start.upperBound..<$0.lowerBound] }
        }, "the results list is in the page: \(dom.suffix(2000))")
        let links = list.components(separatedBy: "<a href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        let status = dom.range(of: "id=\"search-status\" role=\"status\" aria-live=\"polite\">").flatMap { start in
            dom.range(of: "</p>", range: start.upperBound..<dom.endIndex).map { String(dom[start.upperBound..<$0.lowerBound]) }
        } ?? ""
        return (links, status, String(list))
    }

    @Test func searchingForAWordListsTheSectionsThatHoldItAsLinksToTheirHeadings() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try Self.writeCourse(into: scratch)
        let run = try RenderRunner.run(["notes"], in: scratch.url)
        try #require(run.status == 0, "\(run.stderr)")
        let output = scratch.url.appendingPathComponent("output")
        // The headings the results lead to carry those ids.
        #expect(scratch.read("output/a.html")?.contains("<h2 id=\"the-sigmoid\">The sigmoid</h2>") == true)
        #expect(scratch.read("output/index.html")?.contains("<a href=\"search.html\">") == true)
        // Note pages have no script; the search page has its own.
        #expect(scratch.read("output/a.html")?.contains("<script") == false)
        #expect(scratch.read("output/search.html")?.contains("<noscript>") == true)

        guard let sigmoid = try Self.search("sigmoid", in: output, scratch: scratch) else { return }
        // The heading's match first, then the text's.
        #expect(sigmoid.links == ["a.html#the-sigmoid", "sub/c.html"], "\(sigmoid)")
        #expect(sigmoid.status.contains("2 sections match “sigmoid”"), "\(sigmoid.status)")

        // A word's start finds it; formulas are found by their TeX; several words: sections with all.
        #expect(try Self.search("sigm", in: output, scratch: scratch)?.links == ["a.html#the-sigmoid", "sub/c.html"])
        #expect(try Self.search("softmax", in: output, scratch: scratch)?.links == ["a.html#softmax"])
        let w1 = try Self.search("w_1", in: output, scratch: scratch)
        #expect(w1?.links == ["b.html#one-step"])
        // The snippet marks the words and sets formulas apart.
        #expect(w1?.list.contains(#"the step for <code class="tex"><mark>w_1</mark></code> is <code class="tex">\eta \frac{\partial L}{\partial <mark>w_1</mark>}</code>"#) == true,
                "\(w1?.list ?? "")")
        #expect(try Self.search("partial L", in: output, scratch: scratch)?.links == ["b.html#one-step"])
        #expect(try Self.search("learning rate", in: output, scratch: scratch)?.links == ["b.html#one-step"])
        #expect(try Self.search("activation", in: output, scratch: scratch)?.links.first == "a.html")
        let none = try Self.search("perceptron", in: output, scratch: scratch)
        #expect(none?.links == [] && none?.status.contains("No section matches") == true, "\(String(describing: none))")
    }

    @Test func inABookTheSidebarsFormLeadsToTheSearchPageWhichStandsInTheBook() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try Self.writeCourse(into: scratch)
        try scratch.write("title: Derived\nchapters:\n  - b.md\n  - a.md\n  - sub/c.md\n", to: "notes/derive.yml")
        let run = try RenderRunner.run(["notes"], in: scratch.url)
        try #require(run.status == 0, "\(run.stderr)")
        // A chapter's sidebar sends its words as q to the search page at the output's root.
        let chapter = scratch.read("output/sub/c.html") ?? ""
        #expect(chapter.contains("<form class=\"search\" action=\"../search.html\" method=\"get\" role=\"search\"><input type=\"search\" name=\"q\""),
                "\(chapter)")
        let page = scratch.read("output/search.html") ?? ""
        #expect(page.contains("<body class=\"book\">") && page.contains("<title>Search — Derived</title>"), "\(page)")
        // The index follows the book's order.
        let index = scratch.read("output/search-index.js") ?? ""
        let order = ["\"b.html\"", "\"a.html\"", "\"sub/c.html\""].compactMap { index.range(of: $0)?.lowerBound }
        #expect(order.count == 3 && order == order.sorted(), "\(index)")
        guard let sigmoid = try Self.search("sigmoid", in: scratch.url.appendingPathComponent("output"), scratch: scratch) else { return }
        #expect(sigmoid.links == ["a.html#the-sigmoid", "sub/c.html"], "\(sigmoid)")
    }

    @Test func theSearchFilesAreInTheManifestAndTheSameOnEveryRun() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try Self.writeCourse(into: scratch)
        #expect(try RenderRunner.run(["notes"], in: scratch.url).status == 0)
        #expect(try RenderRunner.run(["notes", "--output", "again", "--force"], in: scratch.url).status == 0)
        let manifest = scratch.read("output/.derive-manifest") ?? ""
        #expect(manifest.contains("search.html\t*\n") && manifest.contains("search-index.js\t*\n"), "\(manifest)")
        for file in ["search.html", "search-index.js"] {
            #expect(scratch.read("output/" + file) != nil)
            #expect(scratch.read("output/" + file) == scratch.read("again/" + file), "\(file) is the same on every run")
        }
    }

    @Test func afterOneNoteChangesTheIndexStillHoldsEveryNote() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try Self.writeCourse(into: scratch)
        #expect(try RenderRunner.run(["notes"], in: scratch.url).status == 0)
        try scratch.write("# Gradient descent\n\n## One step\n\nWith momentum now.\n", to: "notes/b.md")
        // a and c are unchanged and not checked again (a debug build traps if c is): their
        // lines of the index come from the output folder's state.
        let incremental = try RenderRunner.run(["notes"], in: scratch.url, environment: ["RENDER_TEST_TRAP_AFTER": "sub/c.md"])
        #expect(incremental.status == 0, "\(incremental.stderr)")
        let index = scratch.read("output/search-index.js") ?? ""
        #expect(index.contains("\"a.html\"") && index.contains("squashes") && index.contains("\"sub/c.html\""), "\(index)")
        #expect(index.contains("momentum") && !index.contains("learning rate"))
        #expect(try RenderRunner.run(["notes", "--output", "full", "--force"], in: scratch.url).status == 0)
        #expect(scratch.read("full/search-index.js") == index, "the index is a full rebuild's")
    }
}
