// libFuzzer harness (d): a whole note, as `render` takes it: parsed (Document), checked
// (Notebook.check), and written as its HTML page, its Markdown report and its JSON.
// Built and run by scripts/fuzz note; see docs/fuzzing.md.
import Document
import Notebook
import Report

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNote(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    let document = MarkdownParser.parse(text)
    // A cache of its own for each input, so that an input checks the same whatever came before
    // it (a formula met twice in it is still kept, and found the third time).
    let note = Notebook.check(document, path: "fuzz.md", cache: FormulaCache())
    let title = PlainText.firstHeading(of: document) ?? "fuzz"
    let shell = PageShell(title: title, rootPrefix: "", index: PageShell.Link(title: "Index", href: "index.html"))
    let page = NotePage(note: note)
    _ = shell.page { page.write(into: &$0, unsafeHTML: false) }
    _ = MarkdownReport.bytes(document: document, result: note.result, title: title)
    _ = ReportJSON.noteBytes(note.result)
    return 0
}
