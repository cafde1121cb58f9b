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
    /// have thousands, and a diagnostic for each).
    private var marked = Set<String>()
    private var firsts = Set<Character>()
    private var lengths: [Int] = []

    /// A finder of `names` (a note's `NoteResult.names`) in texts.
    public init(_ names: Set<String>) {
        var lengths = Set<Int>()
        for name in names where Self.isMarked(name) {
            marked.insert(name)
            if let first = name.first { firsts.insert(first) }
            lengths.insert(name.count)
        }
        self.lengths = lengths.sorted(by: >)
    }

    /// `text` cut into plain text and the names it mentions, longest name first where two start
    /// at one place. A name is found where it stands alone: not inside a longer word or number
    /// (`e` in `1e-7`, `g` in `eq-g`), not in code between backticks, not as the `e` of `e.g.`.
    public func segments(of text: String) -> [Segment] {
        guard !marked.isEmpty else { return text.isEmpty ? [] : [.text(text)] }
        let characters = Array(text)
        var segments: [Segment] = []
        var plain = ""
        var inCode = false
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "`" { inCode.toggle() }
            if !inCode, firsts.contains(character), Self.mayStart(at: index, in: characters),
               let length = lengths.first(where: { length in
                   index + length <= characters.count && marked.contains(String(characters[index..<(index + length)]))
                       && Self.endsAlone(length, at: index, in: characters)
               })
            {
                if !plain.isEmpty { segments.append(.text(plain)) }
                plain = ""
                segments.append(.name(String(characters[index..<(index + length)])))
                index += length
                continue
            }
            plain.append(character)
            index += 1
        }
        if !plain.isEmpty { segments.append(.text(plain)) }
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

    /// Whether a name may start at `index`: not within a word, a number or a command, nor after
    /// a hyphen, `@` or `#` that follows one (`eq-g`, `@eq-g`).
    private static func mayStart(at index: Int, in characters: [Character]) -> Bool {
        guard index > 0 else { return true }
        let previous = characters[index - 1]
        if continuesName(previous) { return false }
        if previous == "-" || previous == "@" || previous == "#", index > 1, continuesName(characters[index - 2]) {
            return false
        }
        return true
    }

    /// Whether a name of `length` characters at `index` ends there: the next character does not
    /// go on with a name, and a single letter is not the start of an abbreviation (`e.g.`).
    private static func endsAlone(_ length: Int, at index: Int, in characters: [Character]) -> Bool {
        let end = index + length
        guard end < characters.count else { return true }
        if continuesName(characters[end]) { return false }
        if length == 1, characters[end] == ".", end + 1 < characters.count, characters[end + 1].isLetter { return false }
        return true
    }

    /// Whether a character next to a name makes it part of a longer word, number or command.
    private static func continuesName(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "\\"
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
