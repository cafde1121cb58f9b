import Calculus

/// Reads what a formula says: its statements (docs/note-language.md §2) as Calculus expressions.
///
/// The same parse tree the MathML writer uses is read here; a formula is parsed once per call.
public enum FormulaReader {
    /// The function name of a sum over a data table's rows (§13): `\sum_{i=1}^{N} E` in a note
    /// with a data table reads `sum_rows(E)`, which the note expands row by row.
    public static let rowSum = "sum_rows"
    /// Why a mention alone of an index (`neuron $i$`) or of a name at an index (`$w^l$`) is not
    /// evaluated: it names no quantity. Such a mention is no statement of the note's summary.
    public static let indexMention = "a mention of an index, which names no quantity"

    /// The heads of the definitions and bindings in a formula, read before the full reading
    /// so that the note's functions and multi-letter names are known.
    public static func heads(in tex: String) -> [HeadDeclaration] {
        heads(in: Formula.parse(tex))
    }

    /// The heads of a formula already parsed.
    public static func heads(in parsed: Formula) -> [HeadDeclaration] {
        heads(in: split(parsed))
    }

    /// The heads of a formula already cut into statements.
    public static func heads(in split: SplitFormula) -> [HeadDeclaration] {
        let source = split.source
        var heads: [HeadDeclaration] = []
        for statement in split.statements {
            let (sides, relations) = (statement.sides, statement.relations)
            guard relations.first?.relation == .equal, let head = statement.head else { continue }
            // Only a head without parameters can bind a name to a number: its body is read
            // when that is asked.
            var declaration = head.parameters.isEmpty
                ? HeadDeclaration(head: head, body: sides[1], source: source)
                : HeadDeclaration(head: head, isBinding: false)
            declaration.introducedBy = statement.piece.introducedBy
            declaration.squared = statement.squared
            heads.append(declaration)
        }
        return heads
    }

    /// The letters a formula writes in the scripts of a `\sum` or `\prod`: its indices (`i` in
    /// `\sum_i`, `\sum_{i=1}^{m}`), which are index letters of the note, and its upper bounds
    /// (`m`): counts, which a note binding them to a whole number sums to (docs/note-language.md
    /// §3), and which are then no variable of its identities.
    public static func sumLetters(in split: SplitFormula) -> (indices: Set<String>, bounds: Set<String>) {
        var indices = Set<String>()
        var bounds = Set<String>()
        var stack = split.formula.nodes
        while let node = stack.popLast() {
            if case .scripts(let scripts) = node, case .atom(let atom)? = scripts.base,
                atom.command == "sum" || atom.command == "prod"
            {
                if let sub = scripts.sub {
                    let lower = ExpressionReader.compactSource(split.source, sub.range)
                    let index = String(lower.prefix { $0 != "=" })
                    if ExpressionReader.isLatinLetter(index) { indices.insert(index) }
                }
                if let sup = scripts.sup {
                    let upper = ExpressionReader.compactSource(split.source, sup.range)
                    if ExpressionReader.isLatinLetter(upper) { bounds.insert(upper) }
                }
            }
            stack.append(contentsOf: node.children)
        }
        return (indices, bounds)
    }

    /// The statements of a formula, read with what the note defines (`scope`), and the
    /// problems met: TeX diagnostics of the parse, and a reason for each statement outside what
    /// is evaluated (those statements come back as `prose`).
    public static func read(_ tex: String, scope: ReadingScope) -> FormulaReading {
        read(Formula.parse(tex), scope: scope)
    }

    /// The statements of a formula already parsed.
    public static func read(_ parsed: Formula, scope: ReadingScope) -> FormulaReading {
        read(split(parsed), scope: scope)
    }

    /// The statements of a formula already cut into statements.
    public static func read(_ split: SplitFormula, scope: ReadingScope) -> FormulaReading {
        var statements: [Statement] = []
        for statement in split.statements {
            var read = readStatement(statement, source: split.source, scope: scope)
            if let word = statement.piece.introducedBy {
                for index in read.indices { read[index].introducedBy = word }
            }
            if statements.isEmpty { statements = read } else { statements.append(contentsOf: read) }
        }
        return FormulaReading(statements: statements, diagnostics: split.formula.diagnostics)
    }

    /// Cuts a parsed formula into statements and each statement into sides, once for both
    /// `heads(in:)` and `read(_:scope:)`.
    public static func split(_ parsed: Formula) -> SplitFormula {
        let source = Array(parsed.source.utf8)
        let statements = StatementSplitter.split(parsed.nodes, source: source).map { piece in
            let (sides, relations) = splitRelations(piece.nodes)
            if let event = probabilityHead(sides[0]), !(sides.count > 1 && mentionsLetter(of: event, in: sides[1])) {
                return SplitFormula.Piece(piece: piece, sides: sides, relations: relations, head: Head(name: event))
            }
            if let deviation = varianceHead(sides[0], source: source) {
                return SplitFormula.Piece(piece: piece, sides: sides, relations: relations, head: Head(name: deviation),
                                          squared: true)
            }
            return SplitFormula.Piece(piece: piece, sides: sides, relations: relations,
                                      head: definableHead(sides[0], body: sides.count > 1 ? sides[1] : nil,
                                                          source: source))
        }
        return SplitFormula(formula: parsed, source: source, statements: statements)
    }

