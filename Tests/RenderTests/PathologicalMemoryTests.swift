import Foundation
import Testing
import TestSupport

/// Memory under a bound on adversarial input (issue 15, "what to build" 3): `render --check`
/// runs on the `8n` input of the pathological patterns (those whose time the parser's and the
/// checker's tests measure) that take the most memory, and its peak resident memory must stay within what it takes for
/// an empty note, plus a fixed allowance and a multiple of the input's size: quadratic memory
/// on these inputs is gigabytes.
///
/// The peak is the kernel's (`wait4`'s `ru_maxrss`), read by the small `peak-memory` program
/// that runs `render`: spawned from this test process, `render` would inherit its peak, and
/// other tests running here could make it anything.
@Suite struct PathologicalMemoryTests {
    /// Peak memory beyond that of an empty note, for any input.
    static let allowance = 48 << 20
    /// And per byte of input (the Markdown tree, cmark's and ours, is some tens of bytes per byte).
    static let bytesPerInputByte = 128

    /// The patterns run: of each list, those that took the most memory per byte of input
    /// when all were measured (48 patterns, 140 s of CPU in a debug build: too long for every
    /// test run); the others took under 20 MB over an empty note.
    static let patterns: [Pathology] =
        Pathology.markdownMath.filter { ["unclosed $`a", "escaped \\$ after $", "$ inside emphasis", "formulas in table rows"].contains($0.name) }
        + Pathology.cmark.filter { ["nested strong emph", "mismatched openers and closers", "link openers and emph closers",
                                    "pattern [ (](", "unclosed links A", "deeply nested lists", "link references", "table rows"].contains($0.name) }
        + Pathology.notes.filter { ["$x$ pairs", "$ inside emphasis", "definitions"].contains($0.name) }

    /// `peak-memory`, built beside `render`.
    static var peakMemory: URL {
        RenderRunner.executable.deletingLastPathComponent().appendingPathComponent("peak-memory")
    }

    /// The exit status of `render --check NOTE` and its peak memory in bytes.
    static func run(_ note: URL) throws -> (status: Int32, bytes: Int) {
        let process = Process()
        process.executableURL = peakMemory
        process.arguments = [RenderRunner.executable.path, "--check", note.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let fields = text.split(separator: " ").map { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1 }
        guard fields.count == 2 else { throw CocoaError(.fileReadCorruptFile) }
        return (Int32(fields[0]), fields[1])
    }

    @Test func renderStaysUnderAMemoryBoundOnEveryPathologicalInput() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("# Empty\n", to: "empty.md")
        let baseline = try Self.run(scratch.url.appendingPathComponent("empty.md"))
        #expect(baseline.status == 0)
        let patterns = Self.patterns
        #expect(patterns.count == 15, "a pattern named here was renamed")
        var sizes: [Int] = []
        for (index, pathology) in patterns.enumerated() {
            let input = pathology.make(8 * pathology.n)
            sizes.append(input.utf8.count)
            try scratch.write(input, to: "p\(index).md")
        }
        // Two at a time: each child's peak is its own.
        let runs = Runs(count: patterns.count)
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            for index in stride(from: worker, to: patterns.count, by: 2) {
                runs.set(index, try? Self.run(scratch.url.appendingPathComponent("p\(index).md")))
            }
        }
        var report = ["empty note: peak \(baseline.bytes >> 20) MB"]
        for (index, pathology) in patterns.enumerated() {
            let bound = baseline.bytes + Self.allowance + Self.bytesPerInputByte * sizes[index]
            guard let run = runs.get(index) else {
                Issue.record("\(pathology.name): peak-memory did not run")
                continue
            }
            let line = "\(pathology.name): \(sizes[index]) bytes, peak \(run.bytes >> 20) MB "
                + "(\(max(0, run.bytes - baseline.bytes) >> 20) MB over an empty note; bound \(bound >> 20) MB)"
            report.append(line)
            // 0: nothing wrong; 1: a warning or an error in the note. Anything else is a crash.
            #expect(run.status == 0 || run.status == 1, "\(line): exit status \(run.status)")
            #expect(run.bytes <= bound, "\(line)")
        }
        if ProcessInfo.processInfo.environment["PATHOLOGICAL_REPORT"] == "1" {
            print(report.joined(separator: "\n"))
        }
    }

    /// The results of the runs, filled from two threads.
    final class Runs: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [(status: Int32, bytes: Int)?]

        init(count: Int) { values = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: (status: Int32, bytes: Int)?) { lock.withLock { values[index] = value } }
        func get(_ index: Int) -> (status: Int32, bytes: Int)? { lock.withLock { values[index] } }
    }
}
