import Document
import Markup
import Notebook

/// JUnit XML for CI systems: one test case per claim, named `path:line claim` (the claim as
/// read, `notes/learning.md:78 ∂L/∂w_1 = (a - y)*h_1`, shortened past 80 characters; unique in
/// a note, so the claims an index range expands to are told apart), a failure with the
/// message when the claim fails, skipped when Derive cannot tell; errors in a note that are not
/// about a claim become failing test cases of their own (a cell's function that disagrees with
/// its formula among them); a cell's function that agrees is a passing test case.
public enum JUnitReport {
    public static func xml(for notes: [NoteResult]) -> String {
        xml(notes.map(testCases(for:)))
    }

    /// One note's test cases, as text, with how many fail and are skipped: what an incremental
    /// run keeps of a note it does not check again.
    public struct TestCases: Sendable, Equatable {
        public var cases: [String]
        public var failures: Int
        public var skipped: Int

        public init(cases: [String] = [], failures: Int = 0, skipped: Int = 0) {
            (self.cases, self.failures, self.skipped) = (cases, failures, skipped)
        }
    }

    /// The test cases of one note.
    public static func testCases(for note: NoteResult) -> TestCases {
        var cases: [String] = []
        var failures = 0
        var skipped = 0
        var used: [String: Int] = [:]
        let classname = escape(note.path)
        for statement in note.statements {
            guard let check = statement.check else { continue }
            let name = uniqueName(claimName(statement, path: note.path), among: &used)
            var testCase = "    <testcase classname=\"\(classname)\" name=\"\(escape(name))\">"
            switch check.status {
            case .holds:
                break
            case .fails:
                failures += 1
                testCase += "\n      <failure message=\"\(escape(check.message))\">\(escape(statement.tex))</failure>\n    "
            case .cannotTell:
                skipped += 1
                testCase += "\n      <skipped message=\"\(escape(check.message))\"/>\n    "
            }
            cases.append(testCase + "</testcase>")
        }
        for check in note.cellChecks where check.holds {
            let name = "\(note.path):\(check.position.line)"
            cases.append("    <testcase classname=\"\(classname)\" name=\"\(escape(name))\"></testcase>")
        }
        let claimLines = Set(note.statements.compactMap { $0.check == nil ? nil : $0.position.line })
        for diagnostic in note.diagnostics where diagnostic.severity == .error
            && !claimLines.contains(diagnostic.position.line)
        {
            failures += 1
            let name = "\(note.path):\(diagnostic.position.line)"
            cases.append("    <testcase classname=\"\(classname)\" name=\"\(escape(name))\">\n"
                         + "      <failure message=\"\(escape(diagnostic.message))\"/>\n    </testcase>")
        }
        return TestCases(cases: cases, failures: failures, skipped: skipped)
    }

    /// The report of the notes' test cases, in order.
    public static func xml(_ notes: [TestCases]) -> String {
        let cases = notes.flatMap(\.cases)
        let failures = notes.reduce(0) { $0 + $1.failures }
        let skipped = notes.reduce(0) { $0 + $1.skipped }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="derive" tests="\(cases.count)" failures="\(failures)" skipped="\(skipped)">
              <testsuite name="derive" tests="\(cases.count)" failures="\(failures)" skipped="\(skipped)">
            \(cases.joined(separator: "\n"))
              </testsuite>
            </testsuites>

            """
    }

    /// A claim's test case name: its place and the claim as read (`path:line ∂L/∂w = x*(a - y)`).
    static func claimName(_ statement: StatementResult, path: String) -> String {
        let claim = statement.reading ?? statement.tex.split(whereSeparator: \.isNewline).joined(separator: " ")
        let limit = 80
        // A character is at least one byte: a claim of `limit` bytes or fewer is not counted.
        let shown = claim.utf8.count > limit && claim.count > limit ? claim.prefix(limit - 1) + "…" : Substring(claim)
        return "\(path):\(statement.position.line) \(shown)"
    }

    /// `name`, or `name #2`, `name #3`, … when the note already has a test case of that name.
    static func uniqueName(_ name: String, among used: inout [String: Int]) -> String {
        // One lookup: the count is raised where it is stored.
        func raise(_ count: inout Int) -> Int {
            count += 1
            return count
        }
        let count = raise(&used[name, default: 0])
        return count == 1 ? name : "\(name) #\(count)"
    }

    /// Text for an attribute value or element content: `&`, `<`, `>`, `"` escaped, a newline
    /// as `&#10;`, and each character XML 1.0 forbids (C0 controls other than tab, newline and
    /// carriage return; U+FFFE, U+FFFF) as U+FFFD, so that the file always parses
    /// (`Escaping.xmlAttribute`).
    static func escape(_ text: String) -> String {
        var out = MarkupBuffer(capacity: text.utf8.count + 16)
        out.xmlAttributeEscaped(text)
        return out.string
    }
}