    // MARK: - One statement

    private static func readStatement(_ split: SplitFormula.Piece, source: [UInt8], scope: ReadingScope)
        -> [Statement]
    {
        let piece = split.piece
        let nodes = piece.nodes
        let range = (nodes.first?.range.lowerBound ?? 0)..<(nodes.last?.range.upperBound ?? 0)
        let (sides, relationAtoms) = (split.sides, split.relations)
        if let unsupported = relationAtoms.first(where: { $0.relation == nil && !$0.isUpdate }) {
            return [Statement(kind: .prose, label: piece.label, range: range,
                              reason: "the relation \(unsupported.text) is not evaluated")]
        }
        if let unsupported = relationAtoms.dropFirst().first(where: { $0.isUpdate }) {
            return [Statement(kind: .prose, label: piece.label, range: range,
                              reason: "\(unsupported.text) only begins an update rule: one name, the arrow, its new value")]
        }
        let relations = relationAtoms.compactMap { $0.relation }
        let sideRanges = sides.map { side in
            (side.first?.range.lowerBound ?? range.lowerBound)..<(side.last?.range.upperBound ?? range.lowerBound)
        }
        if sides.contains(where: { $0.isEmpty }) {
            return [Statement(kind: .prose, label: piece.label, range: range, reason: "a side of the relation is empty")]
        }
        if relationAtoms.first?.isUpdate == true {
            return readUpdate(split, source: source, scope: scope, range: range, sideRanges: sideRanges)
        }
        var head = split.head
        var squared = split.squared
        // `\sigma^2 = 4` where the note binds σ (`\sigma = 2`): a claim about its square.
        if squared, let name = head?.name, scope.boundByNumbers.contains(name), sides.count > 1,
            writesClosedConstant(sides[1], source: source)
        {
            head = nil
            squared = false
        }
        // `\delta^L = …` where the note binds `L = 3`: the head is `δ^(3)`.
        if let name = head?.name, name.hasSuffix(")") { head?.name = scope.layerName(name) }
        // `x^2 = 4` where the note uses `x` alone: a claim about a power, not a layer name.
        if let name = head?.name, name.withBytes({ $0.contains(UInt8(ascii: "^")) }),
            let base = layerHeadBase(sides[0], source: source), scope.names.contains(base)
        {
            head = nil
        }
        // A head that is a built-in function makes a claim about the built-in (§3).
        let isDefinition = relations.first == .equal && head != nil
            && !(head.map { !$0.parameters.isEmpty && isBuiltinFunction($0.name, scope: scope) } ?? false)
        // A built-in applied to a name (`\sin(\theta)`, `\sigma(x)`) is an expression, not a declaration.
        let isDeclaration = relations.isEmpty && head.map { !$0.parameters.isEmpty } == true
            && scope.functions[head?.name ?? ""] == nil
            && !(head.map { isBuiltinFunction($0.name, scope: scope) } ?? false)

        // A statement not evaluated that is a claim in form (it relates two sides, and is not a
        // definition alone) keeps its relations: it is counted as a claim Derive cannot tell.
        let claimRelations = !isDefinition || relations.count > 1 ? relations : []

        // First reading: find index ranges; then one reading per index.
        var probe = ExpressionReader(source: source, scope: scope)
        probe.parameters = Set(head?.parameters ?? [])
        let firstSides: [Expression]
        do {
            firstSides = try readSides(sides, skipHead: isDefinition, reader: &probe)
        } catch {
            if isDeclaration, let head {
                return [Statement(kind: .declaration, label: piece.label, head: head, range: range)]
            }
            // `z^l_j = \sum_k w^l_{jk} a^{l-1}_k + b^l_j`: a general form whose sum over k is
            // counted at each instance.
            if Self.isSumWithoutBounds(error.message), !scope.names.isEmpty, !relations.isEmpty {
                var general = ExpressionReader(source: source, scope: scope)
                general.parameters = probe.parameters
                general.readsFreeSums = true
                if let generalSides = try? readSides(sides, skipHead: isDefinition, reader: &general),
                    case let bound = probe.parameters.union(general.sumIndices),
                    GeneralForm.reason(generalSides, head: isDefinition ? head : nil, scope: scope, parameters: bound) != nil
                {
                    let instances = generalInstances(
                        sides, head: head, isDefinition: isDefinition, relations: relations, sideRanges: sideRanges,
                        range: range, label: piece.label, firstSides: generalSides, parameters: probe.parameters,
                        summed: general.sumIndices, source: source, scope: scope).statements
                    if !instances.isEmpty { return instances }
                }
            }
            return [Statement(kind: .prose, label: piece.label, relations: claimRelations, range: range,
                              reason: error.message, culprit: error.range)]
        }
        // A claim or definition (a mention of `p_i` in prose is only shown).
        if !scope.names.isEmpty, !relations.isEmpty,
            let reason = GeneralForm.reason(firstSides, head: isDefinition ? head : nil, scope: scope,
                                            parameters: probe.parameters)
        {
            let (instances, problem) = generalInstances(
                sides, head: head, isDefinition: isDefinition, relations: relations, sideRanges: sideRanges,
                range: range, label: piece.label, firstSides: firstSides, parameters: probe.parameters,
                summed: probe.sumIndices, source: source, scope: scope)
            guard instances.isEmpty else { return instances }
            // `G_t = G_{t-1} + g_t^2` beside `g_1` alone: "at t = 1 it names G_0, which the note
            // does not have".
            return [Statement(kind: .prose, label: piece.label, range: range,
                              reason: reason + (problem.map { ": " + $0 } ?? ""))]
        }
        if firstSides.contains(where: { Self.hasDerivative(in: $0, higherThan: Expression.maximumDerivativeOrder) }) {
            return [Statement(kind: .prose, label: piece.label, range: range,
                              reason: "a derivative of order higher than \(Expression.maximumDerivativeOrder) is not evaluated")]
        }
        // `w_{1..2} = 0.5`: a range in the head alone (the body has none) is one statement per
        // index too, each binding or defining its own name (it bound the name `w_1..2`).
        if isDefinition, probe.ranges.isEmpty, head.map({ Self.holdsRangeDots($0.name) }) == true,
            case .scripts(let scripts)? = sides[0].first, let sub = scripts.sub
        {
            do {
                try probe.noteRanges(in: sub)
            } catch {
                return [Statement(kind: .prose, label: piece.label, relations: claimRelations, range: range,
                                  reason: error.message, culprit: error.range)]
            }
        }
        let lengths = Set(probe.ranges.map { $0.count })
        guard lengths.count <= 1 else {
            return [Statement(kind: .prose, label: piece.label, relations: claimRelations, range: range,
                              reason: "index ranges of different lengths in one statement")]
        }
        let steps = lengths.first ?? 1
        var statements: [Statement] = []
        for step in 0..<steps {
            var expressions: [Expression]
            var stepHead = head
            if steps == 1 {
                // No index range (most statements): the first reading is the one.
                expressions = firstSides
            } else {
                var reader = ExpressionReader(source: source, scope: scope)
                reader.parameters = Set(head?.parameters ?? [])
                reader.rangeStep = step
                reader.expansion = steps
                do {
                    expressions = step == 0 ? firstSides : try readSides(sides, skipHead: isDefinition, reader: &reader)
                } catch {
                    return [Statement(kind: .prose, label: piece.label, relations: claimRelations, range: range,
                                      reason: error.message, culprit: error.range)]
                }
                if head != nil, let expanded = expandedHeadName(sides[0], reader: &reader) {
                    stepHead?.name = expanded
                }
            }
            let index = steps > 1 ? (probe.ranges.first?.lowerBound ?? 0) + step : nil
            // `\sigma^2 = E = 2` defines σ = √E, and claims √E = √2.
            if squared, isDefinition { expressions = expressions.map { .apply("sqrt", [$0]) } }
            // `neuron $i$`, `$w^l$ is the weight of layer $l$`: an index, or a name at an index,
            // mentioned alone names no quantity to evaluate (or to sample).
            if relations.isEmpty, !isDeclaration, expressions.count == 1, Self.mentionsIndex(expressions[0], scope: scope) {
                statements.append(Statement(kind: .expression, label: piece.label, range: range,
                                            reason: FormulaReader.indexMention))
                continue
            }
            statements.append(statement(
                head: stepHead, isDefinition: isDefinition, isDeclaration: isDeclaration, expressions: expressions,
                relations: relations, sideRanges: sideRanges, range: range, label: piece.label, index: index))
        }
        return statements
    }

