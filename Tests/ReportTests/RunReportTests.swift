import Document
import Notebook
import Testing

@testable import Report

/// A run of update rules on the page and in the Markdown report (docs/note-language.md §13).
@Suite struct RunReportTests {
    static func checked(_ note: String) -> CheckedNote {
        Notebook.check(MarkdownParser.parse(note), path: "run.md")
    }

    static let descent = """
        $x = 3$, $\\eta = 0.1$, $T = 50$

        $L = x^2$

        $$x \\leftarrow x - \\eta \\frac{\\partial L}{\\partial x}$$

        After the run, $L^{(T)} < 10^{-8}$.
        """

    @Test func pageShowsTheTableAfterTheLastRuleAndPlotsTheLossOnALogScale() throws {
        let note = Self.checked(Self.descent)
        let body = NotePage(note: note).body(unsafeHTML: false)
        let run = try #require(body.range(of: "<section class=\"run\">"))
        let rule = try #require(body.range(of: "x \\leftarrow"))
        #expect(rule.lowerBound < run.lowerBound)
        // Steps 0-3, five between, the last: ten rows (L falls from 9 to 9·0.64⁵⁰ ≈ 1.8e-9).
        let section = body[run.lowerBound...].prefix { _ in true }
        let table = try #require(section.range(of: "</table>"))
        #expect(section[..<table.lowerBound].components(separatedBy: "<tr><th scope=\"row\">").count - 1 == 10)
        #expect(body.contains("<th scope=\"row\">50</th>"))
        #expect(body.contains("log₁₀ L"))
        // One parameter: its path beside the loss.
        #expect(body.contains("The parameters over the steps"))
    }

    @Test func lossWithinTwoDecadesIsPlottedAsItIs() throws {
        let run = LearningRun(position: SourcePosition(line: 1, column: 1), steps: 2, stepsSource: "--steps",
                              parameters: ["w"], losses: ["L"],
                              curve: [.init(step: 0, parameters: [1], losses: [5]),
                                      .init(step: 1, parameters: [2], losses: [1]),
                                      .init(step: 2, parameters: [3], losses: [0.06])])
        let plot = try #require(RunHTML.lossPlot(run, index: 0))
        #expect(plot.yLabel == "L")
        #expect(abs(plot.curves[0].function(1.5) - 0.53) < 1e-12)
    }

    @Test func manyParametersGetNoPathsPlot() {
        let row = LearningRun.Row(step: 0, parameters: [1, 2, 3, 4, 5], losses: [1])
        let run = LearningRun(position: SourcePosition(line: 1, column: 1), steps: 1, stepsSource: "--steps",
                              parameters: ["a", "b", "c", "d", "e"], losses: ["L"],
                              curve: [row, LearningRun.Row(step: 1, parameters: [1, 2, 3, 4, 5], losses: [0.5])])
        #expect(RunHTML.pathsPlot(run, index: 0) == nil)
    }

    @Test func markdownReportGetsTheTableAndTheLossAtTheFirstAndLastStep() {
        let note = Self.checked(Self.descent)
        let text = MarkdownReport.text(document: note.document, result: note.result, title: "run")
        #expect(text.contains("**Run:** 50 steps (T = 50, line 1); L = 9 at step 0, 1.83333e-9 at step 50"))
        #expect(text.contains("| step | `x` | `L` |"))
        #expect(text.contains("| 0 | 3 | 9 |"))
    }
}
