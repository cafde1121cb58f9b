import Cells
import Document
import Foundation
import Notebook
import Report

/// One run over a set of notes: read, parse and check them in parallel, then write a page and
/// a Markdown report per note, the index, report.json and the assets.
struct Pipeline {
    struct Options {
        var unsafeHTML = false
        var writeReports = true
        var notebook = NotebookOptions()
        /// How Swift cells run (`--no-exec`, `--cell-timeout`, `--no-cache`).
        var cells = CellRunner.Options()
        /// Where each note's formulas are written as Swift (`--emit-swift`), if anywhere.
        var emitSwift: String?
    }

    let options: Options

    /// A note of the run after reading and checking, or why it could not be read.
    struct NoteRun: Sendable {
        var note: NoteFile
        var document: Document?
        var result: NoteResult?
        /// How many formulas the note has (`document.formulas.count`, counted once).
        var formulaCount = 0
        /// The result's summary, counted once on the thread that checked the note.
        var summary = Summary()
        /// The note's entry of report.json.
        var json: [UInt8]?
        /// Why its page or report could not be written.
        var writeFailure: RenderError?
        var title: String
        var failure: RenderError?
    }

    /// What a run did.
    struct Outcome {
        var notes: [NoteRun]
        var failures: [RenderError]
        /// Warnings about the run rather than a note (no swiftc for the notes' cells).
        var warnings: [String] = []

        var results: [NoteResult] { notes.compactMap { $0.result } }
        var summary: Summary { notes.reduce(Summary()) { $0 + $1.summary } }
        var formulas: Int { notes.reduce(0) { $0 + $1.formulaCount } }
        /// JUnit names each note by its path as typed (CI tools open it), control characters escaped.
        var junitXML: String {
            JUnitReport.xml(for: notes.compactMap { note in
                note.result.map { var result = $0; result.path = ControlCharacters.escaped(note.note.path); return result }
            })
        }

        /// Every diagnostic with its note's path and lines, sorted by path, then position.
        var diagnostics: [(path: String, lines: [Substring], diagnostic: Diagnostic)] {
            var all: [(String, [Substring], Diagnostic)] = []
            for note in notes.sorted(by: { $0.note.path < $1.note.path }) {
                guard let document = note.document, let result = note.result else { continue }
                for diagnostic in (document.diagnostics + result.diagnostics).sorted(by: { $0.position < $1.position }) {
                    all.append((note.note.path, document.lines, diagnostic))
                }
            }
            return all
        }

        func summaryLine(output: String?, elapsed: Duration) -> String {
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let summary = summary
            let read = notes.filter { $0.failure == nil }.count
            var parts = ["\(read) note\(read == 1 ? "" : "s")", "\(formulas) formula\(formulas == 1 ? "" : "s")"]
            parts.append("\(summary.claims) claim\(summary.claims == 1 ? "" : "s"): \(summary.held) held, "
                         + "\(summary.failed) failed, \(summary.cannotTell) cannot tell")
            if summary.errors > 0 { parts.append("\(summary.errors) error\(summary.errors == 1 ? "" : "s")") }
            if summary.warnings > 0 { parts.append("\(summary.warnings) warning\(summary.warnings == 1 ? "" : "s")") }
            let destination = output.map { " → \($0)" } ?? ""
            return "render: " + parts.joined(separator: ", ") + destination + " in " + String(format: "%.2f s", seconds)
        }
    }

