import Document

/// How the Markdown report rewrites the note's own lines so that GitHub reads them right: a
/// formula's `{#eq-label}` becomes an anchor, an `@eq-label` becomes a link with the formula's
/// number, and the results inserted after a formula keep the containers (list item, block
/// quote) the formula is in.
enum MarkdownSource {
    /// The number of each labelled formula: labels in source order, from 1 (the pages and the
    /// Markdown report number them alike).
    static func equationNumbers(of formulas: [Math]) -> [String: Int] {
        var numbers: [String: Int] = [:]
        for math in formulas {
            if let label = math.label, numbers[label] == nil { numbers[label] = numbers.count + 1 }
        }
        return numbers
    }

    /// The `@eq-label` references of a document by line: each reference's column (of its `@`)
    /// and label.
    static func references(in document: Document) -> [Int: [(column: Int, label: String)]] {
        var found: [Int: [(column: Int, label: String)]] = [:]
        func visit(_ inlines: [Inline]) {
            for inline in inlines {
                switch inline {
                case .equationReference(let label, let position):
                    found[position.line, default: []].append((position.column, label))
                case .emphasis(let children), .strong(let children), .strikethrough(let children),
                     .link(_, _, let children), .image(_, _, let children):
                    visit(children)
                default: break
                }
            }
        }
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .paragraph(let inlines), .heading(_, let inlines, _): visit(inlines)
                case .blockQuote(let children): visit(children)
                case .list(let list): for item in list.items { visit(item.blocks) }
                case .table(let table): for row in table.rows { for cell in row.cells { visit(cell) } }
                case .footnoteDefinition(let definition): visit(definition.blocks)
                default: break
                }
            }
        }
        visit(document.blocks)
        return found
    }

    /// `line` with each reference replaced by a link to its formula's anchor, `[(1)](#eq-loss)`;
    /// a reference to no formula becomes inline code, so GitHub does not link it to a user
    /// named `eq-…`. A reference is replaced only where the line holds `@label` at its column.
    static func linkingReferences(in line: Substring, _ references: [(column: Int, label: String)],
                                  numbers: [String: Int]) -> String {
        var scalars = Array(line.unicodeScalars)
        for reference in references.sorted(by: { $0.column > $1.column }) {
            let written = Array(("@" + reference.label).unicodeScalars)
            let start = reference.column - 1
            guard start >= 0, start + written.count <= scalars.count,
                  Array(scalars[start..<(start + written.count)]) == written else { continue }
            let replacement = numbers[reference.label].map { "[(\($0))](#\(reference.label))" }
                ?? "`@\(reference.label)`"
            scalars.replaceSubrange(start..<(start + written.count), with: replacement.unicodeScalars)
        }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars)
        return String(text)
    }

    /// `line` without the formula's label: `$$ {#eq-loss}` → `$$`, `$$L = 1$$ {#eq-loss}` →
    /// `$$L = 1$$` (GitHub shows the label as text, and it keeps the math from rendering).
    static func droppingLabel(_ label: String, from line: Substring) -> Substring {
        let written = "{#\(label)}"
        guard let range = line.range(of: written, options: .backwards),
              line[range.upperBound...].allSatisfy({ $0 == " " || $0 == "\t" }) else { return line }
        var start = range.lowerBound
        while start > line.startIndex, line[line.index(before: start)] == " " || line[line.index(before: start)] == "\t" {
            start = line.index(before: start)
        }
        return line[..<start]
    }

    /// What a line inserted after a formula starts with to stay in the formula's containers:
    /// the `>` of block quotes as written, and spaces as wide as the indentation and list
    /// markers before the formula on its first line (`1. $$` and `   $$` both give three
    /// spaces). Text before the formula ends the prefix.
    static func containerPrefix(of line: Substring, before column: Int) -> String {
        var prefix = ""
        var scalars = Array(line.unicodeScalars.prefix(max(0, column - 1)))[...]
        while let first = scalars.first {
            if first == ">" {
                prefix += ">"
                scalars = scalars.dropFirst()
                if scalars.first == " " {
                    prefix += " "
                    scalars = scalars.dropFirst()
                }
            } else if first == " " || first == "\t" {
                prefix.unicodeScalars.append(first)
                scalars = scalars.dropFirst()
            } else if let width = listMarkerWidth(scalars) {
                prefix += String(repeating: " ", count: width)
                scalars = scalars.dropFirst(width)
            } else {
                break
            }
        }
        return prefix
    }

    /// The width of a list marker and the blank after it (`- `, `12. `, `3) `) at the start of
    /// `scalars`, or `nil`.
    static func listMarkerWidth(_ scalars: ArraySlice<Unicode.Scalar>) -> Int? {
        var index = scalars.startIndex
        if let first = scalars.first, first == "-" || first == "*" || first == "+" {
            index += 1
        } else {
            while index < scalars.endIndex, index - scalars.startIndex < 9,
                  ("0"..."9").contains(scalars[index]) { index += 1 }
            guard index > scalars.startIndex, index < scalars.endIndex,
                  scalars[index] == "." || scalars[index] == ")" else { return nil }
            index += 1
        }
        guard index < scalars.endIndex, scalars[index] == " " || scalars[index] == "\t" else { return nil }
        index += 1
        return index - scalars.startIndex
    }

    /// Whether `line` is blank once the block quote markers of `prefix` are taken off.
    static func isBlank(_ line: Substring) -> Bool {
        line.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" || $0 == ">" }
    }

    /// Whether `line`, once the quote markers are taken off, starts a list item at most as
    /// indented as `prefix` is wide (a sibling or outer item: the formula's item ends there).
    static func startsItem(_ line: Substring, within prefix: String) -> Bool {
        var scalars = Array(line.unicodeScalars)[...]
        var width = 0
        while let first = scalars.first, first == ">" || first == " " || first == "\t" {
            width += 1
            scalars = scalars.dropFirst()
        }
        return width < max(1, prefix.unicodeScalars.count) && listMarkerWidth(scalars) != nil
    }
}
