import Document

/// The sections of a note: a heading and everything under it, subsections included; the
/// whole note is the outermost section (docs/note-language.md §4).
public struct Sections: Sendable {
    /// One section: its heading's level (0 for the whole note), title and first line.
    public struct Section: Sendable, Equatable {
        public var level: Int
        public var title: String
        public var line: Int
        /// The enclosing section's index (`nil` for the whole note).
        public var parent: Int?
    }

    /// All sections; index 0 is the whole note.
    public private(set) var sections: [Section]
    /// For each section, the index after the last section inside it.
    private var subtreeEnds: [Int]

    /// Builds the section tree from the document's top-level headings.
    public init(_ document: Document) {
        sections = [Section(level: 0, title: "", line: 1, parent: nil)]
        var open: [Int] = [0]
        for block in document.blocks {
            guard case .heading(let level, let content, let line) = block else { continue }
            while let last = open.last, sections[last].level >= level { open.removeLast() }
            sections.append(Section(level: level, title: PlainText.of(content), line: line, parent: open.last ?? 0))
            open.append(sections.count - 1)
        }
        // Sections are in document order, each followed by its subsections: a section's
        // subtree runs until the next section of its level or higher.
        var ends = [Int](repeating: sections.count, count: sections.count)
        var unclosed: [Int] = []
        for index in sections.indices {
            while let last = unclosed.last, sections[last].level >= sections[index].level, index > 0 {
                ends[last] = index
                unclosed.removeLast()
            }
            unclosed.append(index)
        }
        subtreeEnds = ends
    }

    /// The indices of `section` and the sections inside it, which follow it (a range).
    public func subtree(of section: Int) -> Range<Int> {
        section..<subtreeEnds[section]
    }

    /// The innermost section containing `line`.
    public func innermost(containing line: Int) -> Int {
        // The last section starting at or before `line`, by binary search: one scan per
        // statement made a note of n sections and n formulas quadratic.
        max(0, countOfElements(in: sections.lazy.map(\.line), atMost: line) - 1)
    }

    /// The chain of sections from `section` out to the whole note.
    public func chain(from section: Int) -> [Int] {
        var chain: [Int] = []
        var current: Int? = section
        while let index = current {
            chain.append(index)
            current = sections[index].parent
        }
        return chain
    }

    /// Whether `inner` is `outer` or lies inside it.
    public func contains(_ outer: Int, _ inner: Int) -> Bool {
        var current: Int? = inner
        while let index = current {
            if index == outer { return true }
            current = sections[index].parent
        }
        return false
    }
}
