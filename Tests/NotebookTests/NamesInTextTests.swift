import Document
import Testing

@testable import Notebook

/// Names found in a diagnostic's text, and the TeX the note wrote them in: what the page, the
/// terminal and the Markdown report show a name in a problem as (issue 19 item 5).
@Suite struct NamesInTextTests {
    static let note = """
        # Names

        Take $w_{1} = 0.5$, $w_{2} = 0.3$ and $\\eta = 0.1$, $\\hat{y} = 2$, $a = 1$, $e = 2$.

        The loss is $L = (y_{pred} - 1)^2 + w_{3} + \\hat{y} + a e$.

        $$
        \\frac{\\partial L}{\\partial y_{pred}} = 3 \\eta
        $$

        """

    static let checked = Notebook.check(MarkdownParser.parse(note), path: "notes/names.md")

    @Test func namesWithScriptsOrGreekLettersAreFoundWhereTheyStandAlone() {
        let finder = NamesInText(["y_pred", "w_1", "w_12", "η", "a", "e", "L", "loss"])
        #expect(finder.segments(of: "y_pred is w_12, not w_1; ∂L/∂η") == [
            .name("y_pred"), .text(" is "), .name("w_12"), .text(", not "), .name("w_1"), .text("; ∂"),
            .name("L"), .text("/∂"), .name("η"),
        ])
        // An article, a word, a number's exponent, an abbreviation, code: text.
        #expect(finder.segments(of: "a loss of 1e-7, e.g. `w_1`") == [.text("a loss of 1e-7, e.g. `w_1`")])
        #expect(finder.segments(of: "xw_1 and w_1x") == [.text("xw_1 and w_1x")])
        #expect(NamesInText(["g"]).segments(of: "labels: eq-g, @g-x, g") == [.text("labels: eq-g, @"), .name("g"), .text("-x, "), .name("g")])
    }

    /// A text in ASCII is cut by bytes, any other by characters: both cut alike.
    @Test func textsInASCIIAndBeyondAreCutAlike() {
        let finder = NamesInText(["y_pred", "w_1", "e", "x", "ŷ", "y"])
        let texts = ["e.g. x, not e.1 or x.y", "`x` then x\r\ny_pred-x @x-y #w_1", "w_1x and x_w_1: w_1", "ŷ and y, y\u{302}"]
        for text in texts {
            let beyond = finder.segments(of: text + " €")
            var ascii = finder.segments(of: text + " ")
            if case .text(let last) = ascii.last { ascii[ascii.count - 1] = .text(last + "€") } else { ascii.append(.text("€")) }
            #expect(beyond == ascii, "\(text)")
        }
        #expect(finder.segments(of: "e.g. x, not e.1 or x.y") == [.text("e.g. "), .name("x"), .text(", not "), .name("e"), .text(".1 or x."), .name("y")])
        #expect(finder.segments(of: "ŷ and y") == [.name("ŷ"), .text(" and "), .name("y")])
    }

    @Test func theNoteGivesTheSpellingOfEachNameItsDiagnosticsMention() {
        let written = Self.checked.result.writtenNames
        #expect(written["y_pred"] == "y_{pred}")
        #expect(written["w_3"] == "w_{3}")
        #expect(written["w_1"] == "w_{1}")
        #expect(written["η"] == "\\eta")
        #expect(written["ŷ"] == "\\hat{y}")
        // Written as read, or not mentioned: no entry.
        #expect(written["L"] == nil)
        #expect(written["a"] == nil)
    }

    @Test func aDiagnosticRespelledSaysTheNamesAsWritten() throws {
        let result = Self.checked.result
        let typo = try #require(result.diagnostics.first { $0.message.contains("typo") })
        let respelled = typo.respellingNames(result.writtenNames)
        #expect(respelled.message == "w_{3} is not defined, but w_{1}, w_{2} are; is it a typo?")
        #expect(respelled.hint == "define w_{3}, or use one of w_{1}, w_{2}")
        let claim = try #require(result.diagnostics.first { $0.message.hasPrefix("claim does not hold") })
        #expect(claim.respellingNames(result.writtenNames).message.contains("y_{pred} = "))
        #expect(claim.respellingNames(result.writtenNames).message.contains("\\eta = 0.1"))
    }

    @Test func aNoteWithoutDiagnosticsLooksForNoSpelling() {
        let clean = Notebook.check(MarkdownParser.parse("$y_{pred} = 1$, $z = 2 y_{pred}$"), path: "a.md")
        #expect(clean.result.diagnostics.isEmpty)
        #expect(clean.result.writtenNames.isEmpty)
    }
}
