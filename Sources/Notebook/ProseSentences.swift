import Document
import TeX

/// Where each formula stands in the note's prose: the word written just before it, and the
/// sentence it belongs to (docs/note-language.md §5, *Conditions*). A formula after "for",
/// "when", "near"… is a condition or a place, not a binding; a condition applies to the claims
/// of its sentence.
struct ProseSentences {
    /// Words that, written just before an inline formula, make a binding in it a place or a
    /// condition (`near $x = 0$`, `At $x = 0.8$`), not a value of the example. Not "as", which
    /// gives values as often ("set the rate as $\eta = 0.1$"); "at" only as `beforeAt` says.
    static let placeWords: Set<String> = [
        "near", "when", "whenever", "if", "for", "at", "provided", "assuming", "instead",
    ]
    /// Words that make a claim after them a condition (`for $x > 0$`, `where $x > 0$`). Not
    /// "as", "at", "near": `as $\frac{\partial L}{\partial a} = a - y$` and `starts at $L \approx
    /// 0.32$` state claims; "where" and "with" only before a claim (`where $\eta = 0.1$ is the
    /// learning rate` binds η).
    static let conditionWords: Set<String> = [
        "when", "whenever", "if", "for", "provided", "assuming", "where", "with", "instead",
    ]
    /// Words before "at" that make it a place ("evaluated at $x = 2$"); otherwise "at" is a
    /// place only at the start of a sentence ("At $x = 0.8$: …"), not in "starts at $w = 0.5$".
    static let beforeAt: Set<String> = [
        "evaluated", "evaluate", "computed", "compute", "minimum", "maximum", "optimum", "slope", "derivative",
        "gradient",
    ]
    /// Words that, before "that", make a condition word: "provided that $\lambda > 0$".
    static let beforeThat: Set<String> = ["provided", "assuming", "given", "such"]
    /// Words of a text command in a formula that make the statement after them a condition
    /// (`\quad \text{if } y_1 + y_2 = 1`): bindings and claims after them; after "where", claims
    /// only (`\text{where } y = 2x` defines y).
    static let formulaConditionWords: Set<String> = [
        "if", "for", "when", "whenever", "provided", "where", "for all", "for every", "for any", "for each",
    ]

    /// Whether a statement is a condition: a binding or a claim after a condition word of its
    /// formula (`\text{if }`), or in an inline formula after a place or condition word of the text
    /// (`word`). A definition stays a definition (`as $f(x) = x^2$`).
    static func isCondition(_ statement: Statement, word: String?) -> Bool {
        if let introducing = statement.introducedBy, formulaConditionWords.contains(introducing) {
            if statement.kind == .claim { return true }
            if statement.kind == .binding, introducing != "where" { return true }
        }
        if let word {
            if statement.kind == .binding, placeWords.contains(word) { return true }
            if statement.kind == .claim, conditionWords.contains(word) { return true }
        }
        return false
    }

    /// Whether a head found in the first pass will be a condition rather than a binding (see
    /// `isCondition`): the name it binds is then no name of the note.
    static func isCondition(_ declaration: HeadDeclaration, word: String?) -> Bool {
        guard declaration.head.parameters.isEmpty else { return false }
        let introducing = declaration.introducedBy
        let byFormula = introducing.map { formulaConditionWords.contains($0) && $0 != "where" } ?? false
        let byText = word.map(placeWords.contains) ?? false
        return (byFormula || byText) && declaration.isBinding
    }

    /// The word before each inline formula, lowercased, when it is one of `placeWords` or
    /// `conditionWords` ("provided that", "assuming that", "given that", "such that" give
    /// "provided"); or "instead" when that word follows the formula (`with $g_t = 100$ instead`,
    /// a supposition).
    private(set) var word: [FormulaID: String] = [:]
    /// A sentence number per formula: formulas of one sentence share it.
    private(set) var sentence: [FormulaID: Int] = [:]
    /// The display formulas just before a paragraph, by the number of its first sentence (a
    /// condition may follow its claim: `$$…$$` then `for $x > 0$.`).
    private(set) var displaysBefore: [Int: [FormulaID]] = [:]
    /// The display formulas just after a paragraph that ends with `:`, by the number of its last
    /// sentence (`For $x > 0$:` then `$$…$$`).
    private(set) var displaysAfter: [Int: [FormulaID]] = [:]
    /// Sentences that give a premise and end with `:` ("Because the target is one-hot ($y_1 + y_2
    /// + y_3 = 1$):"): the claims in them stay claims, and are conditions of the display
    /// formulas after them (`displaysAfter`).
    private(set) var premises: Set<Int> = []
    /// Words that open a premise sentence.
    static let premiseWords: Set<String> = ["because", "since", "if", "when", "whenever", "assuming", "given", "provided"]
    /// Sentences that say "near zero", "around zero", "close to zero" or "for small $x$": their
    /// approximations in one free variable are checked where it is 0.
    private(set) var nearZero: Set<Int> = []
    /// Sentences that say "for large $t$", with the name as written: their claims hold in a
    /// limit, which Derive does not evaluate.
    private(set) var large: [Int: String] = [:]

