import Document
import Foundation
import Notebook
import Testing

/// The note language's spec: `Spec/note-language.md` holds examples in the style of cmark's
/// spec.txt — a small note, `.`, and what Derive computes and reports for it (see `NoteDump`).
/// Each example is documentation and a test at once.
@Suite struct NoteLanguageSpecTests {
    struct Example: CustomStringConvertible {
        var number: Int
        var line: Int
        var section: String
        var note: String
        var expected: String
        var description: String { "example \(number) (line \(line), \(section))" }
    }

    static let specURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Spec/note-language.md")

    static func examples() -> [Example] {
        guard let data = FileManager.default.contents(atPath: specURL.path) else { return [] }
        let fence = String(repeating: "`", count: 32)
        var examples: [Example] = []
        var section = ""
        var lines = String(decoding: data, as: UTF8.self).components(separatedBy: "\n")[...]
        var number = 0
        var lineNumber = 0
        while let line = lines.popFirst() {
            lineNumber += 1
            if line.hasPrefix("#") { section = line.trimmingCharacters(in: CharacterSet(charactersIn: "# ")) }
            guard line == fence + " example" else { continue }
            let start = lineNumber
            var note: [String] = []
            var expected: [String] = []
            var inExpected = false
            while let inner = lines.popFirst() {
                lineNumber += 1
                if inner == fence { break }
                if inner == "." && !inExpected {
                    inExpected = true
                } else if inExpected {
                    expected.append(inner)
                } else {
                    note.append(inner)
                }
            }
            number += 1
            examples.append(Example(number: number, line: start, section: section,
                                    note: note.map { $0 + "\n" }.joined(), expected: expected.map { $0 + "\n" }.joined()))
        }
        return examples
    }

    @Test func specFileHasExamples() throws {
        #expect(Self.examples().count >= 20, "Spec/note-language.md should hold the note language's examples")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" { try Self.rewriteExpectations() }
    }

    /// With `UPDATE_GOLDEN=1`: writes what Derive computes now as each example's expectation
    /// (review the diff: the spec is only as right as the person who reads it).
    static func rewriteExpectations() throws {
        guard let data = FileManager.default.contents(atPath: specURL.path) else { return }
        let fence = String(repeating: "`", count: 32)
        var output: [String] = []
        var lines = String(decoding: data, as: UTF8.self).components(separatedBy: "\n")[...]
        while let line = lines.popFirst() {
            output.append(line)
            guard line == fence + " example" else { continue }
            var note: [String] = []
            while let inner = lines.popFirst(), inner != "." {
                note.append(inner)
                output.append(inner)
            }
            output.append(".")
            while let inner = lines.popFirst(), inner != fence {}
            let text = note.map { $0 + "\n" }.joined()
            let dump = NoteDump.text(Notebook.check(MarkdownParser.parse(text), path: "spec.md"))
            output.append(contentsOf: dump.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init))
            output.append(fence)
        }
        try Data(output.joined(separator: "\n").utf8).write(to: specURL)
    }

    @Test(arguments: examples())
    func example(_ example: Example) {
        let document = MarkdownParser.parse(example.note)
        let result = Notebook.check(document, path: "spec.md")
        let actual = NoteDump.text(result)
        #expect(actual == example.expected, "\(example)\n--- note\n\(example.note)--- actual\n\(actual)")
    }
}
