import Foundation
import TestSupport
import Testing

extension SpecExample {
    /// The examples of a GFM spec file in `Tests/Corpora` (e.g. `gfm-spec/github-cmark-gfm/spec.txt`),
    /// with `→` read as a tab; records a test issue naming the path when it is missing.
    static func load(_ relativePath: String, sourceLocation: SourceLocation = #_sourceLocation) -> [SpecExample] {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // ReportTests
            .deletingLastPathComponent()  // Tests
            .appendingPathComponent("Corpora").appendingPathComponent(relativePath)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("corpus file missing: \(url.path) (see Tests/Corpora/README.md)", sourceLocation: sourceLocation)
            return []
        }
        return SpecFile.examples(in: String(decoding: data, as: UTF8.self), file: relativePath, tabMark: "→")
    }
}
