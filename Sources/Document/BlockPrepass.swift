/// The line-level pass that runs before cmark sees a note.
///
/// It does two things, both without changing the number of lines, so cmark's line numbers
/// stay those of the file:
/// - front matter (a `---` line at the very top up to a `---` or `...` line) is taken out and
///   replaced by empty lines;
/// - a standalone `$$` line, the formula lines, and a closing `$$` line (optionally followed
///   by `{#label}`) are rewritten into a fenced code block with the private info string
///   `math derive-dollar-block`, so that inner lines starting with `-`, `+`, `1.`, `#` or `>`,
///   or a line that would underline a setext heading, stay inside the formula.
struct BlockPrepass {
    /// A `$$` block found by the pass.
    struct DollarBlock: Equatable {
        /// 1-based lines of the opening and closing `$$`.
        var openerLine: Int
        var closerLine: Int
        /// Column (Unicode scalars) of the opening `$$`.
        var column: Int
        var label: String?
    }

    /// The private info string of the fences the pass writes.
    static let fenceInfo = "math derive-dollar-block"

    let source: SourceText
    private(set) var frontMatter: FrontMatter?
    private(set) var dollarBlocks: [DollarBlock] = []

    init(source: SourceText) {
        self.source = source
        self.frontMatter = Self.findFrontMatter(in: source)
        self.dollarBlocks = Self.findDollarBlocks(
            in: source, from: (frontMatter.map { $0.firstLine + $0.lineCount + 1 } ?? 1))
    }

    /// The text to give cmark, with front matter blanked and the given `$$` blocks rewritten.
    /// Every line ends with `\n`.
    func cmarkInput(rewriting blocks: [DollarBlock]) -> [UInt8] {
        var rewrites: [LineRewrite] = []
        rewrites.reserveCapacity(2 * blocks.count + (frontMatter.map { $0.lineCount + 2 } ?? 0))
        if let frontMatter {
            for line in (frontMatter.firstLine - 1)...(frontMatter.firstLine + frontMatter.lineCount) {
                rewrites.append(LineRewrite(line: line, prefix: 0, fence: 0, info: false))
            }
        }
        for block in blocks {
            var longestRun = 0
            for line in (block.openerLine + 1)..<block.closerLine {
                longestRun = max(longestRun, Self.longestBacktickRun(source.line(line)))
            }
            let fence = max(3, longestRun + 1)
            rewrites.append(LineRewrite(line: block.openerLine, prefix: Self.containerPrefix(source.line(block.openerLine)).count,
                                        fence: fence, info: true))
            rewrites.append(LineRewrite(line: block.closerLine, prefix: Self.containerPrefix(source.line(block.closerLine)).count,
                                        fence: fence, info: false))
        }
        rewrites.sort { $0.line < $1.line }
        var output: [UInt8] = []
        output.reserveCapacity(source.bytes.count + 64)
        // The lines between two rewritten ones are copied as one run of bytes when the note's
        // lines all end with `\n` (then the run is as the note has it); otherwise line by line.
        let bytes = source.bytes
        let ranges = source.lineRanges
        var next = 0  // the first line (0-based) not yet written
        func copyLines(upTo end: Int) {
            guard next < end else { return }
            if source.endsLinesWithNewlineOnly {
                output.append(contentsOf: bytes[ranges[next].lowerBound..<ranges[end - 1].upperBound])
                output.append(UInt8(ascii: "\n"))
            } else {
                for index in next..<end {
                    output.append(contentsOf: bytes[ranges[index]])
                    output.append(UInt8(ascii: "\n"))
                }
            }
            next = end
        }
        for rewrite in rewrites where rewrite.line >= 1 && rewrite.line <= ranges.count {
            copyLines(upTo: rewrite.line - 1)
            guard next == rewrite.line - 1 else { continue }
            let start = ranges[next].lowerBound
            output.append(contentsOf: bytes[start..<(start + rewrite.prefix)])
            output.append(contentsOf: repeatElement(UInt8(ascii: "`"), count: rewrite.fence))
            if rewrite.info { output.append(contentsOf: Self.fenceInfoBytes) }
            output.append(UInt8(ascii: "\n"))
            next = rewrite.line
        }
        copyLines(upTo: ranges.count)
        return output
    }

