import Calculus
import Foundation
import TeX
import Testing

/// What the SymPy corpus showed the reader got wrong, pinned one behaviour at a time: each
/// formula either reads to the number a person expects or is reported as not evaluated.
@Suite struct ReaderCorpusFindingsTests {
    /// The one statement of `tex`, read with `scope`.
    static func statement(_ tex: String, scope: ReadingScope = ReadingScope()) -> Statement? {
        let reading = FormulaReader.read(tex, scope: scope)
        guard reading.statements.count == 1 else {
            Issue.record("\(tex) read as \(reading.statements.count) statements")
            return nil
        }
        return reading.statements[0]
    }

    /// The value of the one expression `tex` at `values`; `nil` when it is not read as an expression.
    static func value(_ tex: String, scope: ReadingScope = ReadingScope(), _ values: [String: Double] = [:]) -> Double? {
        guard let statement = statement(tex, scope: scope), statement.kind == .expression,
            let side = statement.sides.first
        else { return nil }
        return Context(values: values).evaluate(side).value
    }

    /// Whether `tex` is reported as not evaluated (prose with a reason).
    static func isReportedNotEvaluated(_ tex: String, scope: ReadingScope = ReadingScope()) -> Bool {
        FormulaReader.read(tex, scope: scope).statements.contains { $0.kind == .prose && $0.reason != nil }
    }

    @Test func sumIndexKeepsItsValueUnderAPower() {
        #expect(Self.value(#"\sum_{k=1}^{3} k^2"#) == 14)
        #expect(Self.value(#"\sum_{k=1}^{3} 2^k"#) == 14)
    }

    @Test func sumIndexKeepsItsValueInARunOfLetters() {
        let scope = ReadingScope(names: ["x"])
        #expect(Self.value(#"\sum_{i=1}^{3} ix"#, scope: scope, ["x": 2]) == 12)
        #expect(Self.value(#"\sum_{i=1}^{3} xi"#, scope: scope, ["x": 2]) == 12)
    }
}

extension ReaderCorpusFindingsTests {
    @Test func builtinAppliedToANameAloneIsAnExpression() {
        #expect(Self.statement(#"\sin(\theta)"#)?.kind == .expression)
        #expect(Self.value(#"\exp(x)"#, ["x": 1]) == M_E)
        #expect(Self.value(#"\max(a, b)"#, ["a": 1, "b": 2]) == 2)
        #expect(Self.value(#"\sigma(x)"#, ["x": 0]) == 0.5)
        // A function of the note's own, written alone, still declares it.
        #expect(Self.statement("f(x)")?.kind == .declaration)
    }
}

extension ReaderCorpusFindingsTests {
    @Test func bracedGreekSubscriptNamesLikeTheUnbracedOne() {
        #expect(Self.value(#"h_{\theta} + \alpha_{\beta}"#, ["h_θ": 1, "α_β": 2]) == 3)
        #expect(Self.value(#"h_\theta"#, ["h_θ": 1]) == 1)
    }
}

extension ReaderCorpusFindingsTests {
    @Test func factorialIsReportedNotDroppedAsPunctuation() {
        #expect(Self.isReportedNotEvaluated("x!"))
        #expect(Self.isReportedNotEvaluated("100!"))
        #expect(Self.isReportedNotEvaluated("(x + 1)!"))
        #expect(Self.isReportedNotEvaluated("a = 3!"))
        // A closing full stop is still sentence punctuation.
        #expect(Self.value("x + 1.", ["x": 1]) == 2)
    }
}

extension ReaderCorpusFindingsTests {
    @Test func floorCeilingAngleAndNormBracketsAreReportedNotReadAsParentheses() {
        #expect(Self.isReportedNotEvaluated(#"\lfloor x \rfloor"#))
        #expect(Self.isReportedNotEvaluated(#"\lceil x \rceil"#))
        #expect(Self.isReportedNotEvaluated(#"\langle x \rangle"#))
        #expect(Self.isReportedNotEvaluated(#"\lVert x \rVert"#))
        #expect(Self.value(#"\lvert x \rvert"#, ["x": -2]) == 2)
        #expect(Self.value(#"\{x + 1\} [x + 2]"#, ["x": 1]) == 6)
    }
}

