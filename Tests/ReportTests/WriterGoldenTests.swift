import Document
import Notebook
import Report
import Testing

/// The HTML page and the Markdown report of a small note that holds one of everything the
/// writers show: a binding table, definitions with partials, a sink's gradient, an identity
/// that holds, a claim that fails, prose math, a labelled equation and a reference to it, a
/// plotted function with its derivative, a mermaid diagram and one that is not drawn.
/// Regenerate with `UPDATE_GOLDEN=1` and review the diff.
@Suite struct WriterGoldenTests {
    static let note = """
        # Writers

        | name | value |
        |---|---|
        | $x = 0.5$ | input |
        | $w = 2$ | weight |

        $$
        z = w x
        $$

        $$
        L = \\frac{1}{2}(z - 1)^2
        $$ {#eq-loss}

        By @eq-loss the loss is $L \\approx 0$, and $\\frac{\\partial L}{\\partial w} = (z - 1) x$.

        $$
        f(t) = t^2 = t \\cdot t
        $$

        and $f'(t) = 2t$, but $f'(t) = 3t$ is wrong. Not evaluated: $\\int_0^1 t\\,dt$.

        ```mermaid
        graph LR
          x --> z --> L
        ```

        ```mermaid
        pie
          "a" : 1
        ```

        """

    static func checked() -> CheckedNote {
        Notebook.check(MarkdownParser.parse(note), path: "notes/writers.md")
    }

    static func rendered() -> (Document, NoteResult) {
        let note = checked()
        return (note.document, note.result)
    }

    @Test func htmlPage() {
        let page = PageShell(title: "Writers", rootPrefix: "")
            .page(body: NotePage(note: Self.checked()).body(unsafeHTML: false))
        #expect(page.contains("<math display=\"block\">"))
        #expect(page.contains("class=\"verdict fails\""))
        Golden.check(page, named: "writers.html")
    }

    @Test func markdownReport() {
        let (document, result) = Self.rendered()
        let markdown = MarkdownReport.text(document: document, result: result, title: "Writers")
        #expect(markdown.contains("✗ fails: computed"))
        Golden.check(markdown, named: "writers.md")
    }

    @Test func reportJSON() {
        let (_, result) = Self.rendered()
        let json = ReportJSON.text(for: [result])
        #expect(json.contains("\"status\": \"fails\""))
        Golden.check(json, named: "writers.json")
    }
}