    /// Whether an expression alone is the mention of an index (`$i$`, `layer $l-1$`, `the
    /// $k^{\rm th}$ neuron`: index letters of the note's heads, no name of the note) or of a
    /// general form's name (`$a^l_j$`).
    private static func mentionsIndex(_ expression: Expression, scope: ReadingScope) -> Bool {
        if case .symbol(let name) = expression,
            GeneralForm.reason([], head: Head(name: name), scope: scope, parameters: []) != nil
        {
            return true
        }
        let symbols = expression.symbols
        return !symbols.isEmpty && symbols.allSatisfy { scope.indexLetters.contains($0) && !scope.names.contains($0) }
    }

    /// Whether a reading failed on a `\sum` or `\prod` without bounds in numbers (`\sum_k`).
    private static func isSumWithoutBounds(_ message: String) -> Bool {
        message.hasPrefix("general form: the \\") && message.contains(" has no bounds in numbers")
    }

    /// A general form checked at the instances the note writes (docs/note-language.md §3): one
    /// claim per number the note gives the free index (`z^l = w^l a^{l-1} + b^l` is the claim
    /// `z^(2) = w^(2)*a^(1) + b^(2)` where the note has those layers), a claim even for a
    /// definition's shape when the note has the instance's head; a definition of the instance
    /// when it does not (`s_i = \frac{e^{z_i}}{…}` defines s_1 where the note has z_1); an
    /// instance naming something else the note does not have (`w^(4)`) is left out. Empty when
    /// no instance remains, with why the first instance was left out. `summed`: the indices of
    /// sums in `firstSides` (`k` of `\sum_k`), no free index of the form: each instance counts
    /// its sums.
    private static func generalInstances(
        _ sides: [ArraySlice<Node>], head: Head?, isDefinition: Bool, relations: [Relation], sideRanges: [Range<Int>],
        range: Range<Int>, label: String?, firstSides: [Expression], parameters: Set<String>, summed: Set<String>,
        source: [UInt8], scope: ReadingScope
    ) -> (statements: [Statement], firstProblem: String?) {
        guard let letters = GeneralForm.freeIndices(firstSides, head: isDefinition ? head : nil, scope: scope,
                                                    parameters: parameters.union(summed)),
            letters.reduce(1, { $0 * $1.values.count }) <= 100
        else { return ([], nil) }
        // Why the first instance left out was: said when none is left.
        var firstProblem: String?
        // Every combination of the letters' numbers, the last letter varying fastest.
        var combinations: [[Int]] = [[]]
        for letter in letters { combinations = combinations.flatMap { prefix in letter.values.map { prefix + [$0] } } }
        var statements: [Statement] = []
        for combination in combinations {
            var reader = ExpressionReader(source: source, scope: scope)
            reader.parameters = parameters
            for (letter, value) in zip(letters, combination) { reader.indexValues[letter.letter] = value }
            let instance = zip(letters, combination).map { "\($0.letter) = \($1)" }.joined(separator: ", ")
            var expressions: [Expression]
            do {
                expressions = try readSides(sides, skipHead: isDefinition, reader: &reader)
            } catch {
                if firstProblem == nil { firstProblem = "at \(instance): \(error.message)" }
                continue
            }
            let instanceHead = head.map { head in
                Head(name: zip(letters, combination).reduce(head.name) {
                    GeneralForm.instance(of: $0, letter: $1.0.letter, value: $1.1)
                }, parameters: head.parameters)
            }
            // One letter: the card says which index; two: the reading does.
            let index = combination.count == 1 ? combination[0] : nil
            // An instance the note does not have otherwise, or only binds to a number, is
            // defined by the general form (`s_i = \frac{e^{z_i}}{…}` defines s_1, s_2, s_3 beside
            // z_1, z_2, z_3; `z_1 = -0.2` after `z_i = …` is then a claim about z_1).
            let defines = isDefinition && instanceHead.map { head in
                !scope.names.contains(head.name) || scope.instances.contains(head.name)
                    || scope.boundByNumbers.contains(head.name)
            } == true
            if isDefinition, !defines, let instanceHead { expressions.insert(.symbol(instanceHead.name), at: 0) }
            // Every indexed name of the instance must be one the note has.
            var known = true
            var stack = expressions
            while known, let node = stack.popLast() {
                switch node {
                case .symbol(let name), .partial(_, let name, _):
                    if name.contains("_") || name.contains("^(") || name.contains("^["), !scope.names.contains(name) {
                        known = false
                        if firstProblem == nil { firstProblem = "at \(instance) it names \(name), which the note does not have" }
                    }
                default:
                    break
                }
                node.forEachChild { stack.append($0) }
            }
            guard known else { continue }
            var read = defines
                ? statement(head: instanceHead, isDefinition: true, isDeclaration: false, expressions: expressions,
                            relations: relations, sideRanges: sideRanges, range: range, label: label, index: index)
                : Statement(kind: .claim, label: label, sides: expressions, relations: relations,
                            sideRanges: sideRanges, range: range, index: index)
            read.instance = instance
            statements.append(read)
        }
        return (statements, firstProblem)
    }

