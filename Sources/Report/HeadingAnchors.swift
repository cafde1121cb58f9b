import Document

/// The ids of a note's headings on its page, so that a link (a search result) can lead to a
/// section: `## The sigmoid` gets `id="the-sigmoid"`, as GitHub names its heading anchors.
///
/// Only top-level headings get one (those that open sections, docs/note-language.md §4). The
/// id is the heading's text lowercased, spaces turned into `-`, and everything but letters,
/// digits, marks, `-` and `_` dropped (a formula's TeX keeps its letters: `$\sigma$` gives
/// `sigma`); a second heading with the same id gets `-1`, a third `-2`. An id that could be
/// another element's on the page (a formula's label or `f3`, a result `f3-1`, `cell-2`,
/// `diagram-7`, a footnote's `fn-…`) gets `section-` before it.
public enum HeadingAnchors {
    /// The id of each top-level heading, by its source line.
    public static func ids(in document: Document) -> [Int: String] {
        var labels: Set<String> = []
        for math in document.formulas {
            if let label = math.label { labels.insert(label) }
        }
        var used: Set<String> = []
        // The last suffix tried for each base: the ones below it are taken for good, so the next
        // heading of that text starts after it (4000 headings `## Same` tried 8 million ids).
        var lastSuffix: [String: Int] = [:]
        var ids: [Int: String] = [:]
        for block in document.blocks {
            guard case .heading(_, let content, let line) = block else { continue }
            var base = slug(PlainText.of(content))
            if isOtherElements(base, labels: labels) { base = "section-" + base }
            var count = lastSuffix[base] ?? 0
            var candidate = count == 0 ? base : base + "-\(count)"
            while used.contains(candidate) || isOtherElements(candidate, labels: labels) {
                count += 1
                candidate = base + "-\(count)"
            }
            lastSuffix[base] = count
            used.insert(candidate)
            ids[line] = candidate
        }
        return ids
    }

    /// GitHub's heading slug: lowercased; a space becomes `-`; letters, digits, marks, `-`
    /// and `_` stay; anything else goes. `section` when nothing stays.
    static func slug(_ text: String) -> String {
        let trimmed = PlainText.trimmed(text)
        if trimmed.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII (most headings): the same rules on bytes, without Unicode property lookups
            // (in ASCII only A-Z and a-z are alphabetic, only 0-9 numeric, and nothing is a mark).
            var bytes: [UInt8] = []
            bytes.reserveCapacity(trimmed.utf8.count)
            for byte in trimmed.utf8 {
                let lower = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
                if lower == UInt8(ascii: " ") {
                    bytes.append(UInt8(ascii: "-"))
                } else if lower == UInt8(ascii: "-") || lower == UInt8(ascii: "_")
                            || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(lower)
                            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(lower) {
                    bytes.append(lower)
                }
            }
            return bytes.isEmpty ? "section" : String(decoding: bytes, as: UTF8.self)
        }
        var slug = String.UnicodeScalarView()
        for scalar in trimmed.lowercased().unicodeScalars {
            let properties = scalar.properties
            if scalar == " " {
                slug.append("-")
            } else if scalar == "-" || scalar == "_" || properties.isAlphabetic || properties.numericType != nil
                        || properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark {
                slug.append(scalar)
            }
        }
        return slug.isEmpty ? "section" : String(slug)
    }

    /// Whether `id` is, or could be, the id of another element of a note's page (NotePage,
    /// ResultCards, CellHTML, DiagramSVG, HTMLWriter's footnotes).
    private static func isOtherElements(_ id: String, labels: Set<String>) -> Bool {
        if labels.contains(id) { return true }
        // A label's results' ids (`eq-loss-1`): the label is the id up to one of its `-`.
        var prefixEnd = id.utf8.startIndex
        while let dash = id.utf8[prefixEnd...].firstIndex(of: UInt8(ascii: "-")) {
            if labels.contains(String(id[..<dash])) { return true }
            prefixEnd = id.utf8.index(after: dash)
        }
        for prefix in ["cell-", "diagram-", "fn-", "fnref-"] where id.hasPrefix(prefix) { return true }
        // A formula's anchor `f12` and its results' `f12-3`.
        let utf8 = Array(id.utf8)
        guard utf8.first == UInt8(ascii: "f"), utf8.count > 1 else { return false }
        let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
        var index = 1
        while index < utf8.count, digits.contains(utf8[index]) { index += 1 }
        guard index > 1 else { return false }
        if index == utf8.count { return true }
        guard utf8[index] == UInt8(ascii: "-"), index + 1 < utf8.count else { return false }
        return utf8[(index + 1)...].allSatisfy(digits.contains)
    }
}
