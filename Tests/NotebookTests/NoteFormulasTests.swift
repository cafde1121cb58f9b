import Cells
import Document
import Testing

@testable import Notebook

/// The note's formulas as Swift text, and the comparison of a cell's function with a formula
/// from the lines a program would print (docs/note-language.md §12); no compiler needed.
@Suite struct NoteFormulasTests {
    static func formulas(_ note: String) -> NoteFormulas {
        Notebook.check(MarkdownParser.parse(note), path: "note.md").formulas
    }

    static let neuron = """
        # Neuron

        $$n_1 = w_1 x_1 + b_1, \\quad h_1 = \\sigma(n_1), \\quad f(z) = z^2$$

        $$w_1 = 0.5, \\quad x_1 = 2, \\quad b_1 = -1$$

        """

    @Test func definitionsAreFunctionsOfTheirLeavesWithThePointAsDefaults() {
        let swift = Self.formulas(Self.neuron).swift(fallback: SourcePosition(line: 1, column: 1))
        #expect(swift.diagnostics.isEmpty)
        #expect(swift.source.contains("let w_1 = 0.5\nlet x_1 = 2.0\n"))
        #expect(swift.source.contains(
            "static func h_1(b_1: Double = b_1, w_1: Double = w_1, x_1: Double = x_1) -> Double { derive_sigmoid(n_1(b_1: b_1, w_1: w_1, x_1: x_1)) }"))
        #expect(swift.source.contains("static func n_1_gradient(b_1: Double = b_1, w_1: Double = w_1, x_1: Double = x_1) -> (b_1: Double, w_1: Double, x_1: Double) { (b_1: 1.0, w_1: x_1, x_1: w_1) }"))
        #expect(swift.source.contains("static func f_derivative(_ z: Double) -> Double"))
        #expect(swift.source.contains("\nfunc n_1(b_1: Double = b_1, w_1: Double = w_1, x_1: Double = x_1) -> Double { NoteFormulas.n_1(b_1: b_1, w_1: w_1, x_1: x_1) }"))
    }

    @Test func aPartialInABodyIsWorkedOutFirst() {
        let note = """
            $$L = (w x - y)^2, \\quad w^{+} = w - \\eta \\frac{\\partial L}{\\partial w}, \\quad L^{+} = (w^{+} x - y)^2$$

            $$w = 0.5, \\quad x = 2, \\quad y = 3, \\quad \\eta = 0.1$$

            """
        let swift = Self.formulas(note).swift(fallback: SourcePosition(line: 1, column: 1))
        #expect(swift.source.contains("static func w_plus(w: Double = w, x: Double = x, y: Double = y, eta: Double = eta) -> Double { (w + (-(2.0 * x * eta * ((w * x) + (-y))))) }"),
                "\(swift.source)")
        #expect(swift.source.contains("static func L_plus(w: Double = w, x: Double = x, y: Double = y, eta: Double = eta) -> Double { pow(((w_plus(w: w, x: x, y: y, eta: eta) * x) + (-y)), 2.0) }"))
    }

    @Test func whatACellDeclaresIsLeftToTheCell() {
        let swift = Self.formulas(Self.neuron).swift(omitting: ["w_1", "n_1"], fallback: SourcePosition(line: 1, column: 1))
        #expect(!swift.source.contains("let w_1 ="))
        #expect(!swift.source.contains("\nfunc n_1("))
        #expect(swift.source.contains("static func n_1("))
        // A default the cell's own `let` gives may be an Int.
        #expect(swift.source.contains("w_1: Double = derive_double(w_1)"))
    }

    @Test func aNameWithNoSwiftNameIsAWarningAtItsDefinition() {
        let swift = Self.formulas("$$w^{(1)} = 2, \\quad q = 3 w^{(1)}$$\n").swift(fallback: SourcePosition(line: 9, column: 1))
        #expect(swift.diagnostics.map(\.message) == [
            "'w^(1)' has no Swift name (docs/note-language.md §12): the cells cannot use it, nor the formulas that use it",
            "'q' is not written as Swift: a name it reaches has no Swift name, or is bound twice",
        ])
        #expect(!swift.source.contains("q("))
    }

    /// The lines a program prints for a probe: coordinates, value, central differences, as bit patterns.
    static func line(_ index: Int, _ numbers: [Double]) -> String {
        "probe \(index) " + numbers.map { String($0.bitPattern) }.joined(separator: " ")
    }

    @Test func aFunctionIsComparedAtEveryPointItsValueAndItsSlope() {
        let formulas = Self.formulas(Self.neuron)
        let declarations = CellDeclaration.find(in: [Cell(index: 0, code: """
            func f(_ z: Double) -> Double { z * z }
            func n_1(x_1: Double) -> Double { 0.5 * x_1 - 1 }
            func unrelated(_ a: Double) -> Double { a }
            """, firstLine: 7)])
        let probes = formulas.probes(for: declarations)
        #expect(probes.harness.contains("__deriveProbe(0, [["))
        #expect(probes.harness.contains("{ __point in n_1(x_1: __point[0]) }"))
        #expect(!probes.harness.contains("unrelated"))
        // f agrees at two points; n_1's code is right at x_1 = 2, its slope wrong at 3.
        let lines = [Self.line(0, [1.5, 2.25, 3]), Self.line(0, [-1, 1, -2]),
                     Self.line(1, [2, 0, 0.5]), Self.line(1, [3, 0.5, 0.7])]
        let (checks, diagnostics) = formulas.checks(from: lines, probes: probes)
        #expect(checks.map(\.text) == [
            "implements f (line 3): agrees at 2 points; derivative agrees",
            "implements n_1 (line 3): agrees at 2 points; derivative differs: ∂/∂x_1 at x_1 = 3: the code's central difference 0.7, the formula's derivative 0.5",
        ])
        #expect(diagnostics.map(\.position.line) == [8])
        // A value that differs is named with both values at the first such point.
        // A function the program gave no value for is said to be not compared.
        let wrong = formulas.checks(from: [Self.line(1, [2, 0.25, 0.5])], probes: probes)
        #expect(wrong.diagnostics.map(\.message) == [
            "func f was not compared with f (line 3): the program gave no values where the formula is defined",
            "func n_1 does not implement n_1 (line 3): at x_1 = 2 the code gives 0.25, the formula 0",
        ])
    }

    @Test func aCellsLetBindsALeafAfterTheNotesOwnBindings() {
        let note = "$$L = \\eta (y - t)^2$$\n\n$$y = 3$$\n"
        let values = [CellValue(name: "η", value: 0.25, position: SourcePosition(line: 8, column: 5)),
                      CellValue(name: "y", value: 7, position: SourcePosition(line: 9, column: 5))]
        let result = Notebook.check(MarkdownParser.parse(note), path: "note.md", cellValues: values).result
        #expect(result.point.first { $0.name == "η" }.map { ($0.value, $0.source) } ?? (0, .sampled) == (0.25, .cell(line: 8)))
        #expect(result.point.first { $0.name == "y" }?.value == 3)
        #expect(result.diagnostics.map(\.message).contains(
            "the cell's 'let' gives y = 7 and the note binds it at line 3: the note's value is used"))
    }
}
