import Foundation

/// The `swiftc` that compiles cells, and its version (asked once per run).
///
/// Where it is looked for, in order: `$DERIVE_SWIFTC` (a path); then `swiftc` beside the running
/// executable's toolchain is not assumed (a release `render` may be copied anywhere) but every
/// folder of `$PATH` is, which is where `swift run` found its own `swift`; no `xcrun`.
public struct SwiftToolchain: Sendable, Equatable {
    public var swiftc: String
    /// The first line of `swiftc --version`, part of every cache key.
    public var version: String

    public init(swiftc: String, version: String) {
        self.swiftc = swiftc
        self.version = version
    }

    /// The toolchain found in `environment`, or nil (then cells are not run and one warning says so).
    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> SwiftToolchain? {
        let manager = FileManager.default
        var candidates: [String] = []
        if let explicit = environment["DERIVE_SWIFTC"], !explicit.isEmpty { candidates.append(explicit) }
        for folder in (environment["PATH"] ?? "").split(separator: ":") where !folder.isEmpty {
            candidates.append(String(folder) + "/swiftc")
        }
        for path in candidates where manager.isExecutableFile(atPath: path) {
            guard let run = try? Subprocess.run(path, ["--version"], in: nil, timeout: 30, outputLimit: 1 << 16),
                  run.exitStatus == 0 else { continue }
            let text = String(decoding: run.stdout + run.stderr, as: UTF8.self)
            let version = text.split(separator: "\n").first.map(String.init) ?? text
            return SwiftToolchain(swiftc: path, version: version)
        }
        return nil
    }
}