    /// A line `cmarkInput` writes otherwise: its first `prefix` bytes (the container prefix),
    /// then `fence` backticks (none: the line is blanked), then the fence's info string or not.
    private struct LineRewrite {
        var line: Int
        var prefix: Int
        var fence: Int
        var info: Bool
    }

    private static let fenceInfoBytes = Array(fenceInfo.utf8)

    // MARK: - Front matter

    private static func findFrontMatter(in source: SourceText) -> FrontMatter? {
        guard source.lineCount >= 3, trimmedTrailing(source.line(1)).elementsEqual("---".utf8),
            startsMapping(source.line(2))
        else { return nil }
        for number in 2...source.lineCount {
            let line = trimmedTrailing(source.line(number))
            if line.elementsEqual("---".utf8) || line.elementsEqual("...".utf8) {
                var yaml: [UInt8] = []
                for inner in 2..<number {
                    yaml.append(contentsOf: source.line(inner))
                    yaml.append(UInt8(ascii: "\n"))
                }
                return FrontMatter(yaml: String(decoding: yaml, as: UTF8.self), firstLine: 2,
                                   lineCount: number - 2)
            }
        }
        return nil
    }

    /// Whether a line opens a YAML mapping (`key:` or `key: value`), as front matter must:
    /// `---`, `Foo`, `---` at the top of a note is a thematic break and a setext heading.
    private static func startsMapping(_ line: ArraySlice<UInt8>) -> Bool {
        guard let first = line.first, first != UInt8(ascii: " "), first != UInt8(ascii: "-"),
            let colon = line.firstIndex(of: UInt8(ascii: ":"))
        else { return false }
        let after = colon + 1
        return after == line.endIndex || line[after] == UInt8(ascii: " ") || line[after] == UInt8(ascii: "\t")
    }

    // MARK: - `$$` blocks

    private static func findDollarBlocks(in source: SourceText, from firstLine: Int) -> [DollarBlock] {
        var blocks: [DollarBlock] = []
        var fence: (character: UInt8, length: Int, quoteDepth: Int)?
        var number = firstLine
        while number <= source.lineCount {
            let line = source.line(number)
            let prefix = containerPrefix(line)
            let rest = line[(line.startIndex + prefix.count)...]
            let depth = quoteDepth(prefix)
            if let open = fence {
                if let close = fenceMarker(rest), close.character == open.character,
                    close.length >= open.length, close.infoIsEmpty
                {
                    fence = nil
                } else if depth < open.quoteDepth {
                    fence = nil  // the container ended, and with it the fence
                }
                number += 1
                continue
            }
            // Any fence marker counts, whatever its indentation (in a list item it is indented);
            // a rewrite that lands somewhere unexpected is undone after parsing.
            if let marker = fenceMarker(rest) {
                fence = (marker.character, marker.length, depth)
                number += 1
                continue
            }
            if isDollarLine(rest) {
                if let block = closeDollarBlock(openedAt: number, prefix: prefix, in: source) {
                    blocks.append(block)
                    number = block.closerLine + 1
                    continue
                }
            }
            number += 1
        }
        return blocks
    }

    /// Looks for the closing `$$` line of a block opened at `opener`; `nil` if a blank line,
    /// a change of block-quote depth or the end of the file comes first.
    private static func closeDollarBlock(openedAt opener: Int, prefix: ArraySlice<UInt8>, in source: SourceText)
        -> DollarBlock?
    {
        let depth = quoteDepth(prefix)
        var number = opener + 1
        while number <= source.lineCount {
            let line = source.line(number)
            let linePrefix = containerPrefix(line)
            let rest = line[(line.startIndex + linePrefix.count)...]
            if rest.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { return nil }
            // A line with fewer `>` than the opener ends its block quote; more `>` are content.
            if quoteDepth(linePrefix) < depth { return nil }
            if quoteDepth(linePrefix) == depth, let label = closingDollarLine(rest) {
                let column = source.column(line: opener, byteOffset: prefix.count)
                return DollarBlock(
                    openerLine: opener, closerLine: number, column: column,
                    label: label.isEmpty ? nil : label)
            }
            number += 1
        }
        return nil
    }

