@testable import Document
import Testing
import TestSupport

/// The index of closers ahead (which makes an unclosed `$` cost nothing) must not change what
/// is math: random paragraphs made of the bytes the scanner cares about are parsed with and
/// without it, and the formulas found (TeX, delimiter, label, position) must be the same.
@Suite struct CloserIndexTests {
    static let pieces = ["$", "$", "$$", "\\", "{", "}", " ", "a", "1", "`", "*", "[", "]", "\n", "\\$", "{#eq-a}", "é"]

    static func describe(_ document: Document) -> [String] {
        document.formulas.map { "\($0.position) \($0.delimiter) \($0.label ?? "-") \($0.tex.debugDescription)" }
    }

    @Test func randomParagraphsFindTheSameFormulas() {
        var random = SeededGenerator(seed: 15)
        for _ in 0..<3_000 {
            let length = 1 + random.next(below: 40)
            let text = (0..<length).map { _ in Self.pieces[random.next(below: Self.pieces.count)] }.joined()
            let indexed = Self.describe(MarkdownParser.parse(text))
            let scanned = Self.describe(MarkdownParser.parseScanningEveryFormula(text))
            #expect(indexed == scanned, "\(text.debugDescription)")
            if indexed != scanned { return }
        }
    }
}
