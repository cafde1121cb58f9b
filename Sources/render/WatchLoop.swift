import Foundation
import Notebook

/// `render --watch` (and `render serve`): a first run, then a run after every batch of changes
/// to the notes, each incremental (BuildState), each told in one line: when, what changed, the
/// verdicts of the changed notes and of the whole course; then the changed notes' diagnostics.
/// Nothing a note holds stops it: a note that does not parse mid-edit is one more diagnostic,
/// and a run that finds no notes says why and waits for the next change.
struct WatchLoop {
    let command: Render
    /// Called after each run, on the loop's thread (the server tells its pages).
    var afterRun: ((Pipeline.Outcome) -> Void)? = nil
    /// Called on Ctrl-C (SIGINT) or SIGTERM, once no run is under way, before the process exits.
    var beforeExit: (@Sendable () -> Void)? = nil

    /// Held during each run: Ctrl-C waits for the run to commit or discard its output.
    private static let running = NSLock()

    func run() -> Never {
        let console = Console()
        let stopping = stopOnSignals()
        let watcher = Watcher(paths: command.paths, excluding: command.output)
        Self.running.lock()
        if let (outcome, _) = command.build(console: console, progress: Progress.forTerminal()) {
            afterRun?(outcome)
        }
        Self.running.unlock()
        console.summary("render: watching \(command.paths.joined(separator: ", ")) (Ctrl-C stops)")
        while true {
            let changed = watcher.next()
            guard !changed.isEmpty else { continue }
            Self.running.lock()
            defer { Self.running.unlock() }
            let start = ContinuousClock.now
            guard let (outcome, _) = command.build(console: console, progress: nil, only: changed, summaryLine: false) else { continue }
            console.summary(Self.line(outcome, changed: changed, elapsed: ContinuousClock.now - start))
            afterRun?(outcome)
        }
        withExtendedLifetime(stopping) {}
    }

    /// Ctrl-C and SIGTERM end the loop cleanly: after the run under way, `beforeExit`, status 0.
    private func stopOnSignals() -> [DispatchSourceSignal] {
        let beforeExit = self.beforeExit
        return [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                Self.running.lock()
                beforeExit?()
                Console().summary("render: stopped")
                exit(0)
            }
            source.resume()
            return source
        }
    }

    /// `render: 14:02:07 sub/a.md changed: 3 claims: 3 held, 0 failed, 0 cannot tell; all: … in 0.04 s`.
    static func line(_ outcome: Pipeline.Outcome, changed: Set<String>, elapsed: Duration) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        let changedNotes = outcome.notes.filter { changed.contains(PathKey.resolved($0.note.path)) }
        var parts: [String] = []
        if !changedNotes.isEmpty {
            let summary = changedNotes.reduce(Summary()) { $0 + $1.summary }
            let unread = changedNotes.filter { $0.failure != nil }.count
            var verdicts = Self.verdicts(summary)
            if unread > 0 { verdicts += ", \(unread) unreadable" }
            parts.append(changedNotes.map(\.note.name).joined(separator: ", ") + " changed: " + verdicts)
        }
        if !outcome.removed.isEmpty { parts.append(outcome.removed.joined(separator: ", ") + " removed") }
        parts.append("all: " + Self.verdicts(outcome.summary))
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return "render: \(formatter.string(from: Date())) " + parts.joined(separator: "; ") + String(format: " in %.2f s", seconds)
    }

    private static func verdicts(_ summary: Summary) -> String {
        var text = "\(summary.claims) claim\(summary.claims == 1 ? "" : "s"): \(summary.held) held, "
            + "\(summary.failed) failed, \(summary.cannotTell) cannot tell"
        if summary.errors > 0 { text += ", \(summary.errors) error\(summary.errors == 1 ? "" : "s")" }
        if summary.warnings > 0 { text += ", \(summary.warnings) warning\(summary.warnings == 1 ? "" : "s")" }
        return text
    }
}
