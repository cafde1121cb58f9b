import Foundation
import Testing

/// A `render --watch` or `render serve` process for a test: started in a scratch folder, its
/// output collected in files (read while it runs), stopped with Ctrl-C (SIGINT) at the end, and
/// killed if it does not stop, so that no test leaves it running.
final class LiveRender {
    let process = Process()
    let scratch: Scratch
    private let outFile: URL
    private let errFile: URL

    init(_ arguments: [String], in scratch: Scratch) throws {
        self.scratch = scratch
        let name = UUID().uuidString
        outFile = scratch.url.appendingPathComponent("\(name).stdout")
        errFile = scratch.url.appendingPathComponent("\(name).stderr")
        try Data().write(to: outFile)
        try Data().write(to: errFile)
        process.executableURL = RenderRunner.executable
        process.arguments = arguments
        process.currentDirectoryURL = scratch.url
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: outFile)
        process.standardError = try FileHandle(forWritingTo: errFile)
        try process.run()
    }

    var stdout: String { String(decoding: (try? Data(contentsOf: outFile)) ?? Data(), as: UTF8.self) }
    var stderr: String { String(decoding: (try? Data(contentsOf: errFile)) ?? Data(), as: UTF8.self) }

    /// Polls `condition` every 50 ms for at most `seconds`; whether it came true.
    static func wait(seconds: Double, until condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return condition()
    }

    /// Sends Ctrl-C and waits (at most 10 s, then kills it); the exit status.
    @discardableResult
    func stop() -> Int32 {
        guard process.isRunning else { return process.terminationStatus }
        kill(process.processIdentifier, SIGINT)
        if !Self.wait(seconds: 10, until: { !process.isRunning }) {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return -1
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}

/// Saves `text` over the file at `path` as many editors do: into a new file, renamed over it.
func saveByRename(_ text: String, to url: URL) throws {
    let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).swp")
    try Data(text.utf8).write(to: temporary)
    guard rename(temporary.path, url.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
}
