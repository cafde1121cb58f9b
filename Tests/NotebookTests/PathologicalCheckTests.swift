import Document
import Foundation
import Notebook
import Testing
import TestSupport

/// Linear time for whole notes through the checker on the math patterns of
/// `DocumentTests/PathologicalTests` (issue 15): `n` and `8n` copies, ratio under 16.
@Suite(.serialized) struct PathologicalCheckTests {
    static let patterns: [Pathology] = [
        Pathology("unclosed $a", n: 1_000, make: Pathology.repeated("$a ")),
        Pathology("$x$ pairs", n: 200, make: Pathology.repeated("$x$ ")),
        Pathology("$$x$$ inline", n: 200, make: Pathology.repeated("$$x$$ ")),
        Pathology("$`x`$", n: 200, make: Pathology.repeated("$`x`$ ")),
        Pathology("$ inside emphasis", n: 1_000, make: Pathology.repeated("*$a* ")),
        Pathology("unclosed ```math fence", n: 500, make: { "```math\n" + String(repeating: "x + y\n", count: $0) }),
        Pathology("many {#eq-} labels", n: 200, make: { n in (0..<n).map { "$$x_{\($0)} = 1$$ {#eq-\($0)}\n\n" }.joined() }),
        Pathology("definitions", n: 200, make: { n in (0..<n).map { "$a_{\($0)} = \($0)$\n\n" }.joined() }),
    ]

    /// Many `@eq-` references in one paragraph, through the parser and the checker.
    @Test func manyEquationReferencesCheckInLinearTime() {
        let pathology = Pathology("many @eq- references", n: 4_000) { "$$x = 1$$ {#eq-a}\n\n" + String(repeating: "@eq-a ", count: $0) }
        let measured = pathology.measure { text in
            _ = Notebook.check(MarkdownParser.parse(text), path: "pathological.md")
        }
        print(measured)
        #expect(measured.ratio < Pathology.maximumRatio, "\(measured)")
    }

    @Test(arguments: patterns)
    func noteChecksInLinearTime(_ pathology: Pathology) {
        let measured = pathology.measure { text in
            _ = Notebook.check(MarkdownParser.parse(text), path: "pathological.md")
        }
        print(measured)
        #expect(measured.ratio < Pathology.maximumRatio, "\(measured)")
    }
}
