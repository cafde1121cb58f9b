import Foundation
import Notebook
import Report

/// What a run learned of each note, kept for the next run so that it re-checks and rewrites
/// only the notes that changed (`render` without `--force`).
///
/// It lives in the output folder as the hidden file `.render-state`, committed with the pages
/// (OutputStaging): it describes that folder's files, so it goes away with the folder (a state
/// beside it, in `.derive-cache/`, would outlive a deleted output folder and claim pages that
/// are gone), and two output folders of one course keep one state each.
///
/// A note is reused when its key is unchanged: the key hashes the note's bytes, its paths, the
/// titles of the notes its page links to (previous, next), the options that change what is
/// written and Derive's own build (`Settings`). Notes are not read to tell: a note whose size
/// and modification time are those recorded keeps its recorded hash (unless it was modified
/// within a second of the last run, when its time cannot be trusted). Notes with a diagnostic
/// are never recorded, so that every run prints their diagnostics as a full run would.
///
/// Notes do not reference each other (no `@eq-` label crosses notes today), so a note's pages
/// depend only on itself and its neighbours' titles, and in a book (derive.yml) on the table
/// of contents every page shows: its hash is one of the "neighbours" of every note's key.
struct BuildState: Sendable {
    /// One reusable note: how to tell it is unchanged, and what it produced.
    struct Entry: Sendable {
        /// The note's path relative to its input folder (`sub/a.md`): the state's key.
        var relativePath: String
        var size: Int64
        var modified: Int64  // nanoseconds since 1970
        /// A hash of the note's bytes.
        var contentHash: UInt64
        /// A hash of everything its pages depend on (`BuildState.key`).
        var key: UInt64
        /// A hash of what its page says of the other notes (`BuildState.navigation`): a note
        /// kept from the last run by a run of other notes of its course is written again
        /// when this changes (OutputCourse).
        var navigation: UInt64
        var title: String
        var formulaCount: Int
        var summary: Summary
        /// Its entry of report.json.
        var json: [UInt8]
        /// Its line of the search index (SearchIndex).
        var search: [UInt8]
        /// Its test cases of the JUnit report.
        var junit: JUnitReport.TestCases
        /// The files it produced, relative to the output folder (its page and report).
        var outputs: [String]
    }

    /// The file's name in the output folder.
    static let fileName = ".render-state"
    /// Bumped when the file's layout changes; an older file is ignored.
    static let formatVersion: UInt64 = 3

    /// A hash of the options and of Derive's build: a state made under others is not reused.
    var settings: UInt64
    /// When the run that wrote it started, in nanoseconds since 1970.
    var started: Int64
    /// By relative path.
    var entries: [String: Entry] = [:]

    // MARK: Keys

    /// A hash of the options that change what a run writes, and of the running executable
    /// (its size, modification time and inode: a new build of Derive is a new state).
    static func settings(_ parts: [String]) -> UInt64 {
        var hasher = FNV()
        hasher.add(String(formatVersion))
        var status = stat()
        if let executable = executablePath, stat(executable, &status) == 0 {
            hasher.add("\(status.st_size) \(Self.modified(status)) \(status.st_ino)")
        } else {
            // Unknown build: never reuse.
            hasher.add(String(ProcessInfo.processInfo.processIdentifier) + String(Date().timeIntervalSince1970))
        }
        for part in parts { hasher.add(part) }
        return hasher.value
    }

    /// The running executable's path: on Linux `/proc/self/exe` itself (stat follows the link),
    /// elsewhere Foundation's (`Bundle.main` alone cost 20 million instructions, 1% of a full
    /// render of 100 notes).
    private static var executablePath: String? {
        #if os(Linux)
        "/proc/self/exe"
        #else
        Bundle.main.executablePath
        #endif
    }

    /// The key of a note's pages: its bytes, its paths, what its page says of the other notes
    /// (`navigation`), the settings.
    static func key(contentHash: UInt64, settings: UInt64, note: NoteFile, navigation: UInt64) -> UInt64 {
        var hasher = FNV()
        hasher.add(String(contentHash))
        hasher.add(String(settings))
        hasher.add(note.path)
        hasher.add(note.relativePath)
        hasher.add(note.name)
        hasher.add(String(navigation))
        return hasher.value
    }

    /// A hash of what a note's page says of the other notes: its neighbours' titles and paths.
    static func navigation(neighbours: [String]) -> UInt64 {
        var hasher = FNV()
        for neighbour in neighbours { hasher.add(neighbour) }
        return hasher.value
    }

    /// FNV-1a, 64 bits: a note's hash is taken only when it changed, so speed matters little;
    /// each added string is ended by a 0xFF byte (which UTF-8 never has) so parts cannot run together.
    struct FNV {
        private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

        mutating func add(_ bytes: some Sequence<UInt8>) {
            for byte in bytes {
                value = (value ^ UInt64(byte)) &* 0x100_0000_01b3
            }
        }

        mutating func add(_ text: String) {
            add(text.utf8)
            add(CollectionOfOne(UInt8(0xFF)))
        }
    }

