import Calculus
import Diagram
import Document
import TeX
import Testing

@testable import Notebook

/// Each weighted edge u → v : w of a diagram says that v's sum has the term u·w: a missing term,
/// a weight on another input and a bias on another unit are warnings at the sum's formula,
/// naming the diagram's line; nothing is said where the mapping is not certain.
@Suite struct DiagramAgreementTests {
    static func definition(_ tex: String, line: Int) -> WrittenDefinition {
        let statement = FormulaReader.read(tex, scope: ReadingScope()).statements[0]
        return WrittenDefinition(name: statement.head?.name ?? "", body: statement.sides[0],
                                 position: SourcePosition(line: line, column: 1), tex: tex)
    }

    /// The network of the issue: n_1, n_2, h_1, h_2, o_1, a_1 on lines 101…106.
    static let network = [
        "n_1 = x_1 w_1 + x_2 w_2 + b_1", "n_2 = x_1 w_3 + x_2 w_4 + b_2", "h_1 = \\sigma(n_1)",
        "h_2 = \\sigma(n_2)", "o_1 = h_1 w_5 + h_2 w_6 + b_3", "a_1 = \\sigma(o_1)",
    ]

    /// The names the note binds to numbers.
    static let bindings: Set<String> = ["x_1", "x_2", "w_1", "w_2", "w_3", "w_4", "w_5", "w_6", "b_1", "b_2", "b_3"]

    /// The warnings about `diagram` (its fence on line 1) against `formulas` (line 101 on).
    static func check(_ diagram: String, _ formulas: [String] = network, names: Set<String> = bindings) -> [String] {
        let text = "```mermaid\n" + diagram + "\n```"
        let noteDiagram = NoteDiagram(fenceLine: 1, reading: MermaidParser.parse(diagram))
        let definitions = formulas.enumerated().map { definition($0.element, line: 101 + $0.offset) }
        return DiagramAgreement.check([noteDiagram], definitions: definitions, names: names,
                                      lines: text.split(separator: "\n", omittingEmptySubsequences: false))
            .map { "\($0.position.line): \($0.message)" }
    }

    static let stateDiagram = """
        stateDiagram-v2
            x1 --> h1: w1
            x2 --> h1: w2
            x1 --> h2: w3
            x2 --> h2: w4
            h1 --> a1: w5
            h2 --> a1: w6
            h1 : h1 (+b1)
            h2 : h2 (+b2)
            a1 : a1 (+b3)
        """

    @Test func diagramNamesWriteTheNotesNames() {
        #expect(DiagramNames.candidates("h1") == ["h1", "h_1"])
        #expect(DiagramNames.candidates("h₁") == ["h₁", "h_1"])
        #expect(DiagramNames.candidates(" w₁₂ ") == ["w₁₂", "w_12"])
        #expect(DiagramNames.candidates("h_1") == ["h_1"])
        #expect(DiagramNames.candidates("w_{12}") == ["w_{12}", "w_12"])
        #expect(DiagramNames.candidates("$x_2$") == ["x_2"])
        #expect(DiagramNames.candidates("a") == ["a"])
        #expect(DiagramNames.candidates("loss L") == ["loss L"])
        #expect(DiagramNames.name(writtenBy: ["x1", "x₁"], in: ["x_1"]) == "x_1")
        #expect(DiagramNames.name(writtenBy: ["A", "h₁"], in: ["h_1", "A_1"]) == "h_1")
        // Two names written: not certain.
        #expect(DiagramNames.name(writtenBy: ["h1"], in: ["h1", "h_1"]) == nil)
        #expect(DiagramNames.name(writtenBy: ["x1", "h₁"], in: ["x_1", "h_1"]) == nil)
        #expect(DiagramNames.addedNames(in: "a1\na1 (+b3)", names: ["b_3"]).map(\.name) == ["b_3"])
        #expect(DiagramNames.addedNames(in: "h₁ + b₁", names: ["b_1"]).map(\.written) == ["b₁"])
        #expect(DiagramNames.addedNames(in: "x₁w₁ + x₂w₂", names: ["b_1"]).isEmpty)
    }

