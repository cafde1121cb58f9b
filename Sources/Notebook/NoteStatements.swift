import Calculus
import Document
import TeX

/// A statement of the note with where it is.
struct SitedStatement {
    var site: StatementSite
    var statement: Statement
    /// Where the statement starts in the note.
    var position: SourcePosition
    /// The statement's TeX (a part of its formula's TeX when the formula holds several).
    var tex: String
    /// For a definition that only names a quantity Derive cannot compute, whose value the note
    /// gives by a binding (`g_1 = \frac{\partial L_{data}}{\partial w_1}`, then `say $g_1 =
    /// 0.2$`): the name of what has no formula (`L_data`). It defines nothing (§5).
    var naming: String?
}

/// The first phase of checking: every formula read into statements, each with its site, in
/// document order, and the problems the reading found.
struct NoteStatements {
    var statements: [SitedStatement] = []
    var diagnostics: [Diagnostic] = []
    /// For each claim with conditions (by its position in `statements`): the positions of its
    /// conditions (docs/note-language.md §5).
    var conditions: [Int: [Int]] = [:]
    /// The statements of sentences that say "near zero" or "for small $x$".
    var nearZero: Set<Int> = []
    /// The statements of sentences that say "for large $t$", with the name as written.
    var limits: [Int: String] = [:]
    /// The first declaration of each name (`L(w_1, \ldots, b_3)`), by its position in `statements`.
    var declarations: [String: Int] = [:]
    /// The letters bound to a whole number that a sum runs to (`m` in `\sum_{i=1}^{m}` after
    /// `m = 3`): counts, held at their value where claims are checked at random points, and
    /// no variable of a derivative (docs/note-language.md §3).
    var counts: Set<String> = []

