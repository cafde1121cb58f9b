// libFuzzer harness (a): the Markdown+math extraction (Document: MarkdownParser.parse).
// Built and run by scripts/fuzz document; see docs/fuzzing.md.
import Document

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocument(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    let document = MarkdownParser.parse(text)
    _ = PlainText.firstHeading(of: document)
    // Every formula is located: each line of its TeX is found in the note where its
    // `lineStarts` say (diagnostics point there). In a table cell, `\|` in the note is `|` in
    // the TeX (GFM).
    for math in document.formulas {
        let texLines = math.tex.split(separator: "\n", omittingEmptySubsequences: false)
        for (k, texLine) in texLines.enumerated() where k < math.lineStarts.count {
            let start = math.lineStarts[k]
            guard document.lines.indices.contains(start.line - 1) else {
                fatalError("formula \(math.id.index) line \(k) starts at \(start), outside the note")
            }
            let line = document.lines[start.line - 1].unicodeScalars.dropFirst(start.column - 1)
            if !startsWithUnescapingPipes(line, texLine.unicodeScalars) {
                fatalError("formula \(math.id.index) line \(k) is not at \(start)")
            }
        }
        _ = math.position(ofTeXOffset: math.tex.utf8.count / 2)
        _ = math.position(ofTeXOffset: math.tex.utf8.count)
    }
    return 0
}

/// Whether `line` starts with `prefix`, where `\|` in the line may stand for `|` in the prefix.
private func startsWithUnescapingPipes(_ line: Substring.UnicodeScalarView, _ prefix: Substring.UnicodeScalarView) -> Bool {
    var lineIndex = line.startIndex
    for scalar in prefix {
        guard lineIndex < line.endIndex else { return false }
        if line[lineIndex] == scalar {
            lineIndex = line.index(after: lineIndex)
        } else if scalar == "|", line[lineIndex] == "\\", line.index(after: lineIndex) < line.endIndex,
                  line[line.index(after: lineIndex)] == "|" {
            lineIndex = line.index(lineIndex, offsetBy: 2)
        } else {
            return false
        }
    }
    return true
}
