/// The one Swift file a note's cells make: a prelude (with the note's formulas as Swift), then
/// each cell behind a marker that it prints to standard output and standard error, and a
/// `#sourceLocation` directive so that swiftc reports positions in the note itself; last, behind
/// a marker of its own, the harness that prints what the note's check needs from the program
/// (docs/note-language.md §12).
public struct CellProgram: Sendable, Equatable {
    /// The marker's text: a record separator (U+001E) either side, so a cell's own output is
    /// never mistaken for it.
    static func marker(_ index: Int) -> String { "\u{1E}derive-cell \(index)\u{1E}" }

    public let source: String
    public let cells: [Cell]
    /// The note's path as swiftc will print it in diagnostics.
    public let notePath: String

    /// The marker before the harness's lines.
    static let checksMarker = "\u{1E}derive-checks\u{1E}"

    /// `formulas` is Swift put before the cells (the note's formulas); `harness` is Swift run
    /// after them, whose standard output is the run's `checks`.
    public init(cells: [Cell], notePath: String, formulas: String = "", harness: String = "") {
        self.cells = cells
        self.notePath = notePath
        // The prelude: stdout line-buffered (so what a cell printed before a crash is kept) and
        // the marker function. It imports the C library, so its names (exp, sin, ...) are in scope.
        var source = """
            #if canImport(Glibc)
            import Glibc
            #elseif canImport(Musl)
            import Musl
            #elseif canImport(Darwin)
            import Darwin
            #endif
            setvbuf(stdout, nil, _IOLBF, 0)
            func __deriveCell(_ marker: String) {
                fflush(stdout)
                fputs(marker + "\\n", stdout)
                fflush(stdout)
                fputs(marker + "\\n", stderr)
            }

            """
        source += formulas
        let file = Self.literal(notePath)
        for cell in cells {
            source += "__deriveCell(\"\(Self.marker(cell.index).unicodeScalars.map { $0 == "\u{1E}" ? "\\u{1E}" : String($0) }.joined())\")\n"
            source += "#sourceLocation(file: \(file), line: \(cell.firstLine))\n"
            source += cell.code
            if !cell.code.hasSuffix("\n") { source += "\n" }
            source += "#sourceLocation()\n"
        }
        if !harness.isEmpty {
            source += "__deriveCell(\"\\u{1E}derive-checks\\u{1E}\")\n" + harness
        }
        source += "fflush(stdout)\n"
        self.source = source
    }

    /// A Swift string literal of `text`.
    static func literal(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default:
                if scalar.value < 0x20 { out += "\\u{\(String(scalar.value, radix: 16))}" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// The cell that holds a note line, if any.
    public func cell(atNoteLine line: Int) -> Cell? {
        cells.last { cell in
            let count = cell.code.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) } + (cell.code.hasSuffix("\n") ? 0 : 1)
            return line >= cell.firstLine && line < cell.firstLine + max(count, 1)
        }
    }

    /// Splits a stream the program wrote into each cell's part, by the markers; `limit` bytes
    /// per cell at most (the index of each cell that went past it is returned).
    /// The lines after the checks marker are returned apart (`checks`, nil when the marker was
    /// not reached).
    static func split(_ bytes: [UInt8], cellCount: Int, limit: Int)
        -> (parts: [String], cut: Set<Int>, last: Int?, checks: [String]?)
    {
        var parts = [[UInt8]](repeating: [], count: cellCount)
        var cut = Set<Int>()
        var current: Int?
        let prefix = Array("\u{1E}derive-cell ".utf8)
        let checksMarker = Array(Self.checksMarker.utf8)
        var checks: [String]?
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            let line = bytes[start..<end]
            let next = min(end + 1, bytes.count)
            if checks != nil {
                checks?.append(String(decoding: line, as: UTF8.self))
            } else if line.elementsEqual(checksMarker) {
                checks = []
            } else if line.starts(with: prefix), line.last == 0x1E,
               let index = Int(String(decoding: line.dropFirst(prefix.count).dropLast(), as: UTF8.self)),
               (0..<cellCount).contains(index) {
                current = index
            } else if let index = current {
                let piece = bytes[start..<next]
                let room = limit - parts[index].count
                if piece.count <= room {
                    parts[index].append(contentsOf: piece)
                } else {
                    if room > 0 { parts[index].append(contentsOf: piece.prefix(room)) }
                    cut.insert(index)
                }
            }
            start = next
        }
        return (parts.map { String(decoding: $0, as: UTF8.self) }, cut, current, checks)
    }
}
