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
}
