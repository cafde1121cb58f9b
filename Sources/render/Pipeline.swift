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
        /// Whether a JUnit file is written (`--junit`).
        var writesJUnitFile = true
        var notebook = NotebookOptions()
        /// Each `--set` name (`notebook.values`' keys) as the command line typed it.
        var typedNames: [String: String] = [:]
        /// How Swift cells run (`--no-exec`, `--cell-timeout`, `--no-cache`).
        var cells = CellRunner.Options()
        /// Where each note's formulas are written as Swift (`--emit-swift`), if anywhere.
        var emitSwift: String?
        /// Whether notes recorded unchanged in the output folder's state are reused
        /// (false: `--force`).
        var reuse = true
        /// Told as notes are checked (a progress line on a terminal).
        var progress: Progress?
        /// The course's book (derive.yml), the notes given in its order; nil: no book.
        var course: Course.Layout?

        /// The options that change what is written, as text for `BuildState.settings` (the
        /// `--set` values sorted: a dictionary's order changes from run to run).
        var fingerprint: [String] {
            var notebook = self.notebook
            let values = notebook.values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.bitPattern)" }
            notebook.values = [:]
            return ["unsafeHTML=\(unsafeHTML)", String(describing: notebook), values.joined(separator: ","),
                    "execute=\(cells.execute)", "timeout=\(cells.timeout)", "outputLimit=\(cells.outputLimit)",
                    "cache=\(cells.cacheFolder?.path ?? "none")"]
        }
    }

    let options: Options

    /// A note of the run after reading and checking, or why it could not be read.
    struct NoteRun: Sendable {
        /// Whether it is unchanged since the last run (BuildState) and not read again: its
        /// title, counts, JSON and JUnit cases are those recorded.
        var reused = false
        /// Whether it was not asked for: a note of the course kept from the last run by a run
        /// of other notes of it (OutputCourse); its diagnostics and counts are not the run's.
        var kept = false
        /// What its page says of the other notes (`BuildState.navigation`).
        var navigation: UInt64 = 0
        /// A hash of its bytes, its key (BuildState), and its size and modification time.
        var contentHash: UInt64?
        var key: UInt64?
        var stamp: (size: Int64, modified: Int64)?
        /// Whether it has Swift cells.
        var hasCells = false
        /// Its test cases of the JUnit report.
        var junit: JUnitReport.TestCases?
        var note: NoteFile
        var document: Document?
        var result: NoteResult?
        /// How many formulas the note has (`document.formulas.count`, counted once).
        var formulaCount = 0
        /// The result's summary, counted once on the thread that checked the note.
        var summary = Summary()
        /// The note's entry of report.json.
        var json: [UInt8]?
        /// The note's line of the search index (SearchIndex).
        var search: [UInt8]?
        /// Why its page or report could not be written.
        var writeFailure: RenderError?
        var title: String
        var failure: RenderError?

        /// Whether it is listed in the index and linked from its neighbours: it was read.
        var listed: Bool { document != nil || reused }
    }

    /// What a run did.
    struct Outcome {
        var notes: [NoteRun]
        var failures: [RenderError]
        /// Warnings about the run rather than a note (no swiftc for the notes' cells).
        var warnings: [String] = []
        /// The notes whose files were removed since the last run (they are gone), by relative path.
        var removed: [String] = []

        /// The notes checked in this run (not reused from the last).
        var rebuilt: [NoteRun] { notes.filter { !$0.reused } }

        var results: [NoteResult] { notes.compactMap { $0.result } }
        /// The counts of the notes asked for.
        var summary: Summary { notes.reduce(Summary()) { $1.kept ? $0 : $0 + $1.summary } }
        var formulas: Int { notes.reduce(0) { $1.kept ? $0 : $0 + $1.formulaCount } }
        var junitXML: String {
            JUnitReport.xml(notes.compactMap(\.junit))
        }

        /// Every diagnostic with its note's path and lines, sorted by path, then position, with
        /// the names it mentions as the note wrote them (`y_{pred}`, not `y_pred`).
        var diagnostics: [(path: String, lines: [Substring], diagnostic: Diagnostic)] {
            var all: [(String, [Substring], Diagnostic)] = []
            // Indices are sorted, not the notes: a note is a large value to move.
            let order = notes.indices.filter { !notes[$0].kept && notes[$0].result?.diagnostics.isEmpty == false }
                .sorted { notes[$0].note.path < notes[$1].note.path }
            for index in order {
                let note = notes[index]
                guard let document = note.document, let result = note.result else { continue }
                // The result holds the document's own diagnostics too (Markdown nested too deep).
                let sorted = result.diagnostics.sorted(by: { $0.position < $1.position })
                for diagnostic in Diagnostic.respellingNames(in: sorted, result.writtenNames) {
                    all.append((note.note.path, document.lines, diagnostic))
                }
            }
            return all
        }

        /// The run's last line; `besides` counts diagnostics that are not a note's (derive.yml's).
        func summaryLine(output: String?, elapsed: Duration, besides: Summary = Summary()) -> String {
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let summary = summary + besides
            let read = notes.count { !$0.kept && $0.failure == nil }
            var parts = ["\(read) note\(read == 1 ? "" : "s")", "\(formulas) formula\(formulas == 1 ? "" : "s")"]
            parts.append("\(summary.claims) claim\(summary.claims == 1 ? "" : "s"): \(summary.held) held, "
                         + "\(summary.failed) failed, \(summary.cannotTell) cannot tell")
            if summary.errors > 0 { parts.append("\(summary.errors) error\(summary.errors == 1 ? "" : "s")") }
            if summary.warnings > 0 { parts.append("\(summary.warnings) warning\(summary.warnings == 1 ? "" : "s")") }
            var destination = output.map { " → \($0)" } ?? ""
            let kept = notes.count { $0.kept }
            if kept > 0 {
                let rewritten = notes.count { $0.kept && !$0.reused }
                destination += " (and the \(kept) other note\(kept == 1 ? "" : "s") of the course, "
                    + "kept from the last run" + (rewritten == 0 ? "" : "; \(rewritten) of their pages rewritten for new links") + ")"
            }
            return "render: " + parts.joined(separator: ", ") + destination + " in " + String(format: "%.2f s", seconds)
        }
    }

    /// Renders the notes of `plan` into `outputFolder`: those it keeps from the last run
    /// (OutputCourse) are neither read nor checked, and written again only when their
    /// navigation changes.
    func run(_ plan: OutputCourse.Plan, outputFolder: String) -> Outcome {
        let notes = plan.notes
        let writeReports = options.writeReports
        // Each note's JUnit test cases: for the JUnit file, or for the output folder's state,
        // which records them for the notes a later run reuses.
        let buildsJUnit = options.writesJUnitFile || writeReports
        // What the last run into this folder learned (BuildState, loaded by OutputCourse):
        // notes whose key is as recorded are neither checked nor written again.
        let previous = writeReports ? plan.state : nil
        // The options as the state records them; a run that writes no report (--check) keeps
        // no state, and does not spell them out.
        let settings = writeReports ? BuildState.settings(options.fingerprint) : 0
        // With --set, every note is checked: whether a --set name is used anywhere is told
        // from every note's result (SetValues.unusedWarnings).
        let reusable = options.reuse && options.notebook.values.isEmpty && previous?.settings == settings ? previous : nil
        let started = BuildState.now()
        // Every note is read and parsed first: a page links to its neighbours by their titles.
        // A note whose bytes are as recorded is not parsed: its title is in the state.
        // A note kept from the last run (not asked for) is as that run left it, whatever its
        // file holds now, under any settings.
        let kept = previous.map { previous in plan.kept.filter { previous.entries[$0] != nil } } ?? []
        let keptEntries = previous?.entries ?? [:]
        let reusableEntries = reusable?.entries ?? [:]
        var firstParse = ParallelMap.map(count: notes.count) { index -> NoteRun in
            let note = notes[index]
            if kept.contains(note.relativePath), let entry = previous?.entries[note.relativePath] {
                var run = NoteRun(reused: entry, note: note, stamp: (entry.size, entry.modified))
                run.kept = true
                return run
            }
            return Self.readAndParse(note, recorded: reusable?.entries[note.relativePath], state: reusable)
        }
        // A recorded note is reused when its key (its bytes, paths, neighbours' titles and a
        // book's table of contents) is as recorded and its files are still there, a kept one
        // when its navigation is; the others (neighbours of a changed note, every page of a book
        // whose contents changed) are parsed now. A kept note parsed again may have a new
        // title: its neighbours are looked at again, until none changes. A run that writes no
        // report reuses nothing and records no key.
        while writeReports {
            let contents = options.course.map { Self.contentsKey($0.book(of: firstParse)) }
            for index in firstParse.indices {
                let navigation = BuildState.navigation(
                    neighbours: Self.neighbours(of: index, in: firstParse) + (contents.map { [$0] } ?? []))
                firstParse[index].navigation = navigation
                firstParse[index].key = firstParse[index].contentHash.map {
                    BuildState.key(contentHash: $0, settings: settings, note: notes[index], navigation: navigation)
                }
            }
            let candidates = firstParse
            let isStale = ParallelMap.map(count: candidates.count) { index -> Bool in
                let note = candidates[index]
                guard note.reused, let entry = (note.kept ? keptEntries : reusableEntries)[note.note.relativePath] else {
                    return false
                }
                let same = note.kept ? entry.navigation == note.navigation : entry.key != 0 && entry.key == note.key
                return !same || !entry.outputs.allSatisfy({ access(NoteDiscovery.join(outputFolder, $0), F_OK) == 0 })
            }
            let stale = candidates.indices.filter { isStale[$0] }
            guard !stale.isEmpty else { break }
            let again = ParallelMap.map(count: stale.count) { position -> NoteRun in
                var note = Self.readAndParse(candidates[stale[position]].note, recorded: nil, state: nil)
                note.kept = candidates[stale[position]].kept
                return note
            }
            for (index, note) in zip(stale, again) { firstParse[index] = note }
        }
        let parsed = firstParse
        let book = options.course?.book(of: parsed)
        let navigation = book.map(BookNavigation.init(book:))
        // Then each note is checked and its page, report and JSON written at once, while its
        // trees are still in the core's cache.
        let notebookOptions = options.notebook
        let unsafe = options.unsafeHTML
        let progress = options.progress
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
        let toCheck = parsed.indices.filter { parsed[$0].document != nil }
        progress?.start(total: toCheck.count)
        let checkedNotes = ParallelMap.map(count: toCheck.count) { position -> NoteRun in
            let index = toCheck[position]
            defer { progress?.noteDone() }
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
                checkedNote = Notebook.check(document, path: note.note.name, options: notebookOptions,
                                             drawsPage: writeReports, readsClaims: buildsJUnit)
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
            note.hasCells = !cells.isEmpty
            note.formulaCount = document.formulas.count
            note.summary = result.summary
            if buildsJUnit {
                // JUnit names each note by its path as typed (CI tools open it), control characters escaped.
                var named = result
                named.path = ControlCharacters.escaped(note.note.path)
                note.junit = JUnitReport.testCases(for: named)
            }
            guard writeReports else { return note }
            note.json = ReportJSON.noteBytes(result, cells: cellOutputs)
            note.search = SearchIndex.entry(document: document, title: note.title,
                                            href: URLPath.encode(OutputFolder.relativePage(for: note.note.relativePath)))
            do throws(RenderError) {
                let page = Self.page(for: index, of: parsed, note: checkedNote, cells: cellOutputs, unsafe: unsafe, navigation: navigation)
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
        progress?.finish()
        var all = parsed
        for (position, note) in zip(toCheck, checkedNotes) { all[position] = note }
        let checked = all
        // Closures, not key paths: a key path would copy each note to read one field.
        var failures = checked.compactMap { $0.failure } + checked.compactMap { $0.writeFailure }
        warnings += SetValues.unusedWarnings(names: Array(notebookOptions.values.keys),
                                             results: checked.filter { !$0.kept }.compactMap(\.result),
                                             typed: options.typedNames)
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
        // The search page and its index are the whole course's, written by every run.
        for file in [SearchPage.fileName, SearchIndex.fileName] { written[file] = OutputManifest.courseFiles }
        var lastManifest = plan.manifest
        if let folders = plan.folders { lastManifest.folders = folders }
        let manifest = lastManifest.updated(
            with: written, present: plan.present ?? Set(checked.map(\.note.name)),
            covered: Set(checked.compactMap(\.note.folderPrefix)))
        let state = Self.state(of: checked, previous: reusable, kept: previous, settings: settings, started: started)
        // The index, report.json, the manifest, the assets and the state are written side by side.
        let tail = ParallelMap.map(count: 4) { part -> RenderError? in
            do throws(RenderError) {
                switch part {
                case 0:
                    try folder.write(Array(Self.indexPage(checked, book: book).utf8), to: "index.html")
                    if let book, let sitemap = Sitemap.xml(book: book) { try folder.write(Array(sitemap.utf8), to: "sitemap.xml") }
                    try folder.write(Array(manifest.manifest.text.utf8), to: OutputManifest.fileName)
                    try folder.write(Self.searchPage(navigation: navigation), to: SearchPage.fileName)
                    // Every listed note's line, an unchanged note's from the state.
                    try folder.write(parts: SearchIndex.parts(checked.filter(\.listed).compactMap { $0.search }),
                                     to: SearchIndex.fileName)
                case 1:
                    let summary = checked.reduce(Summary()) { $0 + $1.summary }
                    try folder.write(parts: ReportJSON.parts(checked.compactMap { $0.json }, summary: summary), to: "report.json")
                case 2:
                    try folder.write(parts: state.parts(), to: BuildState.fileName)
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
        var removed: [String] = []
        if failures.contains(where: { if case .unwritable = $0 { true } else { false } }) {
            // A file could not be staged: the output folder is left as it was, all of it.
            folder.discard()
        } else {
            let commitFailures = folder.commit()
            failures.append(contentsOf: commitFailures)
            // The pages and reports of notes that are gone (deleted, renamed), once the new ones
            // are in place: only files the manifest lists, never anything else in the folder,
            // and none of a note this run did not cover (`render notes/a.md` keeps the others).
            if commitFailures.isEmpty {
                let gone = Set(OutputManifest.remove(manifest.stale, in: outputFolder))
                removed = Self.removedNotes(of: previous, keeping: state, gone: gone)
            }
        }
        return Outcome(notes: checked, failures: failures, warnings: warnings, removed: removed)
    }

    /// Reads a note and parses it, unless its bytes are those `recorded` in `state` (then it is
    /// `reused`, titled as recorded, and not parsed).
    private static func readAndParse(_ note: NoteFile, recorded: BuildState.Entry?, state: BuildState?) -> NoteRun {
        // A note without a heading is titled by its file name.
        var fallbackTitle: String { ((note.relativePath as NSString).lastPathComponent as NSString).deletingPathExtension }
        if let recorded, let state, let stamp = BuildState.stamp(note.path),
           state.isUnchanged(recorded, size: stamp.size, modified: stamp.modified) {
            return NoteRun(reused: recorded, note: note, stamp: stamp)
        }
        do throws(RenderError) {
            let stamp = BuildState.stamp(note.path)
            let bytes = try NoteReader.readBytes(note.path)
            var hasher = BuildState.FNV()
            hasher.add(bytes)
            if let recorded, recorded.contentHash == hasher.value, let stamp {
                return NoteRun(reused: recorded, note: note, stamp: stamp)
            }
            let document = MarkdownParser.parse(try NoteReader.decode(bytes, path: note.path))
            var run = NoteRun(note: note, document: document, title: PlainText.firstHeading(of: document) ?? fallbackTitle)
            run.contentHash = hasher.value
            run.stamp = stamp
            return run
        } catch {
            return NoteRun(note: note, title: fallbackTitle, failure: error)
        }
    }

    /// A hash of what every page of a book shows of it (`Book.fingerprint`), for the pages' keys.
    private static func contentsKey(_ book: Book) -> String {
        var hasher = BuildState.FNV()
        hasher.add(book.fingerprint)
        return "book " + String(hasher.value)
    }

    /// What a note's page says of its neighbours: their titles and where they are, or that
    /// there is none.
    private static func neighbours(of index: Int, in notes: [NoteRun]) -> [String] {
        [index - 1, index + 1].map { other in
            guard notes.indices.contains(other), notes[other].listed else { return "" }
            return notes[other].title + "\u{0}" + notes[other].note.relativePath
        }
    }

    /// The state this run leaves: every note written, with its key, and its outputs; a note
    /// with a diagnostic or a cell is recorded with key 0, never reused, so that every run
    /// checks it again and prints what a full run prints. A note kept from the last run
    /// (`kept`, the last run's state) keeps its entry.
    private static func state(of notes: [NoteRun], previous reusable: BuildState?, kept: BuildState?,
                              settings: UInt64, started: Int64) -> BuildState {
        var state = BuildState(settings: settings, started: started)
        for note in notes {
            let previous = note.kept ? kept : reusable
            if note.kept, note.reused, let kept, var entry = kept.entries[note.note.relativePath] {
                // Its stamp was trusted against the start of the run that recorded it: the next
                // run reads the note if it would not have been.
                if !kept.isUnchanged(entry, size: entry.size, modified: entry.modified) { entry.size = -1 }
                state.entries[entry.relativePath] = entry
                continue
            }
            if note.failure != nil || note.writeFailure != nil, var entry = previous?.entries[note.note.relativePath] {
                // Kept, never reused, so that its files are removed if the note goes.
                entry.key = 0
                state.entries[entry.relativePath] = entry
                continue
            }
            guard note.failure == nil, note.writeFailure == nil, let contentHash = note.contentHash,
                  let stamp = note.stamp, let key = note.key else { continue }
            if note.reused, let entry = previous?.entries[note.note.relativePath] {
                var entry = entry
                (entry.size, entry.modified) = (stamp.size, stamp.modified)
                state.entries[entry.relativePath] = entry
                continue
            }
            guard let result = note.result, note.document != nil, let json = note.json, let junit = note.junit else {
                continue
            }
            let clean = result.diagnostics.isEmpty && !note.hasCells
            state.entries[note.note.relativePath] = BuildState.Entry(
                relativePath: note.note.relativePath, size: stamp.size, modified: stamp.modified,
                contentHash: contentHash, key: clean ? key : 0, navigation: note.navigation, title: note.title,
                formulaCount: note.formulaCount, summary: note.summary, json: json, search: note.search ?? [], junit: junit,
                outputs: [OutputFolder.relativePage(for: note.note.relativePath),
                          OutputFolder.relativePage(for: note.note.relativePath, extension: "md")])
        }
        return state
    }

    /// The notes of the last run's state that this run removed the files of (for `--watch`'s
    /// line): those no longer in the state, one of whose recorded outputs is `gone`.
    private static func removedNotes(of previous: BuildState?, keeping current: BuildState, gone: Set<String>) -> [String] {
        guard let previous, !gone.isEmpty else { return [] }
        return previous.entries.values.sorted(by: { $0.relativePath < $1.relativePath })
            .filter { current.entries[$0.relativePath] == nil && $0.outputs.contains(where: gone.contains) }
            .map(\.relativePath)
    }

    /// A note's page; `notes` gives its neighbours' titles for the navigation.
    private static func page(for index: Int, of notes: [NoteRun], note: CheckedNote,
                             cells: [(cell: Cell, output: CellOutput)], unsafe: Bool, navigation: BookNavigation?) -> [UInt8] {
        let relative = OutputFolder.relativePage(for: notes[index].note.relativePath)
        func link(_ other: Int) -> PageShell.Link? {
            guard notes.indices.contains(other), notes[other].listed else { return nil }
            return PageShell.Link(
                title: notes[other].title,
                href: URLPath.link(from: relative, to: OutputFolder.relativePage(for: notes[other].note.relativePath)))
        }
        var shell = PageShell(
            title: notes[index].title, rootPrefix: URLPath.rootPrefix(for: relative),
            index: PageShell.Link(title: "Index", href: URLPath.link(from: relative, to: "index.html")),
            previous: link(index - 1), next: link(index + 1))
        if let navigation {
            shell.contents = navigation.at(relative)
            shell.canonicalURL = navigation.book.url(of: relative)
        }
        var page = NotePage(note: note)
        for (index, entry) in cells.enumerated() { page.cells[entry.cell.firstLine - 1] = (index, entry.output) }
        return shell.page { page.write(into: &$0, unsafeHTML: unsafe) }
    }

    /// The search page, with a book's contents beside it when the course is one.
    private static func searchPage(navigation: BookNavigation?) -> [UInt8] {
        var shell = PageShell(title: "Search", rootPrefix: "", index: PageShell.Link(title: "Index", href: "index.html"))
        if let navigation {
            shell.contents = navigation.at(SearchPage.fileName)
            shell.canonicalURL = navigation.book.url(of: SearchPage.fileName)
        }
        return SearchPage.bytes(shell: shell)
    }

    private static func indexPage(_ notes: [NoteRun], book: Book?) -> String {
        if let book {
            var summaries: [String: Summary] = [:]
            for note in notes where note.listed { summaries[OutputFolder.relativePage(for: note.note.relativePath)] = note.summary }
            return FrontPage.html(book: book, summaries: summaries)
        }
        return IndexPage.html(entries: notes.filter(\.listed).map { note in
            IndexPage.Entry(title: note.title, href: URLPath.encode(OutputFolder.relativePage(for: note.note.relativePath)),
                            path: note.note.name, summary: note.summary)
        })
    }
}

extension Pipeline.NoteRun {
    /// A note unchanged since the run that recorded `entry`.
    init(reused entry: BuildState.Entry, note: NoteFile, stamp: (size: Int64, modified: Int64)) {
        self.init(reused: true, contentHash: entry.contentHash, stamp: stamp, junit: entry.junit, note: note,
                  formulaCount: entry.formulaCount, summary: entry.summary, json: entry.json, search: entry.search,
                  title: entry.title)
    }
}