    private var current = 0
    /// The display formulas since the last paragraph (for `displaysBefore`).
    private var displays: [FormulaID] = []
    /// Whether the last paragraph ended with `:` (for `displaysAfter`), and its last sentence.
    private var colonSentence: Int?
    /// The first word of the current sentence, once its text has started.
    private var opening: String?
    /// The inline formula just before the current inline, if any (for "instead").
    private var formulaBefore: FormulaID?
    /// The display formula that ends the current paragraph, if it does.
    private var lastDisplay: FormulaID?

    init(_ document: Document) {
        for block in document.blocks { visit(block) }
    }

    private mutating func visit(_ block: Block) {
        switch block {
        case .paragraph(let inlines) where Self.displaysOnly(inlines):
            // `$$…$$` alone in a paragraph: like a `$$` block.
            for inline in inlines {
                if case .math(let math) = inline { visit(.math(math)) }
            }
        case .paragraph(let inlines), .heading(_, let inlines, _):
            current += 1
            if !displays.isEmpty { displaysBefore[current] = displays }
            displays = []
            var before = ""
            var endsWithDisplay = false
            opening = nil
            visit(inlines, before: &before, endsWithDisplay: &endsWithDisplay)
            colonSentence = nil
            if case .paragraph = block {
                if endsWithDisplay, let last = lastDisplay { displays = [last] }
                if before.trimmingTrailingSpaces.hasSuffix(":") {
                    colonSentence = current
                    if let opening, Self.premiseWords.contains(opening) { premises.insert(current) }
                }
            }
        case .math(let math):
            current += 1
            sentence[math.id] = current
            displays.append(math.id)
            if let colonSentence { displaysAfter[colonSentence, default: []].append(math.id) }
        case .blockQuote(let blocks):
            reset()
            for child in blocks { visit(child) }
        case .list(let list):
            reset()
            for item in list.items { for child in item.blocks { visit(child) } }
        case .table(let table):
            reset()
            for row in table.rows {
                for cell in row.cells {
                    current += 1
                    var before = ""
                    var display = false
                    visit(cell, before: &before, endsWithDisplay: &display)
                }
            }
        case .footnoteDefinition(let definition):
            reset()
            for child in definition.blocks { visit(child) }
        case .thematicBreak, .codeBlock, .htmlBlock:
            reset()
        }
    }

    private mutating func reset() {
        displays = []
        colonSentence = nil
    }

    /// Walks a paragraph's inlines: `before` is the text since the last formula.
    private mutating func visit(_ inlines: [Inline], before: inout String, endsWithDisplay: inout Bool) {
        for inline in inlines {
            switch inline {
            case .text(let text):
                if let previous = formulaBefore, Self.startsWithInstead(text) {
                    word[previous] = "instead"
                }
                formulaBefore = nil
                Self.append(text, to: &before)
                if !Self.isBlank(text) { endsWithDisplay = false }
                if Self.saysNearZero(before) { nearZero.insert(current) }
                if opening == nil { opening = Self.firstWord(of: text) }
                if Self.endsSentence(text) {
                    current += 1
                    opening = Self.firstWord(of: Self.afterLastStop(text))
                }
            case .softBreak, .lineBreak:
                Self.append(" ", to: &before)
            case .code(let text):
                Self.append(text, to: &before)
                endsWithDisplay = false
            case .emphasis(let children), .strong(let children), .strikethrough(let children),
                .link(_, _, let children), .image(_, _, let children):
                visit(children, before: &before, endsWithDisplay: &endsWithDisplay)
            case .math(let math):
                var last = Self.lastWord(of: before)
                let earlier = String(Self.beforeLastWord(before))
                let previous = Self.lastWord(of: earlier)
                if last == "that", let previous, Self.beforeThat.contains(previous) { last = "provided" }
                // "At $x = 0.8$:" and "evaluated at" give a place; "starts at $w = 0.5$" a value.
                if last == "at", !Self.startsSentence(earlier), !(previous.map(Self.beforeAt.contains) ?? false) {
                    last = nil
                }
                if let last, Self.placeWords.contains(last) || Self.conditionWords.contains(last) { word[math.id] = last }
                // "for small $x$", "for large $t$": a name, in a limit.
                if last == "small" || last == "large", previous == "for" {
                    if last == "small" { nearZero.insert(current) } else { large[current] = math.tex }
                }
                sentence[math.id] = current
                formulaBefore = math.id
                before = ""
                endsWithDisplay = math.display
                lastDisplay = math.display ? math.id : nil
            case .html, .footnoteReference, .equationReference:
                break
            }
        }
    }

