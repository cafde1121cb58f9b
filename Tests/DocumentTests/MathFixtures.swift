import Foundation
import TestSupport
import Testing

/// One case of the markdown-math corpora: a Markdown input and the formulas the fixture's
/// expected HTML says it holds.
struct MathFixture: CustomStringConvertible {
    var source: String
    var title: String
    var markdown: String
    /// (TeX, display) of every formula in the expected HTML, in order.
    var formulas: [Formula]

    struct Formula: Equatable, CustomStringConvertible {
        var tex: String
        var display: Bool
        var description: String { (display ? "$$" : "$") + tex + (display ? "$$" : "$") }
    }

    var description: String { "\(source): \(title)" }

    /// The markdown-it fixtures (`title`, `.`, input, `.`, HTML, `.`).
    static func loadMarkdownIt(_ file: String) -> [MathFixture] {
        guard let text = Corpus.text("markdown-math/\(file)") else { return [] }
        var fixtures: [MathFixture] = []
        var lines = text.components(separatedBy: "\n")[...]
        while !lines.isEmpty {
            while let first = lines.first, first.isEmpty { lines.removeFirst() }
            guard !lines.isEmpty else { break }
            var parts: [[String]] = [[], [], []]
            for index in 0..<3 {
                while let line = lines.popFirst(), line != "." { parts[index].append(line) }
            }
            let html = parts[2].joined(separator: "\n")
            fixtures.append(MathFixture(source: file, title: parts[0].joined(separator: " "),
                                        markdown: parts[1].joined(separator: "\n") + "\n",
                                        formulas: formulas(inMarkdownItHTML: html)))
        }
        return fixtures
    }

    /// The commonmark-hs spec examples (`\(..\)` inline, `\[..\]` display).
    static func loadCommonmarkHs() -> [MathFixture] {
        SpecExample.load("markdown-math/commonmark-hs-math.md").map { example in
            var found: [Formula] = []
            for match in matches(#"<span class="math (inline|display)">\\[(\[]([\s\S]*?)\\[)\]]</span>"#, in: example.expected) {
                found.append(Formula(tex: unescape(match[2]), display: match[1] == "display"))
            }
            return MathFixture(source: "commonmark-hs-math.md", title: "example \(example.number)",
                               markdown: example.input, formulas: found)
        }
    }

    private static func formulas(inMarkdownItHTML html: String) -> [Formula] {
        // markdown-it writes `$$...$$` inside a paragraph as `<div class="math inline">`: display
        // math (pandoc's reading of `$$`) that sits in running text.
        let pattern = #"<span class="math inline">([\s\S]*?)</span>|<div(?: id="[^"]*")? class="math block">\n(?:<a [^>]*>¶</a>\n)?([\s\S]*?)\n</div>|<eq>([\s\S]*?)</eq>|<eqn>([\s\S]*?)</eqn>|<div class="math inline">([\s\S]*?)</div>"#
        return matches(pattern, in: html).map { groups in
            if !groups[1].isEmpty { return Formula(tex: unescape(groups[1]), display: false) }
            if !groups[2].isEmpty { return Formula(tex: unescape(groups[2]), display: true) }
            if !groups[3].isEmpty { return Formula(tex: groups[3], display: false) }
            if !groups[4].isEmpty { return Formula(tex: groups[4], display: true) }
            return Formula(tex: unescape(groups[5]), display: true)
        }
    }

    private static func matches(_ pattern: String, in text: String) -> [[String]] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).map { match in
            (0..<match.numberOfRanges).map { index in
                Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
            }
        }
    }

    private static func unescape(_ html: String) -> String {
        html.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }
}
