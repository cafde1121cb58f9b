import Document
import Foundation
import Notebook
import Report
import Testing

/// The search index (`search-index.js`): each note's sections with the ids their headings have
/// on the page, their text and formulas in a form a reader's words find, escaped so that no note
/// can break the script.
@Suite struct SearchIndexTests {
    static let note = """
        # Activations

        Every neuron applies an activation to its net input.

        ## The sigmoid

        The sigmoid squashes $z$ into $(0, 1)$:

        $$\\sigma(z) = \\frac{1}{1 + e^{-z}}$$ {#eq-sigmoid}

        ## Gradient of the loss

        With a learning rate $\\eta$, the step for $w_{1}$ uses $\\frac{\\partial L}{\\partial w_{1}}$.

        | name | meaning |
        |---|---|
        | $y_{pred}$ | the *prediction* |

        ```swift
        let hidden = 1
        ```

        ## The sigmoid

        Again, for the second time, as @eq-sigmoid says.
        """

    static var document: Document { MarkdownParser.parse(note) }

    /// The section whose text or title holds `word` (as the page's script splits words).
    static func sections(holding word: String, in sections: [SearchIndex.Section]) -> [String] {
        sections.filter { section in
            (section.title + " " + section.text).lowercased()
                .split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }).contains(Substring(word))
        }.map(\.anchor)
    }

    @Test func eachHeadingIsASectionWithTheIdItsHeadingHasOnThePage() throws {
        let sections = SearchIndex.sections(of: Self.document, title: "Activations")
        #expect(sections.map(\.anchor) == ["", "the-sigmoid", "gradient-of-the-loss", "the-sigmoid-1"])
        #expect(sections.map(\.title) == ["Activations", "The sigmoid", "Gradient of the loss", "The sigmoid"])
        #expect(sections[0].text == "Every neuron applies an activation to its net input.")
        // The page's headings carry the same ids.
        let page = NotePage(note: Notebook.check(Self.document, path: "activations.md")).body(unsafeHTML: false)
        for anchor in sections.map(\.anchor) where !anchor.isEmpty {
            #expect(page.contains("<h2 id=\"\(anchor)\">"), "the page has a heading with id \(anchor)")
        }
        #expect(page.contains("<h1 id=\"activations\">Activations</h1>"))
    }

    @Test func aReadersWordsFindTheSectionThatHasThem() {
        let sections = SearchIndex.sections(of: Self.document, title: "Activations")
        #expect(Self.sections(holding: "sigmoid", in: sections) == ["the-sigmoid", "the-sigmoid-1"])
        #expect(Self.sections(holding: "squashes", in: sections) == ["the-sigmoid"])
        // Formulas: their TeX, a subscript's braces dropped.
        #expect(Self.sections(holding: "sigma", in: sections) == ["the-sigmoid"])
        #expect(Self.sections(holding: "w_1", in: sections) == ["gradient-of-the-loss"])
        #expect(Self.sections(holding: "partial", in: sections) == ["gradient-of-the-loss"])
        #expect(Self.sections(holding: "y_pred", in: sections) == ["gradient-of-the-loss"])
        #expect(Self.sections(holding: "prediction", in: sections) == ["gradient-of-the-loss"])
        // Each formula between two $, a table's cells between ` | `, rows ended by `;`.
        #expect(sections[2].text.contains("learning rate $\\eta$"))
        #expect(sections[2].text.contains("$\\frac{\\partial L}{\\partial w_1}$"))
        #expect(sections[2].text.hasSuffix("name | meaning; $y_pred$ | the prediction;"))
        #expect(sections[1].text.contains("$\\sigma(z) = \\frac{1}{1 + e^{-z}}$"))
        // A reference reads as on the page: the formula's number.
        #expect(sections[3].text == "Again, for the second time, as (1) says.")
        // Code blocks are not prose.
        #expect(Self.sections(holding: "hidden", in: sections).isEmpty)
    }

    @Test func aNoteWithoutATitleHeadingStartsAtItsFirstHeading() {
        let plain = SearchIndex.sections(of: MarkdownParser.parse("## Intro\n\nSome text.\n"), title: "Intro")
        #expect(plain.map(\.anchor) == ["intro"])
        let noHeadings = SearchIndex.sections(of: MarkdownParser.parse("Just $x = 1$ here.\n"), title: "plain")
        #expect(noHeadings.map(\.anchor) == [""])
        #expect(noHeadings[0].text == "Just $x = 1$ here.")
        let preamble = SearchIndex.sections(of: MarkdownParser.parse("Before.\n\n## After\n\nText.\n"), title: "After")
        #expect(preamble.map(\.anchor) == ["", "after"])
    }

    @Test func aHeadingNeverTakesTheIdOfAnotherElementOfThePage() {
        let document = MarkdownParser.parse("""
            ## F3

            $$a = 1$$ {#eq-a}

            ## Eq a

            ## Cell 1

            ## F3-1

            ## !!!
            """)
        let ids = HeadingAnchors.ids(in: document)
        #expect(ids.sorted { $0.key < $1.key }.map(\.value)
                == ["section-f3", "section-eq-a", "section-cell-1", "section-f3-1", "section"])
    }

    @Test func noNoteTextCanBreakTheScript() throws {
        // A title keeps what its heading has (line separators included); text runs white space together.
        let title = "Tricky </script><!-- \u{2028}line\u{2029}para \"quoted\" back\\slash"
        let hostile = "# \(title)\n\nA\ttab and `</script>` end \\$5.\n\n## Sep\u{2028}arated\n"
        let entry = SearchIndex.entry(document: MarkdownParser.parse(hostile), title: title, href: "a%20b.html")
        let file = String(decoding: SearchIndex.parts([entry, entry]).joined(), as: UTF8.self)
        #expect(!file.contains("<"), "no < at all: no </script>, no <!--")
        #expect(!file.contains("\u{2028}") && !file.contains("\u{2029}"))
        #expect(file.contains(#"Tricky \u003c/script>\u003c!-- \u2028line\u2029para \"quoted\" back\\slash"#))
        #expect(file.hasPrefix("// Derive's search index"))
        #expect(file.contains("\nwindow.deriveSearchIndex = [\n"))
        #expect(file.hasSuffix("\n];\n"))
        // The array is JSON: it reads back to the note's strings.
        let json = try #require(file.split(separator: "= ", maxSplits: 1).last?.dropLast(2))
        let notes = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[Any]])
        #expect(notes.count == 2)
        #expect(notes[0][0] as? String == title)
        #expect(notes[0][1] as? String == "a%20b.html")
        let sections = try #require(notes[0][2] as? [[String]])
        #expect(sections == [["", title, "A tab and </script> end ＄5."], ["separated", "Sep arated", ""]])
    }

    @Test func theIndexIsTheSameEveryTime() {
        let first = SearchIndex.entry(document: Self.document, title: "Activations", href: "activations.html")
        for _ in 0..<5 {
            #expect(SearchIndex.entry(document: Self.document, title: "Activations", href: "activations.html") == first)
        }
    }
}