    /// Reads `formulas` (parsed and cut in `cuts`, by position; read through `cache`); `prose`
    /// tells which of them are conditions or places, and which share a sentence. `hasData`:
    /// whether the note has a data table (§13), which `\sum_{i=1}^{N}` sums over. `given`: the
    /// values of the front matter and `--set`, which replace the note's bindings.
    init(formulas: [Math], cuts: [FormulaCache.Cut], cache: FormulaCache, sections: Sections, prose: ProseSentences,
         hasData: Bool = false, given: [String: Double] = [:])
    {
        // Pass 1: the heads of definitions and bindings, so that pass 2 knows which names are
        // functions, which multi-letter names exist and which built-ins are bound to numbers.
        var scope = ReadingScope()
        // Sets sized once for a formula's name each: grown one insertion at a time, they rehash
        // every name at each doubling.
        scope.reserveNames(cuts.count)
        scope.hasData = hasData
        // Letters bound to a whole number, once or always to the same (`L = 3`).
        var wholeNumbers: [String: Int?] = [:]
        // Whether every head of a name is a binding (§3: a general form defines the instances
        // that are; §2: `\sigma^2 = 4` is then a claim), a variance's heads left out.
        var onlyBound: [String: Bool] = [:]
        for (index, cut) in cuts.enumerated() {
            let word = prose.word[formulas[index].id]
            for declaration in cut.heads {
                // `near $x = 0$`, `\text{for } x = 0`: a place, not a name of the note.
                if ProseSentences.isCondition(declaration, word: word) { continue }
                let head = declaration.head
                if head.name.count == 1, head.name.first?.isLetter == true, head.parameters.isEmpty {
                    let value = declaration.wholeNumber
                    if let known = wholeNumbers[head.name] {
                        if known != value { wholeNumbers[head.name] = .some(nil) }
                    } else {
                        wholeNumbers[head.name] = value
                    }
                }
                if !head.isFunction, !declaration.squared, onlyBound[head.name] != false {
                    onlyBound[head.name] = declaration.isBinding
                }
                if head.isFunction { scope.functions[head.name] = head.parameters.count }
                if Names.isMultiLetter(head.name) { scope.multiLetterNames.insert(head.name) }
                // `\sigma = 0.5` and `\sigma^2 = …` make σ a name of the note.
                if Names.isBuiltinOrConstant(head.name), declaration.squared || declaration.isBinding {
                    scope.shadowed.insert(head.name)
                }
                scope.insert(name: head.name)
            }
        }
        for (name, value) in given where name.count == 1 && name.first?.isLetter == true {
            wholeNumbers[name] = value.rounded() == value && abs(value) < 1000 ? .some(Int(value)) : .some(nil)
        }
        scope.wholeNumbers = wholeNumbers.compactMapValues { $0 }
        scope.boundByNumbers = Set(onlyBound.compactMap { $0.value ? $0.key : nil })
        for name in scope.names where name.contains(where: { $0 == "_" || $0 == "^" }) {
            for index in GeneralForm.parts(name).indices {
                let letters = GeneralForm.bare(index)
                // `w_j`, and both of Nielsen's `w_jk`.
                if letters.count <= 2, letters.allSatisfy({ $0.isASCII && $0.isLetter }) {
                    for letter in letters { scope.indexLetters.insert(String(letter)) }
                }
                if let number = Int(letters) { scope.writtenNumbers.insert(number) }
            }
        }
        for cut in cuts where cut.writesSumOrProduct {
            let (indices, bounds) = FormulaReader.sumLetters(in: cut.split)
            // `k` of `\sum_k`: the note's index too (`the $k^{\rm th}$ neuron`).
            scope.indexLetters.formUnion(indices)
            counts.formUnion(bounds.filter { scope.wholeNumbers[$0] != nil })
        }
        // A head with a letter layer index that stands for a number names that layer:
        // `\delta^L = …` with `L = 3` defines `δ^(3)`.
        for name in scope.names where name.hasSuffix(")") {
            guard let open = name.range(of: "^(", options: .backwards) else { continue }
            let letter = String(name[open.upperBound..<name.index(before: name.endIndex)])
            if let number = scope.wholeNumbers[letter] { scope.insert(name: String(name[..<open.lowerBound]) + "^(\(number))") }
        }
        let scopeNumber = cache.number(of: scope)
        var readings = cuts.map { cache.reading(of: $0, scope: scope, scopeNumber: scopeNumber) }
        Self.readGeneralFormsAgain(&readings, cuts: cuts, scope: scope, cache: cache)
        // Names defined by a formula (not just bound to a number): `n_1 = 0.3775` about such a
        // name states its value at the example, a claim, not a second definition.
        var definedNames = Set<String>(minimumCapacity: readings.count)
        var boundNames = Set<String>(minimumCapacity: readings.count)
        // `w_1^{(T)} = 0.3` where rules update w_1: a claim about the run's value (§13).
        var updated = Set<String>()
        // The statements are read in place, by index, here and below: a `for` over them would
        // copy each (and retain all it holds).
        for (index, reading) in readings.enumerated() {
            let read = reading.statements
            for position in read.indices {
                guard let name = read[position].head?.name else { continue }
                switch read[position].kind {
                case .definition: definedNames.insert(name)
                case .binding where !ProseSentences.isCondition(read[position], word: prose.word[formulas[index].id]):
                    boundNames.insert(name)
                case .update: updated.insert(name)
                default: break
                }
            }
        }
        // A definition by a derivative of a name no formula defines, of a name the note also
        // binds to a number, only names the quantity: the number is its value.
        var namings: [String: String] = [:]
        for reading in readings where !boundNames.isEmpty {
            let read = reading.statements
            for position in read.indices where read[position].kind == .definition {
                guard let head = read[position].head, head.parameters.isEmpty, boundNames.contains(head.name),
                    let body = read[position].sides.first,
                    let undefined = Self.derivativeOfUndefined(body, definedNames: definedNames)
                else { continue }
                namings[head.name] = undefined
            }
        }
        definedNames.subtract(namings.keys)
        // Display definitions by section, to find inline restatements of them (below).
        var displayDefinitions = Set<RestatedName>(minimumCapacity: readings.count)
        if !updated.isEmpty {
            for reading in readings {
                for statement in reading.statements where statement.kind == .binding {
                    if let name = statement.head?.name, let base = Self.runBase(name),
                        updated.contains(base) || definedNames.contains(base)
                    {
                        definedNames.insert(name)
                    }
                }
            }
        }
        // "for $T = 20$ steps" in a note with update rules binds T, though *for* makes a place
        // of any other binding (§13).
        let hasUpdates = readings.contains { $0.statements.contains { $0.kind == .update } }
        let sequences = SequenceTerms(readings)
        // Names defined as a derivative (`δ = ∂C/∂z`), by section: a later definition of one in
        // its section is a claim.
        var derivativeDefinitions = Set<RestatedName>()
        // Claims after *with* or *where* read as conditions, by index in `statements`.
        var stated = Set<Int>()
        for (index, math) in formulas.enumerated() {
            let reading = readings[index]
            for problem in reading.diagnostics {
                diagnostics.append(
                    Diagnostic(problem.severity == .error ? .error : .warning, problem.message,
                               at: math.position(ofTeXOffset: problem.range.lowerBound),
                               length: max(1, problem.range.count)))
            }
            let section = sections.innermost(containing: math.position.line)
            let word = prose.word[math.id]
            for order in reading.statements.indices {
                // One copy of the statement read, changed in place into what it says here (a
                // copy retains all a statement holds).
                var statement = reading.statements[order]
                if ProseSentences.isCondition(statement, word: word), !(hasUpdates && Self.bindsSteps(statement)) {
                    if statement.kind == .claim, word == "with" || word == "where", statement.introducedBy == nil {
                        stated.insert(statements.count)
                    }
                    Self.readAsCondition(&statement)
                } else {
                    Self.claimIfRedefinedByNumber(&statement, definedNames: definedNames)
                    sequences.claimIfTerm(&statement)
                }
                if statement.kind == .definition, let head = statement.head, !head.isFunction, namings[head.name] == nil {
                    let key = RestatedName(name: head.name, section: section)
                    if derivativeDefinitions.contains(key) {
                        // `δ^l_j = ∂C/∂z^l_j`, then `δ^L_j = (a^L_j - y_j) σ'(z^L_j)`: what the
                        // derivative comes to, a claim.
                        Self.claimIfRestatement(&statement)
                    } else if statement.sides.count == 1, case .partial = statement.sides[0] {
                        derivativeDefinitions.insert(key)
                    }
                }
                if statement.kind == .definition, let head = statement.head {
                    let key = RestatedName(name: head.name, section: section)
                    // A display after "The variance is also …:" restates a definition above it.
                    let restating = prose.restatingDisplays.contains(math.id)
                    if math.display && !(restating && displayDefinitions.contains(key)) {
                        displayDefinitions.insert(key)
                    } else if displayDefinitions.contains(key) {
                        Self.claimIfRestatement(&statement)
                    }
                }
                let range = statement.range.clamped(to: 0..<math.tex.utf8.count)
                var naming: String?
                if statement.kind == .definition, let name = statement.head?.name, let undefined = namings[name],
                    statement.head?.parameters.isEmpty == true,
                    Self.derivativeOfUndefined(statement.sides[0], definedNames: definedNames) != nil
                {
                    naming = undefined
                }
                statements.append(SitedStatement(site: StatementSite(formula: math.id, statement: order, section: section),
                                                 statement: statement,
                                                 position: math.position(ofTeXOffset: range.lowerBound),
                                                 tex: Self.text(of: math.tex, in: range), naming: naming))
            }
        }
        conditions = Self.conditions(of: statements, prose: prose)
        // "with $s(0) = 1$": a claim after *with* or *where* that is the condition of no claim
        // states a value; it is checked.
        if !stated.isEmpty {
            for applied in conditions.values { stated.subtract(applied) }
            for index in stated { statements[index].statement.kind = .claim }
        }
        // "Because the target is one-hot ($y_1 + y_2 + y_3 = 1$):" then display claims.
        for (sentence, displays) in prose.displaysAfter where prose.premises.contains(sentence) {
            let premises = statements.indices.filter {
                prose.sentence[statements[$0].site.formula] == sentence && statements[$0].statement.kind == .claim
            }
            guard !premises.isEmpty else { continue }
            let displayed = Set(displays)
            for index in statements.indices where displayed.contains(statements[index].site.formula) {
                let statement = statements[index].statement
                guard statement.kind == .claim || (statement.kind == .definition && statement.sides.count > 1)
                else { continue }
                conditions[index, default: []].append(contentsOf: premises)
            }
        }
        for index in statements.indices where statements[index].statement.kind == .declaration {
            if let name = statements[index].statement.head?.name, declarations[name] == nil { declarations[name] = index }
        }
        for index in statements.indices {
            guard let sentence = prose.sentence[statements[index].site.formula] else { continue }
            if prose.nearZero.contains(sentence) { nearZero.insert(index) }
            if let name = prose.large[sentence] { limits[index] = name }
        }
    }

