import Document
import Notebook
import Testing

@testable import Report

/// What the card of a definition without a value says: a function is evaluated where it is
/// used; a symbol that cannot be evaluated says why, and one caught in a cycle says where the
/// cycle is reported, never that it defines a function.
@Suite struct DefinitionCardTests {
    static let note = """
        # Cards

        Let $x = 2$ and $g(u) = u^2$.

        $$c = g(x, 1)$$

        $$p = q + 1 \\quad q = 2p$$

        """

    static let page = NotePage(note: Notebook.check(MarkdownParser.parse(note), path: "notes/cards.md"))
        .body(unsafeHTML: false)

    @Test func aSymbolWithoutAValueIsNotSaidToBeAFunction() {
        #expect(!Self.page.contains("defines the function"), "\(Self.page)")
        #expect(Self.page.contains("takes 1 argument, not 2"))
        #expect(Self.page.contains("not evaluated: caught in the cycle of definitions reported at line 7"))
    }
}
