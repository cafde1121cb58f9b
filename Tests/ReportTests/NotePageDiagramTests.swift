import Document
import Notebook
import Report
import Testing

/// The page draws a note's mermaid blocks from the diagrams the Notebook read; it parses no
/// mermaid itself.
@Suite struct NotePageDiagramTests {
    static let note = """
        # Net

        ```mermaid
        graph LR
          x --> z
        ```

        ```mermaid
        graph LR
          x -->
        ```
        """

    @Test func thePageDrawsTheDiagramsTheNotebookRead() {
        let document = MarkdownParser.parse(Self.note)
        let note = Notebook.check(document, path: "net.md")
        let body = NotePage(note: note).body(unsafeHTML: false)
        #expect(body.contains("<svg"))
        #expect(body.contains("id=\"diagram-3-title\""))
        #expect(body.contains("<figcaption>Diagram line 2: the arrow after 'x' has no target node</figcaption>"))
    }

    @Test func aBlockTheNotebookDidNotReadStaysCode() {
        let document = MarkdownParser.parse(Self.note)
        var note = Notebook.check(document, path: "net.md")
        note.result.diagrams = []
        let body = NotePage(note: note).body(unsafeHTML: false)
        #expect(!body.contains("<svg"))
        #expect(body.contains("language-mermaid"))
    }
}
