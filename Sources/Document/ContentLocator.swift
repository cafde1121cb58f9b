/// Maps byte offsets in a block's content (what cmark's inline parser sees) back to positions
/// in the file.
///
/// cmark's own inline positions are wrong after multi-line math, and a block's content has
/// its container prefixes (`> `, list indentation) stripped, so each content line is found
/// again in its source line. In table cells cmark has also turned `\|` into `|`; the locator
/// accounts for that. A tab that straddles a container's or a code block's indentation (`>` then
/// a tab; ` $$` then a line starting with a tab) comes out as the spaces left of it; the
/// locator puts the tab back.
///
/// A class: the converter keeps one per block and hands it to each formula of the block.
final class ContentLocator {
    private struct Line {
        /// Offset in the content where this line starts.
        var contentStart: Int
        /// 1-based file line and byte offset in it where the content line starts.
        var fileLine: Int
        var byteStart: Int
        /// Offsets (within the content line) before which cmark removed a backslash.
        var removedBackslashes: [Int]
        /// How many spaces at the start of the content line stand for the tab at `byteStart`
        /// (cmark expands a tab that lies partly in a container's or a code block's
        /// indentation); 0 if none.
        var expandedTab = 0
    }

    private let lines: [Line]
    /// The lines where cmark expanded a tab into spaces (usually none), in content order.
    private let expandedTabLines: [Line]
    private let source: SourceText
    /// The block's content bytes as cmark parsed them.
    let content: [UInt8]

