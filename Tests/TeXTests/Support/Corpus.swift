import Foundation

@testable import TeX

/// The public corpora in `<repo>/Tests/Corpora/latex-math`, read for the tests (sources and
/// licences in `Tests/Corpora/latex-math/SOURCE.md`).
enum Corpus {
    /// One TeX formula from a corpus, with MathJax's MathML when the corpus has it.
    struct Case {
        var name: String
        var tex: String
        var display: Bool
        var expectedMathML: String?
        var expectsError: Bool
    }

    /// `<repo>/Tests/Corpora/latex-math`, computed from this file's path.
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // TeXTests
        .deletingLastPathComponent()  // Tests
        .appendingPathComponent("Corpora/latex-math")

    enum Failure: Error, CustomStringConvertible {
        case missing(String)
        var description: String {
            switch self {
            case .missing(let path):
                return "corpus file missing: \(path) (every file the tests read is committed under Tests/Corpora; "
                    + "see Tests/Corpora/README.md)"
            }
        }
    }

    /// The path of a corpus file under `directory`.
    static func path(_ relativePath: String) -> String {
        directory.appendingPathComponent(relativePath).path
    }

    static func lines(_ relativePath: String) throws -> [String] {
        let file = path(relativePath)
        guard let data = FileManager.default.contents(atPath: file) else {
            throw Failure.missing(file)
        }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    static func jsonObjects(_ relativePath: String) throws -> [[String: Any]] {
        try lines(relativePath).compactMap { line in
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        }
    }

    /// MathJax's Base and AMS test snapshots.
    static func mathJax() throws -> [Case] {
        try jsonObjects("mathjax/tex-mathml.jsonl").compactMap { object in
            guard let suite = object["package_suite"] as? String, suite == "Base" || suite == "Ams",
                  let tex = object["tex"] as? String, let mathml = object["mathml"] as? String
            else { return nil }
            return Case(name: "\(suite): \(object["snapshot"] as? String ?? "")", tex: tex,
                        display: (object["display"] as? String) == "block", expectedMathML: mathml,
                        expectsError: (object["has_merror"] as? Bool) ?? false)
        }
    }

    /// KaTeX's screenshot-test formulas and MathML spec snapshots.
    static func katex() throws -> [Case] {
        let screenshots = try jsonObjects("katex/ss_data.jsonl").compactMap { object -> Case? in
            guard let tex = object["tex"] as? String else { return nil }
            return Case(name: "katex \(object["name"] as? String ?? "")", tex: tex,
                        display: (object["display"] as? Bool) ?? false, expectedMathML: nil, expectsError: false)
        }
        let snapshots = try jsonObjects("katex/mathml-spec-snapshots.jsonl").compactMap { object -> Case? in
            guard let tex = object["tex_from_annotation"] as? String else { return nil }
            return Case(name: "katex snapshot \(object["snapshot"] as? String ?? "")", tex: tex, display: false,
                        expectedMathML: nil, expectsError: false)
        }
        return screenshots + snapshots
    }

    /// Temml's Wikipedia and Mozilla test pages: the `$...$` cells of their grid tables.
    static func temml() throws -> [Case] {
        var cases: [Case] = []
        for file in ["temml/wiki-tests.md", "temml/mozilla-tests.md"] {
            var cells: [Int: String] = [:]
            var row = 0
            func flush() {
                for column in cells.keys.sorted() {
                    let content = cells[column, default: ""].trimmingSpaces
                    guard content.hasPrefix("$") else { continue }
                    let display = content.hasPrefix("$$")
                    var tex = Substring(content.dropFirst(display ? 2 : 1))
                    if let end = tex.range(of: display ? "$$" : "$", options: .backwards) {
                        tex = tex[..<end.lowerBound]
                    }
                    cases.append(Case(name: "\(file) row \(row)", tex: String(tex), display: display,
                                      expectedMathML: nil, expectsError: false))
                }
                cells = [:]
            }
            for line in try lines(file) {
                if line.hasPrefix("+") {
                    flush()
                    row += 1
                    continue
                }
                guard line.hasPrefix("|") else { continue }
                let columns = line.split(separator: "|", omittingEmptySubsequences: false)
                for (index, column) in columns.enumerated() where index > 0 && index < columns.count - 1 {
                    let piece = column.trimmingCharacters(in: .whitespaces)
                    if piece.isEmpty { continue }
                    cells[index, default: ""] += (cells[index] == nil ? "" : " ") + piece
                }
            }
            flush()
        }
        return cases
    }
}