    /// A file's size and modification time, or nil when it cannot be stat'ed.
    static func stamp(_ path: String) -> (size: Int64, modified: Int64)? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return (Int64(status.st_size), modified(status))
    }

    /// A file's modification time in nanoseconds since 1970.
    static func modified(_ status: stat) -> Int64 {
        #if canImport(Darwin)
        nanoseconds(status.st_mtimespec)
        #else
        nanoseconds(status.st_mtim)
        #endif
    }

    static func nanoseconds(_ time: timespec) -> Int64 {
        Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return nanoseconds(time)
    }

    /// Whether a note stamped `size`, `modified` can keep the hash of `entry` without being
    /// read: same size and time, and that time at least a second before the run that recorded
    /// it started (a note written in the same tick as it was read may have changed unseen).
    func isUnchanged(_ entry: Entry, size: Int64, modified: Int64) -> Bool {
        entry.size == size && entry.modified == modified && modified < started - 1_000_000_000
    }

    // MARK: File

    /// The state in `outputFolder`, or nil when there is none or it cannot be read.
    static func load(outputFolder: String) -> BuildState? {
        guard let bytes = try? NoteReader.readBytes(NoteDiscovery.join(outputFolder, fileName)) else { return nil }
        var reader = Reader(bytes: bytes)
        return reader.state()
    }

    /// The file's bytes, in consecutive parts (each note's JSON is a part of its own, written
    /// as it is, not copied): a magic line, then length-prefixed fields (read back by `Reader`).
    func parts() -> [[UInt8]] {
        var parts: [[UInt8]] = []
        var out = Array("derive-render-state\n".utf8)
        func int(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) } }
        func blob(_ bytes: [UInt8]) {
            int(UInt64(bytes.count))
            parts.append(out)
            parts.append(bytes)
            out = []
        }
        func text(_ string: String) { int(UInt64(string.utf8.count)); out.append(contentsOf: string.utf8) }
        int(Self.formatVersion)
        int(settings)
        int(UInt64(bitPattern: started))
        int(UInt64(entries.count))
        for entry in entries.values.sorted(by: { $0.relativePath < $1.relativePath }) {
            text(entry.relativePath)
            int(UInt64(bitPattern: entry.size))
            int(UInt64(bitPattern: entry.modified))
            int(entry.contentHash)
            int(entry.key)
            int(entry.navigation)
            text(entry.title)
            int(UInt64(entry.formulaCount))
            let summary = entry.summary
            for count in [summary.notes, summary.statements, summary.evaluated, summary.claims, summary.held,
                          summary.failed, summary.cannotTell, summary.errors, summary.warnings] {
                int(UInt64(count))
            }
            blob(entry.json)
            blob(entry.search)
            int(UInt64(entry.junit.failures))
            int(UInt64(entry.junit.skipped))
            int(UInt64(entry.junit.cases.count))
            for testCase in entry.junit.cases { text(testCase) }
            int(UInt64(entry.outputs.count))
            for output in entry.outputs { text(output) }
        }
        parts.append(out)
        return parts
    }

    /// Reads what `parts()` wrote; nil at the first thing out of place.
    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        mutating func int() -> UInt64? {
            guard offset + 8 <= bytes.count else { return nil }
            var value: UInt64 = 0
            for index in 0..<8 { value |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
            offset += 8
            return value
        }

        mutating func count() -> Int? {
            guard let value = int(), value <= UInt64(bytes.count - offset) else { return nil }
            return Int(value)
        }

        mutating func blob() -> [UInt8]? {
            guard let length = count() else { return nil }
            defer { offset += length }
            return Array(bytes[offset..<offset + length])
        }

        mutating func text() -> String? {
            guard let length = count() else { return nil }
            defer { offset += length }
            return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
        }

        mutating func state() -> BuildState? {
            let magic = Array("derive-render-state\n".utf8)
            guard bytes.starts(with: magic) else { return nil }
            offset = magic.count
            guard int() == BuildState.formatVersion, let settings = int(), let started = int(), let noteCount = count() else {
                return nil
            }
            var state = BuildState(settings: settings, started: Int64(bitPattern: started))
            for _ in 0..<noteCount {
                guard let relativePath = text(), let size = int(), let modified = int(), let contentHash = int(),
                      let key = int(), let navigation = int(), let title = text(), let formulaCount = self.count()
                else { return nil }
                var summary = Summary()
                var counts: [Int] = []
                for _ in 0..<9 {
                    guard let value = self.count() else { return nil }
                    counts.append(value)
                }
                (summary.notes, summary.statements, summary.evaluated, summary.claims, summary.held) =
                    (counts[0], counts[1], counts[2], counts[3], counts[4])
                (summary.failed, summary.cannotTell, summary.errors, summary.warnings) = (counts[5], counts[6], counts[7], counts[8])
                guard let json = blob(), let search = blob(), let failures = self.count(), let skipped = self.count(),
                      let caseCount = self.count() else { return nil }
                var junit = JUnitReport.TestCases(cases: [], failures: failures, skipped: skipped)
                for _ in 0..<caseCount {
                    guard let testCase = text() else { return nil }
                    junit.cases.append(testCase)
                }
                guard let outputCount = self.count() else { return nil }
                var outputs: [String] = []
                for _ in 0..<outputCount {
                    guard let output = text() else { return nil }
                    outputs.append(output)
                }
                state.entries[relativePath] = Entry(
                    relativePath: relativePath, size: Int64(bitPattern: size), modified: Int64(bitPattern: modified),
                    contentHash: contentHash, key: key, navigation: navigation, title: title, formulaCount: formulaCount,
                    summary: summary, json: json, search: search, junit: junit, outputs: outputs)
            }
            return offset == bytes.count ? state : nil
        }
    }
}
