import Document
import Notebook
import Report
import Testing

/// The Markdown report on notes that once crashed it (issue 15).
@Suite struct MarkdownReportTests {
    static func report(_ note: String) -> String {
        let checked = Notebook.check(MarkdownParser.parse(note), path: "notes/n.md")
        return MarkdownReport.text(document: checked.document, result: checked.result, title: "n")
    }

    /// A display formula on the line above a table's header row: cmark-gfm gives the paragraph
    /// it splits off no position, and the report indexed the note's lines with line 0.
    @Test func displayFormulaAboveATableGetsItsResultsTable() {
        let markdown = Self.report("$$ x = 1 $$\na|b\n-|-\n")
        #expect(markdown.contains("$$ x = 1 $$\na|b\n-|-\n"))
        #expect(markdown.contains("| `x = 1` | x = 1 |"))
    }

    @Test func pipesAboveATableAreReportedAsTheNoteWroteThem() {
        let markdown = Self.report("$$|$$\n{||||\n-|-|-|-\n")
        #expect(markdown.contains("$$|$$\n{||||\n-|-|-|-\n"))
    }
}