    /// The first name in `expression` that is differentiated (`∂A/∂x` with A that name) and that
    /// no formula of the note defines: its derivative is not known.
    static func derivativeOfUndefined(_ expression: Expression, definedNames: Set<String>) -> String? {
        var found: String?
        expression.visitAll { node in
            guard found == nil, case .partial(.symbol(let name), let variable, _) = node, name != variable,
                !definedNames.contains(name)
            else { return }
            found = name
        }
        return found
    }

    /// The bytes `range` of `tex` as text: the formula's own string when the range is all of it
    /// (as it is for a formula of one statement).
    static func text(of tex: String, in range: Range<Int>) -> String {
        let utf8 = tex.utf8
        if range == 0..<utf8.count { return tex }
        return utf8.withContiguousStorageIfAvailable { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
            ?? String(decoding: Array(utf8)[range], as: UTF8.self)
    }

    /// The instances a general form defines (`s_1`, `s_2`, `s_3` from `s_i = …` beside `z_1`,
    /// `z_2`, `z_3`) are names of the note that pass 1 could not see: the formulas left as
    /// general forms are read again with them (`\frac{\partial s_i}{\partial z_j} = …` then has
    /// instances for i too), and so are those that name an instance's base with a letter
    /// (`y_i = \gamma \hat{x}_i + \beta` after `\hat{x}_i = …` defined `x̂_1`, `x̂_2`: read first
    /// as a name `y_i` of a leaf `x̂_i`). What they define is read into the formulas after, a
    /// chain at most `maximumRereads` long (Ng's `z^{[l]}` and `a^{[l]}` take two a layer).
    /// Nothing is read again in a note without instances.
    static func readGeneralFormsAgain(_ readings: inout [FormulaReading], cuts: [FormulaCache.Cut], scope: ReadingScope,
                                      cache: FormulaCache)
    {
        var wider = scope
        for _ in 0..<maximumRereads {
            var instances: [String] = []
            for reading in readings {
                // A general form's instances only: a binding pass 1 left out is a place (`For $l = 1$:`).
                for statement in reading.statements where statement.kind == .definition && statement.instance != nil {
                    if let name = statement.head?.name, !wider.names.contains(name) { instances.append(name) }
                }
            }
            guard !instances.isEmpty else { return }
            let bases = Set(instances.map { GeneralForm.parts($0).base })
            // `a_1` of `a^2_1`, read as a power before the instance `a_1^(2)` was a name.
            let layered = Set(instances.compactMap { name in name.range(of: "^(").map { name[..<$0.lowerBound] } })
            let again = readings.indices.filter { index in
                // A sum without bounds counted by the names of the note (`\sum_i \alpha_i v_i`
                // read as two terms while only `α_1` and `α_2` were written): it may count more.
                let sums = cuts[index].writesSumOrProduct
                return readings[index].statements.contains { statement in
                    // A general form, expanded or not: it may have instances now.
                    if statement.instance != nil { return true }
                    if statement.kind == .prose { return statement.reason?.hasPrefix("general form") == true }
                    if let head = statement.head?.name, Self.namesBaseWithLetter(head, bases) { return true }
                    return statement.sides.contains { side in
                        side.symbols.contains { name in
                            Self.namesBaseWithLetter(name, bases) || layered.contains(Substring(name))
                                || (sums && bases.contains(GeneralForm.parts(name).base))
                        }
                    }
                }
            }
            guard !again.isEmpty else { return }
            for name in instances { wider.insert(name: name) }
            // Still defined by the general form that defines them, read again.
            wider.instances.formUnion(instances)
            let number = cache.number(of: wider)
            for index in again { readings[index] = cache.reading(of: cuts[index], scope: wider, scopeNumber: number) }
        }
    }

    /// How many times formulas are read again for the instances general forms define.
    static let maximumRereads = 32

    /// Whether `name` is one of `bases` with a letter index (`x̂_i` for the base `x̂`).
    private static func namesBaseWithLetter(_ name: String, _ bases: Set<Substring>) -> Bool {
        let (base, indices) = GeneralForm.parts(name)
        return bases.contains(base) && indices.contains { $0.dropFirst().first?.isLetter == true }
    }

    /// Whether `statement` binds T, the number of steps of update rules, to a number.
    static func bindsSteps(_ statement: Statement) -> Bool {
        statement.kind == .binding && statement.head?.name == "T"
    }

    /// A binding or claim read as a condition: a binding `x = 0` relates `x` and `0`.
    static func readAsCondition(_ statement: inout Statement) {
        let wasBinding = statement.kind == .binding
        statement.kind = .condition
        if wasBinding, let head = statement.head {
            let headRange = statement.headRange
            statement.head = nil
            statement.sides.insert(.symbol(head.name), at: 0)
            statement.relations.insert(.equal, at: 0)
            statement.sideRanges.insert(headRange, at: 0)
        }
    }

    /// Which conditions apply to which claims: a condition in a formula (after `\text{if }`) to
    /// the formula's claims; a formula of conditions in the text (after "for") to the claims of
    /// its sentence, of the display formulas after it when the sentence ends with `:`, and of
    /// the display formulas just before it when its sentence says nothing else.
    static func conditions(of statements: [SitedStatement], prose: ProseSentences) -> [Int: [Int]] {
        // Most notes have no condition: then no statement is grouped.
        guard statements.indices.contains(where: { statements[$0].statement.kind == .condition }) else { return [:] }
        var result: [Int: [Int]] = [:]
        var bySentence: [Int: [Int]] = [:]
        var byFormula: [FormulaID: [Int]] = [:]
        for index in statements.indices {
            byFormula[statements[index].site.formula, default: []].append(index)
            if let sentence = prose.sentence[statements[index].site.formula] {
                bySentence[sentence, default: []].append(index)
            }
        }
        for index in statements.indices where statements[index].statement.kind == .condition {
            let formula = statements[index].site.formula
            // "with $g_t = 100$ instead": a supposition, of no claim of the note.
            if prose.word[formula] == "instead" { continue }
            var group: [Int]
            if statements[index].statement.introducedBy != nil && prose.word[formula] == nil {
                group = byFormula[formula] ?? []
            } else if let sentence = prose.sentence[formula] {
                group = bySentence[sentence] ?? []
                let onlyConditions = group.allSatisfy { statements[$0].statement.kind == .condition }
                for display in prose.displaysAfter[sentence] ?? [] { group += byFormula[display] ?? [] }
                if onlyConditions {
                    for display in prose.displaysBefore[sentence] ?? [] { group += byFormula[display] ?? [] }
                }
            } else {
                group = []
            }
            for claim in group where claim != index {
                let statement = statements[claim].statement
                guard statement.kind == .claim || (statement.kind == .definition && statement.sides.count > 1)
                else { continue }
                result[claim, default: []].append(index)
            }
        }
        return result
    }

    /// A name defined by a display formula in a section (not in a subsection of it).
    private struct RestatedName: Hashable {
        var name: String
        var section: Int
    }

    /// `w_1` for `w_1^(T)` or `w_1^(3)`: a name for the value after a run's steps (§13).
    static func runBase(_ name: String) -> String? {
        guard name.hasSuffix(")"), let caret = name.range(of: "^(", options: .backwards) else { return nil }
        let inner = name[caret.upperBound..<name.index(before: name.endIndex)]
        guard inner == "T" || Int(inner) != nil else { return nil }
        return String(name[..<caret.lowerBound])
    }

    /// A binding of a name that a formula defines becomes the claim that the name has that value.
    static func claimIfRedefinedByNumber(_ statement: inout Statement, definedNames: Set<String>) {
        guard statement.kind == .binding, let head = statement.head, head.parameters.isEmpty,
            definedNames.contains(head.name)
        else { return }
        statement = claim(restating: statement, head: head)
    }

    /// An inline definition of a name that a display formula above it, in the same section,
    /// defines (`$L = -\log p_1$` in the text after `$$L = -(y_1 \log p_1 + …)$$`) restates it:
    /// the claim that the name equals its body, not a second definition (docs/note-language.md
    /// §2). A body that uses the name itself (`$w = w - \eta g$`, an update) stays a definition.
    static func claimIfRestatement(_ statement: inout Statement) {
        guard let head = statement.head else { return }
        var usesItself = false
        for side in statement.sides {
            side.visitAll { node in
                switch node {
                case .symbol(head.name) where !head.isFunction, .apply(head.name, _): usesItself = true
                default: break
                }
            }
        }
        if usesItself { return }
        statement = claim(restating: statement, head: head)
    }

    /// The claim that the head equals the sides: a function's head applied to its parameters,
    /// which are then the note's names (`L_\delta(r) = 2` at the note's `r`).
    private static func claim(restating statement: Statement, head: Head) -> Statement {
        claim(restating: statement,
              left: head.isFunction ? .apply(head.name, head.parameters.map { .symbol($0) }) : .symbol(head.name))
    }

    /// The claim that `left`, written where the statement's head is, equals its sides.
    static func claim(restating statement: Statement, left: Calculus.Expression) -> Statement {
        var claim = Statement(kind: .claim, label: statement.label, sides: [left] + statement.sides,
                              relations: [.equal] + statement.relations,
                              sideRanges: [statement.headRange] + statement.sideRanges,
                              range: statement.range, index: statement.index)
        // A general form's instance (`δ^(2)_1` of BP2) still says which it is.
        claim.instance = statement.instance
        return claim
    }
}