    /// `w_1 \leftarrow w_1 - \eta g`, `w_{1..6} := …`: an update rule (§13), one per index of a
    /// range. Its left side must be one name; what the name is (a leaf) the note decides.
    private static func readUpdate(_ split: SplitFormula.Piece, source: [UInt8], scope: ReadingScope,
                                   range: Range<Int>, sideRanges: [Range<Int>]) -> [Statement]
    {
        let piece = split.piece
        let arrow = split.relations[0].text
        guard split.sides.count == 2 else {
            return [Statement(kind: .prose, label: piece.label, range: range,
                              reason: "an update rule has one \(arrow) and no other relation")]
        }
        guard let head = split.head, head.parameters.isEmpty else {
            return [Statement(kind: .prose, label: piece.label, range: range,
                              reason: "the left side of \(arrow) must be one name (a weight, a bias), "
                                  + "not \(ExpressionReader(source: source, scope: scope).describe(split.sides[0]))")]
        }
        var probe = ExpressionReader(source: source, scope: scope)
        let first: Expression
        do {
            first = try probe.expression(split.sides[1])
        } catch {
            return [Statement(kind: .prose, label: piece.label, range: range, reason: error.message, culprit: error.range)]
        }
        let lengths = Set(probe.ranges.map { $0.count })
        guard lengths.count <= 1 else {
            return [Statement(kind: .prose, label: piece.label, range: range,
                              reason: "index ranges of different lengths in one statement")]
        }
        let steps = lengths.first ?? 1
        var statements: [Statement] = []
        for step in 0..<steps {
            var stepHead = head
            var body = first
            if steps > 1 {
                var reader = ExpressionReader(source: source, scope: scope)
                reader.rangeStep = step
                do {
                    body = step == 0 ? first : try reader.expression(split.sides[1])
                } catch {
                    return [Statement(kind: .prose, label: piece.label, range: range, reason: error.message, culprit: error.range)]
                }
                if let expanded = expandedHeadName(split.sides[0], reader: &reader) { stepHead.name = expanded }
            }
            statements.append(Statement(
                kind: .update, label: piece.label, head: stepHead, sides: [body], sideRanges: [sideRanges[1]],
                range: range, index: steps > 1 ? (probe.ranges.first?.lowerBound ?? 0) + step : nil))
        }
        return statements
    }

