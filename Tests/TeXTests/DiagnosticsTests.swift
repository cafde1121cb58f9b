import Testing

@testable import TeX

/// Malformed TeX: never a crash, never swallowing the rest, always a diagnostic.
@Suite struct DiagnosticsTests {
    @Test func unknownCommandRendersAsErrorWithItsNameAndAWarning() {
        let source = #"a + \foo + b"#
        let formula = Formula.parse(source)
        #expect(formula.diagnostics.count == 1)
        #expect(formula.diagnostics.first?.severity == .warning)
        #expect(formula.diagnostics.first?.message == #"unknown command \foo"#)
        #expect(formula.diagnostics.first?.range == 4..<8)
        let markup = MathML.render(formula, display: .inline)
        #expect(markup.contains(#"<merror><mtext>\foo</mtext></merror>"#))
        #expect(markup.contains("<mi>b</mi>"), "the rest of the formula is still rendered")
    }

    /// Issue 15: a formula with an unbalanced brace does not say what was written: an error.
    @Test func unclosedBraceClosesAtTheEndWithAnError() {
        let formula = Formula.parse("x^{2 + y")
        #expect(formula.diagnostics.count == 1)
        #expect(formula.diagnostics.first?.severity == .error)
        #expect(formula.diagnostics.first?.message.contains("not closed") == true)
        #expect(formula.diagnostics.first?.range == 2..<3)
        let markup = MathML.render(formula, display: .inline)
        #expect(markup.contains("<msup><mi>x</mi><mrow><mn>2</mn><mo>+</mo><mi>y</mi></mrow></msup>"))
    }

    @Test func extraClosingBraceIsIgnoredWithAnError() {
        let formula = Formula.parse("a } b")
        #expect(formula.diagnostics.map(\.range) == [2..<3])
        #expect(formula.diagnostics.map(\.severity) == [.error])
        #expect(MathML.render(formula, display: .inline).contains("<mi>b</mi>"))
    }

    @Test func unclosedEnvironmentAndLeftAreReported() {
        let formula = Formula.parse(#"\begin{pmatrix} a & b \left( c"#)
        #expect(formula.diagnostics.count == 2)
        #expect(!MathML.render(formula, display: .block).contains("<merror>"))
    }

    /// 5000 levels of each kind of nesting: an error, not a stack overflow.
    @Test(arguments: [
        String(repeating: "{", count: 5000) + "x" + String(repeating: "}", count: 5000),
        String(repeating: #"\frac{"#, count: 5000) + "1" + String(repeating: "}{2}", count: 5000),
        String(repeating: "x^{", count: 5000) + "2" + String(repeating: "}", count: 5000),
        String(repeating: #"\left("#, count: 5000) + "x" + String(repeating: #"\right)"#, count: 5000),
        String(repeating: #"\sqrt"#, count: 5000) + "x",
        String(repeating: #"\begin{matrix}"#, count: 5000),
        String(repeating: #"\text{$"#, count: 5000),
    ])
    func deepNestingGivesAnErrorNotAStackOverflow(source: String) {
        let formula = Formula.parse(source)
        #expect(formula.diagnostics.contains { $0.severity == .error && $0.message.contains("nested") })
        let markup = MathML.render(formula, display: .block)
        #expect(markup.hasPrefix("<math") && markup.contains("<merror>"))
    }

    @Test func moderateNestingIsFine() {
        let source = String(repeating: #"\frac{1}{1+"#, count: 30) + "x" + String(repeating: "}", count: 30)
        let formula = Formula.parse(source)
        #expect(formula.diagnostics.isEmpty)
        #expect(!MathML.render(formula, display: .block).contains("<merror>"))
    }

    @Test(arguments: [
        "", " ", "}", "{", "^", "_", "&", "#", "$", "\\", #"\\"#, "x^", "x_", "^^", "''", #"\left"#, #"\right)"#,
        #"\middle|"#, #"\frac"#, #"\frac{"#, #"\sqrt["#, #"\begin"#, #"\begin{"#, #"\end{matrix}"#, #"\text{"#,
        #"\text{$"#, #"\color"#, #"\operatorname"#, #"\not"#, #"\big"#, #"\hspace{"#, "x^{}_{}''", #"\over"#,
        #"a \over b \over c"#, #"\\[2pt]"#, #"\begin{array}{*{100}{c}}"#, "\u{0}\u{1F600}", #"\mathbf{\mathbf{"#,
        #"\sideset"#, #"\xrightarrow["#, #"\genfrac{}{}"#,
    ])
    func malformedInputNeverCrashes(source: String) {
        let formula = Formula.parse(source)
        let markup = MathML.render(formula, display: .inline)
        #expect(markup.hasPrefix("<math display=\"inline\"><semantics>"))
        #expect(markup.hasSuffix("</annotation></semantics></math>"))
        for diagnostic in formula.diagnostics {
            #expect(diagnostic.range.lowerBound >= 0 && diagnostic.range.upperBound <= source.utf8.count)
        }
    }
}
