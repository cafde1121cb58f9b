import Document
import Foundation
import Notebook
import TestSupport
import Testing

/// The note language's spec: `Spec/note-language.md` holds examples in the style of cmark's
/// spec.txt — a small note, `.`, and what Derive computes and reports for it (see `NoteDump`).
/// Each example is documentation and a test at once.
@Suite struct NoteLanguageSpecTests {
    static let specURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Spec/note-language.md")

    static func examples() -> [SpecExample] {
        guard let data = FileManager.default.contents(atPath: specURL.path) else { return [] }
        return SpecFile.examples(in: String(decoding: data, as: UTF8.self), file: "Spec/note-language.md")
    }

    @Test func specFileHasExamples() throws {
        #expect(Self.examples().count >= 20, "Spec/note-language.md should hold the note language's examples")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" { try Self.rewriteExpectations() }
    }

    /// With `UPDATE_GOLDEN=1`: writes what Derive computes now as each example's expectation
    /// (review the diff: the spec is only as right as the person who reads it).
    static func rewriteExpectations() throws {
        guard let data = FileManager.default.contents(atPath: specURL.path) else { return }
        let spec = String(decoding: data, as: UTF8.self)
        let rewritten = SpecFile.replacingExpectations(in: spec, file: "Spec/note-language.md") { example in
            NoteDump.text(Notebook.check(MarkdownParser.parse(example.input), path: "spec.md").result)
        }
        try Data(rewritten.utf8).write(to: specURL)
    }

    @Test(arguments: examples())
    func example(_ example: SpecExample) {
        let document = MarkdownParser.parse(example.input)
        let result = Notebook.check(document, path: "spec.md").result
        let actual = NoteDump.text(result)
        #expect(actual == example.expected, "\(example)\n--- note\n\(example.input)--- actual\n\(actual)")
    }
}
