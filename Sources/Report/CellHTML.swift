import Cells
import Markup
import Notebook

/// A Swift cell on the page: its code coloured by a small tokenizer (keywords, strings, numbers,
/// comments; inline styles, so pages without cells and the stylesheet are unchanged; no
/// JavaScript), then what it printed, or why it did not run.
enum CellHTML {
    static let keywords: Set<Substring> = [
        "let", "var", "func", "return", "if", "else", "guard", "for", "in", "while", "repeat", "switch", "case",
        "default", "break", "continue", "struct", "class", "enum", "protocol", "extension", "import", "true",
        "false", "nil", "self", "Self", "init", "throws", "throw", "try", "do", "catch", "where", "as", "is",
        "inout", "static", "private", "public", "internal", "fileprivate", "mutating", "some", "any", "defer",
    ]

    /// `checks` are the verdicts on the cell's functions (docs/note-language.md §12), shown
    /// after its output like a claim's.
    static func write(code: String, output: CellOutput, index: Int, checks: [CellCheck] = [], into html: inout MarkupBuffer) {
        html.raw("<figure class=\"cell\" id=\"cell-\(index + 1)\"><pre><code class=\"language-swift\">")
        highlight(code, into: &html)
        html.raw("</code></pre>")
        switch output.status {
        case .notRun:
            html.raw("<figcaption class=\"cell-not-run\"><em>not run</em>")
            if let problem = output.problem {
                html.raw(": ")
                html.escaped(problem)
            }
            html.raw("</figcaption>")
            html.raw("</figure>")
            return
        case .ran, .failed:
            if !output.stdout.isEmpty {
                html.raw("<pre class=\"cell-output\"><samp>")
                html.escaped(output.stdout)
                html.raw("</samp></pre>")
            }
            if !output.stderr.isEmpty {
                html.raw("<pre class=\"cell-stderr\" style=\"border-color:#c0392b\"><samp>")
                html.escaped(output.stderr)
                html.raw("</samp></pre>")
            }
        }
        // A figure has one caption: the verdicts are paragraphs before it.
        // The badge alone keeps to one line (.verdict); the sentence wraps on a phone.
        for check in checks {
            html.raw(check.holds ? "<p class=\"cell-check\"><span class=\"verdict holds\">✓</span> "
                                 : "<p class=\"cell-check\"><span class=\"verdict fails\">✗</span> <strong>")
            html.raw("<code>")
            html.escaped(check.function)
            html.raw("</code> ")
            html.escaped(check.text)
            html.raw(check.holds ? "</p>" : "</strong></p>")
        }
        if let problem = output.problem {
            html.raw("<figcaption class=\"cell-problem\"><strong>✗ cell \(index + 1) ")
            html.escaped(problem)
            html.raw("</strong></figcaption>")
        }
        html.raw("</figure>")
    }

    /// Swift source as HTML with coloured tokens.
    static func highlight(_ code: String, into html: inout MarkupBuffer) {
        let scalars = Array(code.unicodeScalars)
        var i = 0
        func span(_ color: String, _ from: Int, _ to: Int) {
            html.raw("<span style=\"color:\(color)\">")
            html.escaped(String(String.UnicodeScalarView(scalars[from..<to])))
            html.raw("</span>")
        }
        func plain(_ from: Int, _ to: Int) { html.escaped(String(String.UnicodeScalarView(scalars[from..<to]))) }
        while i < scalars.count {
            let c = scalars[i]
            let start = i
            if c == "/", i + 1 < scalars.count, scalars[i + 1] == "/" {
                while i < scalars.count, scalars[i] != "\n" { i += 1 }
                span("#8a8a8a", start, i)
            } else if c == "/", i + 1 < scalars.count, scalars[i + 1] == "*" {
                i += 2
                while i + 1 < scalars.count, !(scalars[i] == "*" && scalars[i + 1] == "/") { i += 1 }
                i = min(i + 2, scalars.count)
                span("#8a8a8a", start, i)
            } else if c == "\"" {
                i += 1
                while i < scalars.count, scalars[i] != "\"", scalars[i] != "\n" {
                    i += scalars[i] == "\\" ? 2 : 1
                }
                i = min(i + 1, scalars.count)
                span("#3a8a3a", start, i)
            } else if c.properties.numericType != nil, c.isASCII {
                while i < scalars.count, scalars[i].isASCII,
                      scalars[i].properties.isAlphabetic || scalars[i].properties.numericType != nil || scalars[i] == "." || scalars[i] == "_" {
                    if scalars[i] == ".", !(i + 1 < scalars.count && scalars[i + 1].properties.numericType != nil) { break }
                    i += 1
                }
                span("#b5651d", start, i)
            } else if c.properties.isAlphabetic || c == "_" || c == "@" || c == "#" {
                i += 1
                while i < scalars.count, scalars[i].properties.isAlphabetic || scalars[i].properties.numericType != nil || scalars[i] == "_" { i += 1 }
                let word = Substring(String(String.UnicodeScalarView(scalars[start..<i])))
                if keywords.contains(word) || c == "@" || c == "#" { span("#a0309a", start, i) } else { plain(start, i) }
            } else {
                i += 1
                plain(start, i)
            }
        }
    }
}
