import Document

/// The names of a note that a diagnostic's text mentions, found so that each writer shows them
/// its own way: the page as it shows names in its cards (`y_pred` as y with the subscript pred),
/// the terminal and the Markdown report in the TeX the note wrote (`y_{pred}`), report.json as
/// read (docs/note-language.md §3).
///
/// Only names that read apart from a word are marked: a name with a subscript, a superscript or
/// a letter outside ASCII (`y_pred`, `W^(1)`, `η`, `ŷ`), or a single Latin letter but for `a`,
/// `A` and `I` (an article or a pronoun as often as a name). A word of several Latin letters
/// (`loss`) is left as text: the note writes it so too.
public struct NamesInText: Sendable {
    /// A piece of text: as it is, or a name of the note.
    public enum Segment: Equatable, Sendable {
        case text(String)
        case name(String)
    }

    /// The marked names, the characters they start with, and their lengths (in characters),
    /// longest first: a name is looked up, never searched for among the others (a note may
    /// have thousands, and a diagnostic for each). The same for the names in ASCII, by byte,
    /// for texts in ASCII (most diagnostics), which are cut without breaking graphemes.
    private var marked = Set<String>()
    private var firsts = Set<Character>()
    private var lengths: [Int] = []
    private var asciiFirsts = [Bool](repeating: false, count: 128)
    private var asciiLengths: [Int] = []

    /// A finder of `names` (a note's `NoteResult.names`) in texts.
    public init(_ names: Set<String>) {
        var lengths = Set<Int>()
        var asciiLengths = Set<Int>()
        for name in names where Self.isMarked(name) {
            marked.insert(name)
            if let first = name.first { firsts.insert(first) }
            lengths.insert(name.count)
            if name.utf8.allSatisfy({ $0 < 0x80 }), let first = name.utf8.first {
                asciiFirsts[Int(first)] = true
                asciiLengths.insert(name.utf8.count)
            }
        }
        self.lengths = lengths.sorted(by: >)
        self.asciiLengths = asciiLengths.sorted(by: >)
    }

