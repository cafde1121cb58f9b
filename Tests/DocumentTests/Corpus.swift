import Foundation
import TestSupport
import Testing

/// The public test corpora in the repository's `Tests/Corpora` (sources and licences in its README).
enum Corpus {
    /// `<repo>/Tests/Corpora`, found from this file's path.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // DocumentTests
        .deletingLastPathComponent()  // Tests
        .appendingPathComponent("Corpora")

    /// The text of a corpus file; records a test issue naming the path when it is missing.
    static func text(_ relativePath: String, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        let url = root.appendingPathComponent(relativePath)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("""
                corpus file missing: \(url.path) (every file the tests read is committed under Tests/Corpora; \
                see Tests/Corpora/README.md)
                """, sourceLocation: sourceLocation)
            return nil
        }
        return String(decoding: data, as: UTF8.self)
    }
}

extension SpecExample {
    /// All examples of a spec file of the corpora, with `→` read as a tab.
    static func load(_ relativePath: String) -> [SpecExample] {
        guard let text = Corpus.text(relativePath) else { return [] }
        return SpecFile.examples(in: text, file: relativePath, tabMark: "→")
    }
}
