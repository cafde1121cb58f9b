import Foundation

/// A note to render: where it is, and where its pages go relative to the output folder.
struct NoteFile: Sendable, Equatable {
    /// The path as the user would write it (`notes/sub/a.md`), for messages.
    var path: String
    /// The path relative to the folder it was found in (`sub/a.md`); pages mirror it.
    var relativePath: String
    /// The note's name in the output (index, report.json) and the key of its sampled values:
    /// the folder's name and the relative path (`notes/sub/a.md`) however the folder was typed
    /// (`notes`, `./notes/`, an absolute path); a file given by itself is named by its file name.
    var name: String
    /// For a note found in a folder, what the names of that folder's notes start with
    /// (`notes/`, or "" for a folder without a name); nil for a file given by itself.
    var folderPrefix: String? = nil
}

/// Finds the notes named on the command line.
enum NoteDiscovery {
    /// Every `.md` file under each path, in a stable order (by path), skipping hidden files
    /// and folders and the output folder itself. Symbolic links are followed, each real
    /// folder visited once.
    /// With `writing`, an output folder that is an input folder, or holds an input, is refused.
    static func find(paths: [String], excluding output: String, writing: Bool = true) throws(RenderError) -> [NoteFile] {
        let fileManager = FileManager.default
        let outputReal = realPath(output)
        var notes: [NoteFile] = []
        var seenOutputs: [String: String] = [:]
        let outputResolved = PathKey.resolved(output)
        for path in paths {
            var isFolder: ObjCBool = false
            guard fileManager.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw .missingPath(path)
            }
            // Pages written into the notes' own folder would be read as notes next time, and
            // a note inside the output folder could be overwritten by its own report.
            let resolved = PathKey.resolved(path)
            if writing, isFolder.boolValue, resolved == outputResolved { throw .outputIsInput(path: path, output: output) }
            if writing, PathKey.isSameOrInside(resolved, outputResolved) { throw .inputInsideOutput(path: path, output: output) }
            var found: [NoteFile] = []
            if isFolder.boolValue {
                var visited: Set<String> = []
                collect(folder: path, relative: "", outputReal: outputReal, visited: &visited, into: &found)
                if found.isEmpty { throw .noNotes(path) }
                let folderName = PathKey.folderName(path)
                for index in found.indices {
                    found[index].name = folderName.isEmpty ? found[index].relativePath : folderName + "/" + found[index].relativePath
                    found[index].folderPrefix = folderName.isEmpty ? "" : folderName + "/"
                }
            } else {
                guard isMarkdown(path) else { throw .notMarkdown(path) }
                let fileName = (path as NSString).lastPathComponent
                found = [NoteFile(path: path, relativePath: fileName, name: fileName)]
            }
            for note in found {
                // Pages are compared as a case-insensitive file system (macOS's, Windows')
                // would: `n.md` and `n.MD` are both `n.html` there.
                let page = OutputFolder.relativePage(for: note.relativePath).lowercased()
                if page == "index.html" {
                    throw .indexCollision(note: note.path, output: OutputFolder.pagePath(for: note.relativePath, in: output))
                }
                if let first = seenOutputs[page] {
                    if first == note.path { continue }
                    throw .outputCollision(output: OutputFolder.pagePath(for: note.relativePath, in: output),
                                           first: first, second: note.path)
                }
                seenOutputs[page] = note.path
                notes.append(note)
            }
        }
        return notes
    }

    private static func collect(folder: String, relative: String, outputReal: String?,
                                visited: inout Set<String>, into notes: inout [NoteFile])
    {
        guard let real = realPath(folder), visited.insert(real).inserted, real != outputReal else { return }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = join(folder, name)
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            if exists && isFolder.boolValue {
                collect(folder: path, relative: relativePath, outputReal: outputReal, visited: &visited, into: &notes)
            } else if isMarkdown(name) {
                // A dangling link is kept: reading it then says why it cannot be read.
                notes.append(NoteFile(path: path, relativePath: relativePath, name: relativePath))
            }
        }
    }

    /// Whether a file name or path ends in `.md`, in any case (`.MD`, `.Md`).
    static func isMarkdown(_ name: String) -> Bool {
        var backwards = name.utf8.reversed().makeIterator()
        guard let d = backwards.next(), let m = backwards.next(), let dot = backwards.next() else { return false }
        return dot == UInt8(ascii: ".") && m | 0x20 == UInt8(ascii: "m") && d | 0x20 == UInt8(ascii: "d")
    }

    /// `folder/name` without doubled slashes.
    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