    private static func statement(head: Head?, isDefinition: Bool, isDeclaration: Bool, expressions: [Expression],
                                  relations: [Relation], sideRanges: [Range<Int>], range: Range<Int>, label: String?,
                                  index: Int?) -> Statement
    {
        if isDefinition, let head {
            let body = expressions[0]
            let kind: Statement.Kind = head.parameters.isEmpty && isClosedConstant(body) ? .binding : .definition
            return Statement(kind: kind, label: label, head: head, sides: expressions,
                             relations: Array(relations.dropFirst()), sideRanges: Array(sideRanges.dropFirst()),
                             range: range, index: index)
        }
        if relations.isEmpty {
            if isDeclaration, let head {
                return Statement(kind: .declaration, label: label, head: head, range: range, index: index)
            }
            return Statement(kind: .expression, label: label, sides: expressions, sideRanges: sideRanges,
                             range: range, index: index)
        }
        return Statement(kind: .claim, label: label, sides: expressions, relations: relations, sideRanges: sideRanges,
                         range: range, index: index)
    }

    /// Reads every side (without the head of a definition).
    private static func readSides(_ sides: [ArraySlice<Node>], skipHead: Bool, reader: inout ExpressionReader)
        throws(ReadError) -> [Expression]
    {
        var expressions: [Expression] = []
        for (position, side) in sides.enumerated() where !(skipHead && position == 0) {
            expressions.append(try reader.expression(side))
        }
        return expressions
    }

    /// Whether a name holds `..` (an index range, `w_1..2`): compared byte for byte, without
    /// Foundation's search.
    static func holdsRangeDots(_ name: String) -> Bool {
        name.withBytes { bytes in
            var afterDot = false
            for byte in bytes {
                if byte == UInt8(ascii: ".") {
                    if afterDot { return true }
                    afterDot = true
                } else {
                    afterDot = false
                }
            }
            return false
        }
    }

    /// The head's name for the current index of a range (`w_{1..2}` → `w_1`, `w_2`).
    private static func expandedHeadName(_ nodes: ArraySlice<Node>, reader: inout ExpressionReader) -> String? {
        guard let first = nodes.first, case .scripts(let scripts) = first, case .atom(let atom)? = scripts.base,
            let sub = scripts.sub, let name = try? reader.subscriptName(sub)
        else { return nil }
        return atom.text + "_" + name
    }

    // MARK: - Relations and heads

    /// A relation atom between sides: the relation, or `nil` for one that is not evaluated.
    struct RelationAtom {
        var relation: Relation?
        var text: String
        /// `\leftarrow`, `\gets` or `:=`: the arrow of an update rule (§13).
        var isUpdate = false
    }

    /// Whether `atom` is the arrow of an update rule.
    static func isUpdateArrow(_ atom: Atom) -> Bool {
        atom.command == "leftarrow" || atom.command == "gets" || ExpressionReader.isSymbol(atom.text, "\u{2190}")
    }

    /// The sides of a chain of relations at the top level: slices of `nodes`.
    static func splitRelations(_ nodes: [Node]) -> ([ArraySlice<Node>], [RelationAtom]) {
        var sides: [ArraySlice<Node>] = []
        var sideStart = 0
        var relations: [RelationAtom] = []
        var depth = 0
        for (position, node) in nodes.enumerated() {
            // A closing parenthesis may carry scripts (`(x^2)' = 2x`): it still closes.
            let atomClass = ExpressionReader.bareAtomClass(node)
            if atomClass == .open { depth += 1 }
            if atomClass == .close { depth = max(0, depth - 1) }
            if depth == 0, atomClass == .rel, case .atom(let atom) = node,
                ExpressionReader.onlyByte(atom.text) != UInt8(ascii: ":"), atom.command != "colon"
            {
                // `:=` (a `:` right before `=`): the arrow of an update rule.
                var sideEnd = position
                var relation = RelationAtom(relation: ExpressionReader.relation(of: atom),
                                            text: atom.command.map { "\\" + $0 } ?? atom.text)
                if isUpdateArrow(atom) {
                    relation = RelationAtom(relation: nil, text: relation.text, isUpdate: true)
                } else if ExpressionReader.onlyByte(atom.text) == UInt8(ascii: "="), position > sideStart,
                    case .atom(let colon) = nodes[position - 1], ExpressionReader.onlyByte(colon.text) == UInt8(ascii: ":"),
                    colon.command == nil, colon.range.upperBound == atom.range.lowerBound
                {
                    relation = RelationAtom(relation: nil, text: ":=", isUpdate: true)
                    sideEnd = position - 1
                }
                relations.append(relation)
                sides.append(nodes[sideStart..<sideEnd])
                sideStart = position + 1
            }
        }
        sides.append(nodes[sideStart...])
        return (sides, relations)
    }

