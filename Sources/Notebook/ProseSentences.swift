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
    private(set) var word: ByFormula<String>
    /// A sentence number per formula: formulas of one sentence share it.
    private(set) var sentence: ByFormula<Int>
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
    /// The display formulas after a sentence ending with `:` that says what follows is another
    /// form of something ("The variance is also …:", "Equivalently:"): a definition in one, of a
    /// name a display above defines, restates it.
    private(set) var restatingDisplays: Set<FormulaID> = []
    /// The colon sentence before the displays, when it says so.
    private var colonRestates = false
    /// The words of a colon sentence that say the displays after it restate (`saysRestating`).
    static let restatingWords = ["also", "equivalently", "alternatively", "in other words", "the same as",
                                 "can be written", "can be rewritten", "simplifies to", "expands to"]
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
    /// The text that opens the current sentence (its first word is the sentence's), once
    /// text that is not blank has started it.
    private var opening: Substring?
    /// The inline formula just before the current inline, if any (for "instead").
    private var formulaBefore: FormulaID?
    /// The last inline formula of the paragraph, text after it or not (for "and": it is of the
    /// current sentence when its `sentence` is `current`).
    private var formulaBeforeInSentence: FormulaID?
    /// The display formula that ends the current paragraph, if it does.
    private var lastDisplay: FormulaID?

    init(_ document: Document) {
        word = ByFormula(count: document.formulas.count)
        sentence = ByFormula(count: document.formulas.count)
        for block in document.blocks { visit(block) }
    }

    /// A value for some of a document's formulas, by id (an array, not a dictionary: the ids
    /// are the formulas' places, 0 up).
    struct ByFormula<Value> {
        private var values: [Value?]

        init(count: Int) {
            values = Array(repeating: nil, count: count)
        }

        subscript(id: FormulaID) -> Value? {
            get { values.indices.contains(id.index) ? values[id.index] : nil }
            set {
                if id.index >= values.count { values += Array(repeating: nil, count: id.index + 1 - values.count) }
                values[id.index] = newValue
            }
        }
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
            var before = TextBefore()
            var endsWithDisplay = false
            opening = nil
            visit(inlines, before: &before, endsWithDisplay: &endsWithDisplay)
            colonSentence = nil
            if case .paragraph = block {
                if endsWithDisplay, let last = lastDisplay { displays = [last] }
                if Self.endsWithColon(before.text) {
                    colonSentence = current
                    // The sentence's start and its end (each at most a few hundred bytes).
                    let start = opening.map { String(decoding: $0.utf8.prefix(200), as: UTF8.self) } ?? ""
                    colonRestates = Self.saysRestating(start + " " + before.text)
                    if let opening, let word = Self.firstWord(of: opening), Self.premiseWords.contains(word) {
                        premises.insert(current)
                    }
                }
            }
        case .math(let math):
            current += 1
            sentence[math.id] = current
            displays.append(math.id)
            if let colonSentence {
                displaysAfter[colonSentence, default: []].append(math.id)
                if colonRestates { restatingDisplays.insert(math.id) }
            }
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
                    var before = TextBefore()
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
    private mutating func visit(_ inlines: [Inline], before: inout TextBefore, endsWithDisplay: inout Bool) {
        for inline in inlines {
            switch inline {
            case .text(let text):
                if let previous = formulaBefore, Self.startsWithInstead(text) {
                    word[previous] = "instead"
                }
                formulaBefore = nil
                before.append(text)
                // A text that is not blank starts the sentence, if nothing did (its first word
                // is read only if the sentence turns out to be a premise).
                let blank = Self.isBlank(text)
                if !blank { endsWithDisplay = false }
                if before.saysNearZero { nearZero.insert(current) }
                if opening == nil, !blank { opening = Substring(text) }
                if Self.endsSentence(text) {
                    current += 1
                    let after = Self.afterLastStop(text)
                    opening = Self.isBlank(after) ? nil : after
                }
            case .softBreak, .lineBreak:
                before.append(" ")
            case .code(let text):
                before.append(text)
                endsWithDisplay = false
            case .emphasis(let children), .strong(let children), .strikethrough(let children),
                .link(_, _, let children), .image(_, _, let children):
                visit(children, before: &before, endsWithDisplay: &endsWithDisplay)
            case .math(let math):
                let words = WordsBefore(before.text)
                var last = words.last
                let previous = words.previous
                if last == "that", let previous, Self.beforeThat.contains(previous) { last = "provided" }
                // "At $x = 0.8$:" and "evaluated at" give a place; "starts at $w = 0.5$" a value.
                if last == "at", !words.earlierStartsSentence, !(previous.map(Self.beforeAt.contains) ?? false) {
                    last = nil
                }
                // "when $\mu = 0$ and $\sigma = 1$": a formula joined by "and" or "or" alone to a
                // place or a condition of its sentence is one too.
                if last == "and" || last == "or", previous == nil, let joined = formulaBeforeInSentence,
                    sentence[joined] == current, let joinedWord = word[joined], joinedWord != "instead"
                {
                    last = joinedWord
                }
                if let last, Self.placeWords.contains(last) || Self.conditionWords.contains(last) { word[math.id] = last }
                // "for small $x$", "for large $t$": a name, in a limit.
                if last == "small" || last == "large", previous == "for" {
                    if last == "small" { nearZero.insert(current) } else { large[current] = math.tex }
                }
                sentence[math.id] = current
                formulaBefore = math.id
                formulaBeforeInSentence = math.id
                before = TextBefore()
                endsWithDisplay = math.display
                lastDisplay = math.display ? math.id : nil
            case .html, .footnoteReference, .equationReference:
                break
            }
        }
    }

    /// Whether a paragraph holds only display formulas (and spaces).
    static func displaysOnly(_ inlines: [Inline]) -> Bool {
        var any = false
        for inline in inlines {
            switch inline {
            case .math(let math) where math.display: any = true
            case .softBreak, .lineBreak: continue
            case .text(let text) where isBlank(text): continue
            default: return false
            }
        }
        return any
    }
}
