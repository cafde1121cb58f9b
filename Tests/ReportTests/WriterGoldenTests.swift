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
        #expect(throws: Never.self) { try StrictJSON.parse(json) }
    }

    /// A name bound twice (`η = 0.1`, then `η = 0.5`) was two members `"η"` of the example
    /// point, and of the gradient of a definition that uses both: JSON that strict readers
    /// refuse and lenient ones read as one value. Each is listed with the place of its binding.
    @Test func aNameBoundTwiceGivesUniqueKeys() throws {
        let text = "$\\eta = 0.1$, $y = 2\\eta$\n\n$\\eta = 0.5$, $z = y + \\eta$\n"
        let result = Notebook.check(MarkdownParser.parse(text), path: "a.md").result
        let json = try StrictJSON.parse(ReportJSON.text(for: [result]))
        let note = json["notes"]?[0]
        #expect(note?["point"]?["η (1:2)"]?["value"] == .number(0.1))
        #expect(note?["point"]?["η (3:2)"]?["value"] == .number(0.5))
        #expect(note?["statements"]?[1]?["partials"] == .object([("η (1:2)", .number(2))]))
        #expect(note?["statements"]?[3]?["gradient"] == .object([("η (1:2)", .number(2)), ("η (3:2)", .number(1))]))
        // A name bound once keeps its name alone.
        let once = Notebook.check(MarkdownParser.parse("$x = 1$, $y = 2x$\n"), path: "b.md").result
        #expect(try StrictJSON.parse(ReportJSON.text(for: [once]))["notes"]?[0]?["point"]?["x"]?["value"] == .number(1))
    }
}
