import Document
import Foundation
import Notebook
import Report
import Testing

/// The Markdown report as GitHub shows it: rendered here by libcmark-gfm with GitHub's
/// extensions (GitHub's own renderer), then read as a person would: one numbered list with the
/// results inside its items, labels turned into anchors, references into links with the
/// formula's number, the gradients present, no column that no row fills.
/// `Tests/Golden/Report/github.md` pins the report (`UPDATE_GOLDEN=1` rewrites it).
@Suite struct MarkdownGitHubTests {
    static let note = """
        # Steps

        Take $x = 0.5$ and $w = 2$.

        1. Weigh the input:

           $$
           z = w x
           $$

        2. Take the loss:

           $$
           L = \\frac{1}{2}(z - 1)^2
           $$ {#eq-loss}

        3. Differentiate @eq-loss: $\\frac{\\partial L}{\\partial w} = (z - 1) x$.
        4. Check a square:
           $$
           f(t) = t^2 = t \\cdot t
           $$
        5. Done, and @eq-nowhere is no formula.

        > A quoted formula:
        >
        > $$g = 3 z$$ {#eq-g}
        >
        > and @eq-g after it.

        """

    static func report() -> String {
        let note = Notebook.check(MarkdownParser.parse(note), path: "notes/steps.md")
        return MarkdownReport.text(document: note.document, result: note.result, title: "Steps")
    }

    static func html() -> String { CmarkReference.html(report(), unsafe: true) }

    @Test func golden() {
        Golden.check(Self.report(), named: "github.md")
    }

    @Test func listKeepsItsNumberingWithTheResultsInsideItsItems() throws {
        let html = Self.html()
        // One ordered list, not one restarted after each table.
        #expect(html.components(separatedBy: "<ol").count - 1 == 1)
        let list = try #require(html.range(of: "<ol>").flatMap { start in
            html.range(of: "</ol>").map { html[start.lowerBound..<$0.upperBound] }
        })
        #expect(list.components(separatedBy: "<li>").count - 1 == 5)
        // The three display formulas of the list have their tables inside it.
        #expect(list.components(separatedBy: "<table>").count - 1 == 3)
        #expect(list.contains("<code>z = w*x</code>"))
        #expect(list.contains("<code>f(t) = t^2 = t*t</code>"))
    }

    @Test func labelsBecomeAnchorsAndReferencesLinks() {
        let html = Self.html()
        #expect(!html.contains("{#eq-"))
        #expect(html.contains("<a name=\"eq-loss\"></a>equation (1)"))
        #expect(html.contains("<a href=\"#eq-loss\">(1)</a>"))
        // The quoted formula's table stays in the quote, anchor and all.
        #expect(html.contains("<a name=\"eq-g\"></a>equation (2)"))
        #expect(html.contains("<a href=\"#eq-g\">(2)</a>"))
        let quote = html.components(separatedBy: "<blockquote>").first { $0.contains("A quoted formula") }?
            .components(separatedBy: "</blockquote>")[0] ?? ""
        #expect(quote.contains("<table>"))
        // A reference to no formula is code, not a link to a GitHub user named eq-nowhere.
        #expect(html.contains("<code>@eq-nowhere</code>"))
        #expect(!html.contains(" @eq-"))
    }

    @Test func gradientsArePresent() {
        let html = Self.html()
        #expect(html.contains("<h2>Gradients</h2>"))
        #expect(html.contains("<td>∂L/∂w</td>"))
    }

    @Test func noColumnIsEmpty() {
        let html = Self.html()
        for table in html.components(separatedBy: "<table>").dropFirst() {
            let body = table.components(separatedBy: "</table>")[0]
            let rows = body.components(separatedBy: "<tr>").dropFirst().dropFirst()  // header row
            let cells = rows.map { row in
                row.components(separatedBy: "<td").dropFirst().map { cell in
                    cell.drop { $0 != ">" }.dropFirst().components(separatedBy: "</td>")[0]
                }
            }
            guard let width = cells.first?.count else { continue }
            for column in 0..<width {
                #expect(cells.contains { $0.count > column && !$0[column].isEmpty },
                        "column \(column + 1) of a table is empty in every row:\n\(body)")
            }
        }
    }
}
