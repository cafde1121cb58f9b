import Document
import Testing

@Suite struct FormulaIDTests {
    @Test func formulasAreNumberedInSourceOrderEverywhereTheyStand() {
        let markdown = """
            # $a$ title

            Text $b$ and **$c$**[^n].

            | x | y |
            |---|---|
            | $d$ | $e$ |

            > $$
            > f
            > $$

            - $g$

            [^n]: A note with $h$.

            """
        let formulas = MarkdownParser.parse(markdown).formulas
        #expect(formulas.map(\.tex) == ["a", "b", "c", "d", "e", "f", "g", "h"])
        #expect(formulas.map(\.id) == formulas.indices.map(FormulaID.init))
    }

    @Test func aDocumentBuiltByHandIsNumberedToo() {
        let math = Math(tex: "x", display: false, delimiter: .dollar,
                        position: SourcePosition(line: 1, column: 1), lineStarts: [])
        var document = Document(blocks: [.paragraph([.math(math), .emphasis([.math(math)])]), .math(math)])
        #expect(document.formulas.map(\.id.index) == [0, 1, 2])
        guard case .paragraph(let inlines) = document.blocks[0], case .emphasis(let inner) = inlines[1],
            case .math(let second) = inner[0]
        else { Issue.record("blocks changed shape"); return }
        #expect(second.id == FormulaID(1))
        document.blocks.insert(.math(math), at: 0)
        #expect(document.formulas.map(\.id.index) == [0, 1, 2, 3])
    }
}
