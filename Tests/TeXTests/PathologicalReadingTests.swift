import Calculus
import Testing
import TeX
import TestSupport

/// Linear time in the formula reader (issue 15), in the style of `DocumentTests/PathologicalTests`:
/// one formula with `n` and `8n` parts, parsed and read, the time ratio under 16.
@Suite(.serialized) struct PathologicalReadingTests {
    static let patterns: [Pathology] = [
        // Each factor was added with `Expression.*`, which copies the factors read so far.
        Pathology("a long implicit product", n: 2_000, make: { n in
            "P = " + (1...n).map { "x_{\($0)}" }.joined(separator: " ")
        }),
        Pathology("a long product with \\cdot", n: 2_000, make: { n in
            "P = " + (1...n).map { "x_{\($0)}" }.joined(separator: " \\cdot ")
        }),
        Pathology("a long sum", n: 2_000, make: { n in
            "S = " + (1...n).map { "x_{\($0)}" }.joined(separator: " + ")
        }),
        // Each level scanned the rest for its closing parenthesis (quadratic), and deep ones
        // overflowed the stack: past 400 levels the reader stops with an error.
        Pathology("nested parentheses", n: 2_000, make: { n in
            "P = " + String(repeating: "(", count: n) + "x" + String(repeating: ")", count: n)
        }),
        Pathology("nested applications with parentheses", n: 2_000, make: { n in
            "P = " + String(repeating: "\\sin(", count: n) + "x" + String(repeating: ")", count: n)
        }),
        Pathology("nested applications without parentheses", n: 2_000, make: { n in
            "P = " + String(repeating: "\\exp ", count: n) + "x"
        }),
        // Each `P(` looks for its closing parenthesis to read an event.
        Pathology("probabilities of events and of other things", n: 1_000, make: { n in
            "S = " + (1...n).map { _ in "P(A \\mid \\neg B) + P(x + 1)" }.joined(separator: " + ")
        }),
    ]

    @Test(arguments: patterns)
    func formulaReadsInLinearTime(_ pathology: Pathology) {
        let measured = pathology.measure { text in
            let statements = FormulaReader.read(FormulaReader.split(Formula.parse(text)), scope: ReadingScope()).statements
            precondition(statements.count == 1)
        }
        Pathology.report(measured)
        #expect(measured.ratio < Pathology.maximumRatio, "\(measured)")
    }

    /// `\sin \sin … x` 6000 deep overflowed the stack of `render` (a segmentation fault), as
    /// did 20 000 nested parentheses; 400 levels read, 401 are an error. Braces stop at TeX's
    /// own limit (100 levels, an error of the parser).
    @Test(arguments: ["(", "\\sin ", "\\sigma ", "-", "\\frac{d}{dx} ", "\\sqrt{", "{"])
    func nestingPastTheLimitIsAnErrorNotACrash(_ opening: String) {
        let closing = ["(": ")", "\\sqrt{": "}", "{": "}"][opening] ?? ""
        func read(_ depth: Int) -> [String] {
            let text = "P = " + String(repeating: opening, count: depth) + "x" + String(repeating: closing, count: depth)
            // On the stack `render` reads on, not the test runner's (which a debug build's 400
            // levels of "(" overflowed once).
            return onRenderStack {
                let reading = FormulaReader.read(text, scope: ReadingScope())
                return reading.diagnostics.map(\.message) + reading.statements.compactMap(\.reason)
            }
        }
        let deep = read(20_000)
        #expect(deep.contains { $0.contains("deeper than") || $0.contains("more than 100 levels deep") }, "\(deep)")
        if closing != "}" {
            #expect(read(Expression.maximumDepth - 1) == [])
            #expect(read(Expression.maximumDepth + 1) == ["the formula nests deeper than 400 levels"])
        }
    }
}
