import Testing

@testable import TeX

/// Inputs `scripts/fuzz` found crashing (issue 15), each reduced to its core: they parse and
/// render with a diagnostic where they say nothing sensible, never a trap.
@Suite struct FuzzFindingsTests {
    /// `Spaces.format` made an `Int` of any length: 10^20 em trapped, as did a length too long
    /// for a `Double` (infinite).
    @Test(arguments: [#"a \kern 100000000000000000000em b"#, #"a \mkern{-1000000000000000000000mu} b"#,
                      #"a \hspace{"# + String(repeating: "9", count: 400) + "pt} b"])
    func hugeLengthIsAWarningNotATrap(_ source: String) {
        let formula = Formula.parse(source)
        #expect(formula.diagnostics.count == 1)
        #expect(formula.diagnostics.first?.message.hasSuffix("needs a length such as 1em") == true)
        #expect(MathML.render(formula, display: .inline).contains("<mi>b</mi>"))
    }

    /// `*{n}{…}` repeats in an array's column spec copied what earlier ones had expanded: a
    /// body left unclosed runs to the end of the spec, so each nested repeat copied the whole
    /// rest again and the spec grew as n^k (the fuzzer's input took over 14 s; this one, 3^19
    /// copies, never ended). The expanded spec is bounded.
    @Test func nestedColumnRepeatsStayBounded() {
        let spec = String(repeating: "*{3}{r", count: 19)
        #expect(ColumnSpec(spec).alignments.count <= 4_096)
        let formula = Formula.parse("\\begin{array}{" + spec + "} a & b \\end{array}")
        #expect(MathML.render(formula, display: .block).contains("<mtable"))
    }
}
