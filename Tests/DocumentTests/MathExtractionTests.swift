import Document
import Foundation
import Testing

/// Where formulas start and end, and that their TeX is kept byte for byte.
@Suite struct MathExtractionTests {
    static func formulas(_ markdown: String) -> [Math] { MarkdownParser.parse(markdown).formulas }

    static func extracted(_ markdown: String) -> [MathFixture.Formula] {
        formulas(markdown).map {
            MathFixture.Formula(tex: $0.tex.trimmingCharacters(in: .whitespacesAndNewlines), display: $0.display)
        }
    }

    /// Cases of the markdown-math corpora where docs/note-language.md §1 (pandoc's rules, GFM's
    /// blocks) gives a different answer than the fixture, and why. The test fails if one of
    /// these starts agreeing (then it is no longer a difference) or if any other case differs.
    static let knownDifferences: [String: String] = [
        "mdit-dollar_math.md: use of currency symbol, i.e. digits before/after opening/closing (valid=True)":
            "pandoc checks only the character after the closing $, so 3$1+2$ holds the formula 1+2 (markdown-it's allow_digits=False also rejects a digit before the opening $)",
        "mdit-dollar_math.md: multiline equation. (valid=True)":
            "cmark strips the indentation of a paragraph's continuation lines before inline parsing, so ' f & = &' arrives as 'f & = &'; TeX ignores that space (a standalone $$ block keeps it)",
        "mdit-texmath_dollar.md: multiline equation. (valid=True)":
            "same as above: continuation-line indentation is stripped by cmark's paragraph parsing",
        "mdit-dollar_math.md: Indented by 4 spaces, DISABLE-CODEBLOCKS":
            "GFM cannot disable indented code blocks: four spaces of indentation make code, and code is never math",
        "mdit-texmath_dollar.md: Indented by 4 spaces, DISABLE-CODEBLOCKS":
            "GFM cannot disable indented code blocks: four spaces of indentation make code, and code is never math",
        #"mdit-texmath_dollar.md: escaped dollars '\\$' are interpreted as dollar '$' characters. (valid=True)"#:
            "\\\\ is an escaped backslash in Markdown, so the $ after it opens math (as pandoc and the dollar_math fixture say); texmath's plugin reads it differently",
    ]

    @Test func corporaAgreeExceptWhereOurRulesDiffer() {
        let fixtures = MathFixture.loadCommonmarkHs() + MathFixture.loadMarkdownIt("mdit-dollar_math.md")
            + MathFixture.loadMarkdownIt("mdit-texmath_dollar.md")
        #expect(fixtures.count == 111, "the corpora should hold 7 + 60 + 44 cases")
        var agree = 0
        for fixture in fixtures {
            let ours = Self.extracted(fixture.markdown)
            let expected = fixture.formulas.map {
                MathFixture.Formula(tex: $0.tex.trimmingCharacters(in: .whitespacesAndNewlines), display: $0.display)
            }
            if let reason = Self.knownDifferences[fixture.description] {
                #expect(ours != expected, "\(fixture) now agrees; remove it from knownDifferences (\(reason))")
            } else {
                #expect(ours == expected, "\(fixture)\ninput: \(fixture.markdown.debugDescription)")
                if ours == expected { agree += 1 }
            }
        }
        print("markdown-math corpora: \(agree) of \(fixtures.count) cases agree; \(Self.knownDifferences.count) differ by our rules (see knownDifferences)")
    }

    // MARK: - User-reported breakages

    @Test func subscriptsWithBracesAndCommasStayOneFormula() {
        #expect(Self.formulas("Let $A_i, A_{i+1}$ be sets.").map(\.tex) == ["A_i, A_{i+1}"])
    }

    @Test func asterisksInMathAreNotEmphasis() {
        let document = MarkdownParser.parse("$a*b*c = d$ and *this*")
        #expect(document.formulas.map(\.tex) == ["a*b*c = d"])
    }

    @Test func moneyIsProse() {
        #expect(Self.formulas("It costs $20,000 and $30,000 a year.").isEmpty)
        #expect(Self.formulas("costs $5 and $6").isEmpty)
    }

    @Test func escapedBracesStayEscaped() {
        #expect(Self.formulas("$\\{x\\}$").map(\.tex) == ["\\{x\\}"])
    }

    // MARK: - Byte-for-byte TeX

