import Document
import Foundation
import Notebook
import Testing

@testable import Report

/// Cards the page adds beside the display formulas' (issue 19 items 5, 6): the claims and
/// problems of a paragraph's inline formulas on one card after the paragraph; a problem no
/// statement holds on the card of the formula it points into; a failing claim's error not said
/// twice on its card; a chain-rule claim with the gradient value it equals.
@Suite struct InlineCardTests {
    static let note = """
        # Cards

        Take $x = 0.5$, $w_{1} = 2$ and $w_{2} = 3$, so $z = w_1 x + w_3$ and $L = z^2$. Then
        $\\frac{\\partial L}{\\partial x} = 2 z w_1$, the sum is $z \\approx 1.8$, and the paragraph goes on.

        $$
        \\frac{\\partial L}{\\partial w_1} = \\frac{\\partial L}{\\partial z} \\frac{\\partial z}{\\partial w_1} = 3
        $$

        """

    static let page = NotePage(note: Notebook.check(MarkdownParser.parse(note), path: "notes/cards.md"))
        .body(unsafeHTML: false)

    /// The card after the paragraph (the paragraph itself is not split).
    static func inlineCard() throws -> Substring {
        let page = Self.page
        let paragraphEnd = try #require(page.range(of: "the paragraph goes on.</p>\n"))
        let card = try #require(page.range(of: "<aside class=\"card inline\""))
        #expect(card.lowerBound == paragraphEnd.upperBound, "\(page)")
        let end = try #require(page[card.lowerBound...].range(of: "</aside>"))
        return page[card.lowerBound..<end.upperBound]
    }

    @Test func anInlineClaimGetsItsNumbersOnACardAfterItsParagraph() throws {
        let card = try Self.inlineCard()
        // Each claim as written, linked to its formula, then its numbers and verdict.
        #expect(card.contains("<a class=\"claim\" href=\"#f6\" title=\"line 4 of the note\"><math"), "\(card)")
        #expect(card.contains("on both sides at the example point</span><span class=\"verdict holds\">✓ holds at 9 points</span>"), "\(card)")
        #expect(card.contains("<span class=\"difference\">largest difference between the sides"))
        #expect(card.contains("<span class=\"verdict fails\">✗ fails: computed"), "\(card)")
        // Definitions without a problem keep their badge only.
        #expect(!card.contains("id=\"f5-1\""), "\(card)")
    }

    @Test func aWarningOnAnInlineFormulaSitsOnItsCard() throws {
        let card = try Self.inlineCard()
        #expect(card.contains("<p class=\"problem warning\"><strong>⚠ warning</strong> <var>w</var><sub>3</sub> is not defined"), "\(card)")
    }

    @Test func aFailingClaimsErrorIsNotSaidTwiceOnItsCard() throws {
        let card = try Self.inlineCard()
        #expect(!card.contains("claim does not hold"), "\(card)")
        #expect(Self.page.contains("<strong>error</strong> claim does not hold"), "the problems list keeps it")
    }

    @Test func aChainRuleClaimShowsTheGradientValueItEquals() {
        #expect(Self.page.range(of: ##"<a class="gradient-value" href="#gradient-L">the gradient's ∂<var>L</var>/∂<var>w</var><sub>1</sub> = <span class="number">[0-9.]+</span></a>"##,
                                options: .regularExpression) != nil, "\(Self.page)")
        #expect(Self.page.contains("<table class=\"gradient\" id=\"gradient-L\">"))
    }

    /// Two sections each with a sink C: one table id, and no card links a gradient it cannot tell.
    @Test func twoSinksOfOneNameGiveOneIdAndNoLink() {
        let note = "# A\n\n$x = 1$, $C = x^2$\n\n$$\\frac{\\partial C}{\\partial x} = 2x$$\n\n# B\n\n$x = 2$, $C = x^3$\n"
        let page = NotePage(note: Notebook.check(MarkdownParser.parse(note), path: "two.md")).body(unsafeHTML: false)
        #expect(page.components(separatedBy: "id=\"gradient-C\"").count - 1 == 1, "\(page)")
        #expect(!page.contains("gradient-value"), "\(page)")
    }
}
