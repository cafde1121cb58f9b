import Document
import Markup

/// The course's search index, `search-index.js`, read by `search.html` (SearchPage): every
/// note's sections with their text, written at build time.
///
/// It is a script that assigns one global, not a JSON file, so that the search page works from
/// `file://` too (Chromium blocks `fetch` of a local file; mdBook ships `searchindex.js` for the
/// same reason). Its layout, one note a line, in the order of the course:
///
/// ```
/// window.deriveSearchIndex = [
/// ["Activations","02-activations.html",[["","Activations","Prose as plain text…"],["the-sigmoid","The sigmoid","…"]]],
/// …
/// ];
/// ```
///
/// A note is `[title, page, sections]`, the page relative to the output folder; a section is
/// `[anchor, title, text]`: the id of its heading on the page (HeadingAnchors; `""` for the top
/// of the page: the note's title and what precedes the first heading), the heading's text, and
/// the text under it up to the next heading: prose as plain text, a table's cells between ` | `
/// and its rows ended by `;`, formulas (inline and display) as their TeX with `_{1}` written
/// `_1`, so that `w_1`, `partial L` or `sigma` find them, each between two `$` so that the page
/// can show them apart (a `$` of the prose, or in a formula, is written as the full-width `＄`). Code blocks,
/// diagrams and raw HTML are left out.
///
/// Strings are JSON strings that can sit in any script: `<` is written `\u003c` (no
/// `</script>`, no `<!--`), U+2028 and U+2029 as `\u2028`, `\u2029`.
public enum SearchIndex {
    /// The index's name in the output folder.
    public static let fileName = "search-index.js"
    /// The global the index assigns.
    public static let globalName = "deriveSearchIndex"
    /// What stands before and after each formula in a section's text.
    public static let formulaMark: Character = "$"
    /// What a `formulaMark` of the note's text is written as.
    static let formulaMarkInText: Character = "\u{FF04}"

    /// One section of a note, as the index holds it.
    public struct Section: Sendable, Equatable {
        /// The heading's id on the page; `""` for the top of the page.
        public var anchor: String
        public var title: String
        public var text: String
    }

    /// The sections of `document` as the index lists them: the top of the page (the note's
    /// title, and the text before its first heading or under its leading `#` title), then one
    /// per top-level heading. The top of the page is left out when it has no text and the
    /// note has headings.
    public static func sections(of document: Document, title: String) -> [Section] {
        let anchors = HeadingAnchors.ids(in: document)
        var sections = [Section(anchor: "", title: title, text: "")]
        var text = TextCollector(equationNumbers: MarkdownSource.equationNumbers(of: document.formulas))
        let startsWithTitle = { if case .heading(1, _, _)? = document.blocks.first { true } else { false } }()
        for (index, block) in document.blocks.enumerated() {
            if case .heading(_, let content, let line) = block {
                // A leading `#` title is the top of the page.
                if index == 0, startsWithTitle { continue }
                sections[sections.count - 1].text = text.finish()
                text.add(content)
                sections.append(Section(anchor: anchors[line] ?? "", title: text.finish(), text: ""))
            } else {
                text.add(block)
            }
        }
        sections[sections.count - 1].text = text.finish()
        if sections.count > 1, sections[0].text.isEmpty, !startsWithTitle {
            sections.removeFirst()
        }
        return sections
    }