    /// - Parameters:
    ///   - content: the block's content bytes as cmark parsed them.
    ///   - startLine, startColumn: cmark's (correct) block position, 1-based, column in bytes.
    ///   - endLine: the block's last line.
    ///   - isTableCell: whether `\|` may have become `|`.
    init(content: [UInt8], startLine: Int, startColumn: Int, endLine: Int, isTableCell: Bool,
         source: SourceText)
    {
        self.source = source
        self.content = content
        var lines: [Line] = []
        var delta = 0
        var number = 0
        var lineStart = 0
        // Each line of the content, as it is found.
        while lineStart <= content.count {
            let lineEnd = content[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? content.count
            let contentLine = (start: lineStart, bytes: content[lineStart..<lineEnd])
            defer {
                number += 1
                lineStart = lineEnd + 1
            }
            let expected = startLine + number + delta
            let searchFrom = number == 0 ? max(0, startColumn - 1) : 0
            var located: Line?
            var candidate = expected
            // The first content line may sit below the block's first line (link reference
            // definitions before it are not content); the others follow it line by line, so
            // they are looked for a few lines ahead only: searching to the block's end for
            // each line that cmark changed (a tab expanded) took quadratic time.
            let lastCandidate = number == 0 ? max(expected, endLine) : min(max(expected, endLine), expected + Self.lookahead)
            while candidate <= lastCandidate, located == nil {
                let fileLine = source.line(candidate)
                if let (start, removed, expandedTab) = Self.find(
                    contentLine.bytes, in: fileLine, from: candidate == expected ? searchFrom : 0,
                    unescapingPipes: isTableCell)
                {
                    located = Line(contentStart: contentLine.start, fileLine: candidate,
                                   byteStart: start, removedBackslashes: removed, expandedTab: expandedTab)
                    delta += candidate - expected
                } else {
                    candidate += 1
                }
            }
            if located == nil {
                // Not found (e.g. cmark expanded a tab): point at the line's first non-blank.
                let fileLine = source.line(expected)
                let firstNonBlank = fileLine.firstIndex(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") && $0 != UInt8(ascii: ">") })
                located = Line(contentStart: contentLine.start, fileLine: expected,
                               byteStart: (firstNonBlank ?? fileLine.startIndex) - fileLine.startIndex,
                               removedBackslashes: [])
            }
            if let located { lines.append(located) }
        }
        self.lines = lines
        expandedTabLines = lines.filter { $0.expandedTab > 0 }
    }

    /// How many file lines past the expected one a content line after the first is looked for.
    private static let lookahead = 4

    /// The file position of the content byte at `offset`.
    func position(ofContentOffset offset: Int) -> SourcePosition {
        guard !lines.isEmpty else { return SourcePosition(line: 1, column: 1) }
        // The last line starting at or before `offset` (the first line if none does), by
        // binary search: content offsets of lines ascend.
        let line = lines[max(0, countOfElements(in: lines.lazy.map(\.contentStart), atMost: offset) - 1)]
        let within = offset - line.contentStart
        let shift = countOfElements(in: line.removedBackslashes, atMost: within)
        // The spaces of an expanded tab are at the tab; what follows them, one byte after it.
        let tabShift = line.expandedTab == 0 ? 0 : (within < line.expandedTab ? within : line.expandedTab - 1)
        let column = source.column(line: line.fileLine, byteOffset: line.byteStart + within + shift - tabShift)
        return SourcePosition(line: line.fileLine, column: column)
    }

    /// The content as written in the note: with each tab that cmark expanded into spaces put
    /// back (the content itself when there is none).
    func contentAsWritten() -> [UInt8] { written(0..<content.count) }

    /// The content bytes in `range` as written in the note: each tab that cmark expanded into
    /// spaces at the start of a line (a tab straddling a container's or a code block's
    /// indentation) is put back when the range holds all of its spaces.
    func written(_ range: Range<Int>) -> [UInt8] {
        let range = range.clamped(to: 0..<content.count)
        // The lines with an expanded tab that start in the range, found by binary search: a
        // paragraph of many lines holds many formulas, and each asks for its own range.
        var next = countOfElements(in: expandedTabLines.lazy.map(\.contentStart), atMost: range.lowerBound - 1)
        var written: [UInt8] = []
        var copied = range.lowerBound
        while next < expandedTabLines.count {
            let line = expandedTabLines[next]
            guard line.contentStart + line.expandedTab <= range.upperBound else { break }
            if written.isEmpty { written.reserveCapacity(range.count) }
            written.append(contentsOf: content[copied..<line.contentStart])
            written.append(UInt8(ascii: "\t"))
            copied = line.contentStart + line.expandedTab
            next += 1
        }
        guard copied > range.lowerBound else { return Array(content[range]) }
        written.append(contentsOf: content[copied..<range.upperBound])
        return written
    }

    /// The offset of the first `needle` in the content at or after `start`.
    func contentOffset(of needle: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, start >= 0, content.count >= needle.count else { return nil }
        var offset = start
        while offset + needle.count <= content.count {
            if content[offset] == needle[0], content[offset..<(offset + needle.count)].elementsEqual(needle) {
                return offset
            }
            offset += 1
        }
        return nil
    }

    /// Finds `needle` in `line` at the smallest start ≥ `from`; with `unescapingPipes`, a `\|`
    /// in the line matches a `|` in the needle. Failing that, a needle that starts with one to
    /// three spaces is looked for as a tab in the line followed by the rest of the needle (a tab
    /// cmark expanded). Returns the start (relative to the line), the needle offsets where a
    /// backslash was skipped, and how many spaces stand for a tab (0 if none).
    private static func find(_ needle: ArraySlice<UInt8>, in line: ArraySlice<UInt8>, from: Int,
                             unescapingPipes: Bool) -> (Int, [Int], Int)?
    {
        if let (start, removed) = findVerbatim(needle, in: line, from: from, unescapingPipes: unescapingPipes) {
            return (start, removed, 0)
        }
        let spaces = needle.prefix(3).prefix(while: { $0 == UInt8(ascii: " ") }).count
        guard spaces > 0 else { return nil }
        var tab = line.startIndex + from
        while tab < line.endIndex {
            if line[tab] == UInt8(ascii: "\t") {
                for count in 1...spaces where line[(tab + 1)...].starts(with: needle.dropFirst(count)) {
                    return (tab - line.startIndex, [], count)
                }
            }
            tab += 1
        }
        return nil
    }

    private static func findVerbatim(_ needle: ArraySlice<UInt8>, in line: ArraySlice<UInt8>, from: Int,
                                     unescapingPipes: Bool) -> (Int, [Int])?
    {
        let base = line.startIndex
        var start = base + from
        while start <= line.endIndex {
            var i = needle.startIndex
            var j = start
            var removed: [Int] = []
            while i < needle.endIndex, j < line.endIndex {
                if line[j] == needle[i] {
                    i += 1
                    j += 1
                } else if unescapingPipes, line[j] == UInt8(ascii: "\\"), j + 1 < line.endIndex,
                    line[j + 1] == UInt8(ascii: "|"), needle[i] == UInt8(ascii: "|")
                {
                    removed.append(i - needle.startIndex)
                    i += 1
                    j += 2
                } else {
                    break
                }
            }
            if i == needle.endIndex { return (start - base, removed) }
            start += 1
        }
        return nil
    }
}
