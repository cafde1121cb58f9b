import Document
import Foundation
import Report

/// One run over a set of notes: read and parse them in parallel, write a page per note, the
/// index and the assets.
struct Pipeline {
    struct Options {
        var unsafeHTML = false
    }

    let options: Options

    /// A note after reading: its document, or why it could not be read.
    struct ParsedNote: Sendable {
        var note: NoteFile
        var document: Document?
        var title: String
        var failure: RenderError?
    }

    /// What a run did.
    struct Outcome {
        var notes: Int
        var formulas: Int
        var failures: [RenderError]

        func summaryLine(output: String, elapsed: Duration) -> String {
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let noteWord = notes == 1 ? "note" : "notes"
            let formulaWord = formulas == 1 ? "formula" : "formulas"
            return "render: \(notes) \(noteWord), \(formulas) \(formulaWord) → \(output) in "
                + String(format: "%.2f s", seconds)
        }
    }

    func run(notes: [NoteFile], outputFolder: String) -> Outcome {
        let parsed = ParallelMap.map(count: notes.count) { index -> ParsedNote in
            let note = notes[index]
            let fallbackTitle = ((note.relativePath as NSString).lastPathComponent as NSString).deletingPathExtension
            do throws(RenderError) {
                let text = try NoteReader.read(note)
                let document = MarkdownParser.parse(text)
                return ParsedNote(note: note, document: document,
                                  title: PlainText.firstHeading(of: document) ?? fallbackTitle)
            } catch {
                return ParsedNote(note: note, document: nil, title: fallbackTitle, failure: error)
            }
        }
        let folder = OutputFolder(root: outputFolder)
        let unsafe = options.unsafeHTML
        let writeFailures = ParallelMap.map(count: parsed.count) { index -> RenderError? in
            guard let document = parsed[index].document else { return nil }
            let html = Self.page(for: index, of: parsed, document: document, unsafe: unsafe)
            do throws(RenderError) {
                try folder.write(Array(html.utf8), to: OutputFolder.relativePage(for: parsed[index].note.relativePath))
                return nil
            } catch {
                return error
            }
        }
        var failures = parsed.compactMap { $0.failure } + writeFailures.compactMap { $0 }
        do throws(RenderError) {
            try folder.write(Array(Self.indexPage(parsed).utf8), to: "index.html")
            for asset in Assets.files() {
                try folder.write(asset.bytes, to: asset.path)
            }
        } catch {
            failures.append(error)
        }
        let formulas = parsed.reduce(0) { $0 + ($1.document?.formulas.count ?? 0) }
        return Outcome(notes: parsed.count - parsed.filter { $0.failure != nil }.count, formulas: formulas,
                       failures: failures)
    }

    private static func page(for index: Int, of notes: [ParsedNote], document: Document, unsafe: Bool) -> String {
        let relative = OutputFolder.relativePage(for: notes[index].note.relativePath)
        func link(_ other: Int) -> PageShell.Link? {
            guard notes.indices.contains(other), notes[other].document != nil else { return nil }
            return PageShell.Link(
                title: notes[other].title,
                href: URLPath.link(from: relative, to: OutputFolder.relativePage(for: notes[other].note.relativePath)))
        }
        let shell = PageShell(
            title: notes[index].title, rootPrefix: URLPath.rootPrefix(for: relative),
            index: PageShell.Link(title: "Index", href: URLPath.link(from: relative, to: "index.html")),
            previous: link(index - 1), next: link(index + 1))
        return shell.page(body: HTMLWriter(unsafe: unsafe).render(document))
    }

    private static func indexPage(_ notes: [ParsedNote]) -> String {
        var body = HTMLBuffer()
        body.raw("<h1>Notes</h1>\n<ul class=\"notes\">\n")
        for note in notes where note.document != nil {
            body.raw("<li><a href=\"")
            body.escaped(URLPath.encode(OutputFolder.relativePage(for: note.note.relativePath)))
            body.raw("\">")
            body.escaped(note.title)
            body.raw("</a></li>\n")
        }
        body.raw("</ul>\n")
        return PageShell(title: "Notes", rootPrefix: "").page(body: body.string)
    }
}
