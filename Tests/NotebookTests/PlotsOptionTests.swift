import Document
import Testing

@testable import Notebook

/// `render --check` draws no page: it checks notes without their plots, and the check itself
/// is the same.
@Suite struct PlotsOptionTests {
    static let note = """
        # Sigmoid

        $$
        f(z) = \\frac{1}{1 + e^{-z}}
        $$

        Its derivative is $f'(z) = f(z)(1 - f(z))$, and $z = 0.5$.
        """

    @Test func aNoteCheckedWithoutPlotsHasNoneAndTheSameVerdictsAndDiagnostics() throws {
        let document = MarkdownParser.parse(Self.note)
        let drawn = Notebook.check(document, path: "note.md").result
        let undrawn = Notebook.check(document, path: "note.md", plots: false).result
        let plot = try #require(drawn.plots.first)
        #expect(plot.name == "f")
        #expect(plot.derivative != nil)
        #expect(undrawn.plots.isEmpty)
        #expect(undrawn.diagnostics == drawn.diagnostics)
        #expect(undrawn.statements.map(\.check?.status) == drawn.statements.map(\.check?.status))
        #expect(undrawn.statements.map(\.value) == drawn.statements.map(\.value))
        #expect(undrawn.summary == drawn.summary)
    }
}
