import Foundation
import Testing

@testable import TeX

/// The MathML writer's output, as a page would contain it.
@Suite struct MathMLTests {
    @Test func formulaIsWrappedInSemanticsWithTheTeXAnnotation() {
        let markup = MathML.render(tex: "x^2", display: .block)
        #expect(markup == #"<math display="block"><semantics><mrow><msup><mi>x</mi><mn>2</mn></msup></mrow><annotation encoding="application/x-tex">x^2</annotation></semantics></math>"#)
        #expect(MathML.render(tex: "x", display: .inline).hasPrefix(#"<math display="inline">"#))
    }

    /// Several commands make some characters (`\\Delta` and `\\varDelta` both make Δ); a character
    /// typed as itself must always read as the same one, whatever order a dictionary lists them.
    @Test func typedCharactersReadLikeTheirFirstCommandInEveryRun() {
        func body(_ tex: String) -> String {
            let markup = MathML.render(tex: tex, display: .inline)
            return String(markup[..<(markup.range(of: "<annotation")?.lowerBound ?? markup.endIndex)])
        }
        #expect(body("a Δ b") == body(#"a \Delta b"#))
        #expect(body("a ⋅ b") == body(#"a \cdot b"#))
        #expect(body("∫_0^1 x") == body(#"\int_0^1 x"#))
        #expect(body("Σ ∅") == body(#"\Sigma \emptyset"#))
    }

    @Test func lessThanAmpersandAndQuotesAreEscapedInMathAndAnnotation() {
        let source = #"a < b \& c > d \text{"q" <t> & x}"#
        let markup = MathML.render(tex: source, display: .inline)
        #expect(markup.contains("<mo>&lt;</mo>"))
        #expect(markup.contains("<mo>&gt;</mo>"))
        #expect(markup.contains("<mi mathvariant=\"normal\">&amp;</mi>"))
        #expect(markup.contains("<mtext>&quot;q&quot; &lt;t&gt; &amp; x</mtext>"))
        #expect(markup.contains(#"<annotation encoding="application/x-tex">a &lt; b \&amp; c &gt; d \text{&quot;q&quot; &lt;t&gt; &amp; x}</annotation>"#))
        let withoutTags = markup.replacingOccurrences(of: #"<[a-z]+( [a-z]+="[^"<>&]*")*>|</[a-z]+>"#, with: "", options: .regularExpression)
        #expect(!withoutTags.contains("<") && !withoutTags.contains(">"), "only markup uses < and >: \(withoutTags)")
    }

    @Test func largeOperatorsTakeLimitsAboveAndBelowWhichMathMLMovesToTheSideInline() {
        let markup = MathML.render(tex: #"\sum_{i=1}^n x_i"#, display: .inline)
        #expect(markup.contains("<munderover><mo>∑</mo>"))
        let integral = MathML.render(tex: #"\int_0^1"#, display: .block)
        #expect(integral.contains("<msubsup><mo>∫</mo><mn>0</mn><mn>1</mn></msubsup>"))
        let limit = MathML.render(tex: #"\lim_{x\to 0} f"#, display: .block)
        #expect(limit.contains(#"<munder><mo movablelimits="true""#))
    }

    @Test func fractionsRootsAndBinomials() {
        #expect(MathML.render(tex: #"\frac{a}{b}"#, display: .block).contains("<mfrac><mi>a</mi><mi>b</mi></mfrac>"))
        #expect(MathML.render(tex: #"\sqrt[3]{x}"#, display: .block).contains("<mroot><mi>x</mi><mn>3</mn></mroot>"))
        let binomial = MathML.render(tex: #"\binom{n}{k}"#, display: .block)
        #expect(binomial.contains(#"<mfrac linethickness="0"><mi>n</mi><mi>k</mi></mfrac>"#))
        #expect(binomial.contains(">(</mo>") && binomial.contains(">)</mo>"))
        let inlineDisplayFraction = MathML.render(tex: #"\dfrac{1}{2}"#, display: .inline)
        #expect(inlineDisplayFraction.contains(#"<mstyle displaystyle="true">"#))
    }

    @Test func fontsBecomeMathAlphanumericCharacters() {
        let markup = MathML.render(tex: #"\mathbf{x} \mathbb{R} \mathcal{L} \boldsymbol{\beta} \mathrm{d}"#, display: .inline)
        #expect(markup.contains("<mi>𝐱</mi>"))
        #expect(markup.contains("<mi>ℝ</mi>"))
        #expect(markup.contains("<mi>ℒ</mi>"))
        #expect(markup.contains("<mi>𝜷</mi>"))
        #expect(markup.contains(#"<mi mathvariant="normal">d</mi>"#))
    }

    @Test func delimitersOutsideLeftRightDoNotStretch() {
        let markup = MathML.render(tex: #"(\frac{a}{b}) \left( \frac{a}{b} \right)"#, display: .block)
        #expect(markup.contains(#"<mo stretchy="false">(</mo>"#))
        #expect(markup.contains("<mrow><mo>(</mo><mfrac>"))
    }

    @Test func environmentsBecomeTables() {
        let matrix = MathML.render(tex: #"\begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix}"#, display: .block)
        #expect(matrix.contains("<mo>[</mo><mtable"))
        #expect(matrix.components(separatedBy: "<mtr>").count == 3)
        #expect(matrix.components(separatedBy: "<mtd>").count == 5)
        let aligned = MathML.render(tex: #"\begin{aligned} a &= b \\ &= c \end{aligned}"#, display: .block)
        #expect(aligned.contains(#"<mtd><mi></mi><mo>=</mo><mi>b</mi></mtd>"#), "= stays an infix operator")
    }

    @Test func stylesheetNamesTheShippedFont() {
        let css = MathML.stylesheet()
        #expect(css.contains(#"font-family: "Latin Modern Math""#))
        #expect(css.contains(#"url("assets/latinmodern-math.otf")"#))
        #expect(MathML.stylesheet(fontURL: "../assets/x.otf").contains(#"url("../assets/x.otf")"#))
        #expect(MathML.fontFileName == "latinmodern-math.otf")
    }
}
