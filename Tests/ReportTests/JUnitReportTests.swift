import Document
import Notebook
import Testing

@testable import Report

/// The JUnit XML parses whatever a note's path and messages hold.
@Suite struct JUnitReportTests {
    @Test func controlCharactersBecomeReplacementCharactersAndTheXMLParses() throws {
        let note = NoteResult(
            path: "notes/a\u{1}b.md",
            diagnostics: [Diagnostic(.error, "bad \u{1}token\u{1F} & <more>\nsecond line", at: SourcePosition(line: 3, column: 1))])
        let xml = JUnitReport.xml(for: [note])
        // XML 1.0 allows no C0 control but tab, newline and carriage return.
        #expect(!xml.unicodeScalars.contains { $0.value < 0x20 && !"\t\n\r".unicodeScalars.contains($0) })
        let root = try XMLTree.parse(xml).get()
        let testCase = try #require(root.all.first { $0.name == "testcase" })
        #expect(testCase.attributes["classname"] == "notes/a\u{FFFD}b.md")
        #expect(testCase.attributes["name"] == "notes/a\u{FFFD}b.md:3")
        let failure = try #require(testCase.children.first { $0.name == "failure" })
        #expect(failure.attributes["message"] == "bad \u{FFFD}token\u{FFFD} & <more>\nsecond line")
    }

    /// A test case names the claim as read, so CI lists say which claim failed; the claims an
    /// index range expands to, and a claim written twice on a line, get names of their own.
    @Test func testCaseNamesHoldTheClaimAndAreUniquePerExpandedClaim() throws {
        let source = """
            $x_1 = 1$, $x_2 = 2$, $w_1 = 3$, $w_2 = 4$

            $$
            w_{1..2} x_{1..2} = x_{1..2} w_{1..2}
            $$

            So $\\frac{\\partial}{\\partial x_1} x_1^2 = 2 x_1$, and again $\\frac{\\partial}{\\partial x_1} x_1^2 = 2 x_1$.
            """
        let note = Notebook.check(MarkdownParser.parse(source), path: "notes/learning.md")
        let root = try XMLTree.parse(JUnitReport.xml(for: [note.result])).get()
        let names = root.all.filter { $0.name == "testcase" }.compactMap { $0.attributes["name"] }
        #expect(Set(names).count == names.count, "names repeat: \(names)")
        #expect(names.contains("notes/learning.md:4 w_1*x_1 = x_1*w_1"))
        #expect(names.contains("notes/learning.md:4 w_2*x_2 = x_2*w_2"))
        let derivative = try #require(names.first { $0.hasPrefix("notes/learning.md:7 ∂") }, "\(names)")
        #expect(derivative.hasSuffix("= 2*x_1"))
        #expect(names.contains(derivative + " #2"))
    }

    @Test func aLongClaimIsShortenedInItsName() {
        var statement = StatementResult(formula: FormulaID(0), position: SourcePosition(line: 9, column: 1),
                                        tex: "", kind: .claim)
        statement.reading = String(repeating: "x + ", count: 40) + "x = 41*x"
        let name = JUnitReport.claimName(statement, path: "a.md")
        #expect(name.hasPrefix("a.md:9 x + x + "))
        #expect(name.hasSuffix("…"))
        #expect(name.count == "a.md:9 ".count + 80)
    }
}
