import Foundation
import Testing

/// Runs the real `render` executable, as a user would.
struct RenderRun {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum RenderRunner {
    /// The `render` executable built next to the test bundle.
    static var executable: URL {
        let bundle = Bundle.main.bundleURL
        for folder in [bundle, bundle.deletingLastPathComponent()] {
            let candidate = folder.appendingPathComponent("render")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/render")
    }

    /// With `timeout` (seconds), a run that takes longer is killed (SIGKILL): the test then
    /// sees status 9 rather than waiting on a hang.
    /// `executable` runs another program (found on PATH) instead of `render`.
    static func run(_ arguments: [String], in folder: URL, environment: [String: String] = [:],
                    executable other: String? = nil, timeout: Double? = nil) throws -> RenderRun
    {
        let process = Process()
        process.executableURL = other == nil ? executable : URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = other.map { [$0] + arguments } ?? arguments
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let finished = Finished()
        if let timeout {
            let pid = process.processIdentifier
            Thread.detachNewThread {
                Thread.sleep(forTimeInterval: timeout)
                finished.unlessDone { kill(pid, SIGKILL) }
            }
        }
        defer { finished.markDone() }
        // Standard error read beside standard output: read after it, more than a pipe holds
        // (64 KB of diagnostics) blocked the run on writing it, and the test on reading.
        let errRead = ReadToEnd(err.fileHandleForReading)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = errRead.data()
        process.waitUntilExit()
        return RenderRun(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A file handle read to its end on a thread of its own.
final class ReadToEnd: @unchecked Sendable {
    private var read = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            read = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    /// All that was read, once the end is reached.
    func data() -> Data {
        done.wait()
        return read
    }
}

/// Whether a run is over, so that its timeout never signals a process id reused since.
final class Finished: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false

    func markDone() { lock.withLock { done = true } }

    func unlessDone(_ body: () -> Void) { lock.withLock { if !done { body() } } }
}

/// A fresh temporary folder for one test.
struct Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("derive-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    func write(_ data: Data, to path: String) throws {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }

    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: url.appendingPathComponent(path).path).map { String(decoding: $0, as: UTF8.self) }
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent(path).path)
    }

    /// Every regular file under the folder, relative to it, sorted.
    func allFiles() -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: url.path) else { return [] }
        var files: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.appendingPathComponent(path).path, isDirectory: &isFolder),
                !isFolder.boolValue
            {
                files.append(path)
            }
        }
        return files.sorted()
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}
