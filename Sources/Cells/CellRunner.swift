import Document
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Compiles and runs notes' cells, through a cache.
///
/// A note's program is compiled with `swiftc -Onone` in a fresh temporary folder and run there
/// with no standard input, a time limit for the whole note and an output limit per cell. The
/// result is kept in `cacheFolder` under the SHA-256 of the compiler's version and the
/// generated source, so a second render with nothing changed starts no compiler.
public final class CellRunner: @unchecked Sendable {
    public struct Options: Sendable {
        /// Seconds a note's program may run (the compile is not counted).
        public var timeout: Double = 10
        /// Bytes of standard output, and of standard error, kept per cell.
        public var outputLimit = 1 << 20
        /// Where runs are kept; nil for no cache (`--no-cache`).
        public var cacheFolder: URL?
        /// Run nothing: cached outputs where they exist, else "not run" (`--no-exec`).
        public var execute = true
        public init() {}
    }

    /// Part of every cache key: raised whenever what a run keeps, or how it is read from the
    /// program's streams, changes, so an older cache is never shown as this version's result.
    static let cacheFormat = "derive-cells 2"

    public let toolchain: SwiftToolchain?
    public let options: Options
    private let lock = NSLock()
    private var compiles = 0

    public init(toolchain: SwiftToolchain?, options: Options) {
        self.toolchain = toolchain
        self.options = options
    }

    /// How many times this runner started the compiler.
    public var compilerRuns: Int { lock.withLock { compiles } }

    /// The note's cells' outputs and diagnostics.
    /// `formulas` and `harness` go before and after the cells (see `CellProgram`).
    public func run(_ cells: [Cell], notePath: String, formulas: String = "", harness: String = "") -> CellRun {
        guard !cells.isEmpty else { return CellRun(outputs: [], diagnostics: []) }
        guard let toolchain else { return .notRun(cells) }
        let program = CellProgram(cells: cells, notePath: notePath, formulas: formulas, harness: harness)
        let key = SHA256.hex(Array((Self.cacheFormat + "\n" + toolchain.version + "\n" + program.source).utf8))
        let cacheFile = options.cacheFolder?.appendingPathComponent(key + ".json")
        if let cacheFile, let data = try? Data(contentsOf: cacheFile),
           let stored = try? JSONDecoder().decode(StoredRun.self, from: data), stored.outputs.count == cells.count {
            return stored.run
        }
        guard options.execute else { return .notRun(cells) }
        let run = compileAndRun(program, toolchain: toolchain)
        if let cacheFile, let folder = options.cacheFolder {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            if let data = try? encoder.encode(StoredRun(run)) {
                try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                let temporary = folder.appendingPathComponent(".\(key).\(UUID().uuidString)")
                // Written aside, then renamed: a render running beside this one never reads half a file.
                if (try? data.write(to: temporary)) != nil, rename(temporary.path, cacheFile.path) != 0 {
                    try? FileManager.default.removeItem(at: temporary)
                }
            }
        }
        return run
    }

