import Document
import Notebook
import Testing

/// `@eq-label` references in text: what counts as one, and where the Document finds them.
@Suite struct EquationReferenceTests {
    @Test func referencesAreSplitOutOfText() {
        let parts = EquationReferenceSyntax.split("By @eq-loss and @eq-step. Mail a@eq-x.org")
        #expect(parts.map(\.label) == [nil, "eq-loss", nil, "eq-step", nil, nil])
        #expect(parts.map(\.text).joined() == "By eq-loss and eq-step. Mail a@eq-x.org")
    }

    @Test func textWithoutAReferenceIsOnePlainRun() {
        #expect(EquationReferenceSyntax.mentions(in: "see @@eq-a"))
        #expect(!EquationReferenceSyntax.mentions(in: "mail me @ home, @eq, eq-1"))
        #expect(EquationReferenceSyntax.split("mail me @ home, @eq").map(\.text) == ["mail me @ home, @eq"])
        #expect(EquationReferenceSyntax.split("").isEmpty)
    }

    @Test func referencesAreInlineNodesAtTheirAt() {
        let document = MarkdownParser.parse("# Loss\n\nBy @eq-loss and\n*see* @eq-step. Mail a@eq-x.org\n")
        guard case .paragraph(let inlines)? = document.blocks.dropFirst().first else {
            Issue.record("no paragraph: \(document.blocks)")
            return
        }
        #expect(inlines.first == .text("By "))
        #expect(inlines.dropFirst().first == .equationReference(label: "eq-loss", position: SourcePosition(line: 3, column: 4)))
        #expect(PlainText.of(inlines) == "By @eq-loss and see @eq-step. Mail a@eq-x.org")
        let found = EquationReferences.find(in: document)
        #expect(found.map(\.label) == ["eq-loss", "eq-step"])
        #expect(found.map(\.position) == [SourcePosition(line: 3, column: 4), SourcePosition(line: 4, column: 7)])
    }

    @Test func referencesInQuotesListsAndTablesAndAfterMultiLineMath() {
        let markdown = """
            > quoted $$a +
            > b$$ then @eq-a

            - item with `@eq-code` and @eq-b

            | x | y |
            |---|---|
            | é | @eq-c |

            ![alt @eq-image](p.png) @eq-d
            """
        let found = EquationReferences.find(in: MarkdownParser.parse(markdown))
        #expect(found.map(\.label) == ["eq-a", "eq-b", "eq-c", "eq-d"])
        #expect(found.map(\.position) == [
            SourcePosition(line: 2, column: 12), SourcePosition(line: 4, column: 28),
            SourcePosition(line: 8, column: 7), SourcePosition(line: 10, column: 25),
        ])
    }
}
