import Calculus
import Document
@testable import Notebook
import Testing

@Suite struct DefinitionNameTests {
    @Test func aLaterDefinitionHasAKeyOfItsOwnAndTheNoteStillNamesItByItsName() {
        let first = DefinitionName(name: "n_1", occurrence: 1)
        let second = DefinitionName(name: "n_1", occurrence: 2)
        #expect(first.key == "n_1")
        #expect(second.key != first.key)
        var names = NoteNames()
        names.add(first)
        names.add(second)
        #expect(names.noteName(of: second.key) == "n_1")
        #expect(names.noteName(of: "n_1") == "n_1")
        // A key that no definition has is a name of the note as it is (a leaf).
        #expect(names.noteName(of: "x@y") == "x@y")
        #expect(names.message(for: .cycle([second.key, "u", second.key])) == "cyclic definitions: n_1 → u → n_1")
    }

    @Test func sitesOrderByFormulaThenStatement() {
        let a = StatementSite(formula: .init(0), statement: 3, section: 0)
        let b = StatementSite(formula: .init(1), statement: 0, section: 2)
        let c = StatementSite(formula: .init(1), statement: 1, section: 2)
        #expect(a < b && b < c && !(c < a))
    }
}
