import Foundation

/// The list of files Derive wrote for notes into an output folder, kept in the folder as the
/// hidden file `.derive-manifest`, so that a run can remove the pages and reports of notes
/// that no longer exist (a renamed or deleted note) and nothing else.
///
/// Each line is a page or report, relative to the output folder, a tab, and the name of the
/// note it was made from (`NoteFile.name`: `notes/sub/a.md`, the folder's name and the path
/// in it), or `*` for a file made from the whole course (`search.html`, `search-index.js`),
/// so these lines are the same however the folders are typed. A run that renders the folder
/// `notes` (or notes of it into its course, OutputCourse) removes the listed files of the
/// notes named `notes/…` that it no longer finds there; the files of other folders' notes,
/// and every file when only single notes are rendered alone, are kept. Only regular files
/// named `.html` or `.md` that the previous
/// manifest lists are ever removed: a stranger's file in the output folder is never touched,
/// even when it is named like a page.
///
/// A run over folders also records them, relative to the output folder (`folder\t../notes`):
/// the course the output folder holds (OutputCourse). A path relative to the output folder,
/// not an absolute one, keeps the committed file the same on every clone; it is the same for
/// every output folder beside the notes folder (CI renders into one and compares).
struct OutputManifest: Equatable, Sendable {
    /// The manifest's name in the output folder.
    static let fileName = ".derive-manifest"
    /// The note name of the files made from the whole course, not from one note (the search
    /// page and its index): every run writes them, so they are never stale.
    static let courseFiles = "*"

    /// Note name by written file (relative to the output folder).
    var notesByFile: [String: String] = [:]
    /// The notes folders of the course the output folder holds, relative to it (`../notes`),
    /// in the order they were given; empty when no folder was ever rendered into it.
    var folders: [String] = []

    /// A line's first field when it records a folder: never a file's (those end in `.html`
    /// or `.md`).
    private static let folderKey = "folder"

    /// The manifest of the output folder `root`; empty when it has none or cannot be read.
    static func read(in root: String) -> OutputManifest {
        guard let data = FileManager.default.contents(atPath: NoteDiscovery.join(root, fileName)),
              let text = String(data: data, encoding: .utf8) else { return OutputManifest() }
        var manifest = OutputManifest()
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { continue }
            if parts[0] == folderKey {
                manifest.folders.append(String(parts[1]))
            } else {
                manifest.notesByFile[String(parts[0])] = String(parts[1])
            }
        }
        return manifest
    }

    /// The file's text: a comment, the folders, then one line per file, sorted.
    var text: String {
        var text = "# Files render wrote here, and their notes: a run removes those whose note is gone.\n"
        if !folders.isEmpty {
            text += "# The notes folder of the course, relative to this one: rendering one of its notes here keeps the others.\n"
        }
        for folder in folders { text += "\(Self.folderKey)\t\(folder)\n" }
        for file in notesByFile.keys.sorted() {
            text += "\(file)\t\(notesByFile[file] ?? "")\n"
        }
        return text
    }

    /// After a run that wrote `written` (file → note name) and found the notes named
    /// `present`, in folders whose notes' names start with one of `covered` (`notes/`; "" for
    /// a folder without a name): the new manifest, and the files of the old one to remove
    /// (their note was in a covered folder and is gone, and no note of the run wrote them).
    func updated(with written: [String: String], present: Set<String>, covered: Set<String>)
        -> (manifest: OutputManifest, stale: [String])
    {
        var next = OutputManifest(notesByFile: written, folders: folders)
        var stale: [String] = []
        for (file, note) in notesByFile.sorted(by: { $0.key < $1.key }) where written[file] == nil {
            if !present.contains(note), covered.contains(where: { note.hasPrefix($0) }) {
                stale.append(file)
            } else {
                next.notesByFile[file] = note
            }
        }
        return (next, stale)
    }

    /// Whether `file` (from a manifest) may be removed: a relative path inside the folder, a
    /// page or report by its name, and a regular file (not a folder, not a symbolic link).
    static func isRemovable(_ file: String, in root: String) -> Bool {
        let components = file.split(separator: "/", omittingEmptySubsequences: false)
        guard !file.hasPrefix("/"), !components.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }),
              file.hasSuffix(".html") || file.hasSuffix(".md") else { return false }
        var status = stat()
        return lstat(NoteDiscovery.join(root, file), &status) == 0 && status.st_mode & S_IFMT == S_IFREG
    }

    /// Removes the `stale` files that may be removed (`isRemovable`), then each folder they
    /// leave empty, up to (not including) `root`. Returns the files removed.
    @discardableResult
    static func remove(_ stale: [String], in root: String) -> [String] {
        var removed: [String] = []
        for file in stale where isRemovable(file, in: root) {
            guard unlink(NoteDiscovery.join(root, file)) == 0 else { continue }
            removed.append(file)
            var folder = (file as NSString).deletingLastPathComponent
            // rmdir removes only an empty folder: one that holds anything stays.
            while !folder.isEmpty, rmdir(NoteDiscovery.join(root, folder)) == 0 {
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        return removed
    }
}
