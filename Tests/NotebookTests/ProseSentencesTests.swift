import Document
@testable import Notebook
import Testing

/// Which formulas the text makes places or conditions, and which share a sentence
/// (docs/note-language.md §5, *Conditions and places*).
@Suite struct ProseSentencesTests {
    /// The word recorded for each formula of `markdown`, in order ("" when none).
    static func words(_ markdown: String) -> [String] {
        let document = MarkdownParser.parse(markdown)
        let prose = ProseSentences(document)
        return document.formulas.map { prose.word[$0.id] ?? "" }
    }

    @Test func theWordJustBeforeAFormulaIsRecordedWhenItIsACondition() {
        #expect(Self.words("Near $x = 0$ the curve is flat, and when $\\epsilon = 0$ too.") == ["near", "when"])
        #expect(Self.words("(for $x > 0$) and For $y < 0$, with $z = 1$.") == ["for", "for", "with"])
        #expect(Self.words("provided that $\\lambda > 0$, such that $a < b$, so that $c = 1$") == ["provided", "provided", ""])
        #expect(Self.words("the weight $w = 0.5$ and the rate $\\eta = 0.1$") == ["", ""])
        #expect(Self.words("At $x = 0.8$: it starts at $w = 0.5$, evaluated at $y = 1$; as $z = 2$") == ["at", "", "at", ""])
    }

    @Test func aFormulaFollowedByInsteadIsASupposition() {
        #expect(Self.words("With $g_t = 100$ instead, the step is the same; $g_t = 2$ is used instead") == ["instead", ""])
    }

    @Test func sentencesEndAtStopsAndSemicolonsButNotAtAbbreviations() {
        let document = MarkdownParser.parse("$a = 1$, e.g. $b = 2$. Then $c = 3$; $d = 4$")
        let prose = ProseSentences(document)
        let sentences = document.formulas.map { prose.sentence[$0.id] ?? -1 }
        #expect(sentences[0] == sentences[1])
        #expect(sentences[1] != sentences[2])
        #expect(sentences[2] != sentences[3])
    }

    @Test func aDisplayBeforeAConditionOnlySentenceAndAfterAColonAreLinked() {
        let document = MarkdownParser.parse("$$\n|x| = x\n$$\n\nfor $x > 0$.\n\nIf $y < 0$:\n\n$$|y| = -y$$\n")
        let prose = ProseSentences(document)
        let ids = document.formulas.map(\.id)
        let conditionSentence = prose.sentence[ids[1]] ?? -1
        #expect(prose.displaysBefore[conditionSentence] == [ids[0]])
        let colonSentence = prose.sentence[ids[2]] ?? -1
        #expect(prose.displaysAfter[colonSentence] == [ids[3]])
    }

    @Test func phrasesWithoutAFormula() {
        let document = MarkdownParser.parse("Near zero, $e^x \\approx 1 + x$. For large $t$, $a^t \\approx 0$.")
        let prose = ProseSentences(document)
        let ids = document.formulas.map(\.id)
        #expect(prose.nearZero.contains(prose.sentence[ids[0]] ?? -1))
        #expect(prose.large[prose.sentence[ids[1]] ?? -1] == "t")
    }

    @Test func nearZeroIsFoundAcrossEmphasisAndAtTheEndOfALongText() {
        let long = String(repeating: "words and more words ", count: 12)
        let document = MarkdownParser.parse(
            "It is near *zero* that $e^x \\approx 1 + x$.\n\n\(long)close to zero, $\\sin x \\approx x$.\n\n\(long)$y = 2$.")
        let prose = ProseSentences(document)
        let ids = document.formulas.map(\.id)
        #expect(prose.nearZero.contains(prose.sentence[ids[0]] ?? -1))
        #expect(prose.nearZero.contains(prose.sentence[ids[1]] ?? -1))
        #expect(!prose.nearZero.contains(prose.sentence[ids[2]] ?? -1))
    }
}

/// The prose reader's byte paths read ASCII as the character paths do, and leave the rest to them.
@Suite struct ProseBytesTests {
    @Test func firstWordsEndsOfSentencesAndInsteadReadAsCharactersDo() {
        #expect(ProseSentences.firstWord(of: "  Because x") == "because")
        #expect(ProseSentences.firstWord(of: "   ") == nil)
        #expect(ProseSentences.firstWord(of: " (x") == "")
        #expect(ProseSentences.firstWord(of: "Cafe\u{301} au lait") == "café")
        #expect(ProseSentences.firstWord(of: " \u{A0}Since") == "since")
        #expect(!ProseSentences.endsSentence("as in e.g. this"))
        #expect(!ProseSentences.endsSentence("as in E.G. this"))
        #expect(!ProseSentences.endsSentence("compare, cf. the"))
        #expect(ProseSentences.endsSentence("it holds. Then"))
        #expect(ProseSentences.endsSentence("so; then"))
        #expect(!ProseSentences.endsSentence("x.y and 0.5"))
        #expect(ProseSentences.startsWithInstead(", Instead."))
        #expect(ProseSentences.startsWithInstead(" instead"))
        #expect(!ProseSentences.startsWithInstead(" insteadly"))
        #expect(!ProseSentences.startsWithInstead(" inste"))
        #expect(ProseSentences.startsWithInstead(" INSTEAD\u{A0}of"))
        #expect(ProseSentences.isBlank(" \n\t"))
        #expect(ProseSentences.isBlank(" \u{A0}"))
        #expect(!ProseSentences.isBlank(" x "))
        #expect(ProseSentences.saysNearZero("It holds Near Zero, as"))
        #expect(!ProseSentences.saysNearZero("nowhere near it"))
    }
}
