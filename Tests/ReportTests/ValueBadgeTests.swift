import Document
import Notebook
import Report
import Testing

/// The value badge after an inline formula: a defined name or an expression shows its value at
/// the example point; a name Derive sampled, mentioned alone (a layer `l`, a node label `h_1` in
/// a table), shows none: "= 0.4" beside "layer $l$" read as a number of the note, and was not.
@Suite struct ValueBadgeTests {
    static let note = """
        Let $w = 0.5$. The net input $z$ of layer $l$ is $$n = w z$$ and here $n$ and $w + 1$.
        """

    static var body: String {
        NotePage(note: Notebook.check(MarkdownParser.parse(note), path: "badge.md")).body(unsafeHTML: false)
    }

    @Test func aSampledNameAloneHasNoBadge() {
        #expect(!Self.body.contains("title=\"z\">="))
        #expect(!Self.body.contains("title=\"l\">="))
    }

    @Test func aDefinedNameAndAnExpressionKeepTheirs() {
        #expect(Self.body.contains("<span class=\"badge value\" title=\"n\">= "))
        #expect(Self.body.contains("<span class=\"badge value\" title=\"w + 1\">= 1.5</span>"))
    }
}