    /// `text` cut into plain text and the names it mentions, longest name first where two start
    /// at one place. A name is found where it stands alone: not inside a longer word or number
    /// (`e` in `1e-7`, `g` in `eq-g`), not in code between backticks, not as the `e` of `e.g.`.
    public func segments(of text: String) -> [Segment] {
        guard !marked.isEmpty else { return text.isEmpty ? [] : [.text(text)] }
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // In ASCII every byte is a character (`\r\n` aside, which no name holds or continues).
            return segments(Array(text.utf8), lengths: asciiLengths, text: { String(decoding: $0, as: UTF8.self) },
                            mayStartName: { asciiFirsts[Int($0)] })
        }
        return segments(Array(text), lengths: lengths, text: { String($0) }, mayStartName: { firsts.contains($0) })
    }

    /// The cutting of `segments(of:)`, over the text's characters or, for ASCII, its bytes.
    private func segments<Unit: TextUnit>(
        _ units: [Unit], lengths: [Int], text: (ArraySlice<Unit>) -> String, mayStartName: (Unit) -> Bool
    ) -> [Segment] {
        let backtick = Unit(ascii: "`"), hyphen = Unit(ascii: "-"), at = Unit(ascii: "@"), hash = Unit(ascii: "#")
        let dot = Unit(ascii: ".")
        var segments: [Segment] = []
        var plainStart = 0
        var inCode = false
        var index = 0
        /// Whether a name may start at `index`: not within a word, a number or a command, nor
        /// after a hyphen, `@` or `#` that follows one (`eq-g`, `@eq-g`).
        func mayStart(at index: Int) -> Bool {
            guard index > 0 else { return true }
            let previous = units[index - 1]
            if previous.continuesName { return false }
            if previous == hyphen || previous == at || previous == hash, index > 1, units[index - 2].continuesName {
                return false
            }
            return true
        }
        /// Whether a name of `length` units at `index` ends there: the next unit does not go on
        /// with a name, and a single letter is not the start of an abbreviation (`e.g.`).
        func endsAlone(_ length: Int, at index: Int) -> Bool {
            let end = index + length
            guard end < units.count else { return true }
            if units[end].continuesName { return false }
            if length == 1, units[end] == dot, end + 1 < units.count, units[end + 1].isLetter { return false }
            return true
        }
        while index < units.count {
            let unit = units[index]
            if unit == backtick { inCode.toggle() }
            if !inCode, mayStartName(unit), mayStart(at: index),
               let length = lengths.first(where: { length in
                   index + length <= units.count && marked.contains(text(units[index..<(index + length)]))
                       && endsAlone(length, at: index)
               })
            {
                if plainStart < index { segments.append(.text(text(units[plainStart..<index]))) }
                segments.append(.name(text(units[index..<(index + length)])))
                index += length
                plainStart = index
                continue
            }
            index += 1
        }
        if plainStart < units.count { segments.append(.text(text(units[plainStart...]))) }
        return segments
    }

    /// The names `text` mentions.
    public func names(in text: String) -> Set<String> {
        var found = Set<String>()
        for case .name(let name) in segments(of: text) { found.insert(name) }
        return found
    }

    /// `text` with each name of `spellings` it mentions written as its spelling.
    public static func respelled(_ text: String, _ spellings: [String: String]) -> String {
        guard !spellings.isEmpty else { return text }
        return NamesInText(Set(spellings.keys)).respelled(text, spellings)
    }

    /// `text` with each name it mentions written as its spelling in `spellings`, if it has one.
    public func respelled(_ text: String, _ spellings: [String: String]) -> String {
        segments(of: text).map { segment in
            switch segment {
            case .text(let text): text
            case .name(let name): spellings[name] ?? name
            }
        }.joined()
    }

    /// Whether `name` reads apart from a word (see the type's description).
    static func isMarked(_ name: String) -> Bool {
        guard !name.isEmpty else { return false }
        if name.unicodeScalars.allSatisfy({ $0.isASCII && $0.properties.isAlphabetic }) {
            return name.count == 1 && name != "a" && name != "A" && name != "I"
        }
        return true
    }
}

/// What `NamesInText` cuts a text into: its characters, or the bytes of a text in ASCII.
private protocol TextUnit: Equatable {
    init(ascii: Unicode.Scalar)
    var isLetter: Bool { get }
    /// Whether the unit, next to a name, makes it part of a longer word, number or command.
    var continuesName: Bool { get }
}

extension Character: TextUnit {
    init(ascii: Unicode.Scalar) { self.init(ascii) }
    var continuesName: Bool { isLetter || isNumber || self == "_" || self == "\\" }
}

extension UInt8: TextUnit {
    var isLetter: Bool { (self | 0x20) >= UInt8(ascii: "a") && (self | 0x20) <= UInt8(ascii: "z") }
    var continuesName: Bool {
        isLetter || (self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9")) || self == UInt8(ascii: "_") || self == UInt8(ascii: "\\")
    }
}

extension Diagnostic {
    /// The diagnostic with each name of `spellings` in its message, hint and notes written as
    /// its spelling (the TeX the note wrote, for the terminal).
    public func respellingNames(_ spellings: [String: String]) -> Diagnostic {
        Self.respellingNames(in: [self], spellings)[0]
    }

    /// `diagnostics`, each respelled as `respellingNames` does, the names found by one finder
    /// (one per diagnostic made a note of 2000 warnings quadratic in its names).
    public static func respellingNames(in diagnostics: [Diagnostic], _ spellings: [String: String]) -> [Diagnostic] {
        guard !spellings.isEmpty, !diagnostics.isEmpty else { return diagnostics }
        let finder = NamesInText(Set(spellings.keys))
        return diagnostics.map { $0.respelling(finder, spellings) }
    }

    private func respelling(_ finder: NamesInText, _ spellings: [String: String]) -> Diagnostic {
        var copy = self
        copy.message = finder.respelled(message, spellings)
        copy.hint = hint.map { finder.respelled($0, spellings) }
        copy.related = related.map { $0.respelling(finder, spellings) }
        return copy
    }
}
