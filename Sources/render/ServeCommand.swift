import ArgumentParser
import Document
import Foundation
import Serve

/// `render serve [PATH…] [--port N]`: `render --watch` with the output folder served on
/// 127.0.0.1, open pages reloading after their note is rebuilt, a banner on a page whose note
/// has a failed claim or an error (LiveServer).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render serve",
        abstract: "Serve the output folder on 127.0.0.1, rebuilding and reloading pages as notes change.")

    @OptionGroup var render: Render

    @Option(help: ArgumentHelp("Port on 127.0.0.1 to serve on (0: any free port).", valueName: "n"))
    var port: Int = 8000

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535, not \(port)") }
        guard !render.check else { throw ValidationError("render serve writes pages: --check cannot be used with it") }
    }

    func run() throws {
        let server = try LiveServer(root: render.output, port: UInt16(port))
        let listening: UInt16
        do {
            listening = try server.start()
        } catch {
            Console().error("cannot serve on 127.0.0.1:\(port): \(error)")
            throw ExitCode(2)
        }
        console.summary("render: serving \(render.output) at http://127.0.0.1:\(listening)/ (Ctrl-C stops)")
        let loop = WatchLoop(command: render, afterRun: { outcome in
            server.rebuilt(pages: Self.pages(rebuiltIn: outcome), banners: Self.banners(of: outcome))
        }, beforeExit: {
            server.stop()
        })
        loop.run()
    }

    private var console: Console { Console() }

    /// The pages a run rewrote (or removed), and the index: relative to the output folder.
    static func pages(rebuiltIn outcome: Pipeline.Outcome) -> [String] {
        outcome.rebuilt.map { OutputFolder.relativePage(for: $0.note.relativePath) }
            + outcome.removed.map { OutputFolder.relativePage(for: $0) } + ["index.html"]
    }

    /// For each page whose note has a failed claim or an error, the lines of its banner.
    /// Reused notes have none: a note with a diagnostic is checked on every run (BuildState).
    static func banners(of outcome: Pipeline.Outcome) -> [String: [String]] {
        var banners: [String: [String]] = [:]
        for note in outcome.notes {
            guard note.document != nil, let result = note.result else { continue }
            let errors = result.diagnostics.filter { $0.severity == .error }
                .sorted { $0.position < $1.position }
            guard !errors.isEmpty else { continue }
            let count = note.summary.failed
            var lines = errors.prefix(10).map { "line \($0.position.line): \($0.message)" }
            if errors.count > 10 { lines.append("… and \(errors.count - 10) more") }
            if count > 0 { lines.insert("\(count) claim\(count == 1 ? "" : "s") failed", at: 0) }
            banners[OutputFolder.relativePage(for: note.note.relativePath)] = lines
        }
        return banners
    }
}
