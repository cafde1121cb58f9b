import Document
import Notebook
import Testing

/// The crashes and hangs of issue 15, each a whole note through the checker. Those fixed
/// (overflow-checked bounds in TeX's reader) run; the others are disabled with where their fix
/// belongs, so that each can be enabled by the change that fixes it.
@Suite struct KnownCrasherTests {
    static func check(_ text: String) -> NoteResult {
        Notebook.check(MarkdownParser.parse(text), path: "crasher.md").result
    }

    @Test func indexRangeWithAHugeCountIsRefusedNotATrap() {
        let result = Self.check("$$ a_{0..9223372036854775807} = b_{0..9223372036854775807} + 1 $$\n")
        #expect(result.statements.allSatisfy { $0.value == nil })
    }

    @Test func sumWithHugeBoundsIsRefusedNotATrap() {
        let result = Self.check("$$ S = \\sum_{i=-2}^{9223372036854775807} i $$\n")
        #expect(result.statements.allSatisfy { $0.value == nil })
    }

    /// cmark-gfm's table extension splits the paragraph above a table's header row into a new
    /// paragraph with no position (line 0): the formula in it was placed on line 0, and the
    /// Markdown report indexed the note's lines with it.
    @Test(arguments: [
        ("$$ x = 1 $$\na|b\n-|-\n", "$$ x = 1 $$\n"),
        ("$$|$$\n{||||\n-|-|-|-\n", "$$|$$\n"),
        ("> p $y = 2$\n> a|b\n> -|-\n", "> p $y = 2$\n"),
    ])
    func formulaAboveATableKeepsItsPosition(note: String, alone: String) {
        let beforeTable = MarkdownParser.parse(note).formulas
        let withoutTable = MarkdownParser.parse(alone).formulas
        #expect(beforeTable.map(\.position) == withoutTable.map(\.position))
        #expect(beforeTable.map(\.lineStarts) == withoutTable.map(\.lineStarts))
        let result = Self.check(note)
        #expect(result.statements.map(\.position) == Self.check(alone).statements.map(\.position))
        #expect(result.diagnostics.allSatisfy { $0.position.line >= 1 })
    }

    /// A function used bare is applied to its parameters, and each parameter was resolved in
    /// turn: a parameter named like a function applied that function again without end (a
    /// stack overflow). It stays a name.
    @Test func parameterNamedLikeItsFunction() {
        let result = Self.check("$h(h)=8$ and $h$\n")
        #expect(result.statements.map(\.value) == [8, 8])
        let squared = Self.check("$h(h) = h^2$, $h(3)$\n")
        #expect(squared.statements.map(\.value).last == 9)
    }

    @Test func functionsDefinedThroughEachOther() {
        let result = Self.check("$h\\quad s(h)=n\\quad h(s)=2$\n")
        #expect(result.statements.map(\.reading) == ["h", "s(h) = n", "h(s) = 2"])
        #expect(result.statements.first?.value == 2)
    }

    /// Each sum was under the 10000-term limit, but nested they made 10^9 terms: the limit
    /// counts a sum's terms times those of the sums it is inside (and the indices of a range).
    @Test func nestedSumsOfAMillionTermsAreRefused() {
        let result = Self.check("$$ s = \\sum_{i=1}^{1000}\\sum_{j=1}^{1000}\\sum_{k=1}^{1000} x_i $$\n")
        #expect(result.statements.map(\.kind) == [.prose])
        let warning = result.diagnostics.first { $0.message.contains("more than 10000 terms") }
        #expect(warning?.message.contains("\\sum expanding to more than 10000 terms in all") == true, "\(result.diagnostics)")
        // At the second sum, the one whose terms go past the limit (docs §7), not at `s`.
        #expect(warning?.position == SourcePosition(line: 1, column: 25))
    }

    @Test func aSumInAnIndexRangeCountsEveryIndex() {
        let result = Self.check("$$ a_{1..5000} = b_{1..5000} + \\sum_{i=1}^{5000} c_i $$\n")
        #expect(result.statements.map(\.kind) == [.prose])
        #expect(result.diagnostics.contains { $0.message.contains("more than 10000 terms") })
        let small = Self.check("$$ a_{1..20} = b_{1..20} + \\sum_{i=1}^{20} c_i $$\n")
        #expect(small.statements.count == 20)
    }

    @Test func nestedSumsUnderTheLimitAreExpanded() {
        let result = Self.check("$$ s = \\sum_{i=1}^{100}\\sum_{j=1}^{100} 1 $$\n")
        #expect(result.statements.first?.value == 10000)
    }

    /// A chain of 20 functions each applying the previous three times: written out, f_20 has
    /// 3^20 applications. Its value is computed once per distinct application (what repeats is
    /// shared), and what would be written out symbolically is refused with a diagnostic.
    @Test func exponentialDefinitionChainIsComputedNotExpanded() {
        var text = "$f_{0}(x) = x$\n\n"
        for k in 1...20 { text += "$f_{\(k)}(x) = f_{\(k - 1)}(x) f_{\(k - 1)}(x) + f_{\(k - 1)}(x)$\n\n" }
        let result = Self.check(text + "$y = f_{2}(2)$, $z = f_{20}(0)$\n")
        #expect(result.statements.suffix(2).map(\.value) == [42, 0])
    }

    /// f_k(x) = f_{k-1}(x) + f_{k-1}(x + 1): 2^k distinct applications (2^18 for f_18), nothing to share. Past
    /// the limit of the operations a formula may expand to, it is not computed, and says so.
    @Test func exponentialDefinitionChainOfDistinctApplicationsIsRefused() {
        var text = "$f_{0}(x) = x$\n\n"
        for k in 1...18 { text += "$f_{\(k)}(x) = f_{\(k - 1)}(x) + f_{\(k - 1)}(x + 1)$\n\n" }
        let result = Self.check(text + "$y = f_{18}(t)$\n")
        let y = result.statements.last
        #expect(y?.value == nil)
        #expect(y?.diagnostics.map(\.message) == ["cannot evaluate: written out with its functions applied, it has more than 100000 operations"])
        #expect(y?.diagnostics.first?.position == SourcePosition(line: 39, column: 2))
    }

    /// A derivative is taken once per order: order 10^20 overflowed `Int` (and was read as a
    /// fraction of powers), order 10^6 was differentiated a million times. Past order 100 a
    /// derivative is not evaluated, whatever its notation.
    @Test(arguments: [
        "\\frac{d^{100000000000000000000} f}{dx^{100000000000000000000}}",
        "\\frac{\\partial^{1000000} f}{\\partial x^{1000000}}",
        "\\frac{d^{101}}{dx^{101}} x^2",
        "f" + String(repeating: "'", count: 101) + "(x)",
    ])
    func derivativeOfAHugeOrderIsRefused(derivative: String) {
        let result = Self.check("$f(x) = x^2$\n\n$$ y = \(derivative) $$\n")
        let y = result.statements.last
        #expect(y?.kind == .prose)
        #expect(y?.notEvaluated == "a derivative of order higher than 100 is not evaluated")
    }

    @Test func derivativeOfOrderAHundredIsTaken() {
        let result = Self.check("$x = 2$\n\n$$ y = \\frac{d^{100}}{dx^{100}} x^{100} - \\frac{d^3}{dx^3} x^4 $$\n")
        let value = result.statements.last?.value ?? 0
        #expect(abs(value - (9.33262154439441e157 - 48)) / 9.33262154439441e157 < 1e-9)
    }
}
