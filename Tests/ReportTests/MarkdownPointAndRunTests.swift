import Document
import Foundation
import Notebook
import Report
import Testing

/// The Markdown report's example point and runs as GitHub shows them (rendered by
/// libcmark-gfm): a long example point closed in `<details>` as on the page, a short one on one
/// line; a run's table inside the list item of its rule, so the list keeps its numbering.
@Suite struct MarkdownPointAndRunTests {
    static func report(_ note: String) -> String {
        let checked = Notebook.check(MarkdownParser.parse(note), path: "notes/run.md")
        return MarkdownReport.text(document: checked.document, result: checked.result, title: "Run")
    }

    static let listedRun = """
        # Run

        1. Take $x = 3$, $\\eta = 0.1$, $T = 50$ and the loss $L = x^2$.
        2. Step:

           $$x \\leftarrow x - \\eta \\frac{\\partial L}{\\partial x}$$

        3. After the run, $L^{(T)} < 10^{-8}$.

        """

    @Test func aRunInAListItemStaysInTheItem() throws {
        let html = CmarkReference.html(Self.report(Self.listedRun), unsafe: true)
        // One list of three items, the run's caption and table in the second.
        #expect(html.components(separatedBy: "<ol").count - 1 == 1, "\(html)")
        let items = html.components(separatedBy: "<li>").dropFirst()
        #expect(items.count == 3)
        let second = try #require(items.dropFirst().first)
        #expect(second.contains("<strong>Run:</strong> 50 steps"), "\(second)")
        #expect(second.contains("<th><code>x</code></th>"), "\(second)")
        #expect(second.contains("<td>50</td>"), "\(second)")
    }

    @Test func aRunAtTheEndOfTheNoteIsWritten() {
        let report = Self.report("$x = 3$, $\\eta = 0.1$, $T = 5$, $L = x^2$\n\n$$x \\leftarrow x - \\eta \\frac{\\partial L}{\\partial x}$$")
        #expect(report.contains("**Run:** 5 steps"), "\(report)")
        #expect(report.contains("| 5 |"), "\(report)")
    }

    @Test func aLongExamplePointIsClosedAndAShortOneIsALine() throws {
        let long = Self.report("# Point\n\n$x_1 = 1$, $x_2 = 2$, $x_3 = 3$, $x_4 = 4$, $x_5 = 5$, $x_6 = 6$, $y = x_7$\n")
        let html = CmarkReference.html(long, unsafe: true)
        let details = try #require(html.range(of: "<details><summary>Example point (7 values, 1 sampled)</summary>"),
                                   "\(long)")
        let end = try #require(html.range(of: "</details>"))
        let inside = html[details.upperBound..<end.lowerBound]
        #expect(inside.contains("<td><code>x_7</code></td>\n<td>"), "\(inside)")
        #expect(inside.contains("<td>note, line 3</td>"))
        #expect(inside.contains("<td>sampled</td>"))
        // Inside the summary's quote, as the rest of the summary.
        #expect(html.components(separatedBy: "<blockquote>").count - 1 == 1)
        #expect(try #require(html.range(of: "</blockquote>")).lowerBound > end.upperBound)

        let short = Self.report("$x = 1$, $y = 2 x$\n")
        #expect(short.contains("> Example point: `x = 1` (note)"), "\(short)")
        #expect(!short.contains("<details>"))
    }
}
