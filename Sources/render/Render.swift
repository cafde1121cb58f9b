import ArgumentParser
import Foundation

/// `render`: turns a folder of Markdown notes into HTML pages, every formula kept intact.
@main
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render Markdown notes with LaTeX math into HTML.",
        discussion: """
            Every .md file under each PATH (default: notes/) becomes NAME.html in the output \
            folder, mirroring the folder tree, with an index.html that lists them.

            Exit status: 0 on success, 1 when a note has an error, 2 for usage and I/O errors.
            """)

    @Argument(help: ArgumentHelp("Folders or .md files to render.", valueName: "path"))
    var paths: [String] = ["notes/"]

    @Option(name: .shortAndLong, help: ArgumentHelp("Folder to write the pages into.", valueName: "dir"))
    var output: String = "output/"

    @Flag(help: "Let raw HTML in notes through to the pages (by default it is omitted, as in cmark-gfm's safe mode).")
    var unsafeHTML = false

    /// Parses the command line and runs it. ArgumentParser exits with 64 (EX_USAGE) on a usage
    /// error; Derive uses 2 for usage and I/O errors, so that CI sees one code for both.
    static func main() {
        do {
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

    mutating func run() throws {
        let console = Console()
        let start = ContinuousClock.now
        let notes: [NoteFile]
        do {
            notes = try NoteDiscovery.find(paths: paths, excluding: output)
        } catch {
            console.error(error.description)
            throw ExitCode(2)
        }
        let pipeline = Pipeline(options: Pipeline.Options(unsafeHTML: unsafeHTML))
        let outcome = pipeline.run(notes: notes, outputFolder: output)
        for failure in outcome.failures { console.error(failure.description) }
        let elapsed = ContinuousClock.now - start
        console.summary(outcome.summaryLine(output: output, elapsed: elapsed))
        if !outcome.failures.isEmpty { throw ExitCode(2) }
    }
}