    @Test func aDiagramThatAgreesGivesNoWarning() {
        #expect(Self.check(Self.stateDiagram).isEmpty)
        #expect(Self.check("""
            flowchart LR
                x1((x₁)) -->|w₁| h1((h₁))
                x2((x₂)) -->|w₂| h1
                x1 -->|w₃| h2((h₂))
                x2 -->|w₄| h2
                h1 -->|w₅| a1
                h2 -->|w₆| a1
                a1 --> L[loss L]
            """).isEmpty)
    }

    @Test func weightsSwappedBetweenTwoInputsAreOneWarningAtTheSum() {
        var formulas = Self.network
        formulas[1] = "n_2 = x_1 w_4 + x_2 w_3 + b_2"
        #expect(Self.check(Self.stateDiagram, formulas) == [
            "102: n_2 multiplies w_3 by x_2 and w_4 by x_1, but the diagram's lines 5 and 6 "
                + "(x1 --> h2: w3; x2 --> h2: w4) put w_3 on x_1 and w_4 on x_2; are the weights swapped?",
        ])
    }

    @Test func aWeightOnAnotherInputAndAMissingTermAreNamedWithTheirLine() {
        var formulas = Self.network
        formulas[0] = "n_1 = x_1 w_1 + x_1 w_2 + b_1"
        formulas[4] = "o_1 = h_1 w_5 + b_3"
        #expect(Self.check(Self.stateDiagram, formulas) == [
            "101: n_1 multiplies w_2 by x_1, but the diagram's line 4 (x2 --> h1: w2) puts w_2 on x_2",
            "105: o_1 has no term h_2*w_6, which the diagram's line 8 draws (h2 --> a1: w6)",
        ])
    }

    @Test func aBiasOnTheWrongUnitIsWarnedAtBothSums() {
        var formulas = Self.network
        formulas[1] = "n_2 = x_1 w_3 + x_2 w_4 + b_3"
        formulas[4] = "o_1 = h_1 w_5 + h_2 w_6 + b_2"
        #expect(Self.check(Self.stateDiagram, formulas) == [
            "102: n_2 adds b_3, but the diagram's line 10 (h2 : h2 (+b2)) gives h_2 the bias b_2",
            "105: o_1 adds b_2, but the diagram's line 11 (a1 : a1 (+b3)) gives a_1 the bias b_3",
        ])
        formulas = Self.network
        formulas[0] = "n_1 = x_1 w_1 + x_2 w_2 + b_1 + b_2"
        #expect(Self.check(Self.stateDiagram, formulas) == [
            "101: n_1 adds b_2, but the diagram's line 10 (h2 : h2 (+b2)) gives b_2 to h_2, not to h_1",
        ])
    }

    @Test func nothingIsComparedWhereTheMappingIsNotCertain() {
        // A diagram that never agrees with the formulas is about something else.
        #expect(Self.check("""
            flowchart RL
                a1 -->|w5| h2
                h2 -->|w3| x2
            """).isEmpty)
        // The unit's name is defined twice.
        var formulas = Self.network
        formulas[1] = "n_2 = x_1 w_4 + x_2 w_3 + b_2"
        formulas.append("n_2 = x_1 w_3 + x_2 w_4 + b_2")
        #expect(Self.check(Self.stateDiagram, formulas).isEmpty)
        // The sum is not a sum of products of names.
        formulas = Self.network
        formulas[1] = "n_2 = x_1 w_4 + (x_2 + 1) w_3 + b_2"
        #expect(Self.check(Self.stateDiagram, formulas).isEmpty)
        // The weight is no name of the note; the edge is not an arrow from input to unit.
        #expect(Self.check("""
            flowchart LR
                x1 -->|w1| h1
                x2 -->|0.2| h1
                h1 <-->|w4| x2
                x2 ---|w3| h1
            """).isEmpty)
        // A name added in a label that is no bias anywhere.
        #expect(Self.check("""
            flowchart LR
                x1 -->|w1| h1["h₁ = σ(x₁w₁ + x₂)"]
            """).isEmpty)
        // A label that names a bias or a defined name is no weight: a label of another kind.
        #expect(Self.check("""
            flowchart LR
                x1 -->|w1| h1
                a1 -->|b3| h1
                a1 -->|n₁| h1
            """).isEmpty)
        // A weight that is no factor of any sum, into a unit where no edge agrees, from an
        // input not in its sum.
        #expect(Self.check("""
            flowchart LR
                x1 -->|w1| h1
                a1 -->|w9| h2
            """, names: Self.bindings.union(["w_9"])).isEmpty)
    }
}
