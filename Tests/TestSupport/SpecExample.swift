/// One example of a spec file written in the format of cmark's `spec.txt`:
///
///     ```````````````````````````````` example tags...
///     the input
///     .
///     what is expected
///     ````````````````````````````````
///
/// The GFM spec, the markdown-math fixtures and the note language's own spec
/// (`Tests/NotebookTests/Spec/*.md`) are written this way; `SpecFile` reads them.
public struct SpecExample: Sendable, CustomStringConvertible {
    /// The file, as the test names it (for messages).
    public var file: String
    /// 1, 2, ... in the order of the file.
    public var number: Int
    /// The line of the opening fence (the file's first line is 1).
    public var line: Int
    /// The last heading before the example, without its `#`s ("" before the first heading).
    public var section: String
    /// Words after `example` (`table`, `autolink`, `disabled`...).
    public var tags: [String]
    /// The lines before the `.`, each ending in a line break.
    public var input: String
    /// The lines after the `.`, each ending in a line break.
    public var expected: String
    /// Where `expected` is in the file: the indexes (from 0) of its lines among the file's
    /// lines, between the `.` and the closing fence.
    public var expectedLines: Range<Int>

    public var description: String {
        "\(file) example \(number) (line \(line)\(section.isEmpty ? "" : ", " + section))"
    }
}

/// Reads and rewrites the examples of a spec file (see `SpecExample`).
public enum SpecFile {
    /// The 32 backticks that open and close an example.
    public static let fence = String(repeating: "`", count: 32)

    /// The examples of `text`, read from the file named `file`. cmark's spec writes a tab as `→`:
    /// with `tabMark: "→"` it is read back as a tab; by default the text is taken as it is (the
    /// note language's spec writes `→` for a value).
    public static func examples(in text: String, file: String, tabMark: String? = nil) -> [SpecExample] {
        examples(lines: lines(of: text), file: file, tabMark: tabMark)
    }

    /// `text` with the expected part of every example replaced by `expectation(example)` (lines
    /// each ending in a line break), every other line kept as it is: how a spec whose expectations
    /// are computed is updated.
    public static func replacingExpectations(
        in text: String, file: String, _ expectation: (SpecExample) throws -> String
    ) rethrows -> String {
        let lines = lines(of: text)
        var output: [Substring] = []
        var next = 0
        for example in examples(lines: lines, file: file, tabMark: nil) {
            output += lines[next..<example.expectedLines.lowerBound]
            var replacement = try expectation(example).split(separator: "\n", omittingEmptySubsequences: false)
            if replacement.last == "" { replacement.removeLast() }
            output += replacement
            next = example.expectedLines.upperBound
        }
        output += lines[next...]
        return output.joined(separator: "\n")
    }

    private static func lines(of text: String) -> [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    private static func examples(lines: [Substring], file: String, tabMark: String?) -> [SpecExample] {
        let opening = fence + " example"
        var examples: [SpecExample] = []
        var section = ""
        var index = 0
        while index < lines.count {
            let line = lines[index]
            index += 1
            if line.hasPrefix("#") { section = heading(line) }
            guard line.hasPrefix(opening) else { continue }
            let start = index  // the opening fence's line number (from 1)
            let tags = line.dropFirst(opening.count).split(separator: " ").map(String.init)
            var input: [Substring] = []
            var expectedStart: Int?
            while index < lines.count, lines[index] != fence {
                if lines[index] == "." && expectedStart == nil {
                    expectedStart = index + 1
                } else if expectedStart == nil {
                    input.append(lines[index])
                }
                index += 1
            }
            let expectedLines = (expectedStart ?? index)..<index
            index += 1  // the closing fence
            func joined(_ lines: ArraySlice<Substring>) -> String {
                let text = lines.map { $0 + "\n" }.joined()
                guard let tabMark else { return text }
                return text.replacing(tabMark, with: "\t")
            }
            examples.append(SpecExample(file: file, number: examples.count + 1, line: start, section: section,
                                        tags: tags, input: joined(input[...]), expected: joined(lines[expectedLines]),
                                        expectedLines: expectedLines))
        }
        return examples
    }

    /// A heading's text: the line without the `#`s and spaces around it.
    private static func heading(_ line: Substring) -> String {
        let isMark: (Character) -> Bool = { $0 == "#" || $0 == " " }
        return String(line.drop(while: isMark).reversed().drop(while: isMark).reversed())
    }
}
