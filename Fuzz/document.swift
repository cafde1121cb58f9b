// libFuzzer harness (a): the Markdown+math extraction (Document: MarkdownParser.parse).
// Built and run by scripts/fuzz document; see docs/fuzzing.md.
import Document

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocument(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    let document = MarkdownParser.parse(text)
    _ = PlainText.firstHeading(of: document)
    // Every formula is located: each line of its TeX is found in the note where its
    // `lineStarts` say (diagnostics point there).
    for math in document.formulas {
        let texLines = math.tex.split(separator: "\n", omittingEmptySubsequences: false)
        for (k, texLine) in texLines.enumerated() where k < math.lineStarts.count {
            let start = math.lineStarts[k]
            guard document.lines.indices.contains(start.line - 1) else {
                fatalError("formula \(math.id.index) line \(k) starts at \(start), outside the note")
            }
            let line = document.lines[start.line - 1].unicodeScalars.dropFirst(start.column - 1)
            if !line.starts(with: texLine.unicodeScalars) {
                fatalError("formula \(math.id.index) line \(k) is not at \(start)")
            }
        }
        _ = math.position(ofTeXOffset: math.tex.utf8.count / 2)
        _ = math.position(ofTeXOffset: math.tex.utf8.count)
    }
    return 0
}
