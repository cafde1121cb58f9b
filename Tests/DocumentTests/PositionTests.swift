import Document
import Testing

/// Every formula knows its 1-based line and column (Unicode scalars) in the original file.
@Suite struct PositionTests {
    static func positions(_ markdown: String) -> [String] {
        MarkdownParser.parse(markdown).formulas.map { "\($0.tex)@\($0.position)" }
    }

    @Test func afterMultiLineMathInTheSameParagraph() {
        #expect(Self.positions("First $x$ line\nand $$a +\nb$$ then $c$ end\n")
                == ["x@1:7", "a +\nb@2:5", "c@3:10"])
    }

    @Test func insideNestedListsAndBlockQuotes() {
        let markdown = "> - item $a$\n>   more $b$\n>\n>   1. deep $$p\n>      q$$ r $s$\n"
        #expect(Self.positions(markdown) == ["a@1:10", "b@2:10", "p\nq@4:13", "s@5:14"])
    }

    @Test func insideTableCells() {
        #expect(Self.positions("| a | b |\n|---|---|\n| $x$ | y \\| $z \\| w$ |\n") == ["x@3:3", "z | w@3:14"])
    }

    /// A table's line is its header row's, also where the table interrupts a paragraph (cmark-gfm
    /// starts such a table, and its rows, at the paragraph's first line).
    @Test func tableLineIsItsHeaderRow() {
        func tableLines(_ markdown: String) -> [Int] {
            MarkdownParser.parse(markdown).blocks.compactMap { block in
                if case .table(let table) = block { table.line } else { nil }
            }
        }
        #expect(tableLines("Intro\n\n| a | b |\n|---|---|\n| 1 | 2 |\n") == [3])
        #expect(tableLines("Data follow:\nsecond line\n| x | y |\n| :-- | --: |\n| 1 | 2 |\n") == [3])
        #expect(tableLines("---\ntitle: t\n---\n| x |\n|-|\n| 1 |\n\nText\n\n| y |\n|---|\n") == [4, 10])
    }

    @Test func withByteOrderMarkCRLFAndWideCharacters() {
        #expect(Self.positions("\u{FEFF}é $x$\r\nnext $y$\r\n") == ["x@1:3", "y@2:6"])
        #expect(Self.positions("$$\r\nx\r\n$$\r\n\r\n$z$\r\n") == ["x@1:1", "z@5:1"])
    }

    @Test func linesAreTheSourceLinesWhateverTheirEndings() {
        #expect(MarkdownParser.parse("\u{FEFF}é one\r\ntwo\rthree\n\nfive").lines == ["é one", "two", "three", "", "five"])
        #expect(MarkdownParser.parse("a\n\n").lines == ["a", ""])
        #expect(MarkdownParser.parse("e\u{301}\n\u{301}x\n").lines == ["e\u{301}", "\u{301}x"])
        #expect(MarkdownParser.parse("").lines == [""])
    }

    @Test func afterLinkReferenceDefinitions() {
        #expect(Self.positions("[a]: /u\nText $x$\n") == ["x@2:6"])
    }

    @Test func afterFrontMatter() {
        let document = MarkdownParser.parse("---\ntitle: x\n---\n$y$\n")
        #expect(document.frontMatter?.yaml == "title: x\n")
        #expect(document.formulas.map { "\($0.tex)@\($0.position)" } == ["y@4:1"])
    }

    @Test func inHeadings() {
        #expect(Self.positions("# Head $h$ ##\n\nSetext $s$\nline $t$\n===\n") == ["h@1:8", "s@3:8", "t@4:6"])
    }

    @Test func everyByteOfMultiLineTeXIsLocated() {
        let block = MarkdownParser.parse("Intro.\n\n$$\n  a = 1\n b_2 = \\frac{x}{y}\n$$\n").formulas[0]
        #expect(block.tex == "  a = 1\n b_2 = \\frac{x}{y}")
        #expect(block.position(ofTeXOffset: 0) == SourcePosition(line: 4, column: 1))
        #expect(block.position(ofTeXOffset: 2) == SourcePosition(line: 4, column: 3))
        let frac = block.tex.utf8.count - "\\frac{x}{y}".utf8.count
        #expect(block.position(ofTeXOffset: frac) == SourcePosition(line: 5, column: 8))
        let inline = MarkdownParser.parse("> quoted $\\alpha +\n> \\beta$ end\n").formulas[0]
        #expect(inline.position(ofTeXOffset: inline.tex.utf8.count - 5) == SourcePosition(line: 2, column: 3))
    }

    @Test func columnsCountCharactersNotBytes() {
        let math = MarkdownParser.parse("αβγ $\\eta = η_1$").formulas[0]
        #expect(math.position == SourcePosition(line: 1, column: 5))
        #expect(math.position(ofTeXOffset: "\\eta = ".utf8.count + 2) == SourcePosition(line: 1, column: 14))
    }
}
