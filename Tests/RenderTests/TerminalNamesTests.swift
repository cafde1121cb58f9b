import Foundation
import Testing

/// The terminal names a name in a diagnostic as the note wrote it (`y_{pred}`, `\eta`), so
/// that it can be searched for in the note; the caret line shows the source anyway (issue 19
/// item 5).
@Suite struct TerminalNamesTests {
    @Test func diagnosticsSayNamesInTheNotesTeX() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("""
            Take $w_{1} = 0.5$, $w_{2} = 0.3$ and $\\eta = 0.1$.

            The loss is $L = (y_{pred} - 1)^2 + w_{3}$.

            $$
            \\frac{\\partial L}{\\partial y_{pred}} = 3 \\eta
            $$

            """, to: "notes/a.md")
        let run = try RenderRunner.run(["notes"], in: scratch.url)
        #expect(run.status == 1)
        #expect(run.stderr.contains("notes/a.md:3:37: warning: w_{3} is not defined, but w_{1}, w_{2} are; is it a typo?"), "\(run.stderr)")
        #expect(run.stderr.contains("hint: define w_{3}, or use one of w_{1}, w_{2}"), "\(run.stderr)")
        #expect(run.stderr.contains("y_{pred} = 0."), "\(run.stderr)")
        #expect(run.stderr.contains("\\eta = 0.1"), "\(run.stderr)")
        // report.json keeps the names as read (docs/note-language.md §3).
        #expect(scratch.read("output/report.json")?.contains("y_pred = 0.") == true)
    }
}
