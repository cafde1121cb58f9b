import TeX
import Testing

/// A general form (a name whose index is a letter the note does not bind, beside instances the
/// note names with numbers) is read as prose, and its reason names one such name: always the
/// same one, the last in the statement.
@Suite struct GeneralFormTests {
    @Test func reasonNamesTheLastFreeName() {
        let scope = ReadingScope(names: ["p_1", "q_1"])
        let statements = FormulaReader.read("p_i + q_j = 1", scope: scope).statements
        #expect(statements.map(\.kind) == [.prose])
        #expect(statements.first?.reason
            == "general form: the index j of q_j is free (the note names q_1); the rule is not evaluated")
    }

    @Test func aDefinitionsHeadIsAskedFirst() {
        let scope = ReadingScope(names: ["p_1", "q_1"])
        let statements = FormulaReader.read("p_i = 2 q_j", scope: scope).statements
        #expect(statements.map(\.kind) == [.prose])
        #expect(statements.first?.reason
            == "general form: the index i of p_i is free (the note names p_1); the rule is not evaluated")
    }
}