    /// A definable head (§2): a single name, or a name with a parenthesised list of names.
    /// A primed name alone (`w' = w - \alpha g`, `\theta'_t = ...`) is a name of its own (the
    /// new value) when `body`, the side after it, uses the letter it primes; otherwise a prime
    /// is a derivative, and no head.
    static func definableHead(_ nodes: ArraySlice<Node>, body: ArraySlice<Node>? = nil, source: [UInt8]) -> Head? {
        let meaningful = StatementSplitter.meaningful(nodes)
        // `E[g^2]_t`: a running average's name.
        if let (name, end) = RunningAverage.name(in: meaningful, at: meaningful.startIndex,
                                                 reader: ExpressionReader(source: source, scope: ReadingScope())),
            end == meaningful.endIndex
        {
            return Head(name: name)
        }
        // A multi-letter name: a run of adjacent letters (`bias`, `net_{h1}`, `mse(a, b)`).
        if let head = multiLetterHead(meaningful, source: source) { return head }
        guard let first = meaningful.first, let name = headName(first, source: source) else { return nil }
        if case .scripts(let scripts) = first, scripts.primes > 0 {
            guard meaningful.count == 1, let body, let base = scripts.base, mentions(body, letterOf: base, source: source)
            else { return nil }
            return Head(name: name)
        }
        if meaningful.count == 1 { return Head(name: name) }
        guard let parameters = parameterList(meaningful.dropFirst(), source: source) else { return nil }
        return Head(name: name, parameters: parameters)
    }

    /// `P(D)` for a head `P(D)`, `P(T|¬D)` for `P(T \mid \neg D)`: the probability of an event,
    /// a name (`ExpressionReader.probabilityName`), not a function P of D; nil for any other head.
    static func probabilityHead(_ nodes: ArraySlice<Node>) -> String? {
        let meaningful = StatementSplitter.meaningful(nodes)
        guard meaningful.count >= 4, case .atom(let p)? = meaningful.first, p.command == nil, p.text == "P",
            case .atom(let open) = meaningful[meaningful.startIndex + 1], open.text == "(",
            case .atom(let close)? = meaningful.last, close.text == ")"
        else { return nil }
        return ExpressionReader.probabilityName(of: meaningful[(meaningful.startIndex + 2)..<(meaningful.endIndex - 1)])
    }

    /// Whether `nodes` write one of the capital letters of `event` (`P(X) = X^2 + 1` is a
    /// function of X, not a probability).
    private static func mentionsLetter(of event: String, in nodes: ArraySlice<Node>) -> Bool {
        let letters = Set(event.dropFirst(2).filter { $0.isUppercase }.map(String.init))
        // Outside the parentheses of `P(…)`, which name other events (`P(T) = P(T \mid D) …`).
        func mentions(_ sequence: ArraySlice<Node>) -> Bool {
            var index = sequence.startIndex
            while index < sequence.endIndex {
                let node = sequence[index]
                if case .atom(let atom) = node, atom.command == nil {
                    if atom.text == "P", index + 1 < sequence.endIndex, case .atom(let open) = sequence[index + 1],
                        open.text == "("
                    {
                        var depth = 0
                        index += 1
                        while index < sequence.endIndex {
                            if case .atom(let inner) = sequence[index] {
                                if inner.text == "(" { depth += 1 } else if inner.text == ")" { depth -= 1 }
                            }
                            index += 1
                            if depth == 0 { break }
                        }
                        continue
                    }
                    if letters.contains(atom.text) { return true }
                }
                if mentions(node.children[...]) { return true }
                index += 1
            }
            return false
        }
        return mentions(nodes)
    }

    /// `σ` for a head `\sigma^2`, `σ_B` for `\sigma_B^2`: a variance, which names the standard
    /// deviation, its non-negative root (never a layer 2 of σ); `nil` for any other head.
    static func varianceHead(_ nodes: ArraySlice<Node>, source: [UInt8]) -> String? {
        let meaningful = StatementSplitter.meaningful(nodes)
        guard meaningful.count == 1, case .scripts(let scripts) = meaningful.first, scripts.primes == 0,
            case .atom(let atom)? = scripts.base, atom.command == "sigma", let sup = scripts.sup,
            ExpressionReader.compactSource(source, sup.range) == "2"
        else { return nil }
        guard let sub = scripts.sub else { return atom.text }
        let reader = ExpressionReader(source: source, scope: ReadingScope())
        return (try? reader.subscriptName(sub)).map { atom.text + "_" + $0 }
    }

