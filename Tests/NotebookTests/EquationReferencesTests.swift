import Notebook
import Testing

/// `@eq-label` references in text.
@Suite struct EquationReferenceTests {
    @Test func referencesAreSplitOutOfText() {
        let parts = EquationReferences.split("By @eq-loss and @eq-step. Mail a@eq-x.org")
        #expect(parts.map(\.label) == [nil, "eq-loss", nil, "eq-step", nil, nil])
        #expect(parts.map(\.text).joined() == "By eq-loss and eq-step. Mail a@eq-x.org")
    }

    @Test func textWithoutAReferenceIsOnePlainRun() {
        #expect(EquationReferences.mentions(in: "see @@eq-a"))
        #expect(!EquationReferences.mentions(in: "mail me @ home, @eq, eq-1"))
        #expect(EquationReferences.split("mail me @ home, @eq").map(\.text) == ["mail me @ home, @eq"])
        #expect(EquationReferences.split("").isEmpty)
    }
}
