import Foundation
import Testing

@testable import TeX

/// The fixture page `Tests/Fixtures/TeX/constructs.md` (outside the test target's folder, so
/// that SwiftPM does not take it for a resource): every supported construct, rendered. Set
/// `TEX_FIXTURE_HTML=/path/page.html` to also write it as an HTML page (what
/// `scripts/screenshot-math` does before taking a screenshot).
@Suite struct FixtureTests {
    struct Formula {
        var tex: String
        var display: Bool
    }

    static let fixture: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/TeX/constructs.md")

    /// The fixture's lines, with `$$...$$` and `$...$` spans cut out.
    static func lines() throws -> [(line: String, formulas: [Formula])] {
        let text = try String(contentsOf: fixture, encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            (String(line), formulas(in: String(line)))
        }
    }

    static func formulas(in line: String) -> [Formula] {
        var formulas: [Formula] = []
        var rest = Substring(line)
        while let start = rest.firstIndex(of: "$") {
            let display = rest[start...].hasPrefix("$$")
            let open = rest.index(start, offsetBy: display ? 2 : 1)
            guard let close = rest[open...].range(of: display ? "$$" : "$") else { break }
            formulas.append(Formula(tex: String(rest[open..<close.lowerBound]), display: display))
            rest = rest[close.upperBound...]
        }
        return formulas
    }

    @Test func fixtureConstructsRenderWithoutErrors() throws {
        let lines = try FixtureTests.lines()
        var count = 0
        var malformed = false
        for (line, formulas) in lines {
            if line.hasPrefix("## Malformed") { malformed = true }
            for formula in formulas {
                count += 1
                let parsed = TeX.Formula.parse(formula.tex)
                let markup = MathML.render(parsed, display: formula.display ? .block : .inline)
                if malformed {
                    #expect(!parsed.diagnostics.isEmpty, "expected warnings for \(formula.tex)")
                } else {
                    #expect(parsed.diagnostics.isEmpty, "\(formula.tex): \(parsed.diagnostics)")
                    #expect(!markup.contains("<merror>"), "\(formula.tex)")
                }
            }
        }
        #expect(count >= 40)
        if let path = ProcessInfo.processInfo.environment["TEX_FIXTURE_HTML"] {
            try FixtureTests.page(lines).write(toFile: path, atomically: true, encoding: .utf8)
        }
    }

    /// An HTML page with every fixture formula and its source.
    static func page(_ lines: [(line: String, formulas: [Formula])]) -> String {
        var body = ""
        for (line, formulas) in lines {
            if line.hasPrefix("# ") {
                body += "<h1>\(escape(String(line.dropFirst(2))))</h1>\n"
            } else if line.hasPrefix("## ") {
                body += "<h2>\(escape(String(line.dropFirst(3))))</h2>\n"
            } else if !formulas.isEmpty {
                var html = ""
                var rest = Substring(line)
                for formula in formulas {
                    let marker = formula.display ? "$$" + formula.tex + "$$" : "$" + formula.tex + "$"
                    guard let range = rest.range(of: marker) else { continue }
                    html += escape(String(rest[..<range.lowerBound]))
                    html += MathML.render(tex: formula.tex, display: formula.display ? .block : .inline)
                    rest = rest[range.upperBound...]
                }
                html += escape(String(rest))
                let sources = formulas.map { "<code>\(escape($0.tex))</code>" }.joined(separator: "<br>")
                body += "<div class=\"case\"><div class=\"math\">\(html)</div><div class=\"source\">\(sources)</div></div>\n"
            } else if !line.isEmpty {
                body += "<p>\(escape(line))</p>\n"
            }
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>TeX constructs</title>
            <style>
            \(MathML.stylesheet())
            body { font-family: serif; max-width: 1150px; margin: 1em auto; font-size: 18px; }
            .case { display: grid; grid-template-columns: 3fr 2fr; gap: 1em; border-bottom: 1px solid #ddd; padding: 0.2em 0; }
            .source { font-size: 9px; color: #555; overflow-wrap: anywhere; }
            </style>
            </head>
            <body>
            \(body)
            </body>
            </html>

            """
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
