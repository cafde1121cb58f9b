import Foundation

/// A run's output is committed all at once: every page, report, the index and report.json are
/// first written into a staging folder inside the output folder (`.render-staging-PID`, hidden,
/// so never read as notes), and moved into place only after every note has been checked and
/// written. A run that crashes or fails to write leaves the output folder as it was (the
/// staging folder is swept by the next run); a file whose bytes would not change is never
/// staged, so it keeps its modification time. Each move is a `rename` within one file system.
extension OutputFolder {
    /// The prefix of staging folders' names; the process id follows.
    static let stagingPrefix = ".render-staging-"

    /// An output folder whose writes are staged until `commit()`.
    static func staged(root: String) -> OutputFolder {
        OutputFolder(root: root, staging: NoteDiscovery.join(root, stagingPrefix + String(getpid())))
    }

    /// Writes a new file (no temporary name: nothing reads the staging folder), making its
    /// folders as needed.
    static func writeStaged(_ parts: [[UInt8]], to path: String) throws(RenderError) {
        var descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if descriptor < 0, errno == ENOENT {
            let folder = (path as NSString).deletingLastPathComponent
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw .unwritable(path: folder, reason: String(describing: error))
            }
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        guard descriptor >= 0 else { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
        let ok = writeAll(parts, to: descriptor)
        let reason = ok ? nil : String(cString: strerror(errno))
        close(descriptor)
        if let reason { throw .unwritable(path: path, reason: reason) }
    }

    /// Moves every staged file over its target, then removes the staging folder and any left
    /// by a run that crashed. Every target is checked first (not a folder, in a writable
    /// folder): if one cannot be replaced, nothing is moved. Returns what could not be written.
    func commit() -> [RenderError] {
        guard let staging else { return [] }
        let staged = Self.files(under: staging)
        var failures = preflight(staged)
        guard failures.isEmpty else {
            discard()
            return failures
        }
        for relative in staged {
            let source = NoteDiscovery.join(staging, relative)
            let target = NoteDiscovery.join(root, relative)
            if rename(source, target) != 0 {
                if errno == ENOENT {
                    try? FileManager.default.createDirectory(
                        atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                    if rename(source, target) == 0 { continue }
                }
                failures.append(.unwritable(path: target, reason: String(cString: strerror(errno))))
            }
        }
        discard()
        return failures
    }

    /// Why a staged file could not be moved over its target: the target is a folder, a folder
    /// on its way is a file, or its folder is not writable.
    private func preflight(_ staged: [String]) -> [RenderError] {
        var failures: [RenderError] = []
        var checkedFolders: Set<String> = []
        for relative in staged {
            let target = NoteDiscovery.join(root, relative)
            var status = stat()
            if lstat(target, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
                failures.append(.unwritable(path: target, reason: "it is a folder"))
                continue
            }
            // The folders on the way: each a folder (or not made yet) and the last writable.
            var folder = root
            for component in relative.split(separator: "/").dropLast() {
                folder = NoteDiscovery.join(folder, String(component))
                guard checkedFolders.insert(folder).inserted else { continue }
                if stat(folder, &status) == 0, status.st_mode & S_IFMT != S_IFDIR {
                    failures.append(.unwritable(path: target, reason: "\(folder) is not a folder"))
                    break
                }
            }
            let parent = Self.parent(of: target)
            if checkedFolders.insert(parent + "/w").inserted, stat(parent, &status) == 0, access(parent, W_OK) != 0 {
                failures.append(.unwritable(path: target, reason: String(cString: strerror(errno))))
            }
        }
        return failures
    }

    /// The folder `path` is in, as NSString's `deletingLastPathComponent` gives it (a run of
    /// `/` read as one, a trailing `/` dropped; `""` for a bare name, `/` for a name at the
    /// root), on bytes: bridging to NSString cost 22k instructions a file, on the main thread.
    static func parent(of path: String) -> String {
        var fixed: [UInt8] = []
        fixed.reserveCapacity(path.utf8.count)
        for byte in path.utf8 where byte != UInt8(ascii: "/") || fixed.last != UInt8(ascii: "/") {
            fixed.append(byte)
        }
        if fixed.count > 1, fixed.last == UInt8(ascii: "/") { fixed.removeLast() }
        guard let slash = fixed.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return slash == 0 ? "/" : String(decoding: fixed[..<slash], as: UTF8.self)
    }

    /// Removes the staging folder, and those of earlier runs whose process is gone.
    func discard() {
        if let staging { try? FileManager.default.removeItem(atPath: staging) }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        for name in names where name.hasPrefix(Self.stagingPrefix) {
            guard let pid = Int32(name.dropFirst(Self.stagingPrefix.count)), pid != getpid() else { continue }
            if kill(pid, 0) != 0, errno == ESRCH {
                try? FileManager.default.removeItem(atPath: NoteDiscovery.join(root, name))
            }
        }
    }

    /// Every regular file under `folder`, relative to it, sorted (symbolic links are neither
    /// listed nor followed). Read with `readdir`, whose entries tell their type: FileManager's
    /// enumerator asked for each file's attributes (a fifth of a run's time on the main thread).
    static func files(under folder: String) -> [String] {
        var files: [String] = []
        func walk(_ path: String, _ relative: String) {
            guard let directory = opendir(path) else { return }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                guard name != ".", name != ".." else { continue }
                let child = path + "/" + name
                let childRelative = relative.isEmpty ? name : relative + "/" + name
                var type = Int32(entry.pointee.d_type)
                if type == Int32(DT_UNKNOWN) {
                    var status = stat()
                    guard lstat(child, &status) == 0 else { continue }
                    switch status.st_mode & S_IFMT {
                    case S_IFREG: type = Int32(DT_REG)
                    case S_IFDIR: type = Int32(DT_DIR)
                    default: continue
                    }
                }
                if type == Int32(DT_REG) {
                    files.append(childRelative)
                } else if type == Int32(DT_DIR) {
                    walk(child, childRelative)
                }
            }
        }
        walk(folder, "")
        return files.sorted()
    }
}

/// A fault injected by the tests (debug builds only): `RENDER_TEST_TRAP_AFTER=sub/a.md` traps
/// right after that note's page and report are written, as a crash in the checker would.
enum FaultInjection {
    static func afterWriting(_ relativePath: String) {
        #if DEBUG
        if let target = ProcessInfo.processInfo.environment["RENDER_TEST_TRAP_AFTER"], target == relativePath {
            fatalError("RENDER_TEST_TRAP_AFTER: trapping after \(relativePath), as a test asked")
        }
        #endif
    }
}