    func run(notes: [NoteFile], outputFolder: String) -> Outcome {
        // Every note is read and parsed first: a page links to its neighbours by their titles.
        let parsed = ParallelMap.map(count: notes.count) { index -> NoteRun in
            let note = notes[index]
            // A note without a heading is titled by its file name.
            var fallbackTitle: String { ((note.relativePath as NSString).lastPathComponent as NSString).deletingPathExtension }
            do throws(RenderError) {
                let document = MarkdownParser.parse(try NoteReader.read(note))
                return NoteRun(note: note, document: document, title: PlainText.firstHeading(of: document) ?? fallbackTitle)
            } catch {
                return NoteRun(note: note, title: fallbackTitle, failure: error)
            }
        }
        // Then each note is checked and its page, report and JSON written at once, while its
        // trees are still in the core's cache.
        let notebookOptions = options.notebook
        let writeReports = options.writeReports
        let unsafe = options.unsafeHTML
        // Nothing is moved into the output folder until every note is written (OutputStaging).
        let folder = OutputFolder.staged(root: outputFolder)
        // Swift cells: the compiler is looked for only when a note has one, so a run without
        // cells starts no process; notes compile and run in parallel, as they are checked.
        let noteCells = parsed.map { $0.document.map(Cell.cells(in:)) ?? [] }
        var warnings: [String] = []
        var cellRunner: CellRunner?
        if noteCells.contains(where: { !$0.isEmpty }) {
            let toolchain = SwiftToolchain.find()
            if toolchain == nil {
                warnings.append("no swiftc found (on PATH or in DERIVE_SWIFTC): Swift cells are not run")
            }
            cellRunner = CellRunner(toolchain: toolchain, options: options.cells)
        }
        let runner = cellRunner
        let emitSwift = options.emitSwift
        let checked = ParallelMap.map(count: parsed.count) { index -> NoteRun in
            var note = parsed[index]
            guard let document = note.document else { return note }
            // Checked under its name, not the path as typed: sampled values must not depend on
            // how the folder was spelled on the command line.
            var checkedNote: CheckedNote
            let cells = noteCells[index]
            var cellOutputs: [(cell: Cell, output: CellOutput)] = []
            if let runner, !cells.isEmpty {
                // Under its name too: the name is in the program (and so in the cache key).
                let (checked, outputs) = NoteCells.check(document, path: note.note.name, options: notebookOptions,
                                                         cells: cells, runner: runner)
                checkedNote = checked
                cellOutputs = Array(zip(cells, outputs)).map { (cell: $0, output: $1) }
            } else {
                checkedNote = Notebook.check(document, path: note.note.name, options: notebookOptions)
            }
            if let emitSwift {
                // The note's formulas as a Swift file (docs/note-language.md §12); names with no
                // Swift name are said once (a note with cells said them already).
                let generated = checkedNote.formulas.swift(fallback: SourcePosition(line: 1, column: 1), imports: true)
                if cells.isEmpty || runner == nil {
                    checkedNote.result.diagnostics = (checkedNote.result.diagnostics + generated.diagnostics).enumerated()
                        .sorted { ($0.element.position, $0.offset) < ($1.element.position, $1.offset) }.map(\.element)
                }
                do throws(RenderError) {
                    try OutputFolder(root: emitSwift).write(
                        Array(("// \(note.note.name): its formulas as Swift, written by Derive's render --emit-swift.\n"
                               + generated.source).utf8),
                        to: OutputFolder.relativePage(for: note.note.relativePath, extension: "swift"))
                } catch {
                    note.writeFailure = error
                }
            }
            let result = checkedNote.result
            note.result = result
            note.formulaCount = document.formulas.count
            note.summary = result.summary
            guard writeReports else { return note }
            note.json = ReportJSON.noteBytes(result, cells: cellOutputs)
            do throws(RenderError) {
                let page = Self.page(for: index, of: parsed, note: checkedNote, cells: cellOutputs, unsafe: unsafe)
                try folder.write(page, to: OutputFolder.relativePage(for: note.note.relativePath))
                let markdown = MarkdownReport.bytes(document: document, result: result, title: note.title, cells: cellOutputs)
                try folder.write(markdown, to: OutputFolder.relativePage(for: note.note.relativePath, extension: "md"))
            } catch {
                note.writeFailure = error
            }
            FaultInjection.afterWriting(note.note.relativePath)
            // The parse trees served the page and go with `checkedNote` here: the next note
            // reuses their memory (fresh pages cost the kernel a fault and a clear each).
            return note
        }
        // Closures, not key paths: a key path would copy each note to read one field.
        var failures = checked.compactMap { $0.failure } + checked.compactMap { $0.writeFailure }
        warnings += SetValues.unusedWarnings(names: Array(notebookOptions.values.keys), results: checked.compactMap(\.result))
        guard writeReports else { return Outcome(notes: checked, failures: failures, warnings: warnings) }
        // The files written for notes, for the manifest (a name with a tab or a line break in
        // it cannot be listed, and is never removed).
        var written: [String: String] = [:]
        for note in checked where note.document != nil && note.writeFailure == nil {
            for ext in ["html", "md"] {
                let file = OutputFolder.relativePage(for: note.note.relativePath, extension: ext)
                if !(file + note.note.name).contains(where: { $0 == "\t" || $0.isNewline }) { written[file] = note.note.name }
            }
        }
        let manifest = OutputManifest.read(in: outputFolder).updated(
            with: written, present: Set(checked.map(\.note.name)), covered: Set(checked.compactMap(\.note.folderPrefix)))
        // The index, report.json, the manifest and the assets are written side by side.
        let tail = ParallelMap.map(count: 3) { part -> RenderError? in
            do throws(RenderError) {
                switch part {
                case 0:
                    try folder.write(Array(Self.indexPage(checked).utf8), to: "index.html")
                    try folder.write(Array(manifest.manifest.text.utf8), to: OutputManifest.fileName)
                case 1:
                    let summary = checked.reduce(Summary()) { $0 + $1.summary }
                    try folder.write(parts: ReportJSON.parts(checked.compactMap { $0.json }, summary: summary), to: "report.json")
                default:
                    for asset in Assets.files() {
                        try folder.write(asset.bytes, to: asset.path)
                    }
                }
                return nil
            } catch {
                return error
            }
        }
        failures.append(contentsOf: tail.compactMap { $0 })
        if failures.contains(where: { if case .unwritable = $0 { true } else { false } }) {
            // A file could not be staged: the output folder is left as it was, all of it.
            folder.discard()
        } else {
            let commitFailures = folder.commit()
            failures.append(contentsOf: commitFailures)
            // The pages and reports of notes that are gone, once the new ones are in place.
            if commitFailures.isEmpty { OutputManifest.remove(manifest.stale, in: outputFolder) }
        }
        return Outcome(notes: checked, failures: failures, warnings: warnings)
    }

    /// A note's page; `notes` gives its neighbours' titles for the navigation.
    private static func page(for index: Int, of notes: [NoteRun], note: CheckedNote,
                             cells: [(cell: Cell, output: CellOutput)], unsafe: Bool) -> [UInt8] {
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
        var page = NotePage(note: note)
        for (index, entry) in cells.enumerated() { page.cells[entry.cell.firstLine - 1] = (index, entry.output) }
        return shell.page { page.write(into: &$0, unsafeHTML: unsafe) }
    }

    private static func indexPage(_ notes: [NoteRun]) -> String {
        IndexPage.html(entries: notes.filter { $0.document != nil }.map { note in
            IndexPage.Entry(title: note.title, href: URLPath.encode(OutputFolder.relativePage(for: note.note.relativePath)),
                            path: note.note.name, summary: note.summary)
        })
    }
}
