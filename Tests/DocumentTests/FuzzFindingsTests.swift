import Document
import Testing

/// Inputs `scripts/fuzz document` found (issue 15), each reduced to its core.
@Suite struct FuzzFindingsTests {
    /// cmark reads a NUL as U+FFFD (CommonMark §2.3), three bytes for one: a formula after a NUL
    /// on its line was placed two columns to the right per NUL. The note's lines say U+FFFD too.
    @Test func aNulBeforeAFormulaOnItsLineDoesNotMoveIt() {
        let document = MarkdownParser.parse("\u{0}$x$ and a\u{0}\u{0}b $y$\n$$\nz\u{0} = 1\n$$\n")
        #expect(document.formulas.map { "\($0.tex)@\($0.position)" } == ["x@1:2", "y@1:15", "z\u{FFFD} = 1@2:1"])
        #expect(document.lines.first == "\u{FFFD}$x$ and a\u{FFFD}\u{FFFD}b $y$")
    }

    /// A table cell's formula is where it is written, whatever the rows' indentation: cmark-gfm
    /// places a cell at the table's column plus its offset in its row, so a row indented otherwise
    /// than the header row was off by the difference (the formula was then looked for past it,
    /// or found in another cell with the same text); a header row after paragraph lines was
    /// placed on the paragraph's first line.
    @Test func formulasInTableCellsAreWhereTheyAre() {
        func positions(_ text: String) -> [String] {
            MarkdownParser.parse(text).formulas.map { "\($0.tex)@\($0.position)" }
        }
        #expect(positions("p\nx $a$ y | d |\n|---|---|\n") == ["a@2:3"])
        #expect(positions("  | a | b |\n| --- | --- |\n| d | $h$\n") == ["h@3:7"])
        #expect(positions("p\nq\n  x $a$ y | $a$ |\n|---|---|\n| $u$ | $u$ |\n")
            == ["a@3:5", "a@3:13", "u@5:3", "u@5:9"])
        // Body rows indented more, or less, than the header row; the same formula in two cells.
        #expect(positions("| a | b |\n| - | - |\n  | $u$ | $u$ |\n") == ["u@3:5", "u@3:11"])
        #expect(positions("   | a | b |\n| - | - |\n$u$ | $u$\n") == ["u@3:1", "u@3:7"])
        #expect(positions("> | a | b |\n> | - | - |\n>   | $u$ | $u$ |\n> $w$ | $w$\n")
            == ["u@3:7", "u@3:13", "w@4:3", "w@4:9"])
        #expect(positions("- | $a$ | $a$ |\n  | - | - |\n  | $u$ | $u$ |\n") == ["a@1:5", "a@1:11", "u@3:5", "u@3:11"])
    }

    /// A formula's TeX, where each of its lines starts, and whether each line of the TeX is in
    /// the note where it says (the check of `Fuzz/document.swift`).
    private static func located(_ text: String) -> [String] {
        let document = MarkdownParser.parse(text)
        return document.formulas.map { math in
            let texLines = math.tex.split(separator: "\n", omittingEmptySubsequences: false)
            let found = zip(texLines, math.lineStarts).allSatisfy { texLine, start in
                document.lines.indices.contains(start.line - 1)
                    && document.lines[start.line - 1].unicodeScalars.dropFirst(start.column - 1)
                        .starts(with: texLine.unicodeScalars)
            }
            return "\(math.tex.debugDescription)@\(math.lineStarts.map(\.description).joined(separator: ","))"
                + (found ? "" : " not there")
        }
    }

    /// Nine inputs of `scripts/fuzz document` (2026-12-05; their NUL and 0xFF bytes were beside
    /// the point): a `$$` block whose closing `$$` is indented four columns or more past its
    /// container. The pass before cmark rewrites both `$$` lines into fence lines, but cmark
    /// does not close a fence with an indented one: the fence ran on, with our ```` ``` ```` in
    /// the formula and the note's lines below, or the closing line opened a code block of its
    /// own (swallowing the rest of the note). Such a block is now read as cmark reads the note
    /// without the rewrite: a paragraph with `$$…$$` in it.
    @Test func aDollarBlockWhoseCloserCmarkDoesNotTakeIsReadAsAParagraph() {
        #expect(Self.located("$$\nx\n\t$$\n") == [#""\nx\n"@1:3,2:1,3:2"#])
        #expect(Self.located("   $$\nx = 1\n       $$\nafter\n") == [#""\nx = 1\n"@1:6,2:1,3:8"#])
        // Under a list item, a closing `$$` less indented than the item ends it: the rewritten
        // line opened a code block that ran to the end of the note, `after` included.
        let document = MarkdownParser.parse("- a\n\n  $$\n  x\n$$\nafter\n")
        #expect(Self.located("- a\n\n  $$\n  x\n$$\nafter\n") == [#""\nx\n"@3:5,4:3,5:1"#])
        #expect(document.blocks.count == 1)
    }

    /// A tab that lies partly in a code block's indentation (a fence or `$$` indented one
    /// column, or `>` then a tab) comes out of cmark as the spaces left of it: the formula's
    /// TeX said `   x` where the note says a tab and `x`, and no column pointed at it. The TeX
    /// is now as written, its line starting at the tab.
    @Test func aTabInACodeBlocksIndentationStaysATab() {
        #expect(Self.located(" $$\n\tx\n $$\n") == [#""\tx"@2:1"#])
        #expect(Self.located(" ```math\n\tx = 1\n\t\ty\n ```\n") == [#""\tx = 1\n\t\ty"@2:1,3:1"#])
        #expect(Self.located("> $$\n>\tx\n> $$\n") == [#""\tx"@2:2"#])
        let math = MarkdownParser.parse(" $$\n\tx + y\n $$\n").formulas[0]
        #expect(math.position(ofTeXOffset: 1) == SourcePosition(line: 2, column: 2))
    }

    /// Eighteen inputs of `scripts/fuzz document` (2026-12-06), two kinds. A tab after a block
    /// quote's `>` on a lazy line (`>>$$` / `>⇥l$$`, the inner quote's paragraph going on) comes
    /// out of cmark as the two spaces the `>` did not take, and a formula in that paragraph said
    /// `  l` where the note says a tab: its TeX is now as written. And a header row indented four
    /// columns or more below a paragraph line (`=` / `    >$x$` / `|-`) starts with a `>` that
    /// opens no block quote: the cell was placed one column right, past that `>`.
    @Test func aTabAfterAQuoteMarkerOnALazyLineStaysATab() {
        #expect(Self.located(">>$$\n>\tl$$\n") == [#""\n\tl"@1:5,2:2"#])
        #expect(Self.located("> - $a +\n>\tb$\n") == [#""a +\nb"@1:6,2:3"#])
        let math = MarkdownParser.parse(">>$$\n>\tl + m$$\n").formulas[0]
        #expect(math.position(ofTeXOffset: 2) == SourcePosition(line: 2, column: 3))
    }

    @Test func aHeaderRowStartingWithAGreaterThanSignIsNotAQuote() {
        #expect(Self.located("=\n    >$y$\n|-\n") == [#""y"@2:7"#])
        #expect(Self.located("> =\n>     >$y$\n> |-\n") == [#""y"@2:9"#])
        // In a table cell `\|` is `|` (GFM, as pandoc's gfm reads it), in a formula too.
        let math = MarkdownParser.parse("| $a\\|b$ |\n|-|\n").formulas[0]
        #expect(math.tex == "a|b")
        #expect(math.lineStarts == [SourcePosition(line: 1, column: 4)])
    }
}
