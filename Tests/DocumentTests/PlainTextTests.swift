import Document
import Testing

/// Titles: the plain text of a note's first heading.
@Suite struct PlainTextTests {
    @Test func titleIsTheFirstHeadingWithoutMarkupOrSpacesAtItsEnds() {
        let document = MarkdownParser.parse("Intro.\n\n## *The* `chain` rule&nbsp;&#9;\n\n# Later\n")
        #expect(PlainText.firstHeading(of: document) == "The chain rule")
    }

    @Test func headingsOfOnlySpacesAreSkipped() {
        let document = MarkdownParser.parse("# &nbsp;&emsp;\n\n# Second $x$\n")
        #expect(PlainText.firstHeading(of: document) == "Second x")
    }

    @Test func aNoteWithoutHeadingsHasNoTitle() {
        #expect(PlainText.firstHeading(of: MarkdownParser.parse("Just text.\n")) == nil)
    }
}
