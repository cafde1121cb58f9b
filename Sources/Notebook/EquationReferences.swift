import Document

/// `@eq-label` references in a note's text (Quarto's syntax).
public enum EquationReferences {
    public struct Reference: Sendable, Equatable {
        public var label: String
        public var position: SourcePosition
    }

    /// Every `@eq-...` in the note's text (not in code or math), with its position.
    public static func find(in document: Document) -> [Reference] {
        var labels: [String] = []
        for block in document.blocks { collect(block, into: &labels) }
        var references: [Reference] = []
        var searchFrom: [String: (line: Int, column: Int)] = [:]
        for label in labels {
            let needle = "@" + label
            let start = searchFrom[label] ?? (0, 0)
            var found: SourcePosition?
            var lineIndex = start.line
            var skip = start.column
            while lineIndex < document.lines.count, found == nil {
                let line = document.lines[lineIndex]
                let characters = Array(line)
                let needleCharacters = Array(needle)
                var column = skip
                while column + needleCharacters.count <= characters.count {
                    if Array(characters[column..<(column + needleCharacters.count)]) == needleCharacters {
                        found = SourcePosition(line: lineIndex + 1, column: column + 1)
                        searchFrom[label] = (lineIndex, column + 1)
                        break
                    }
                    column += 1
                }
                lineIndex += 1
                skip = 0
            }
            references.append(Reference(label: label, position: found ?? SourcePosition(line: 1, column: 1)))
        }
        return references
    }

    /// Whether `text` contains `@eq-` at all: a quick byte test, for the many texts without one.
    public static func mentions(in text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            guard utf8.count >= 4 else { return false }
            for index in 0..<(utf8.count - 3)
            where utf8[index] == UInt8(ascii: "@") && utf8[index + 1] == UInt8(ascii: "e")
                && utf8[index + 2] == UInt8(ascii: "q") && utf8[index + 3] == UInt8(ascii: "-") {
                return true
            }
            return false
        }
    }

    /// Splits text into plain runs and references; used by writers to turn references into links.
    public static func split(_ text: String) -> [(text: String, label: String?)] {
        guard mentions(in: text) else { return text.isEmpty ? [] : [(text, nil)] }
        var parts: [(String, String?)] = []
        var rest = Substring(text)
        while let at = rest.range(of: "@eq-") {
            let before = rest[..<at.lowerBound]
            if let last = before.last, last.isLetter || last.isNumber {  // an e-mail address
                parts.append((String(rest[..<at.upperBound]), nil))
                rest = rest[at.upperBound...]
                continue
            }
            var end = at.upperBound
            while end < rest.endIndex, isLabelCharacter(rest[end]) { end = rest.index(after: end) }
            // A label does not end with punctuation that ends a sentence.
            while end > at.upperBound, let previous = rest[..<end].last, previous == "." || previous == ":" {
                end = rest.index(before: end)
            }
            if end == at.upperBound {
                parts.append((String(rest[..<at.upperBound]), nil))
            } else {
                if !before.isEmpty { parts.append((String(before), nil)) }
                parts.append((String(rest[rest.index(after: at.lowerBound)..<end]), String(rest[rest.index(after: at.lowerBound)..<end])))
            }
            rest = rest[end...]
        }
        if !rest.isEmpty { parts.append((String(rest), nil)) }
        return parts
    }

    private static func isLabelCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || "-_:.".contains(character)
    }

    private static func collect(_ block: Block, into labels: inout [String]) {
        switch block {
        case .paragraph(let inlines), .heading(_, let inlines, _):
            collect(inlines, into: &labels)
        case .blockQuote(let blocks):
            for child in blocks { collect(child, into: &labels) }
        case .list(let list):
            for item in list.items { for child in item.blocks { collect(child, into: &labels) } }
        case .table(let table):
            for row in table.rows { for cell in row.cells { collect(cell, into: &labels) } }
        case .footnoteDefinition(let definition):
            for child in definition.blocks { collect(child, into: &labels) }
        case .thematicBreak, .codeBlock, .htmlBlock, .math:
            break
        }
    }

    private static func collect(_ inlines: [Inline], into labels: inout [String]) {
        for inline in inlines {
            switch inline {
            case .text(let text):
                labels.append(contentsOf: split(text).compactMap(\.label))
            case .emphasis(let children), .strong(let children), .strikethrough(let children),
                .link(_, _, let children):
                collect(children, into: &labels)
            default:
                break
            }
        }
    }
}
