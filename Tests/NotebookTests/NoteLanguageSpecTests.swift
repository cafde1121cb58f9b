import Document
import Foundation
import Notebook
import TestSupport
import Testing

/// The note language's spec: the files of `Spec/` (`note-language.md` first, then one file per
/// part of the language that grew its own examples) hold examples in the style of cmark's
/// spec.txt — a small note, `.`, and what Derive computes and reports for it (see `NoteDump`).
/// Each example is documentation and a test at once.
@Suite struct NoteLanguageSpecTests {
    static let specFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Spec")

    /// The spec files, `note-language.md` first and the others by name.
    static func specFiles() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: specFolder.path)) ?? []
        return names.filter { $0.hasSuffix(".md") }
            .sorted { $0 == "note-language.md" || ($1 != "note-language.md" && $0 < $1) }
    }

    static func examples() -> [SpecExample] {
        specFiles().flatMap { name -> [SpecExample] in
            guard let data = FileManager.default.contents(atPath: specFolder.appendingPathComponent(name).path)
            else { return [] }
            return SpecFile.examples(in: String(decoding: data, as: UTF8.self), file: "Spec/" + name)
        }
    }

    @Test func specFileHasExamples() throws {
        #expect(specFilesContain("note-language.md"))
        #expect(Self.examples().count >= 20, "Spec/ should hold the note language's examples")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" { try Self.rewriteExpectations() }
    }

    private func specFilesContain(_ name: String) -> Bool { Self.specFiles().first == name }

    /// With `UPDATE_GOLDEN=1`: writes what Derive computes now as each example's expectation
    /// (review the diff: the spec is only as right as the person who reads it).
    static func rewriteExpectations() throws {
        for name in specFiles() {
            let url = specFolder.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            let spec = String(decoding: data, as: UTF8.self)
            let rewritten = SpecFile.replacingExpectations(in: spec, file: "Spec/" + name) { example in
                NoteDump.text(Notebook.check(MarkdownParser.parse(example.input), path: "spec.md").result)
            }
            try Data(rewritten.utf8).write(to: url)
        }
    }

    @Test(arguments: examples())
    func example(_ example: SpecExample) {
        let document = MarkdownParser.parse(example.input)
        let result = Notebook.check(document, path: "spec.md").result
        let actual = NoteDump.text(result)
        #expect(actual == example.expected, "\(example)\n--- note\n\(example.input)--- actual\n\(actual)")
    }
}
