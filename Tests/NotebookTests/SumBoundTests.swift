import Document
import Testing

@testable import Notebook

/// A sum to a letter the note binds to a whole number (`\sum_{i=1}^{m}`, `m = 3`) goes to the
/// value the run uses: the front matter's and `--set`'s replace the note's, as they do for every
/// other use of the name (docs/note-language.md §3).
@Suite struct SumBoundTests {
    static let note = """
        $m = 3$, $x_1 = 1$, $x_2 = 2$, $x_3 = 6$, $s = \\sum_{i=1}^{m} x_i$
        """

    static func reading(of name: String, _ text: String, values: [String: Double] = [:]) -> String? {
        let result = Notebook.check(MarkdownParser.parse(text), path: "note.md",
                                    options: NotebookOptions(values: values)).result
        return result.statements.first { $0.reading?.hasPrefix(name + " =") == true }?.reading
    }

    @Test func theNotesBindingIsTheBound() {
        #expect(Self.reading(of: "s", Self.note) == "s = x_1 + x_2 + x_3")
    }

    @Test func theFrontMatterReplacesIt() {
        let text = "---\nvalues:\n  m: 2\n---\n" + Self.note
        #expect(Self.reading(of: "s", text) == "s = x_1 + x_2")
    }

    @Test func setReplacesTheFrontMatter() {
        let text = "---\nvalues:\n  m: 2\n---\n" + Self.note
        #expect(Self.reading(of: "s", text, values: ["m": 2]) == "s = x_1 + x_2")
        #expect(Self.reading(of: "s", text, values: ["m": 3]) == "s = x_1 + x_2 + x_3")
    }

    /// A bound past the instances the note names is the general rule, not a sum of sampled names.
    @Test func aBoundPastTheNotesInstancesIsTheGeneralRule() {
        let result = Notebook.check(MarkdownParser.parse(Self.note), path: "note.md",
                                    options: NotebookOptions(values: ["m": 5])).result
        #expect(result.diagnostics.contains { $0.message.contains("the \\sum over i to m = 5 names x_4, which the note does not have") },
                "\(result.diagnostics.map(\.message))")
    }
}
