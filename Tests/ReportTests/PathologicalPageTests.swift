import Document
import Notebook
import Report
import Testing
import TestSupport

/// A note's page in time linear in the note (issue 15), timed as the other pathological tests
/// are: `n` and `8n` copies of each pattern, their ratio under `Pathology.maximumRatio`.
@Suite struct PathologicalPageTests {
    static let patterns: [Pathology] = [
        // Each heading's id was tried `same`, `same-1`, `same-2`… from the start: 4000 headings
        // of one text tried 8 million ids.
        Pathology("headings of the same text", n: 300, make: { n in String(repeating: "## Same\n\ntext\n\n", count: n) }),
        // Each id was compared with every formula label.
        Pathology("headings beside as many labels", n: 300, make: { n in
            (0..<n).map { "## Part \($0)\n\n$$a_{\($0)} = \($0)$$ {#eq-part-\($0)}\n\n" }.joined()
        }),
        // A warning for each of a formula's n statements (`h_{31}` looks like a typo of the h_1 …
        // h_30 defined) went on its card through a copy of the formula's statements each
        // (found by fuzzing, with `h_{1..3030}`).
        Pathology("warnings on the statements of one formula", n: 500, make: { n in
            "$$h_{1..30} = x$$\n\n$" + (31..<(31 + n)).map { "h_{\($0)}" }.joined(separator: ", ") + "$\n"
        }),
    ]

    @Test(arguments: patterns)
    func pageIsWrittenInLinearTime(_ pathology: Pathology) {
        let measured = pathology.measure { text in
            let document = MarkdownParser.parse(text)
            _ = HeadingAnchors.ids(in: document)
            _ = NotePage(note: Notebook.check(document, path: "pathological.md")).body(unsafeHTML: false)
        }
        Pathology.report(measured)
        #expect(measured.ratio < Pathology.maximumRatio, "\(measured)")
    }

    /// What the faster search gives: the same ids as trying every suffix from the start.
    @Test func headingsOfOneTextAreNumberedInOrderPastTakenIds() {
        let document = MarkdownParser.parse("## Same\n\n## Same 1\n\n## Same\n\n## Same\n\n## Same 3\n\n## Same\n")
        let ids = HeadingAnchors.ids(in: document).sorted { $0.key < $1.key }.map(\.value)
        #expect(ids == ["same", "same-1", "same-2", "same-3", "same-3-1", "same-4"])
    }
}
