import Foundation

/// One adversarial input family for the pathological tests, in the style of cmark's
/// `test/pathological_tests.py`: `make(n)` builds the input with `n` copies of the pattern.
///
/// The tests time `n` and `8n` copies in one process and require the ratio to stay under
/// `Pathology.maximumRatio`: linear work gives about 8, quadratic work about 64. A ratio on one
/// machine is stable where an absolute time is not.
public struct Pathology: Sendable, CustomStringConvertible {
    /// Linear work gives a ratio near 8; this leaves room for noise on a shared machine.
    public static let maximumRatio = 16.0

    public var name: String
    /// The number of copies of the small case (the large case has 8 times as many).
    public var n: Int
    public var make: @Sendable (Int) -> String

    public init(_ name: String, n: Int, make: @escaping @Sendable (Int) -> String) {
        self.name = name
        self.n = n
        self.make = make
    }

    public var description: String { name }

    /// The timings of `work` on `n` and `8n` copies: the best of `repeats` runs each (the best
    /// run is the one least disturbed by other processes), in seconds.
    ///
    /// A ratio over `maximumRatio` is measured again, up to `attempts` times, and the best
    /// kept: other processes on the machine can slow one run, while quadratic work is slow on
    /// every attempt.
    public func measure(repeats: Int = 3, attempts: Int = 5, _ work: (String) -> Void) -> Measurement {
        var best = measureOnce(repeats: repeats, work)
        for _ in 1..<max(1, attempts) where best.ratio >= Self.maximumRatio {
            let again = measureOnce(repeats: repeats, work)
            if again.ratio < best.ratio { best = again }
        }
        return best
    }

    private func measureOnce(repeats: Int, _ work: (String) -> Void) -> Measurement {
        let small = make(n)
        let large = make(8 * n)
        // The small case is run 8 times in a row per timing, so that both timings span about
        // the same wall time: a case of a millisecond is otherwise at the mercy of one
        // preemption on a loaded machine, while its 8n case averages them out.
        func best(_ input: String, times: Int) -> Double {
            var best = Double.infinity
            for _ in 0..<repeats {
                let clock = ContinuousClock()
                let elapsed = clock.measure { for _ in 0..<times { work(input) } }
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
                best = min(best, seconds / Double(times))
            }
            return best
        }
        work(small)  // warm up: lazily built tables, the first parse's allocations
        let smallTime = best(small, times: 8)
        let largeTime = best(large, times: 1)
        return Measurement(name: name, n: n, smallBytes: small.utf8.count, bytes: large.utf8.count,
                           small: smallTime, large: largeTime)
    }

    /// What `measure` found.
    public struct Measurement: Sendable, CustomStringConvertible {
        public var name: String
        public var n: Int
        /// The sizes of the small and the large input.
        public var smallBytes: Int
        public var bytes: Int
        public var small: Double
        public var large: Double
        /// `large / small`, with the small time floored at 50 µs so that a case too fast to
        /// time is not read as a huge ratio, and scaled to 8 times the input for the patterns
        /// whose input grows faster than their count (nested lists, backtick runs): linear
        /// in the input's size is what is asked.
        public var ratio: Double {
            large / max(small, 50e-6) * 8 / (Double(bytes) / Double(max(1, smallBytes)))
        }

        public var description: String {
            "\(name): n=\(n) t(n)=\(String(format: "%.4f", small))s t(8n)=\(String(format: "%.4f", large))s ratio=\(String(format: "%.1f", ratio)) (\(bytes) bytes)"
        }
    }

    /// With `PATHOLOGICAL_REPORT=1` in the environment, prints `measurement` as a row of a
    /// Markdown table (pattern, n, the two times, the ratio), for the issue's note:
    /// `PATHOLOGICAL_REPORT=1 swift test --skip-build --filter Pathological | grep '^| '`.
    public static func report(_ measurement: Measurement) {
        guard ProcessInfo.processInfo.environment["PATHOLOGICAL_REPORT"] == "1" else { return }
        let m = measurement
        print("| \(m.name) | \(m.n) | \(String(format: "%.4f", m.small)) | \(String(format: "%.4f", m.large)) | "
              + "\(String(format: "%.1f", m.ratio)) |")
    }

    /// `pattern` repeated `n` times.
    public static func repeated(_ pattern: String) -> @Sendable (Int) -> String {
        { String(repeating: pattern, count: $0) }
    }
}
