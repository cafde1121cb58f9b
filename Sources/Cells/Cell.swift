import Document

/// A ```` ```swift ```` fenced block of a note: one step of the note's program.
public struct Cell: Sendable, Equatable {
    /// The cell's place among the note's cells, from 0.
    public var index: Int
    /// The code between the fences.
    public var code: String
    /// The note's 1-based line of the cell's first code line (the line after the opening fence).
    public var firstLine: Int

    public init(index: Int, code: String, firstLine: Int) {
        self.index = index
        self.code = code
        self.firstLine = firstLine
    }

    /// Whether a fence's info string makes its block a Swift cell (its first word is `swift`).
    public static func isSwift(info: String) -> Bool {
        info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map { $0.lowercased() == "swift" } ?? false
    }

    /// A note's cells, in reading order (cells inside lists and quotes count too).
    public static func cells(in document: Document) -> [Cell] {
        var cells: [Cell] = []
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .codeBlock(let info, let literal, let line) where isSwift(info: info):
                    cells.append(Cell(index: cells.count, code: literal, firstLine: line + 1))
                case .blockQuote(let inner):
                    visit(inner)
                case .list(let list):
                    for item in list.items { visit(item.blocks) }
                case .footnoteDefinition(let definition):
                    visit(definition.blocks)
                default:
                    break
                }
            }
        }
        visit(document.blocks)
        return cells
    }
}

/// What running one cell gave.
public struct CellOutput: Sendable, Equatable, Codable {
    /// How the cell ended.
    public enum Status: String, Sendable, Equatable, Codable {
        /// It ran to its end.
        case ran
        /// It was not run: `--no-exec` with nothing cached, no toolchain, a compile error, or an
        /// earlier cell stopped the program.
        case notRun = "not run"
        /// The program crashed, exited non-zero or timed out while this cell ran; see `problem`.
        case failed
    }

    public var status: Status
    /// What the cell wrote to standard output.
    public var stdout: String
    /// What the cell wrote to standard error.
    public var stderr: String
    /// Why the cell failed or its output was cut, in a sentence.
    public var problem: String?

    public init(status: Status, stdout: String = "", stderr: String = "", problem: String? = nil) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
        self.problem = problem
    }

    public static let notRun = CellOutput(status: .notRun)
}
