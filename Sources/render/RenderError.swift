/// What can go wrong reading notes or writing pages; each prints as one line naming the path.
enum RenderError: Error, CustomStringConvertible, Equatable {
    case missingPath(String)
    case notMarkdown(String)
    case noNotes(String)
    case unreadable(path: String, reason: String)
    case notUTF8(path: String, offset: Int, line: Int)
    case outputCollision(output: String, first: String, second: String)
    case indexCollision(note: String, output: String)
    case outputIsInput(path: String, output: String)
    case inputInsideOutput(path: String, output: String)
    case unwritable(path: String, reason: String)
    /// A note asked for is not in the course the output folder holds (OutputCourse).
    case notInCourse(path: String, output: String, folders: [String], missing: [String])
    /// A note asked for is in the course's folder, but a run of the folder skips it.
    case skippedByCourse(path: String, folders: [String])
    /// The output folder holds a folder's notes but not which folder (an older manifest).
    case courseNotRecorded(output: String, folder: String)

    var description: String {
        switch self {
        case .missingPath(let path):
            "\(path): no such file or folder"
        case .notMarkdown(let path):
            "\(path): not a folder or a .md file"
        case .noNotes(let path):
            "\(path): no .md files in this folder"
        case .unreadable(let path, let reason):
            "\(path): cannot read: \(reason)"
        case .notUTF8(let path, let offset, let line):
            "\(path): not UTF-8: invalid byte at offset \(offset) (line \(line))"
        case .outputCollision(let output, let first, let second):
            "\(first) and \(second) would both be written to \(output) (names are compared ignoring case, "
                + "as on macOS and Windows); rename one"
        case .indexCollision(let note, let output):
            "\(note) would be written to \(output), the index of all notes; rename the note"
        case .outputIsInput(let path, let output):
            "the output folder \(output) is \(path), a folder of notes; choose another with --output"
        case .inputInsideOutput(let path, let output):
            "\(path) is inside the output folder \(output), where pages and reports are written; "
                + "choose another with --output"
        case .unwritable(let path, let reason):
            "\(path): cannot write: \(reason)"
        case .notInCourse(let path, let output, let folders, let missing):
            "\(path) is not a note of the course in \(output), rendered from \(folders.joined(separator: ", "))"
                + (missing.isEmpty ? "" : " (\(missing.joined(separator: ", ")) no longer there)")
                + ": render it into another folder with --output, or render its folder into \(output) "
                + "to make that the course"
        case .skippedByCourse(let path, let folders):
            "\(path) is not a note of the course: a run of \(folders.joined(separator: ", ")) skips it "
                + "(hidden, or in the output folder); render it into another folder with --output"
        case .courseNotRecorded(let output, let folder):
            "\(output) holds the notes of a folder (\(folder)/…) but does not record which folder (an older Derive "
                + "wrote it): render that folder into it once (render \(folder)/ --output \(output)), "
                + "then single notes update the course"
        }
    }
}