    private static func multiLetterHead(_ nodes: ArraySlice<Node>, source: [UInt8]) -> Head? {
        var letters = ""
        var end = -1
        var index = nodes.startIndex
        // The subscript's source, turned into text only for a name of two letters or more.
        var subscriptRange: SourceRange?
        var superscript: String?
        while index < nodes.endIndex {
            let node = nodes[index]
            var letter: String?
            switch node {
            case .atom(let atom) where atom.command == nil && atom.form == .identifier && ExpressionReader.isLatinLetter(atom.text):
                letter = atom.text
            case .scripts(let scripts):
                if case .atom(let atom)? = scripts.base, atom.command == nil, ExpressionReader.isLatinLetter(atom.text),
                    scripts.primes == 0
                {
                    // `dz^{[2]}`, Ng's gradient of layer 2: a bracketed superscript names.
                    if let sup = scripts.sup {
                        let text = ExpressionReader.compactSource(source, sup.range)
                        guard text.hasPrefix("[") || text.hasPrefix("("), scripts.sub == nil else { break }
                        superscript = text
                    }
                    letter = atom.text
                    subscriptRange = scripts.sub?.range
                }
            default:
                break
            }
            guard let letter, end < 0 || node.range.lowerBound == end else { break }
            letters += letter
            end = node.range.upperBound
            index += 1
            if subscriptRange != nil || superscript != nil { break }
        }
        guard letters.utf8.count >= 2 else { return nil }  // ASCII letters: one byte each
        // `net_{t-1}` is named as the reader names it (`net_{t-1}`).
        let reader = ExpressionReader(source: source, scope: ReadingScope())
        let subscriptText = subscriptRange.map { range in
            let text = ExpressionReader.compactSource(source, range)
            return reader.shiftedIndex(text) ?? text
        }
        let name = letters + (subscriptText.map { "_" + $0 } ?? "") + (superscript.map { "^" + $0 } ?? "")
        let rest = nodes[index...]
        if rest.isEmpty { return Head(name: name) }
        guard let parameters = parameterList(rest, source: source) else { return nil }
        return Head(name: name, parameters: parameters)
    }

    /// For a head written with a layer index (`w^2`, `a^l_j`, not `W^{(2)}`): its name without
    /// the superscript (`w`, `a_j`).
    private static func layerHeadBase(_ nodes: ArraySlice<Node>, source: [UInt8]) -> String? {
        let meaningful = StatementSplitter.meaningful(nodes)
        guard meaningful.count == 1, case .scripts(let scripts) = meaningful.first, let sup = scripts.sup,
            case .atom(let atom)? = scripts.base
        else { return nil }
        let reader = ExpressionReader(source: source, scope: ReadingScope())
        guard reader.decoration(sup) == nil, reader.layerIndex(sup) != nil else { return nil }
        guard let sub = scripts.sub else { return atom.text }
        return (try? reader.subscriptName(sub)).map { atom.text + "_" + $0 }
    }

    /// A single name node: a letter or Greek letter with an optional subscript and decoration,
    /// `\mathrm{name}`, `\operatorname{name}`, `\text{name}`.
    private static func headName(_ node: Node, source: [UInt8]) -> String? {
        switch node {
        case .atom(let atom) where atom.form == .identifier && atom.command != "partial":
            return atom.text
        case .accent(let accent):
            let reader = ExpressionReader(source: source, scope: ReadingScope())
            return try? reader.decoratedName(accent)
        case .scripts(let scripts):
            let reader = ExpressionReader(source: source, scope: ReadingScope())
            var name: String
            switch scripts.base {
            case .atom(let atom)? where atom.form == .identifier && atom.command != "partial" && atom.command != "infty":
                name = atom.text
            case .accent(let accent)?:
                guard let decorated = try? reader.decoratedName(accent) else { return nil }
                name = decorated
            case .font(let font)?:
                // `\mathcal{L}_{CE}`: the script letter's name with its scripts.
                guard let letter = ExpressionReader.scriptLetter(font, source: source) else { return nil }
                name = letter
            default:
                return nil
            }
            if let sub = scripts.sub {
                guard let text = try? reader.subscriptName(sub) else { return nil }
                let bytes = source[sub.range.clamped(to: 0..<source.count)]
                var part = text
                // The source is made a string only where a range may be (`w_{1..2}`).
                if ExpressionReader.mayHoldRange(bytes) {
                    let raw = String(decoding: bytes, as: UTF8.self)
                    if raw.contains("..") { part = raw.filter { $0 != "{" && $0 != "}" && !$0.isWhitespace } }
                }
                name += "_" + part
            }
            if let sup = scripts.sup {
                // `w^{+}`, `W^{(1)}`; and a layer index (`w^2`, `a^l`), whose name is `w^(2)`: the
                // reader takes it as that name where the note does not use `w` alone.
                guard let decoration = reader.decoration(sup)
                    ?? (Constants.value(of: name) == nil ? reader.layerIndex(sup) : nil)
                else { return nil }
                name += "^" + decoration
            }
            if scripts.primes > 0 { name += String(repeating: "'", count: scripts.primes) }
            return name
        case .font(let font):
            if font.font == .calligraphic || font.font == .script {
                return ExpressionReader.scriptLetter(font, source: source)
            }
            let raw = String(decoding: source[font.body.range.clamped(to: 0..<source.count)], as: UTF8.self)
            let name = ExpressionReader.nameCharacters(raw)
            return name.isEmpty || name.allSatisfy({ $0.isNumber }) ? nil : name
        case .operatorName(let op):
            return op.name
        case .text(let text):
            let name = ExpressionReader.nameCharacters(text.plainText)
            return name.isEmpty ? nil : name
        default:
            return nil
        }
    }

