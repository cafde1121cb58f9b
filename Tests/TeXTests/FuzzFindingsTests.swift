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
}
