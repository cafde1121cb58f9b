import Document
import Report
import Testing

/// Formulas in the HTML of the GFM writer with its plain hooks (`math` spans and divs of
/// escaped TeX), and the Markdown around them as cmark-gfm writes it.
@Suite struct MathHTMLTests {
    @Test func asterisksInMathAreNotEmphasis() {
        let document = MarkdownParser.parse("$a*b*c = d$ and *this*")
        #expect(HTMLWriter().render(document)
                == "<p><span class=\"math inline\">a*b*c = d</span> and <em>this</em></p>\n")
    }

    @Test func moneyIsProse() {
        #expect(HTMLWriter().render(MarkdownParser.parse("costs $5 and $6")) == "<p>costs $5 and $6</p>\n")
    }

    @Test func mathIsEscapedEvenWhenRawHTMLIsAllowed() {
        let html = HTMLWriter(unsafe: true).render(MarkdownParser.parse("$<script>a & b</script>$"))
        #expect(html == "<p><span class=\"math inline\">&lt;script&gt;a &amp; b&lt;/script&gt;</span></p>\n")
    }

    @Test func escapedDollarIsALiteralDollar() {
        let document = MarkdownParser.parse("costs \\$5 and $x$")
        #expect(HTMLWriter().render(document) == "<p>costs $5 and <span class=\"math inline\">x</span></p>\n")
    }

    @Test func dollarLinesInsideHTMLBlockAreNotRewritten() {
        let markdown = "<div>\n$$\nx\n$$\n</div>\n"
        let html = HTMLWriter(unsafe: true).render(MarkdownParser.parse(markdown))
        #expect(html == CmarkReferenceForMath.htmlWithoutExtension(markdown))
    }
}

/// cmark-gfm's HTML for Markdown with no math extension (the dollar signs are plain text).
enum CmarkReferenceForMath {
    static func htmlWithoutExtension(_ markdown: String) -> String {
        CmarkReference.html(markdown, unsafe: true)
    }
}