    /// Whether `nodes` write the letter of `base` (`w` for `w'`, `\theta` for `\theta'_t`) as a
    /// name of its own, judged on the source: the letter not inside a longer run of letters.
    private static func mentions(_ nodes: ArraySlice<Node>, letterOf base: Node, source: [UInt8]) -> Bool {
        guard case .atom(let atom) = base, let first = nodes.first, let last = nodes.last else { return false }
        let word = Array((atom.command.map { "\\" + $0 } ?? atom.text).utf8)
        let bytes = Array(source[(first.range.lowerBound..<last.range.upperBound).clamped(to: 0..<source.count)])
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        guard !word.isEmpty, bytes.count >= word.count else { return false }
        for start in 0...(bytes.count - word.count) where bytes[start..<(start + word.count)].elementsEqual(word) {
            let before = start > 0 ? bytes[start - 1] : 0
            let after = start + word.count < bytes.count ? bytes[start + word.count] : 0
            // A plain letter after a backslash is part of a command (`\sqrt` holds no `q` of its own).
            if !isLetter(after), !(word[0] != UInt8(ascii: "\\") && (isLetter(before) || before == UInt8(ascii: "\\"))) {
                return true
            }
        }
        return false
    }

    /// `(x, y)` or `\left(x, y\right)`: the names; `\ldots` and `\dots` are skipped.
    private static func parameterList(_ nodes: ArraySlice<Node>, source: [UInt8]) -> [String]? {
        var inner: ArraySlice<Node>
        if nodes.count == 1, case .fenced(let fenced)? = nodes.first, fenced.left.text == "(" {
            inner = fenced.body[...]
        } else {
            guard nodes.count >= 2, case .atom(let open)? = nodes.first, open.text == "(",
                case .atom(let close)? = nodes.last, close.text == ")"
            else { return nil }
            inner = nodes.dropFirst().dropLast()
        }
        inner = StatementSplitter.meaningful(inner)
        var parameters: [String] = []
        var current: [Node] = []
        func flush() -> Bool {
            defer { current = [] }
            if current.count == 1, case .atom(let atom) = current[0], ["ldots", "dots", "cdots", "dotsc"].contains(atom.command ?? "") {
                return true
            }
            // `d^2` in `\mathcal{O}(d^2)` is a power: no layer name among parameters.
            // `s(\pi) = 0` claims a value at π: no parameter is named π.
            guard let head = definableHead(current[...], source: source), head.parameters.isEmpty,
                layerHeadBase(current[...], source: source) == nil, head.name != "π"
            else { return false }
            parameters.append(head.name)
            return true
        }
        for node in inner {
            if case .atom(let atom) = node, atom.text == "," {
                guard flush() else { return nil }
                continue
            }
            current.append(node)
        }
        guard flush(), !parameters.isEmpty else { return nil }
        return parameters
    }

    static func isBuiltinFunction(_ name: String, scope: ReadingScope) -> Bool {
        let resolved = ExpressionReader.functionAlias(name) ?? name
        return Builtins.isBuiltin(resolved) && !scope.shadowed.contains(name)
    }

    /// Whether `expression` takes a derivative (in any notation) of an order above `limit`.
    static func hasDerivative(in expression: Expression, higherThan limit: Int) -> Bool {
        switch expression {
        case .partial(_, _, let order) where order > limit: return true
        case .derivative(_, let order, _) where order > limit: return true
        default:
            var found = false
            expression.forEachChild { child in
                if !found, hasDerivative(in: child, higherThan: limit) { found = true }
            }
            return found
        }
    }

    /// Whether `nodes`, read with no names of the note, are a closed constant (`0.05`,
    /// `10^{-2}`): the body of a binding.
    static func writesClosedConstant(_ nodes: ArraySlice<Node>, source: [UInt8]) -> Bool {
        var reader = ExpressionReader(source: source, scope: ReadingScope())
        return (try? reader.expression(nodes)).map(isClosedConstant) == true
    }

    /// Whether an expression has no names but known constants and built-in functions
    /// (`10^{-2}`, `\frac{1}{3}`, `e^2`, `\sqrt{2}`); a function of the note applied to numbers
    /// (`f(2)`) is not: a binding's value is computed before the note's functions are known.
    public static func isClosedConstant(_ expression: Expression) -> Bool {
        switch expression {
        case .partial, .derivative: return false
        case .apply(let name, _) where !Builtins.isBuiltin(name): return false
        case .symbol(let name): return Constants.value(of: name) != nil
        default:
            var closed = true
            expression.forEachChild { child in
                if closed, !isClosedConstant(child) { closed = false }
            }
            return closed
        }
    }
}