    /// Whether `text` holds the end of a sentence: `.`, `?` or `!` before a space or at its end
    /// (not in `e.g.`, `i.e.`, `vs.`, `cf.`), or `;` (its clauses say separate things). Bytes,
    /// not characters: a long paragraph is walked once.
    static func endsSentence(_ text: String) -> Bool {
        let bytes = text.utf8
        // The word before a stop runs from the last space or line break (no copy is made).
        var wordStart = bytes.startIndex
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            let next = bytes.index(after: index)
            if byte == UInt8(ascii: ";") { return true }
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "!"),
                next == bytes.endIndex || bytes[next] == UInt8(ascii: " ") || bytes[next] == UInt8(ascii: "\n")
                    || bytes[next] == UInt8(ascii: "\t")
            {
                if byte != UInt8(ascii: ".") || !isAbbreviation(bytes[wordStart..<index]) { return true }
            }
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") { wordStart = next }
            index = next
        }
        return false
    }

    /// Whether the word is "e.g", "i.e", "vs" or "cf" in any case (a byte past ASCII makes none
    /// of them: no letter lowercases to these).
    private static func isAbbreviation(_ word: Substring.UTF8View) -> Bool {
        guard word.count == 2 || word.count == 3 else { return false }
        let lower = word.map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }
        return abbreviations.contains(lower)
    }

    private static let abbreviations: [[UInt8]] = ["e.g", "i.e", "vs", "cf"].map { Array($0.utf8) }

    /// Whether `text` is only whitespace (`Character.isWhitespace`), ASCII read as bytes.
    static func isBlank(_ text: String) -> Bool {
        var ascii = true
        for byte in text.utf8 {
            if byte >= 0x80 { ascii = false; break }
            if !isASCIISpace(byte) { return false }
        }
        return ascii || text.allSatisfy(\.isWhitespace)
    }

    /// Appends `text` to the text before the next formula, of which only the last 80
    /// bytes are kept: enough for the words looked for, and linear on long paragraphs.
    static func append(_ text: String, to before: inout String) {
        let bytes = text.utf8
        if bytes.count > 160 {
            before = String(decoding: bytes.suffix(80), as: UTF8.self)
        } else {
            before += text
            if before.utf8.count > 160 { before = String(decoding: before.utf8.suffix(80), as: UTF8.self) }
        }
    }

    /// The first word of `text`, lowercased, if it starts with one (after spaces); nil for text
    /// of spaces only, "" when it starts with something else.
    static func firstWord(of text: Substring) -> String? {
        // ASCII as bytes, when every byte read and the one after them are ASCII (a byte past
        // ASCII may be a mark that joins the character before it).
        let bytes = text.utf8
        var index = bytes.startIndex
        while index != bytes.endIndex, isASCIISpace(bytes[index]) { index = bytes.index(after: index) }
        if index == bytes.endIndex { return nil }
        let start = index
        while index != bytes.endIndex, isASCIILetter(bytes[index]) { index = bytes.index(after: index) }
        if index == bytes.endIndex || bytes[index] < 0x80 {
            return String(decoding: bytes[start..<index].map { $0 | 0x20 }, as: UTF8.self)
        }
        let rest = text.drop { $0.isWhitespace }
        guard !rest.isEmpty else { return nil }
        return String(rest.prefix { $0.isLetter }).lowercased()
    }

    static func firstWord(of text: String) -> String? { firstWord(of: Substring(text)) }

    /// The text after the last end of a sentence in `text`.
    static func afterLastStop(_ text: String) -> Substring {
        guard let stop = text.lastIndex(where: { $0 == "." || $0 == "?" || $0 == "!" || $0 == ";" }) else {
            return Substring(text)
        }
        return text[text.index(after: stop)...]
    }

    /// Whether `text` starts with the word "instead" (after spaces and a comma).
    static func startsWithInstead(_ text: String) -> Bool {
        // ASCII as bytes, when the bytes read and the two after "instead" are ASCII.
        let bytes = text.utf8
        var index = bytes.startIndex
        while index != bytes.endIndex, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: ",") {
            index = bytes.index(after: index)
        }
        let word = bytes[index...].prefix(9)
        if word.allSatisfy({ $0 < 0x80 }) {
            let lower = word.map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }
            guard lower.starts(with: insteadBytes) else { return false }
            return lower.count == 7 || !isASCIILetter(lower[7])
        }
        let rest = text.drop { $0 == " " || $0 == "," }.lowercased()
        guard rest.hasPrefix("instead") else { return false }
        return rest.dropFirst(7).first.map { !$0.isLetter } ?? true
    }

    private static let insteadBytes = Array("instead".utf8)

    /// Whether a paragraph holds only display formulas (and spaces).
    static func displaysOnly(_ inlines: [Inline]) -> Bool {
        var any = false
        for inline in inlines {
            switch inline {
            case .math(let math) where math.display: any = true
            case .softBreak, .lineBreak: continue
            case .text(let text) where text.allSatisfy(\.isWhitespace): continue
            default: return false
            }
        }
        return any
    }

    /// Whether `text` (the text of a paragraph before a word) is the start of a sentence: empty,
    /// or ending with `.`, `?`, `!`, `;` or `:`.
    static func startsSentence(_ text: String) -> Bool {
        var trimmed = Substring(text)
        while let last = trimmed.last, last.isWhitespace { trimmed.removeLast() }
        guard let last = trimmed.last else { return true }
        return ".?!;:".contains(last)
    }

    /// Whether the text says "near zero" (or "around zero", "close to zero", "near the origin").
    /// Called for every piece of text in a paragraph: the phrases are first looked for in the
    /// ASCII-lowercased bytes (every match of the exact test below is one there too), so most
    /// texts never reach the exact, slower test.
    static func saysNearZero(_ text: String) -> Bool {
        var bytes = text
        guard bytes.withUTF8({ containsAnyFolded($0, nearZeroPhraseBytes) }) else { return false }
        let lower = text.lowercased()
        return nearZeroPhrases.contains { lower.contains($0) }
    }

    private static let nearZeroPhraseBytes = nearZeroPhrases.map { Array($0.utf8) }

    /// Whether `bytes`, ASCII letters lowercased, contain one of `phrases` (lowercase ASCII).
    private static func containsAnyFolded(_ bytes: UnsafeBufferPointer<UInt8>, _ phrases: [[UInt8]]) -> Bool {
        @inline(__always) func folded(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte | 0x20 : byte }
        for start in bytes.indices {
            let first = folded(bytes[start])
            for phrase in phrases where phrase[0] == first && phrase.count <= bytes.count - start {
                var matched = 1
                while matched < phrase.count, folded(bytes[start + matched]) == phrase[matched] { matched += 1 }
                if matched == phrase.count { return true }
            }
        }
        return false
    }

    private static let nearZeroPhrases = ["near zero", "around zero", "close to zero", "near the origin", "near 0", "around 0"]

    /// `text` without its last word and the spaces after it.
    static func beforeLastWord(_ text: String) -> Substring {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: bytes are characters (but for "\r\n", which is whitespace either way).
            let bytes = text.utf8
            var end = bytes.endIndex
            while end != bytes.startIndex, isASCIISpace(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
            while end != bytes.startIndex, isASCIILetter(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
            return text[..<end]
        }
        var characters = Substring(text)
        while let last = characters.last, last.isWhitespace { characters.removeLast() }
        while let last = characters.last, last.isLetter { characters.removeLast() }
        return characters
    }

    /// The last word of `text` when the text ends with it (and spaces), lowercased, without
    /// the punctuation before it (`(for ` gives `for`).
    static func lastWord(of text: String) -> String? {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            let bytes = Array(text.utf8)
            var end = bytes.endIndex
            while end > 0, isASCIISpace(bytes[end - 1]) { end -= 1 }
            var start = end
            while start > 0, isASCIILetter(bytes[start - 1]) { start -= 1 }
            guard start < end else { return nil }
            return String(decoding: bytes[start..<end].map { $0 | 0x20 }, as: UTF8.self)
        }
        let trimmed = text.trimmingTrailingSpaces
        guard let last = trimmed.last, last.isLetter else { return nil }
        let word = trimmed.reversed().prefix { $0.isLetter }
        return String(word.reversed()).lowercased()
    }

    /// What `Character.isWhitespace` says of an ASCII byte: tab to carriage return, and space.
    private static func isASCIISpace(_ byte: UInt8) -> Bool { (9...13).contains(byte) || byte == 32 }

    /// What `Character.isLetter` says of an ASCII byte.
    private static func isASCIILetter(_ byte: UInt8) -> Bool { (65...90).contains(byte) || (97...122).contains(byte) }
}

extension String {
    fileprivate var trimmingTrailingSpaces: Substring {
        var result = Substring(self)
        while let last = result.last, last.isWhitespace { result.removeLast() }
        return result
    }
}
