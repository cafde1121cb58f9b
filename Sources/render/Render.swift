import ArgumentParser
import Foundation
import Notebook

/// `render`: turns a folder of Markdown notes into pages in which every formula is computed
/// and every claim checked; in CI, fails with compiler-style diagnostics when one is wrong.
@main
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Check the math in Markdown notes and render them into HTML and Markdown reports.",
        // Written out: past a length ArgumentParser would shorten it to `[<options>]`.
        usage: """
            render [<path> ...] [--output <dir>] [--check] [--strict] [--set <name=value> ...]
                   [--samples <n>] [--tolerance <tolerance>] [--junit <file>] [--unsafe-html]
                   [--no-exec] [--cell-timeout <seconds>] [--no-cache] [--emit-swift <dir>]
                   [--quiet] [--version] [--force] [--watch]
            render serve [<path> ...] [--port <n>] [the options above]
            """,
        discussion: """
            Every .md file under each PATH (default: notes/) becomes NAME.html and NAME.md in the \
            output folder, mirroring the folder tree, with index.html and report.json. A derive.yml \
            in the notes folder makes the pages a book: a title, chapters in order, parts, a table \
            of contents on every page (docs/publishing.md). Notes of a folder rendered into its \
            output folder (render notes/a.md) update their pages there and keep the course's other \
            notes as the last run left them, in the index and report.json too.

            A run rewrites only the notes that changed since the last run into the same folder \
            (what it learned is kept in the folder's .render-state); --force rebuilds them all. \
            With --watch, render stays running and rebuilds whenever a note changes; \
            `render serve [PATH...] [--port N]` does the same and serves the output folder on \
            127.0.0.1, reloading an open page when its note is rebuilt.

            Exit status: 0 when every claim holds; 1 when a claim fails or a note has an error \
            (or, with --strict, a warning); 2 for usage and I/O errors.
            """,
        version: deriveVersion)

    @Argument(help: ArgumentHelp("Folders or .md files to render.", valueName: "path"))
    var paths: [String] = ["notes/"]

    @Option(name: [.customShort("o"), .customLong("output")],
            help: ArgumentHelp("Folder to write the reports into (default: the output of derive.yml, else output/).",
                               valueName: "dir"))
    var outputOption: String?

    /// The output folder: `--output`, else the notes folder's derive.yml's `output` (for notes,
    /// that of the folder above them: OutputCourse), else `output/`.
    var output: String { outputOption ?? (Course.load(paths: paths) ?? Course.enclosing(paths))?.outputFolder ?? "output/" }

    @Flag(help: "Verify only: print diagnostics and exit, writing no reports.")
    var check = false

    @Flag(help: "Treat warnings (and claims Derive cannot tell) as errors.")
    var strict = false

    @Option(name: .customLong("set"), parsing: .singleValue,
            help: ArgumentHelp("Give a name a value at the example point (repeatable).", valueName: "name=value"))
    var assignments: [String] = []

    @Option(help: ArgumentHelp("Random points each claim is checked at, besides the example point (at most 10000).",
                               valueName: "n"))
    var samples: Int = 8

    /// The most random points a claim is checked at (`--samples`): each costs an evaluation of
    /// every claim, so a larger number only makes a run slower, never surer in practice.
    static let maximumSamples = 10_000

    @Option(help: ArgumentHelp("Relative tolerance of '='.", valueName: "tolerance"))
    var tolerance: Double = 1e-9

    @Option(help: ArgumentHelp("Steps of every run of update rules, over the note's own T (at most 1000000).",
                               valueName: "n"))
    var steps: Int?

    @Option(help: ArgumentHelp("Write a JUnit XML report of the claims to this file.", valueName: "file"))
    var junit: String?

    @Flag(help: "Let raw HTML in notes through to the pages (by default it is omitted, as in cmark-gfm's safe mode).")
    var unsafeHTML = false

    @Flag(help: "Render without running Swift cells: their cached outputs are shown where they exist, else \"not run\".")
    var noExec = false

    @Option(help: ArgumentHelp("Seconds a note's Swift cells may run, together.", valueName: "seconds"))
    var cellTimeout: Double = 10

    @Flag(help: "Neither read nor write the cell cache (.derive-cache/ beside the output folder).")
    var noCache = false

    @Option(help: ArgumentHelp("Write each note's formulas as a Swift file (values and gradients) into this folder.",
                               valueName: "dir"))
    var emitSwift: String?

    @Flag(name: .shortAndLong, help: "Print only errors, warnings and the summary line (no notes).")
    var quiet = false

    @Flag(help: "Check and write every note, not only those changed since the last run.")
    var force = false

    @Flag(help: "Stay running: rebuild whenever a note changes (Ctrl-C stops).")
    var watch = false

    /// Parses the command line and runs it. ArgumentParser exits with 64 (EX_USAGE) on a usage
    /// error; Derive uses 2 for usage and I/O errors, so that CI sees one code for both.
    static func main() {
        do {
            if CommandLine.arguments.dropFirst().first == "serve" {
                var command = try ServeCommand.parseAsRoot(Array(CommandLine.arguments.dropFirst(2)))
                try command.run()
                return
            }
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                Console.standardError(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }

    func validate() throws {
        guard samples >= 0, samples <= Self.maximumSamples else {
            throw ValidationError("--samples must be from 0 to \(Self.maximumSamples), not \(samples)")
        }
        guard tolerance >= 0, tolerance.isFinite else { throw ValidationError("--tolerance must be a finite number ≥ 0") }
        if let steps, steps < 0 || steps > 1_000_000 {
            throw ValidationError("--steps must be from 0 to 1000000, not \(steps)")
        }
        guard cellTimeout > 0, cellTimeout.isFinite else { throw ValidationError("--cell-timeout must be a finite number > 0") }
        _ = try typedAssignments()
    }

    /// `--set` values by canonical name, and each canonical name as it was typed (`L^{(2)}`
    /// for `L^(2)`, `eta` for `η`), for the warnings that name it.
    func typedAssignments() throws -> (values: [String: Double], typed: [String: String]) {
        var values: [String: Double] = [:]
        var typed: [String: String] = [:]
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "=") else {
                throw ValidationError("--set \(assignment): expected NAME=VALUE, e.g. --set x_1=0.5")
            }
            let name = assignment[..<equals].trimmingCharacters(in: .whitespaces)
            let text = assignment[assignment.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, let value = Double(text), value.isFinite else {
                throw ValidationError("--set \(assignment): VALUE must be a finite number")
            }
            let canonical = SetValues.canonicalName(name)
            values[canonical] = value
            typed[canonical] = name
        }
        return (values, typed)
    }

    mutating func run() throws {
        if watch { WatchLoop(command: self).run() }
        let console = Console()
        guard let (outcome, status) = build(console: console, progress: quiet ? nil : Progress.forTerminal()) else { throw ExitCode(2) }
        // Exit with every note's trees still alive: freeing them one by one would only cost
        // time (a few percent of a run, on one thread) just before the process ends anyway.
        withExtendedLifetime(outcome) { Foundation.exit(status) }
    }

    /// The pipeline's options, as the command line gives them.
    func pipelineOptions() throws -> Pipeline.Options {
        let assignments = try typedAssignments()
        var options = Pipeline.Options(
            unsafeHTML: unsafeHTML, writeReports: !check, writesJUnitFile: junit != nil,
            notebook: NotebookOptions(values: assignments.values, samples: samples, relativeTolerance: tolerance,
                                      steps: steps))
        options.typedNames = assignments.typed
        options.cells.execute = !noExec
        options.cells.timeout = cellTimeout
        options.cells.cacheFolder = noCache ? nil : Self.cacheFolder(beside: output)
        options.emitSwift = emitSwift
        // A reused note would write no Swift file: --emit-swift checks every note.
        options.reuse = !force && emitSwift == nil
        return options
    }

    /// One run: finds the notes, checks and writes them, prints the diagnostics (of the notes
    /// in `only`, when given; only errors and warnings with `--quiet`) and, when `summaryLine`, the summary line. Returns what the run did
    /// and its exit status, or nil when the notes could not be found (said on standard error).
    func build(console: Console, progress: Progress?, only: Set<String>? = nil, summaryLine: Bool = true)
        -> (outcome: Pipeline.Outcome, status: Int32)?
    {
        let start = ContinuousClock.now
        var plan: OutputCourse.Plan
        var options: Pipeline.Options
        do {
            plan = try OutputCourse.plan(paths: paths, output: output, writing: !check)
            options = try pipelineOptions()
        } catch let error as RenderError {
            console.error(error.description)
            return nil
        } catch {
            console.error(String(describing: error))
            return nil
        }
        options.progress = progress
        // The course's derive.yml (of its folder, for notes of a course): the book's order and
        // contents (docs/publishing.md), applied to every note of the course.
        var course = Course.load(paths: plan.typedFolders.isEmpty ? paths : plan.typedFolders)
        if let arranged = course?.arrange(plan.course ?? plan.notes) {
            var byPath: [String: NoteFile] = [:]
            for note in plan.notes { byPath[note.relativePath] = note }
            plan.notes = arranged.notes.compactMap { byPath[$0.relativePath] }
            options.course = arranged.layout
            course?.diagnostics += arranged.diagnostics
        }
        if let notice = plan.notice { Console.standardError("render: \(ControlCharacters.escaped(notice))") }
        let outcome = Pipeline(options: options).run(plan, outputFolder: output)
        let printer = DiagnosticPrinter()
        let courseDiagnostics = (course?.diagnostics ?? []).filter { !quiet || $0.severity != .note }
        for diagnostic in courseDiagnostics.sorted(by: { $0.position < $1.position }) {
            Console.standardError(printer.format(diagnostic, path: course?.path ?? "", lines: course?.lines ?? []))
        }
        let diagnostics = outcome.diagnostics.filter {
            (!quiet || $0.diagnostic.severity != .note) && (only?.contains(PathKey.resolved($0.path)) ?? true)
        }
        for (path, lines, diagnostic) in diagnostics {
            Console.standardError(printer.format(diagnostic, path: path, lines: lines))
        }
        // getenv: ProcessInfo's environment builds a dictionary of every variable to read one.
        if getenv("GITHUB_ACTIONS").map({ String(cString: $0) }) == "true" {
            for (path, _, diagnostic) in courseDiagnostics.map({ (course?.path ?? "", [Substring](), $0) }) + diagnostics {
                print(DiagnosticPrinter.githubAnnotation(diagnostic, path: path))
            }
        }
        var ioFailures = outcome.failures
        if let junit {
            do throws(RenderError) {
                try OutputFolder.writeFile(Array(outcome.junitXML.utf8), at: junit)
            } catch {
                ioFailures.append(error)
            }
        }
        for failure in ioFailures { console.error(failure.description) }
        for warning in outcome.warnings { Console.standardError("render: warning: \(warning)") }
        // derive.yml's errors and warnings count as the notes' do.
        var courseCounts = Summary()
        courseCounts.errors = courseDiagnostics.filter { $0.severity == .error }.count
        courseCounts.warnings = courseDiagnostics.filter { $0.severity == .warning }.count
        if summaryLine {
            console.summary(outcome.summaryLine(output: check ? nil : output, elapsed: ContinuousClock.now - start,
                                                besides: courseCounts))
        }
        let summary = outcome.summary + courseCounts
        let status: Int32 = !ioFailures.isEmpty ? 2
            : summary.errors > 0 || summary.failed > 0 || (strict && (summary.warnings > 0 || summary.cannotTell > 0 || !outcome.warnings.isEmpty)) ? 1 : 0
        return (outcome, status)
    }

    /// `.derive-cache/` in the folder that holds the output folder.
    static func cacheFolder(beside output: String) -> URL {
        let absolute = URL(fileURLWithPath: output).standardizedFileURL
        return absolute.deletingLastPathComponent().appendingPathComponent(".derive-cache", isDirectory: true)
    }
}
