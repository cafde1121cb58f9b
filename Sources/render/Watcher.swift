import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Tells when notes change under a set of paths: folders are watched, not files, so that an
/// editor that saves by writing a new file and renaming it over the note is seen (as is a new,
/// deleted or renamed note). Changes come in batches: after the first, the watcher waits until
/// `quiet` has passed with no other (an editor's save is several events), then returns them all.
///
/// On Linux this is inotify; elsewhere the notes' sizes and times are compared every half second.
final class Watcher {
    /// How long no change must last before a batch is returned.
    let quiet: Duration
    private let paths: [String]
    private let excluding: String?

    /// Watches `paths` (folders and notes as on the command line), never inside `excluding`
    /// (the output folder, whose Markdown reports are `.md` files too).
    init(paths: [String], excluding: String?, quiet: Duration = .milliseconds(150)) {
        self.paths = paths
        self.excluding = excluding.map(PathKey.resolved)
        self.quiet = quiet
        #if os(Linux)
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        addWatches()
        #else
        snapshot = Self.stamps(of: paths)
        #endif
    }

    deinit {
        #if os(Linux)
        if descriptor >= 0 { close(descriptor) }
        #endif
    }

    /// Waits for the next batch of changes; returns the paths of the notes (`.md` files) and
    /// of a course's `derive.yml` that changed, appeared or went, as resolved paths (`PathKey.resolved`). Folders made or
    /// removed are watched or forgotten on the way; a batch may be empty when only they changed.
    func next() -> Set<String> {
        #if os(Linux)
        var changed: Set<String> = []
        // Block until something happens, then gather until it has been quiet for a while.
        guard readEvents(into: &changed, timeout: -1) else { return changed }
        let milliseconds = Int32(quiet.components.seconds * 1000 + quiet.components.attoseconds / 1_000_000_000_000_000)
        while readEvents(into: &changed, timeout: milliseconds) {}
        return changed
        #else
        while true {
            Thread.sleep(forTimeInterval: 0.5)
            let now = Self.stamps(of: paths)
            let changed = Set(now.keys.filter { now[$0] != snapshot[$0] }).union(snapshot.keys.filter { now[$0] == nil })
            snapshot = now
            if !changed.isEmpty { return Set(changed.map(PathKey.resolved)) }
        }
        #endif
    }

    #if os(Linux)
    private var descriptor: Int32 = -1
    /// Each watched folder by its watch descriptor, as a path built as NoteDiscovery builds them.
    private var folders: [Int32: String] = [:]
    private var watched: Set<String> = []

    private static let events: UInt32 = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE
                                               | IN_DELETE_SELF | IN_MOVE_SELF)

    /// Watches every folder under the paths (and the folder of each note given by itself).
    private func addWatches() {
        for path in paths {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
                addWatches(under: path)
            } else {
                let folder = (path as NSString).deletingLastPathComponent
                add(folder.isEmpty ? "." : folder)
            }
        }
    }

    private func addWatches(under folder: String) {
        let resolved = PathKey.resolved(folder)
        if let excluding, PathKey.isSameOrInside(resolved, excluding) { return }
        guard add(folder) else { return }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names where !name.hasPrefix(".") {
            let path = NoteDiscovery.join(folder, name)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
                addWatches(under: path)
            }
        }
    }

    /// Watches one folder; false when it is watched already or cannot be.
    @discardableResult
    private func add(_ folder: String) -> Bool {
        let resolved = PathKey.resolved(folder)
        guard descriptor >= 0, !watched.contains(resolved) else { return false }
        let watch = inotify_add_watch(descriptor, folder, Self.events)
        guard watch >= 0 else { return false }
        watched.insert(resolved)
        folders[watch] = folder
        return true
    }

    /// Reads the events that come within `timeout` milliseconds (-1: waits for one); false
    /// when none came.
    private func readEvents(into changed: inout Set<String>, timeout: Int32) -> Bool {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&poller, 1, timeout)
        guard ready > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return false }
        var offset = 0
        let headerSize = MemoryLayout<inotify_event>.size
        while offset + headerSize <= count {
            let (watch, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                return (event.wd, event.mask, Int(event.len))
            }
            let nameBytes = buffer[(offset + headerSize)..<min(count, offset + headerSize + length)]
            let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
            offset += headerSize + length
            guard let folder = folders[watch] else { continue }
            if mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 || mask & UInt32(IN_IGNORED) != 0 {
                folders[watch] = nil
                watched.remove(PathKey.resolved(folder))
                continue
            }
            guard !name.isEmpty, !name.hasPrefix(".") else { continue }
            let path = NoteDiscovery.join(folder, name)
            if mask & UInt32(IN_ISDIR) != 0 {
                // A new folder (its notes too), or one gone: its notes went with it.
                if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { addWatches(under: path) }
                changed.insert(PathKey.resolved(path))
            } else if NoteDiscovery.isMarkdown(name) || name == CourseConfiguration.fileName {
                // A note, or the course's derive.yml (the book's order and contents).
                changed.insert(PathKey.resolved(path))
            }
        }
        return true
    }
    #else
    private var snapshot: [String: [Int64]] = [:]

    /// Every note's size and modification time.
    private static func stamps(of paths: [String]) -> [String: [Int64]] {
        guard let notes = try? NoteDiscovery.find(paths: paths, excluding: "/nonexistent", writing: false) else { return [:] }
        var stamps: [String: [Int64]] = [:]
        let configurations = paths.map { NoteDiscovery.join($0, CourseConfiguration.fileName) }
        for path in notes.map(\.path) + configurations {
            if let stamp = BuildState.stamp(path) { stamps[path] = [stamp.size, stamp.modified] }
        }
        return stamps
    }
    #endif
}
