import TeX
import Testing

/// A general form (a name whose index is a letter the note does not bind, beside instances the
/// note names with numbers) is checked at its instances, over one to three letters; with more, it
/// is read as prose, and its reason names one such name: always the same one, the last in the
/// statement.
@Suite struct GeneralFormTests {
    @Test func reasonNamesTheLastFreeName() {
        let scope = ReadingScope(names: ["p_1", "q_1", "r_1", "s_1"])
        let statements = FormulaReader.read("p_i + q_j + r_k + s_m = 1", scope: scope).statements
        #expect(statements.map(\.kind) == [.prose])
        #expect(statements.first?.reason
            == "general form: the index m of s_m is free (the note names s_1); the rule is not evaluated")
    }

    @Test func aDefinitionsHeadIsAskedFirst() {
        let scope = ReadingScope(names: ["p_1", "q_1", "r_1", "s_1"])
        let statements = FormulaReader.read("p_i = 2 q_j r_k s_m", scope: scope).statements
        #expect(statements.map(\.kind) == [.prose])
        #expect(statements.first?.reason
            == "general form: the index i of p_i is free (the note names p_1); the rule is not evaluated")
    }

    @Test func threeLettersAreCheckedAtEveryCombinationOfTheirNumbers() {
        let scope = ReadingScope(names: ["p_1", "q_1", "q_2", "r_1"])
        let statements = FormulaReader.read("p_i + q_j + r_k = 1", scope: scope).statements
        #expect(statements.map(\.kind) == [.claim, .claim])
        #expect(statements.map(\.instance) == ["i = 1, j = 1, k = 1", "i = 1, j = 2, k = 1"])
    }

    @Test func twoLettersAreCheckedAtEveryPairOfTheirNumbers() {
        let scope = ReadingScope(names: ["p_1", "p_2", "q_1", "q_3"])
        let statements = FormulaReader.read("p_i + q_j = 1", scope: scope).statements
        #expect(statements.map(\.kind) == [.claim, .claim, .claim, .claim])
        #expect(statements.map { $0.sides[0].description } == ["p_1 + q_1", "p_1 + q_3", "p_2 + q_1", "p_2 + q_3"])
        #expect(statements.map(\.instance) == ["i = 1, j = 1", "i = 1, j = 3", "i = 2, j = 1", "i = 2, j = 3"])
        // A condition on the letters is known in each instance: the reading is the row taken.
        let jacobian = FormulaReader.read(#"q_j = \begin{cases} p_i & i = j \\ 0 & \text{otherwise} \end{cases}"#,
                                          scope: scope).statements
        #expect(jacobian.map { $0.sides[1].description } == ["p_1", "0", "0", "0"])
    }

    @Test func aGeneralDefinitionDefinesTheInstancesTheNoteDoesNotHave() {
        let scope = ReadingScope(names: ["z_1", "z_2", "s_1"])
        let statements = FormulaReader.read(#"s_i = 2 z_i"#, scope: scope).statements
        // s_1 is the note's: a claim; s_2 is not: defined here.
        #expect(statements.map(\.kind) == [.claim, .definition])
        #expect(statements.map { $0.head?.name } == [nil, "s_2"])
    }
}