    /// `$$` alone on a line (trailing blanks allowed).
    private static func isDollarLine(_ rest: ArraySlice<UInt8>) -> Bool {
        let line = trimmedTrailing(rest)
        return line.count == 2 && startsWithDollars(line)
    }

    private static func startsWithDollars(_ line: ArraySlice<UInt8>) -> Bool {
        line.count >= 2 && line[line.startIndex] == UInt8(ascii: "$") && line[line.startIndex + 1] == UInt8(ascii: "$")
    }

    /// For a closing line `$$` or `$$ {#label}`: the label ("" when none); otherwise `nil`.
    private static func closingDollarLine(_ rest: ArraySlice<UInt8>) -> String? {
        let line = trimmedTrailing(rest)
        guard startsWithDollars(line) else { return nil }
        var after = line.dropFirst(2)
        if after.isEmpty { return "" }
        while let first = after.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
            after = after.dropFirst()
        }
        guard let label = EquationLabel.parse(after), label.length == after.count else { return nil }
        return label.name
    }

    /// The container prefix of a line: spaces, tabs and block-quote `>` markers.
    static func containerPrefix(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var end = line.startIndex
        while end < line.endIndex,
            line[end] == UInt8(ascii: " ") || line[end] == UInt8(ascii: "\t") || line[end] == UInt8(ascii: ">")
        {
            end += 1
        }
        return line[line.startIndex..<end]
    }

    private static func quoteDepth(_ prefix: ArraySlice<UInt8>) -> Int {
        prefix.reduce(0) { $0 + ($1 == UInt8(ascii: ">") ? 1 : 0) }
    }

    private static func fenceMarker(_ rest: ArraySlice<UInt8>)
        -> (character: UInt8, length: Int, infoIsEmpty: Bool)?
    {
        guard let first = rest.first, first == UInt8(ascii: "`") || first == UInt8(ascii: "~") else {
            return nil
        }
        let length = rest.prefix(while: { $0 == first }).count
        guard length >= 3 else { return nil }
        let info = rest.dropFirst(length)
        if first == UInt8(ascii: "`"), info.contains(UInt8(ascii: "`")) { return nil }
        return (first, length, trimmedTrailing(info).allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
    }

    private static func longestBacktickRun(_ line: ArraySlice<UInt8>) -> Int {
        var longest = 0
        var run = 0
        for byte in line {
            run = byte == UInt8(ascii: "`") ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }

    static func trimmedTrailing(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") {
            end -= 1
        }
        return bytes[bytes.startIndex..<end]
    }
}

/// The `{#name}` label that may follow a display formula.
enum EquationLabel {
    /// Parses `{#name}` at the start of `bytes`; `name` is letters, digits, `-`, `_`, `:`, `.`.
    static func parse(_ bytes: ArraySlice<UInt8>) -> (name: String, length: Int)? {
        guard bytes.starts(with: "{#".utf8) else { return nil }
        var index = bytes.startIndex + 2
        while index < bytes.endIndex, isNameByte(bytes[index]) { index += 1 }
        guard index > bytes.startIndex + 2, index < bytes.endIndex, bytes[index] == UInt8(ascii: "}") else {
            return nil
        }
        return (String(decoding: bytes[(bytes.startIndex + 2)..<index], as: UTF8.self),
                index + 1 - bytes.startIndex)
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
            UInt8(ascii: ":"), UInt8(ascii: "."):
            true
        default:
            false
        }
    }
}
