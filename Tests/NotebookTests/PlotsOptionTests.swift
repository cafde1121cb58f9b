import Document
import Testing

@testable import Notebook

/// `render --check` draws no page: it checks notes without their plots, partial derivatives
/// and gradients, and the check itself is the same.
@Suite struct PlotsOptionTests {
    static let note = """
        # Sigmoid

        $$
        f(z) = \\frac{1}{1 + e^{-z}}
        $$

        Its derivative is $f'(z) = f(z)(1 - f(z))$, and $z = 0.5$.
        """

    /// A chain with a sink (L) whose gradient a page shows; `extra` is appended to it.
    static func chain(_ extra: String = "") -> String {
        """
        # Chain

        $w = 0.5$, $x = 2$, $h = w x$ and $L = (1 - h)^2$.
        \(extra)
        """
    }

    /// Each statement's partial derivatives and gradient as text, to compare two results.
    static func derivatives(_ result: NoteResult) -> [String] {
        result.statements.map { statement in
            statement.partials.map { "\($0.name):\($0.value)" }.joined(separator: ",") + " | "
                + statement.gradient.map { "\($0.name):\($0.value)" }.joined(separator: ",")
        }
    }

    @Test func aNoteCheckedWithoutPlotsHasNoneAndTheSameVerdictsAndDiagnostics() throws {
        let document = MarkdownParser.parse(Self.note)
        let drawn = Notebook.check(document, path: "note.md").result
        let undrawn = Notebook.check(document, path: "note.md", drawsPage: false).result
        let plot = try #require(drawn.plots.first)
        #expect(plot.name == "f")
        #expect(plot.derivative != nil)
        #expect(undrawn.plots.isEmpty)
        #expect(undrawn.diagnostics == drawn.diagnostics)
        #expect(undrawn.statements.map(\.check?.status) == drawn.statements.map(\.check?.status))
        #expect(undrawn.statements.map(\.value) == drawn.statements.map(\.value))
        #expect(undrawn.summary == drawn.summary)
    }

    @Test func aCleanNoteCheckedWithoutAPageHasNoDerivativesAndTheSameValues() {
        let document = MarkdownParser.parse(Self.chain())
        let drawn = Notebook.check(document, path: "note.md").result
        let undrawn = Notebook.check(document, path: "note.md", drawsPage: false).result
        #expect(drawn.diagnostics.isEmpty)
        #expect(drawn.statements.contains { !$0.partials.isEmpty })
        #expect(drawn.statements.contains { !$0.gradient.isEmpty })
        #expect(undrawn.statements.allSatisfy { $0.partials.isEmpty && $0.gradient.isEmpty })
        #expect(undrawn.statements.map(\.value) == drawn.statements.map(\.value))
        #expect(undrawn.summary == drawn.summary)
    }

    @Test func aNoteWithDiagnosticsKeepsItsDerivativesAndSpellsTheSameNames() {
        // A claim that fails: its message names L, spelled as written.
        let document = MarkdownParser.parse(Self.chain("So $L \\approx 5$."))
        let drawn = Notebook.check(document, path: "note.md").result
        let undrawn = Notebook.check(document, path: "note.md", drawsPage: false).result
        #expect(drawn.diagnostics.contains { $0.message.hasPrefix("claim does not hold") })
        #expect(drawn.statements.contains { !$0.partials.isEmpty })
        #expect(drawn.statements.contains { !$0.gradient.isEmpty })
        #expect(undrawn.diagnostics == drawn.diagnostics)
        #expect(Self.derivatives(undrawn) == Self.derivatives(drawn))
        #expect(undrawn.writtenNames == drawn.writtenNames)
    }

    @Test func aNoteCheckedWithoutAPageKeepsTheReadingsOfItsClaimsOnly() {
        // The failing claim and the holding one keep their readings (JUnit's test case names).
        let document = MarkdownParser.parse(Self.chain("So $L \\approx 5$, and $2 w = 1$."))
        let drawn = Notebook.check(document, path: "note.md").result
        let undrawn = Notebook.check(document, path: "note.md", drawsPage: false).result
        let claims = drawn.statements.indices.filter { drawn.statements[$0].check != nil }
        #expect(claims.count >= 2)
        #expect(drawn.statements.allSatisfy { $0.kind == .prose || $0.reading != nil })
        for index in drawn.statements.indices {
            #expect(undrawn.statements[index].reading == (claims.contains(index) ? drawn.statements[index].reading : nil))
        }
    }

    @Test func aNoteCheckedWithoutJUnitCasesHasNoReadingsAndTheSameVerdicts() {
        // `render --check` without --junit makes no test case: no claim needs its reading.
        let document = MarkdownParser.parse(Self.chain("So $L \\approx 5$, and $2 w = 1$."))
        let named = Notebook.check(document, path: "note.md", drawsPage: false).result
        let unnamed = Notebook.check(document, path: "note.md", drawsPage: false, readsClaims: false).result
        #expect(named.statements.contains { $0.reading != nil })
        #expect(unnamed.statements.allSatisfy { $0.reading == nil })
        #expect(unnamed.statements.map(\.check) == named.statements.map(\.check))
        #expect(unnamed.diagnostics == named.diagnostics)
        #expect(unnamed.summary == named.summary)
    }
}
