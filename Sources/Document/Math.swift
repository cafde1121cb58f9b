/// Which formula of a note: its place among the note's formulas in source order (the order of
/// `Document.formulas`), assigned when the document is built. The checker's results, the parse
/// trees and the pages all name a formula by it.
public struct FormulaID: Hashable, Comparable, Sendable {
    /// The formula's position in `Document.formulas`, from 0.
    public let index: Int

    public init(_ index: Int) {
        self.index = index
    }

    public static func < (lhs: FormulaID, rhs: FormulaID) -> Bool { lhs.index < rhs.index }
}

/// One formula of a note: its TeX exactly as written, how it was delimited, and where it is.
public struct Math: Sendable, Equatable {
    /// How the formula was written in the note.
    public enum Delimiter: Sendable, Equatable {
        /// `$...$`
        case dollar
        /// `$$...$$` inside a paragraph (or any `$$` pair the block route did not take)
        case doubleDollar
        /// GitHub's `` $`...`$ ``
        case backtickDollar
        /// A `$$` line, the formula lines, and a closing `$$` line.
        case dollarBlock
        /// A ```` ```math ```` fence.
        case fence
    }

    /// The TeX between the delimiters, byte for byte as in the note (line endings become `\n`;
    /// container prefixes such as `> ` of a block quote are not part of it).
    public let tex: String
    /// Which formula of its document this is (see `FormulaID`).
    public var id: FormulaID
    /// Whether this is display math (`$$`, a `$$` block or a ```` ```math ```` fence).
    public var display: Bool
    public var delimiter: Delimiter
    /// The label written after the closing `$$` (`{#eq-loss}` gives `eq-loss`), if any.
    public var label: String?
    /// Position of the opening delimiter.
    public var position: SourcePosition
    /// Where each line of `tex` starts in the file: `lineStarts[k]` is the position of the
    /// first byte of the k-th line of `tex` (0-based), so any byte of the TeX can be located.
    public var lineStarts: [SourcePosition]
    /// The offset in `tex` where each of its lines starts (0 for the first), and the offsets of
    /// its UTF-8 continuation bytes (none in ASCII TeX): with them `position(ofTeXOffset:)`
    /// takes two binary searches, not a scan from the start (a formula of 3200 statements
    /// located each one by a scan, 13 s).
    private let lineOffsets: [Int]
    private let continuationOffsets: [Int]

    public init(
        tex: String, id: FormulaID = FormulaID(0), display: Bool, delimiter: Delimiter, label: String? = nil,
        position: SourcePosition, lineStarts: [SourcePosition]
    ) {
        self.tex = tex
        self.id = id
        self.display = display
        self.delimiter = delimiter
        self.label = label
        self.position = position
        self.lineStarts = lineStarts
        var lineOffsets = [0]
        var continuationOffsets: [Int] = []
        for (offset, byte) in tex.utf8.enumerated() {
            if byte == UInt8(ascii: "\n") {
                lineOffsets.append(offset + 1)
            } else if byte & 0xC0 == 0x80 {
                continuationOffsets.append(offset)
            }
        }
        self.lineOffsets = lineOffsets
        self.continuationOffsets = continuationOffsets
    }

    /// The file position of the TeX byte at `offset` (a UTF-8 offset into `tex`).
    ///
    /// Columns count Unicode scalars, like editors do, so an offset inside a multi-byte
    /// character maps to that character.
    public func position(ofTeXOffset offset: Int) -> SourcePosition {
        let clamped = max(0, min(offset, tex.utf8.count))
        // The line holding the byte: the last one starting at or before it.
        let lineIndex = countOfElements(in: lineOffsets, atMost: clamped) - 1
        guard lineIndex < lineStarts.count else { return position }
        let lineStart = lineOffsets[lineIndex]
        let continuations = countOfElements(in: continuationOffsets, atMost: clamped - 1)
            - countOfElements(in: continuationOffsets, atMost: lineStart - 1)
        let start = lineStarts[lineIndex]
        return SourcePosition(line: start.line, column: start.column + (clamped - lineStart) - continuations)
    }
}

/// A 1-based line and column in a note. Columns count Unicode scalars from the start of the
/// line (a UTF-8 byte-order mark is not counted).
public struct SourcePosition: Sendable, Equatable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}
