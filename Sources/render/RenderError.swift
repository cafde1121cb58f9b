/// What can go wrong reading notes or writing pages; each prints as one line naming the path.
enum RenderError: Error, CustomStringConvertible, Equatable {
    case missingPath(String)
    case notMarkdown(String)
    case noNotes(String)
    case unreadable(path: String, reason: String)
    case notUTF8(path: String, offset: Int, line: Int)
    case outputCollision(output: String, first: String, second: String)
    case unwritable(path: String, reason: String)

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
            "\(first) and \(second) would both be written to \(output)"
        case .unwritable(let path, let reason):
            "\(path): cannot write: \(reason)"
        }
    }
}
