import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program with Foundation's `Process`: no standard input, standard output and error
/// into files of the working folder (so a flood of output costs no memory), a time limit and a
/// size limit, checked every few milliseconds; past either, the program is killed.
///
/// Foundation.Process rather than swift-subprocess: it is already linked, adds no package to
/// build (the machine has two shared cores), and files plus polling give the limits we need.
enum Subprocess {
    struct Run: Sendable {
        var exitStatus: Int32
        /// The signal that ended it, if one did.
        var signal: Int32?
        var timedOut: Bool
        var outputCut: Bool
        var stdout: [UInt8]
        var stderr: [UInt8]
    }

    static func run(_ executable: String, _ arguments: [String], in folder: URL?, environment: [String: String] = [:], timeout: Double, outputLimit: Int) throws -> Run {
        let manager = FileManager.default
        let scratch = folder ?? manager.temporaryDirectory.appendingPathComponent("derive-\(UUID().uuidString)")
        let ownScratch = folder == nil
        try manager.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { if ownScratch { try? manager.removeItem(at: scratch) } }
        let outURL = scratch.appendingPathComponent(".derive-stdout")
        let errURL = scratch.appendingPathComponent(".derive-stderr")
        _ = manager.createFile(atPath: outURL.path, contents: nil)
        _ = manager.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = scratch
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let start = Date()
        var timedOut = false
        var cut = false
        var wait = 0.001
        while process.isRunning {
            if Date().timeIntervalSince(start) > timeout { timedOut = true; break }
            let size = (try? manager.attributesOfItem(atPath: outURL.path)[.size] as? Int ?? 0) ?? 0
            let errSize = (try? manager.attributesOfItem(atPath: errURL.path)[.size] as? Int ?? 0) ?? 0
            if size + errSize > outputLimit { cut = true; break }
            Thread.sleep(forTimeInterval: wait)
            wait = min(wait * 2, 0.02)
        }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        try? out.close()
        try? err.close()
        func read(_ url: URL) -> [UInt8] {
            guard let handle = try? FileHandle(forReadingFrom: url) else { return [] }
            defer { try? handle.close() }
            return Array((try? handle.read(upToCount: outputLimit)) ?? Data())
        }
        let signal = process.terminationReason == .uncaughtSignal ? process.terminationStatus : nil
        return Run(exitStatus: process.terminationReason == .exit ? process.terminationStatus : -1, signal: signal,
                   timedOut: timedOut, outputCut: cut, stdout: read(outURL), stderr: read(errURL))
    }
}
