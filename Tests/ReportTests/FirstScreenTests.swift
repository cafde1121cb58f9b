import Document
import Foundation
import Notebook
@testable import Report
import Testing

/// What a page's first screen and its cards say (issue 19 items 5 and 6): the problems before
/// a long example point, which is closed; counts in plain words; no card that shows only "read
/// as"; a claim's sides with their values and an identity's largest difference; a warning on
/// the card of its formula and in the problems list, and in the Markdown report.
@Suite struct FirstScreenTests {
    static let note = """
        # Screen

        Take $x_1 = 1$, $x_2 = 2$, $x_3 = 3$, $x_4 = 4$, $x_5 = 5$, $x_6 = 6$ and $x_7 = 7$.

        $$
        o_1(h_1, h_2)
        $$

        $$
        \\frac{\\partial}{\\partial a} (a b) = b
        $$

        $$
        I = \\int_0^1 t\\,dt
        $$

        """

    static let checked = Notebook.check(MarkdownParser.parse(note), path: "notes/screen.md")

    static var page: String { NotePage(note: checked).body(unsafeHTML: false) }

    @Test func problemsComeFirstAndALongExamplePointIsClosed() throws {
        let page = Self.page
        let problems = try #require(page.range(of: "<details class=\"problems\" open>"))
        let point = try #require(page.range(of: "<details class=\"point\">"))
        #expect(problems.lowerBound < point.lowerBound)
        #expect(page.contains("<summary>Example point (9 values, 2 sampled)</summary>"))
    }

    @Test func countsAreInPlainWords() {
        let page = Self.page
        #expect(page.contains("<span>10 statements, 8 evaluated</span>"))
        #expect(page.contains("<span>2 warnings</span>"))
        #expect(page.contains("<span>1 claim</span>"))
        let words = ResultCards.countWords
        var summary = Summary()
        summary.statements = 63
        summary.evaluated = 63
        summary.errors = 1
        #expect(words(summary).statements == "63 statements, all evaluated")
        #expect(words(summary).problems == "1 error")
    }

    @Test func aDeclarationSaysWhatItIs() {
        #expect(Self.page.contains("<span class=\"what\">declares the function o_1 and its inputs"))
    }

    /// A problem on a formula's second line links to the formula too.
    @Test func everyProblemOnAFormulaLinksToIt() {
        #expect(Self.page.contains("<li class=\"warning\"><a href=\"#f8\">line 6</a>: <strong>warning</strong> <var>o</var><sub>1</sub> is declared"))
    }

    /// A problem links to the formula it is about, not the first formula of its line.
    @Test func aProblemLinksToItsFormulaOnALineOfSeveral() {
        let note = Notebook.check(MarkdownParser.parse("Let $t = 1$. Then $t + 1 = 3$.\n"), path: "c.md")
        let page = NotePage(note: note).body(unsafeHTML: false)
        #expect(page.contains("<li class=\"error\"><a href=\"#f2\">line 1</a>"), "\(page)")
    }

    @Test func aClaimShowsBothSidesAndTheLargestDifference() {
        let page = Self.page
        // Both sides are b = the sampled value: the first side's text, its value, "on both sides".
        #expect(page.range(of: #"<span class="sides"><code>[^<]+</code> = <span class="number">[^<]+</span> on both sides at the example point</span>"#,
                           options: .regularExpression) != nil, "\(page)")
        #expect(page.contains("<span class=\"difference\">largest difference between the sides <span class=\"number\">0</span></span>"))
    }

    @Test func aWarningSitsOnItsCardAndInTheProblemsAndInTheMarkdownReport() {
        let page = Self.page
        #expect(page.contains("<p class=\"problem warning\"><strong>⚠ warning</strong> formula not evaluated"), "\(page)")
        #expect(page.contains("<li class=\"warning\">"))
        let markdown = MarkdownReport.text(document: Self.checked.document, result: Self.checked.result, title: "Screen")
        #expect(markdown.contains("> - line 14: **warning** formula not evaluated"), "\(markdown)")
        #expect(markdown.range(of: #"\| [^|]+ = [-0-9.e]+ on both sides \| ✓ holds at 9 points, largest difference 0 \|"#,
                               options: .regularExpression) != nil, "\(markdown)")
    }
}