    /// A note's line of the index (without the comma that follows it): `[title, page,
    /// sections]`; `href` is the page relative to the output folder, already URL-encoded.
    public static func entry(document: Document, title: String, href: String) -> [UInt8] {
        var out = MarkupBuffer(capacity: 1024)
        out.append(UInt8(ascii: "["))
        string(title, into: &out)
        out.append(UInt8(ascii: ","))
        string(href, into: &out)
        out.raw(",[")
        for (index, section) in sections(of: document, title: title).enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "["))
            string(section.anchor, into: &out)
            out.append(UInt8(ascii: ","))
            string(section.title, into: &out)
            out.append(UInt8(ascii: ","))
            string(section.text, into: &out)
            out.append(UInt8(ascii: "]"))
        }
        out.raw("]]")
        return out.bytes
    }

    /// The whole file, in parts (each note's line as it is, not copied): `entries` in the order
    /// of the course.
    public static func parts(_ entries: [[UInt8]]) -> [[UInt8]] {
        var parts: [[UInt8]] = [Array(("// Derive's search index, read by search.html: a note is [title, page, sections], "
            + "a section [anchor, title, text].\nwindow.\(globalName) = [\n").utf8)]
        for (index, entry) in entries.enumerated() {
            parts.append(entry)
            parts.append(Array((index == entries.count - 1 ? "\n" : ",\n").utf8))
        }
        parts.append(Array("];\n".utf8))
        return parts
    }

    // MARK: - Text

    /// A formula's TeX as the index holds it: white space run together, and a subscript or
    /// superscript of letters and digits without its braces (`w_{1}` → `w_1`, `y_{pred}` →
    /// `y_pred`), as a reader types it.
    static func searchable(tex: String) -> String {
        var tex = tex
        return tex.withUTF8 { bytes in
            // The braces come out first (into a buffer as long as the TeX), then the white space.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { out in
                var count = 0
                var index = 0
                func isWord(_ byte: UInt8) -> Bool {
                    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                }
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte == UInt8(ascii: "_") || byte == UInt8(ascii: "^"), index + 1 < bytes.count,
                       bytes[index + 1] == UInt8(ascii: "{") {
                        var end = index + 2
                        while end < bytes.count, isWord(bytes[end]) { end += 1 }
                        if end > index + 2, end < bytes.count, bytes[end] == UInt8(ascii: "}") {
                            out[count] = byte
                            count += 1
                            for word in (index + 2)..<end {
                                out[count] = bytes[word]
                                count += 1
                            }
                            index = end + 1
                            continue
                        }
                    }
                    out[count] = byte
                    count += 1
                    index += 1
                }
                return collapsed(UnsafeBufferPointer(rebasing: out[..<count]))
            }
        }
    }

    /// `text` with each run of white space one space, and none at the ends.
    static func collapsed(_ text: String) -> String {
        collapsed(Array(text.utf8))
    }

    /// The UTF-8 `bytes` with each run of white space one space, and none at the ends: ASCII
    /// white space tested on the byte, a scalar decoded only when it is not ASCII (the Unicode
    /// property lookup is slow, and most text is ASCII).
    static func collapsed(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { collapsed($0) }
    }

    /// `collapsed(_:)` of bytes in memory of the caller's.
    static func collapsed(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { out in
            var count = 0
            var pendingSpace = false
            /// Writes the space a run of white space left behind, before the next visible byte.
            func writePendingSpace() {
                guard pendingSpace else { return }
                out[count] = 32
                count += 1
                pendingSpace = false
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if byte == 32 || (9...13).contains(byte) {
                        pendingSpace = count > 0
                    } else {
                        writePendingSpace()
                        out[count] = byte
                        count += 1
                    }
                    index += 1
                    continue
                }
                let length = min(byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1, bytes.count - index)
                let character = UnsafeBufferPointer(rebasing: bytes[index..<index + length])
                var scalars = String(decoding: character, as: UTF8.self).unicodeScalars.makeIterator()
                if scalars.next()?.properties.isWhitespace ?? false {
                    pendingSpace = count > 0
                } else {
                    writePendingSpace()
                    for offset in 0..<length { out[count + offset] = character[offset] }
                    count += length
                }
                index += length
            }
            return count
        }
    }

    /// Gathers the text of blocks, a space between blocks, cells and formulas.
    private struct TextCollector {
        /// The number of each labelled formula: an `@eq-` reference is written as the page shows
        /// it, `(2)`.
        let equationNumbers: [String: Int]
        /// The text gathered since the last `finish`, as UTF-8.
        var text: [UInt8] = []

        mutating func finish() -> String {
            defer { text.removeAll(keepingCapacity: true) }
            return collapsed(text)
        }

        mutating func append(_ string: String) {
            text.append(contentsOf: string.utf8)
        }

        mutating func add(_ block: Block) {
            switch block {
            case .paragraph(let inlines), .heading(_, let inlines, _):
                add(inlines)
            case .blockQuote(let blocks):
                for block in blocks { add(block) }
            case .list(let list):
                for item in list.items {
                    for block in item.blocks { add(block) }
                }
            case .footnoteDefinition(let definition):
                for block in definition.blocks { add(block) }
            case .table(let table):
                for row in table.rows {
                    for (index, cell) in row.cells.enumerated() {
                        if index > 0 { append(" | ") }
                        add(cell)
                    }
                    append("; ")
                }
            case .math(let math):
                formula(math)
            case .codeBlock, .htmlBlock, .thematicBreak:
                break
            }
            append(" ")
        }

        /// Appends `string` with each `formulaMark` written as `formulaMarkInText`.
        mutating func appendWithoutMark(_ string: String) {
            // No `$` byte, no `$` character (one with a combining mark after it is not one).
            guard string.utf8.contains(UInt8(ascii: "$")), string.contains(formulaMark) else { return append(string) }
            append(String(string.map { $0 == formulaMark ? formulaMarkInText : $0 }))
        }

        mutating func formula(_ math: Math) {
            text.append(UInt8(ascii: "$"))
            appendWithoutMark(searchable(tex: math.tex))
            text.append(UInt8(ascii: "$"))
        }

        mutating func add(_ inlines: [Inline]) {
            for inline in inlines {
                switch inline {
                case .text(let string), .code(let string):
                    appendWithoutMark(string)
                case .softBreak, .lineBreak:
                    append(" ")
                case .emphasis(let children), .strong(let children), .strikethrough(let children),
                    .link(_, _, let children), .image(_, _, let children):
                    add(children)
                case .math(let math):
                    formula(math)
                case .equationReference(let label, _):
                    append(equationNumbers[label].map { "(\($0))" } ?? "@" + label)
                case .html, .footnoteReference:
                    break
                }
            }
        }
    }

    // MARK: - Escaping

    /// Appends `text` as a JSON string that is safe in any script (see the type's notes).
    static func string(_ text: String, into out: inout MarkupBuffer) {
        out.append(UInt8(ascii: "\""))
        // `<`, U+2028 and U+2029 (E2 80 A8, E2 80 A9) are looked for only when a byte of theirs is there.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == 0xE2 }) else {
            out.jsonEscaped(text)
            out.append(UInt8(ascii: "\""))
            return
        }
        var rest = Substring(text)
        while let special = rest.unicodeScalars.firstIndex(where: { $0 == "<" || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
            out.jsonEscaped(String(rest[..<special]))
            switch rest.unicodeScalars[special] {
            case "<": out.raw("\\u003c")
            case "\u{2028}": out.raw("\\u2028")
            default: out.raw("\\u2029")
            }
            rest = rest[rest.unicodeScalars.index(after: special)...]
        }
        out.jsonEscaped(String(rest))
        out.append(UInt8(ascii: "\""))
    }
}
