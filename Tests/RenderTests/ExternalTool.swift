import Foundation
import Testing

/// A program the browser and validator tests need from the machine (Chromium, python3, the Nu
/// HTML checker), found on `PATH` and run with its output collected in files, so a chatty tool
/// cannot block on a full pipe.
struct ExternalTool {
    /// The executable's full path.
    let url: URL

    /// The hint every missing-tool failure gives.
    static let installHint = "run scripts/install-deps --for-tests"

    /// The first executable called `name` on `PATH`, or nil.
    static func find(_ name: String) -> ExternalTool? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return ExternalTool(url: candidate) }
        }
        return nil
    }

    /// The tool called `name`, or a recorded test failure naming it and the install hint.
    static func require(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) -> ExternalTool? {
        guard let tool = find(name) else {
            Issue.record("\(name) is not installed (not found on PATH): \(installHint)", sourceLocation: sourceLocation)
            return nil
        }
        return tool
    }

    /// Runs the tool with `arguments` in `folder`; stdout and stderr go through files in `scratch`.
    func run(_ arguments: [String], in folder: URL, scratch: Scratch) throws -> RenderRun {
        let name = url.lastPathComponent + "-" + UUID().uuidString
        let outFile = scratch.url.appendingPathComponent("\(name).stdout")
        let errFile = scratch.url.appendingPathComponent("\(name).stderr")
        try Data().write(to: outFile)
        try Data().write(to: errFile)
        let out = try FileHandle(forWritingTo: outFile)
        let err = try FileHandle(forWritingTo: errFile)
        defer {
            try? out.close()
            try? err.close()
        }
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        let read = { (file: URL) in String(decoding: (try? Data(contentsOf: file)) ?? Data(), as: UTF8.self) }
        return RenderRun(status: process.terminationStatus, stdout: read(outFile), stderr: read(errFile))
    }
}
