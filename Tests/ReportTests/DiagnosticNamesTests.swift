import Document
import Foundation
import Notebook
import Testing

@testable import Report

/// Names in the problems and on the cards as the note wrote them (issue 19 item 5): the page
/// shows `y_{pred}` as it shows names in its cards, y with the subscript pred (not `y_pred` as
/// Derive reads it); the Markdown report as the written TeX in code.
@Suite struct DiagnosticNamesTests {
    static let note = """
        # Names

        Take $w_{1} = 0.5$, $w_{2} = 0.3$ and $\\eta = 0.1$.

        The loss is $L = (y_{pred} - 1)^2 + w_{3}$.

        $$
        \\frac{\\partial L}{\\partial y_{pred}} = 3 \\eta
        $$

        """

    static let checked = Notebook.check(MarkdownParser.parse(note), path: "notes/names.md")

    @Test func theProblemsListAndTheCardShowNamesAsNames() {
        let page = NotePage(note: Self.checked).body(unsafeHTML: false)
        #expect(page.contains("<strong>warning</strong> <var>w</var><sub>3</sub> is not defined, but <var>w</var><sub>1</sub>, <var>w</var><sub>2</sub> are; is it a typo? <em>define <var>w</var><sub>3</sub>, or use one of"), "\(page)")
        // The claim's verdict on its card names the names so too (the reading, "read as", keeps
        // Derive's own text).
        #expect(page.range(of: #"<span class="verdict fails">✗ fails: computed .+?<var>y</var><sub>pred</sub> = 0\.\d+, <var>η</var> = 0.1</span>"#,
                           options: .regularExpression) != nil, "\(page)")
        for line in page.split(separator: "\n") where line.contains("class=\"problem") || line.contains("<li class=") {
            #expect(!line.replacing(/<details class="reading">.*?<\/details>/, with: "").contains("y_pred"), "\(line)")
        }
        #expect(page.contains("<var>η</var> = 0.1"))
    }

    @Test func theMarkdownReportWritesTheNamesAsTheNoteDid() {
        let markdown = MarkdownReport.text(document: Self.checked.document, result: Self.checked.result, title: "Names")
        #expect(markdown.contains("**warning** `w_{3}` is not defined, but `w_{1}`, `w_{2}` are; is it a typo? *define `w_{3}`, or use one of `w_{1}`, `w_{2}`*"), "\(markdown)")
        #expect(markdown.contains("`y_{pred}` = 0."), "\(markdown)")
        #expect(markdown.contains("`\\eta` = 0.1"), "\(markdown)")
    }

    @Test func aShiftedSubscriptShowsWithoutItsBraces() {
        let note = Notebook.check(MarkdownParser.parse("$m_{t-1} = 0.5$, $m_t = 0.9 m_{t-1}$\n"), path: "a.md")
        let page = NotePage(note: note).body(unsafeHTML: false)
        #expect(page.contains("<var>m</var><sub>t-1</sub>"), "\(page)")
        #expect(!page.contains("<sub>{"))
    }
}