extension ReaderCorpusFindingsTests {
    @Test func inverseFunctionSuperscriptIsReportedNotReadAsAReciprocal() {
        #expect(Self.isReportedNotEvaluated(#"\sin^{-1} a"#))
        #expect(Self.isReportedNotEvaluated(#"\tanh^{-1}(x)"#))
        #expect(Self.isReportedNotEvaluated(#"\sigma^{-1}(y)"#))
        // Other powers of a function stay powers, and a reciprocal written with parentheses stays one.
        #expect(Self.value(#"\sin^{2} x + \cos^{2} x"#, ["x": 0.7]).map { abs($0 - 1) < 1e-15 } == true)
        #expect(Self.value(#"(\sin x)^{-1}"#, ["x": 0.5]) == 1 / sin(0.5))
    }
}

extension ReaderCorpusFindingsTests {
    /// docs/note-language.md §3: binding a built-in name to a number makes it a plain name (the
    /// Notebook puts `σ` in `shadowed` for `\sigma = 0.5`).
    @Test func sigmaBoundToANumberIsAPlainName() {
        let scope = ReadingScope(shadowed: ["σ"])
        #expect(Self.value(#"2\sigma"#, scope: scope, ["σ": 0.5]) == 1)
        #expect(Self.value(#"\sigma x"#, scope: scope, ["σ": 0.5, "x": 4]) == 2)
        #expect(Self.value(#"\sigma^{-1}"#, scope: scope, ["σ": 4]) == 0.25)
        // Unbound, \sigma is the sigmoid.
        #expect(Self.value(#"\sigma(0)"#) == 0.5)
    }
}

extension ReaderCorpusFindingsTests {
    @Test func maxAndMinOfSeveralArgumentsNest() {
        let values: [String: Double] = ["a": 1, "b": 5, "c": 2, "d": 3]
        #expect(Self.value(#"\max(a, b, c - d)"#, values) == 5)
        #expect(Self.value(#"\min(a, b, c - d)"#, values) == -1)
    }

    @Test func builtinGivenTheWrongNumberOfArgumentsIsReported() {
        #expect(Self.isReportedNotEvaluated(#"\exp(1, 2)"#))
        #expect(Self.isReportedNotEvaluated(#"\sin^{2}(1, 2)"#))
        #expect(Self.value(#"\log_{10}(100)"#) == 2)
        // `\log` is the natural logarithm (issue 16).
        #expect(Self.value(#"\log(100)"#) == Foundation.log(100))
    }
}

extension ReaderCorpusFindingsTests {
    @Test func nameInAFontTakesScriptsLikeAPlainName() {
        #expect(Self.value(#"\mathrm{foo}^{2}"#, ["foo": 3]) == 9)
        #expect(Self.value(#"\mathrm{net}_{1}"#, ["net_1": 3]) == 3)
        #expect(Self.value(#"\mathit{HELLO world}"#, ["HELLOworld": 3]) == 3)
        // A prime on a name that is not a function is reported, as for `foo'`.
        #expect(Self.isReportedNotEvaluated(#"\mathit{foo}'"#))
        #expect(Self.isReportedNotEvaluated(#"\mathit{foo'}"#))
    }

    @Test func fontBodyThatIsNotANameIsReadAsAStyledExpression() {
        #expect(Self.value(#"\mathit{x + y}"#, ["x": 1, "y": 2]) == 3)
        #expect(Self.value(#"\mathrm{21}"#) == 21)
    }
}

extension ReaderCorpusFindingsTests {
    @Test func numbersSideBySideAreReportedNotMultiplied() {
        #expect(Self.isReportedNotEvaluated("1.1.1"))
        #expect(Self.isReportedNotEvaluated("2 3"))
        #expect(Self.value(#"2 \cdot 3"#) == 6)
        #expect(Self.value("(2)(3)") == 6)
        #expect(Self.value("2x", ["x": 3]) == 6)
    }
}

extension ReaderCorpusFindingsTests {
    @Test func symbolThatIsNotALetterIsReportedNotReadAsAName() {
        #expect(Self.isReportedNotEvaluated("$"))
        #expect(Self.isReportedNotEvaluated(#"\emptyset + 1"#))
        #expect(Self.value(#"\theta + \ell"#, ["θ": 1, "ℓ": 2]) == 3)
    }
}