    private func compileAndRun(_ program: CellProgram, toolchain: SwiftToolchain) -> CellRun {
        let cells = program.cells
        let manager = FileManager.default
        let folder = manager.temporaryDirectory.appendingPathComponent("derive-cells-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: folder) }
        let build = folder.appendingPathComponent("build")
        let work = folder.appendingPathComponent("run")
        var outputs = cells.map { _ in CellOutput.notRun }
        func failure(_ message: String) -> CellRun {
            CellRun(outputs: outputs, diagnostics: [Diagnostic(.error, message, at: SourcePosition(line: cells[0].firstLine, column: 1))])
        }
        do {
            try manager.createDirectory(at: build, withIntermediateDirectories: true)
            try manager.createDirectory(at: work, withIntermediateDirectories: true)
            try Array(program.source.utf8).withUnsafeBufferPointer { try Data(buffer: $0).write(to: build.appendingPathComponent("main.swift")) }
        } catch {
            return failure("cells not run: cannot write the program: \(error)")
        }
        lock.withLock { compiles += 1 }
        let executable = build.appendingPathComponent("cells").path
        let compile: Subprocess.Run
        do {
            compile = try Subprocess.run(toolchain.swiftc, ["-Onone", "-diagnostic-style=llvm", "-module-name", "Cells",
                                                            "main.swift", "-o", executable],
                                         in: build, timeout: 300, outputLimit: 1 << 20)
        } catch {
            return failure("cells not run: cannot start \(toolchain.swiftc): \(error)")
        }
        var diagnostics = Self.compilerDiagnostics(String(decoding: compile.stderr + compile.stdout, as: UTF8.self),
                                                   program: program)
        guard compile.exitStatus == 0, compile.signal == nil else {
            if !diagnostics.contains(where: { $0.severity == .error }) {
                diagnostics.append(Diagnostic(.error, "the cells did not compile (swiftc exited with \(compile.exitStatus))",
                                              at: SourcePosition(line: cells[0].firstLine, column: 1)))
            }
            for index in outputs.indices { outputs[index].problem = "the note's cells did not compile" }
            return CellRun(outputs: outputs, diagnostics: diagnostics)
        }
        let run: Subprocess.Run
        do {
            run = try Subprocess.run(executable, [], in: work, environment: ["SWIFT_BACKTRACE": "enable=no"], timeout: options.timeout,
                                     outputLimit: 2 * options.outputLimit * cells.count + 4096 * cells.count)
        } catch {
            return failure("cells not run: cannot start the program: \(error)")
        }
        let out = CellProgram.split(run.stdout, cellCount: cells.count, limit: options.outputLimit)
        let err = CellProgram.split(run.stderr, cellCount: cells.count, limit: options.outputLimit)
        // The cell that was running when the program stopped: the last marker on the unbuffered stream.
        let last = err.last ?? out.last
        let checks = out.checks ?? []
        let reachedChecks = err.checks != nil || out.checks != nil
        for index in cells.indices {
            let reached = last.map { index <= $0 } ?? false
            guard reached else { continue }
            outputs[index] = CellOutput(status: .ran, stdout: out.parts[index], stderr: err.parts[index])
        }
        let limitText = Self.size(options.outputLimit)
        for index in out.cut.union(err.cut).sorted() {
            outputs[index].problem = "output cut at \(limitText)"
            diagnostics.append(Diagnostic(.error, "cell \(index + 1) wrote more than \(limitText); its output is cut",
                                          at: SourcePosition(line: cells[index].firstLine, column: 1)))
        }
        let ended: String?
        if run.timedOut {
            ended = "timed out after \(Self.seconds(options.timeout))"
        } else if run.outputCut {
            ended = "was stopped: the program wrote more than \(limitText) a cell"
        } else if let signal = run.signal {
            ended = "crashed (signal \(signal)\(Self.signalName(signal).map { ", " + $0 } ?? ""))"
        } else if run.exitStatus != 0 {
            ended = "exited with status \(run.exitStatus)"
        } else {
            ended = nil
        }
        if let ended, reachedChecks {
            // The cells ran; the checks of their functions against the formulas did not finish.
            diagnostics.append(Diagnostic(.error, "the checks of the cells' functions against the formulas \(ended)",
                                          at: SourcePosition(line: cells[cells.count - 1].firstLine, column: 1)))
        } else if let ended {
            let index = last ?? 0
            // The runtime's stack trace holds addresses that change from run to run: a page
            // must not, so it is left out (the fatal error's own line stays).
            if let trace = outputs[index].stderr.range(of: "Current stack trace:\n") {
                outputs[index].stderr.removeSubrange(trace.lowerBound...)
            }
            outputs[index].status = .failed
            outputs[index].problem = [outputs[index].problem, ended].compactMap { $0 }.joined(separator: "; ")
            diagnostics.append(Diagnostic(.error, "cell \(index + 1) \(ended)",
                                          at: SourcePosition(line: cells[index].firstLine, column: 1)))
            for later in (index + 1)..<max(index + 1, cells.count) {
                outputs[later].problem = "cell \(index + 1) stopped the program"
            }
        }
        return CellRun(outputs: outputs, diagnostics: diagnostics, checks: checks)
    }

    static func signalName(_ signal: Int32) -> String? {
        switch signal {
        case 4: "SIGILL: a trap such as fatalError or an overflow"
        case 5: "SIGTRAP: a trap such as fatalError or an overflow"
        case 6: "SIGABRT"
        case 8: "SIGFPE"
        case 9: "SIGKILL"
        case 11: "SIGSEGV"
        default: nil
        }
    }

    static func size(_ bytes: Int) -> String {
        bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : bytes % 1024 == 0 ? "\(bytes >> 10) KiB" : "\(bytes) bytes"
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }

    /// swiftc's `file:line:column: severity: message` lines that point into the note; a
    /// position in the prelude (which a cell cannot cause) is put at the first cell.
    static func compilerDiagnostics(_ text: String, program: CellProgram) -> [Diagnostic] {
        var result: [Diagnostic] = []
        let prefix = program.notePath + ":"
        for line in text.split(separator: "\n") {
            for severity in [Diagnostic.Severity.error, .warning] {
                let tag = ": \(severity.rawValue): "
                guard let range = line.range(of: tag) else { continue }
                let head = line[..<range.lowerBound]
                let message = String(line[range.upperBound...])
                var position = SourcePosition(line: program.cells[0].firstLine, column: 1)
                if head.hasPrefix(prefix) {
                    let numbers = head.dropFirst(prefix.count).split(separator: ":").compactMap { Int($0) }
                    if numbers.count >= 1 { position.line = numbers[0] }
                    if numbers.count >= 2 { position.column = numbers[1] }
                }
                result.append(Diagnostic(severity, "swift: " + message, at: position))
                break
            }
        }
        return result
    }
}
