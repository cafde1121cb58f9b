import Calculus
import Document
import TeX
import Testing

@testable import Notebook

/// A sum that is a definition's body with two names swapped or one index changed is a near
/// miss; a restatement in another order, a shifted sequence, a sum of two terms and unrelated
/// sums are not.
@Suite struct NearMissTests {
    /// The expression of `tex` as the note writes it.
    static func expression(_ tex: String) -> Expression {
        FormulaReader.read(tex, scope: ReadingScope()).statements[0].sides[0]
    }

    static func definition(_ name: String, _ tex: String, line: Int = 1) -> WrittenDefinition {
        WrittenDefinition(name: name, body: expression(tex), position: SourcePosition(line: line, column: 1),
                          tex: tex)
    }

    static func change(_ body: String, _ sum: String) -> NearMiss.Change? {
        NearMiss.change(from: definition("o_1", body), to: expression(sum))
    }

    @Test func theShapeIgnoresTheOrderOfTermsAndFactorsOnly() {
        let shape = { ExpressionShape(Self.expression($0)) }
        #expect(shape("h_1 w_6 + h_2 w_5 + b_3") == shape("b_3 + w_5 h_2 + w_6 h_1"))
        #expect(shape("a + (b + c)") == shape("c + b + a"))
        #expect(shape("a + a + b") != shape("a + b + b"))
        #expect(shape("a - b") != shape("b - a"))
        #expect(shape("\\frac{a}{b}") != shape("\\frac{b}{a}"))
        #expect(shape("x_1 w_1") == ExpressionShape(Self.expression("x_2 w_1"), renaming: ["x_2": "x_1"]))
    }

    @Test func twoNamesSwappedAreFoundWithEveryPairThatGivesTheSum() {
        #expect(Self.change("h_1 w_6 + h_2 w_5 + b_3", "w_5 h_1 + w_6 h_2 + b_3")
            == .swapped([["h_1", "h_2"], ["w_5", "w_6"]]))
        #expect(Self.change("x_1 w_3 + x_2 w_4 + b_2", "x_1 w_4 + x_2 w_3 + b_2") == .swapped([["w_3", "w_4"], ["x_1", "x_2"]]))
    }

    @Test func oneIndexChangedInAProductTermIsFound() {
        #expect(Self.change("x_1 w_3 + x_2 w_4 + b_2", "x_1 w_4 + x_2 w_4 + b_2") == .changed(from: "w_3", to: "w_4"))
        #expect(Self.change("x_1 w_3 + x_2 w_4 + b_2", "w_3 x_1 + w_4 x_3 + b_2") == .changed(from: "x_2", to: "x_3"))
        #expect(Self.change("x_1 w_3 - x_2 w_4 + b_2", "x_1 w_3 - x_2 w_5 + b_2") == .changed(from: "w_4", to: "w_5"))
    }

    @Test func whatIsNotANearMiss() {
        // The same sum in another order.
        #expect(Self.change("h_1 w_6 + h_2 w_5 + b_3", "b_3 + w_6 h_1 + w_5 h_2") == nil)
        // A shifted sequence: the changed name is a term alone.
        #expect(Self.change("a_1 + a_2 + a_3", "a_2 + a_3 + a_4") == nil)
        // Names of different families.
        #expect(Self.change("x_1 w_1 + x_2 w_2 + b", "x_1 v_1 + x_2 w_2 + b") == nil)
        #expect(Self.change("a b + c d + e", "a d + c b + e") == nil)
        // Two changes, another number of terms, another structure.
        #expect(Self.change("x_1 w_1 + x_2 w_2 + b_1", "x_1 w_3 + x_2 w_4 + b_1") == nil)
        #expect(Self.change("x_1 w_1 + x_2 w_2 + b_1", "x_1 w_1 + x_2 w_2 + x_3 w_3 + b_1") == nil)
        #expect(Self.change("x_1 w_1 + x_2 w_2 + b_1", "x_1 w_1 + x_2^{w_2} + b_1") == nil)
        // A sum of two terms is never compared.
        #expect(Self.change("x_1 w_1 + x_2 w_2", "x_1 w_2 + x_2 w_1") == nil)
    }

    @Test func aCandidateIsWarnedAtOnceNamingTheDefinitionAndTheChange() {
        let definitions = [Self.definition("n_1", "x_1 w_1 + x_2 w_2 + b_1", line: 3),
                           Self.definition("o_1", "h_1 w_6 + h_2 w_5 + b_3", line: 7)]
        let at = SourcePosition(line: 12, column: 4)
        let candidate = NearMiss.Candidate(
            expressions: [Self.expression("\\sigma'(w_5 h_1 + w_6 h_2 + b_3) h_1"),
                          Self.expression("w_5 h_1 + w_6 h_2 + b_3")],
            position: at, tex: "w_5 h_1 + w_6 h_2 + b_3")
        let found = NearMiss.find(in: [candidate], definitions: definitions)
        #expect(found.map(\.message) == [
            "w_5*h_1 + w_6*h_2 + b_3 is the definition of o_1 (line 7) with h_1 and h_2 swapped (or w_5 and w_6); "
                + "is it a slip?",
        ])
        #expect(found.first?.position == at)
        #expect(found.first?.hint == "o_1 = h_1*w_6 + h_2*w_5 + b_3")
    }

    @Test func aSumThatRestatesAnotherDefinitionIsNoNearMiss() {
        // n_2's body is n_1's with one index changed, and the candidate restates n_2.
        let definitions = [Self.definition("n_1", "x_1 w_1 + x_2 w_2 + b_1"),
                           Self.definition("n_2", "x_1 w_1 + x_2 w_3 + b_1")]
        let candidate = NearMiss.Candidate(expressions: [Self.expression("w_3 x_2 + w_1 x_1 + b_1")],
                                           position: SourcePosition(line: 9, column: 1), tex: "w_3 x_2 + w_1 x_1 + b_1")
        #expect(NearMiss.find(in: [candidate], definitions: definitions).isEmpty)
    }
}