    @Test func markdownNeverTouchesTheTeX() {
        let tex = "*a_1* \\\\ \\{ \\, &amp; <b> _b_ `c` [d](e)"
        #expect(Self.formulas("$" + tex + "$").map(\.tex) == [tex])
        #expect(Self.formulas("$$" + tex + "$$").map(\.tex) == [tex])
        #expect(Self.formulas("$$\n" + tex + "\n$$").map(\.tex) == [tex])
    }

    @Test func escapedDollarIsALiteralDollar() {
        let document = MarkdownParser.parse("costs \\$5 and $x$")
        #expect(document.formulas.map(\.tex) == ["x"])
        #expect(Self.formulas("$\\text{\\$}$").map(\.tex) == ["\\text{\\$}"])
    }

    @Test func codeIsNeverMath() {
        #expect(Self.formulas("`$x$` and ``$$y$$``").isEmpty)
        #expect(Self.formulas("```\n$x$\n$$\ny\n$$\n```").isEmpty)
        #expect(Self.formulas("    $x$\n").isEmpty)
    }

    @Test func pandocSpacingRules() {
        #expect(Self.formulas("$ x$ and $x $ and $x$1").isEmpty)
        #expect(Self.formulas("a $x$, b").map(\.tex) == ["x"])
        #expect(Self.formulas("$\\text{Hello $x$ there!}$").map(\.tex) == ["\\text{Hello $x$ there!}"])
    }

    @Test func unbalancedBraceStillMakesAFormula() {
        #expect(Self.formulas("see $\\frac{a}{b$ here").map(\.tex) == ["\\frac{a}{b"])
    }

    @Test func backtickDollarForm() {
        let formulas = Self.formulas("GitHub: $`a*b*c_1`$.")
        #expect(formulas.map(\.tex) == ["a*b*c_1"])
        #expect(formulas.first?.delimiter == .backtickDollar)
        #expect(formulas.first?.display == false)
    }

    @Test func mathFenceIsDisplayMath() {
        let formulas = Self.formulas("Text\n\n```math\nx^2 * y_1\n```\n")
        #expect(formulas.map(\.tex) == ["x^2 * y_1"])
        #expect(formulas.first?.delimiter == .fence)
        #expect(formulas.first?.display == true)
        #expect(formulas.first?.position == SourcePosition(line: 3, column: 1))
    }

    @Test(arguments: ["+ b", "- b", "1. b", "# b", "> b", "===", "---", "* b", "    b"])
    func standaloneDollarBlockKeepsLinesThatLookLikeBlocks(line: String) {
        let tex = "a\n\(line)\nc"
        let document = MarkdownParser.parse("Before.\n\n$$\n\(tex)\n$$\n\nAfter.\n")
        #expect(document.formulas.map(\.tex) == [tex])
        #expect(document.formulas.first?.delimiter == .dollarBlock)
        guard case .math = document.blocks[1] else {
            Issue.record("expected a display-math block, got \(document.blocks)")
            return
        }
    }

    @Test func dollarBlockInsideBlockQuoteAndList() {
        #expect(Self.formulas("> $$\n> a\n> - b\n> $$\n").map(\.tex) == ["a\n- b"])
        #expect(Self.formulas("- item\n\n  $$\n  a\n  + b\n  $$\n").map(\.tex) == ["a\n+ b"])
    }

    @Test func blankLineEndsAnUnclosedDollarBlock() {
        #expect(Self.formulas("$$\n1+1=2\n\n$$\n").isEmpty)
    }

    @Test func labelsAfterClosingDollars() {
        let inline = Self.formulas("$$ E = mc^2 $$ {#eq-energy} is famous")
        #expect(inline.map(\.label) == ["eq-energy"])
        let block = Self.formulas("$$\nL = (y - a)^2\n$$ {#eq-loss}\n")
        #expect(block.map(\.label) == ["eq-loss"])
        #expect(block.map(\.tex) == ["L = (y - a)^2"])
        #expect(Self.formulas("$$x$$ {#}").map(\.label) == [nil])
    }

    @Test func tableCellsHoldFormulas() {
        let formulas = Self.formulas("| a | b |\n|---|---|\n| $x_1$ | $\\|w\\| = 1$ |\n")
        #expect(formulas.map(\.tex) == ["x_1", "|w| = 1"], "GFM turns \\| into | in a cell before inlines")
    }

    @Test func blankLineEndsInlineMath() {
        #expect(Self.formulas("a $x\n\ny$ b").isEmpty)
    }
}
