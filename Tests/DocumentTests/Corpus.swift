import Foundation
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

/// One example of a CommonMark-style spec file (32 backticks, `example`, input, `.`, HTML).
struct SpecExample: CustomStringConvertible {
    var file: String
    var number: Int
    var line: Int
    /// Words after `example` (`table`, `autolink`, `disabled`...).
    var tags: [String]
    var markdown: String
    var html: String

    var description: String { "\(file) example \(number) (line \(line))" }

    /// All examples of a spec file, with `→` turned back into tabs.
    static func load(_ relativePath: String) -> [SpecExample] {
        guard let text = Corpus.text(relativePath) else { return [] }
        let fence = String(repeating: "`", count: 32)
        var examples: [SpecExample] = []
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        var lineNumber = 0
        while let line = lines.popFirst() {
            lineNumber += 1
            guard line.hasPrefix(fence + " example") else { continue }
            let start = lineNumber
            let tags = line.dropFirst(fence.count + " example".count).split(separator: " ").map(String.init)
            var markdown: [Substring] = []
            var html: [Substring] = []
            var inHTML = false
            while let inner = lines.popFirst() {
                lineNumber += 1
                if inner == fence { break }
                if inner == "." && !inHTML {
                    inHTML = true
                } else if inHTML {
                    html.append(inner)
                } else {
                    markdown.append(inner)
                }
            }
            func joined(_ lines: [Substring]) -> String {
                lines.map { $0 + "\n" }.joined().replacingOccurrences(of: "→", with: "\t")
            }
            examples.append(SpecExample(file: relativePath, number: examples.count + 1, line: start, tags: tags,
                                        markdown: joined(markdown), html: joined(html)))
        }
        return examples
    }
}
