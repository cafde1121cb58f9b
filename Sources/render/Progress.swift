import Foundation

/// The progress line of a long run on a terminal: `render: 412/1000 notes`, on standard error,
/// shown only once the run has taken about a second, redrawn at most ten times a second, and
/// erased when the run ends. None when standard error is not a terminal or under CI (`CI` set),
/// where a line rewritten in place is only noise in a log.
final class Progress: @unchecked Sendable {
    private let lock = NSLock()
    private let started = ContinuousClock.now
    private var total = 0
    private var done = 0
    private var lastDrawn: ContinuousClock.Instant?

    /// How long a run goes before its progress is shown.
    static let delay = Duration.seconds(1)

    /// A progress line, or nil where none is shown.
    static func forTerminal(environment: [String: String] = ProcessInfo.processInfo.environment) -> Progress? {
        guard isatty(STDERR_FILENO) != 0, environment["CI"] == nil else { return nil }
        return Progress()
    }

    /// The number of notes to check.
    func start(total: Int) {
        lock.withLock {
            self.total = total
            done = 0
        }
    }

    /// One more note done.
    func noteDone() {
        lock.withLock {
            done += 1
            let now = ContinuousClock.now
            guard now - started >= Self.delay else { return }
            if let lastDrawn, now - lastDrawn < .milliseconds(100), done < total { return }
            lastDrawn = now
            Self.write("\r\u{1b}[Krender: \(done)/\(total) notes")
        }
    }

    /// Erases the line, if it was shown.
    func finish() {
        lock.withLock {
            if lastDrawn != nil { Self.write("\r\u{1b}[K") }
            lastDrawn = nil
        }
    }

    private static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
