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
}
