import Foundation

/// The course an output folder holds, and what a run renders into it.
///
/// A run over folders (`render notes/`) renders a course, and the output folder's manifest
/// records those folders, relative to it (`folder\t../notes`). A later run of notes of that
/// course (`render notes/x.md`, several files, or a folder inside `notes/`) renders those notes
/// into it and keeps every other note of the course as the last run left it (its page, its
/// entry of the index, of report.json and of the JUnit report, all from `.render-state`): the
/// index, report.json and the navigation list the whole course, in the order a run of the
/// folder gives. Another note's page is written again only when what it says of the rendered
/// notes changes (a neighbour's title). A note new in the folder joins the course when it is
/// rendered; the files of notes gone from the folder go, as in a run of the folder.
///
/// Otherwise:
/// - a note outside the course's folders is refused (RenderError.notInCourse): rendered into
///   the course it would be listed as a stranger, alone it would shrink the index to itself;
/// - without a usable `.render-state` (git does not keep it: a fresh clone has only the
///   manifest), there is nothing to keep the other notes from: the whole course is rendered,
///   and the run says so;
/// - an output folder that records no course (new, empty, or holding notes rendered alone)
///   gets the notes rendered alone, as before; one whose manifest lists a folder's notes but
///   not the folder (written by an older Derive) is refused, with the command that records it.
enum OutputCourse {
    /// What a run renders into its output folder.
    struct Plan {
        /// The notes of the run, in the order of the course.
        var notes: [NoteFile]
        /// Of those, the notes kept from the last run, not asked for (by relative path).
        var kept: Set<String> = []
        /// The names of every note the course's folders hold now: the files of the others are
        /// stale. Nil: those of `notes`.
        var present: Set<String>? = nil
        /// The folders the manifest records after the run, relative to the output folder; nil:
        /// as recorded before.
        var folders: [String]? = nil
        /// Every note of the course's folders, when `notes` are some of them (derive.yml orders
        /// these, then `notes` in their order).
        var course: [NoteFile]? = nil
        /// The course's folders as the user would type them (`notes`), for messages.
        var typedFolders: [String] = []
        /// What was done instead of what was asked, said before the run.
        var notice: String? = nil
        /// The output folder's state and manifest, as the last run left them (read once, here).
        var state: BuildState? = nil
        var manifest = OutputManifest()
    }

    /// The plan of a run of `paths` into `output` (`writing`: not `--check`).
    static func plan(paths: [String], output: String, writing: Bool) throws(RenderError) -> Plan {
        let notes = try NoteDiscovery.find(paths: paths, excluding: output, writing: writing)
        guard writing else { return Plan(notes: notes) }
        let state = BuildState.load(outputFolder: output)
        let manifest = OutputManifest.read(in: output)
        var plan = try plan(of: notes, paths: paths, output: output, state: state, manifest: manifest)
        (plan.state, plan.manifest) = (state, manifest)
        return plan
    }

    /// The plan of a run that writes, given what the output folder holds.
    private static func plan(of notes: [NoteFile], paths: [String], output: String, state: BuildState?,
                             manifest: OutputManifest) throws(RenderError) -> Plan {
        let folders = manifest.folders.map { PathKey.joined(output, $0) }
        let resolvedFolders = folders.map(PathKey.resolved)
        let arguments = paths.map { path in (path: path, resolved: PathKey.resolved(path), isFolder: isFolder(path)) }
        // A folder is rendered as a course of its own unless it lies inside the course's.
        let renderedAsCourse = arguments.contains { argument in
            argument.isFolder && !resolvedFolders.contains { argument.resolved.hasPrefix($0 == "/" ? "/" : $0 + "/") }
        }
        if renderedAsCourse {
            var recorded: [String] = []
            for argument in arguments where argument.isFolder {
                let relative = PathKey.relative(from: output, to: argument.path)
                if !recorded.contains(relative) { recorded.append(relative) }
            }
            return Plan(notes: notes, folders: recorded)
        }
        guard !folders.isEmpty else {
            // Notes of a folder, but no folder recorded: a manifest from before it was.
            if let name = manifest.notesByFile.values.first(where: { $0.contains("/") }) {
                throw .courseNotRecorded(output: output, folder: String(name.prefix { $0 != "/" }))
            }
            return Plan(notes: notes)
        }
        let typedFolders = folders.map(typed)
        for argument in arguments where !resolvedFolders.contains(where: { PathKey.isSameOrInside(argument.resolved, $0) }) {
            throw .notInCourse(path: argument.path, output: output, folders: typedFolders,
                               missing: typedFolders.filter { !FileManager.default.fileExists(atPath: $0) })
        }
        // The course as a run of its folders finds it, with the notes asked for as typed.
        let course = try NoteDiscovery.find(paths: typedFolders, excluding: output, writing: true)
        var asked: [String: NoteFile] = [:]
        for note in notes { asked[PathKey.resolved(note.path)] = note }
        let askedNames = Set(notes.map { ($0.path as NSString).lastPathComponent })
        var found: Set<String> = []
        var planned: [NoteFile] = []
        var kept: Set<String> = []
        for var note in course {
            // Only a note named as one asked for can be it: the others are not resolved.
            if askedNames.contains((note.path as NSString).lastPathComponent) {
                let resolved = PathKey.resolved(note.path)
                if let typedNote = asked[resolved] {
                    note.path = typedNote.path
                    found.insert(resolved)
                    planned.append(note)
                    continue
                }
            }
            if state?.entries[note.relativePath] != nil {
                kept.insert(note.relativePath)
                planned.append(note)
            }
        }
        if let missed = notes.first(where: { !found.contains(PathKey.resolved($0.path)) }) {
            throw .skippedByCourse(path: missed.path, folders: typedFolders)
        }
        let folderList = typedFolders.joined(separator: ", ")
        guard state != nil else {
            let path = NoteDiscovery.join(output, BuildState.fileName)
            let why = FileManager.default.fileExists(atPath: path)
                ? "cannot be read (damaged, or written by another version of Derive)" : "is missing (git does not keep it)"
            return Plan(notes: course, typedFolders: typedFolders, notice: """
                \(path) \(why), so the other notes of the course cannot be kept from the last run: \
                rendering the whole course, \(folderList), to keep the index and report.json whole
                """)
        }
        return Plan(notes: planned, kept: kept, present: Set(course.map(\.name)), course: course, typedFolders: typedFolders)
    }

    /// `path` as the user would type it: relative to the current folder.
    private static func typed(_ path: String) -> String {
        PathKey.relative(from: FileManager.default.currentDirectoryPath, to: path)
    }

    private static func isFolder(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
    }
}

extension Course {
    /// The `derive.yml` nearest above the notes in `paths` (each a `.md` file, all under one
    /// `derive.yml`), or nil: `render notes/a.md` writes where `render notes/` does.
    static func enclosing(_ paths: [String]) -> Course? {
        let current = FileManager.default.currentDirectoryPath
        var found: String?
        for path in paths {
            guard NoteDiscovery.isMarkdown(path) else { return nil }
            var folder = Array(PathKey.absoluteComponents(path).dropLast())
            var course: String?
            while course == nil {
                let absolute = "/" + folder.joined(separator: "/")
                if FileManager.default.fileExists(atPath: NoteDiscovery.join(absolute, CourseConfiguration.fileName)) {
                    course = absolute
                } else if folder.isEmpty {
                    return nil
                } else {
                    folder.removeLast()
                }
            }
            guard found == nil || found == course else { return nil }
            found = course
        }
        return found.flatMap { load(paths: [PathKey.relative(from: current, to: $0)]) }
    }
}
