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
}
