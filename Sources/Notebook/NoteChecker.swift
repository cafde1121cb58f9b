import Calculus
import Document
import TeX

/// The work of `Notebook.check` for one note.
struct NoteChecker {
    let document: Document
    let path: String
    let options: NotebookOptions
    let formulas: [Math]
    /// Each formula's parse tree, parsed once (the pages' MathML is written from it too).
    let parsedFormulas: [Formula]
    let sections: Sections

    /// A statement with where it is.
    struct Entry {
        var formula: Int
        var statement: Statement
        var site: ScopeResolver.Site
        var position: SourcePosition
        var tex: String
    }

    /// What a definition site defines, under which unique name.
    struct Definition {
        enum Kind { case binding, symbol, function([String]) }
        var name: String
        var unique: String
        var kind: Kind
        var entry: Int
    }

    var entries: [Entry] = []
    var resolver: ScopeResolver
    var definitions: [ScopeResolver.Site: Definition] = [:]
    var context = Context()
    /// Each entry's sides with names resolved to unique names (filled once the context is built).
    var resolvedSides: [[Expression]] = []
    /// Leaves per expression, over the finished context.
    var leafIndex = LeafIndex(context: Context())
    /// Values of every defined symbol at the example point.
    var noteProgram = NoteProgram(context: Context(), leafIndex: LeafIndex(context: Context()))
    /// The verdict of every claim, by entry index.
    var claimChecks: [Int: Check] = [:]
    var diagnostics: [Diagnostic] = []
    private var pointSources: [String: PointValue.Source] = [:]

    init(document: Document, path: String, options: NotebookOptions) {
        self.document = document
        self.path = path
        self.options = options
        self.formulas = document.formulas
        self.parsedFormulas = formulas.map { Formula.parse($0.tex) }
        self.sections = Sections(document)
        self.resolver = ScopeResolver(sections: sections)
    }

    mutating func run() -> NoteResult {
        readFormulas()
        defineNames()
        buildContext()
        // A function's parameters are no names of the note inside its own statement.
        let parameters = entries.indices.map { index in entries[index].statement.head.map { Set($0.parameters) } ?? [] }
        resolvedSides = entries.indices.map { index in
            entries[index].statement.sides.map { resolve($0, at: entries[index].site, parameters: parameters[index]) }
        }
        leafIndex = LeafIndex(context: context)
        let point = examplePoint(parameters: parameters)
        // The context is final from here: every compile and derivative below shares one walk
        // of its definitions.
        context.indexDependencies()
        noteProgram = NoteProgram(context: context, leafIndex: leafIndex)
        claimChecks = checkClaims()
        var results = entries.indices.map { evaluate(entry: $0) }
        addGradients(to: &results)
        warnAboutNames(results: results)
        checkReferences()
        for index in results.indices { diagnostics.append(contentsOf: results[index].diagnostics) }
        let unique = Array(Set(diagnostics)).sorted { ($0.position, $0.message) < ($1.position, $1.message) }
        return NoteResult(path: path, point: point, statements: results, diagnostics: unique, plots: plots(),
                          formulas: parsedFormulas)
    }

    // MARK: - Reading

    private mutating func readFormulas() {
        // Pass 1: the heads of definitions and bindings, so that pass 2 knows which names are
        // functions, which multi-letter names exist and which built-ins are bound to numbers.
        var scope = ReadingScope()
        let splitFormulas = parsedFormulas.map(FormulaReader.split)
        for split in splitFormulas {
            for declaration in FormulaReader.heads(in: split) {
                let head = declaration.head
                if head.isFunction { scope.functions[head.name] = head.parameters.count }
                if Names.isMultiLetter(head.name) { scope.multiLetterNames.insert(head.name) }
                if Names.isBuiltinOrConstant(head.name), declaration.isBinding { scope.shadowed.insert(head.name) }
                scope.names.insert(head.name)
            }
        }
        let readings = splitFormulas.map { FormulaReader.read($0, scope: scope) }
        // Names defined by a formula (not just bound to a number): `n_1 = 0.3775` about such a
        // name states its value at the example, a claim, not a second definition.
        var definedNames = Set<String>()
        for reading in readings {
            for statement in reading.statements where statement.kind == .definition {
                if let name = statement.head?.name { definedNames.insert(name) }
            }
        }
        for (index, math) in formulas.enumerated() {
            let reading = readings[index]
            for problem in reading.diagnostics {
                diagnostics.append(
                    Diagnostic(problem.severity == .error ? .error : .warning, problem.message,
                               at: math.position(ofTeXOffset: problem.range.lowerBound),
                               length: max(1, problem.range.count)))
            }
            let section = sections.innermost(containing: math.position.line)
            for (order, read) in reading.statements.enumerated() {
                let statement = Self.claimIfRedefinedByNumber(read, definedNames: definedNames)
                let bytes = Array(math.tex.utf8)
                let range = statement.range.clamped(to: 0..<bytes.count)
                entries.append(
                    Entry(formula: index, statement: statement,
                          site: ScopeResolver.Site(order: index * 10_000 + order, section: section),
                          position: math.position(ofTeXOffset: range.lowerBound),
                          tex: String(decoding: bytes[range], as: UTF8.self)))
            }
        }
    }

    /// Checks every claim of the note together (see `ClaimChecker`).
    private func checkClaims() -> [Int: Check] {
        var indices: [Int] = []
        var claims: [ClaimChecker.Claim] = []
        for (index, entry) in entries.enumerated() {
            let sides = resolvedSides[index]
            guard sides.count >= 2, !entry.statement.relations.isEmpty,
                !sides.contains(where: { ambiguousPrime(in: $0) != nil })
            else { continue }
            indices.append(index)
            claims.append(ClaimChecker.Claim(entry: entry, sides: sides))
        }
        guard !claims.isEmpty else { return [:] }
        return Dictionary(uniqueKeysWithValues: zip(indices, ClaimChecker(checker: self, claims: claims).check()))
    }

    /// For a prime on an expression with other than one free variable (`(xy)'`): the
    /// variables, so the reader can be told which derivative to write.
    func ambiguousPrime(in expression: Expression) -> [String]? {
        var found: [String]?
        Self.visit(expression) { node in
            if case .partial(let of, let variable, _) = node, variable == PrimeNotation.onlyFreeVariable {
                found = leafIndex.leaves(of: of).sorted(by: Names.naturalOrder).map(Self.displayName)
            }
        }
        return found
    }

    /// A binding of a name that a formula defines becomes the claim that the name has that value.
    static func claimIfRedefinedByNumber(_ statement: Statement, definedNames: Set<String>) -> Statement {
        guard statement.kind == .binding, let head = statement.head, head.parameters.isEmpty,
            definedNames.contains(head.name)
        else { return statement }
        let headRange = statement.range.lowerBound..<(statement.sideRanges.first?.lowerBound ?? statement.range.lowerBound)
        return Statement(kind: .claim, label: statement.label, sides: [.symbol(head.name)] + statement.sides,
                         relations: [.equal] + statement.relations, sideRanges: [headRange] + statement.sideRanges,
                         range: statement.range, index: statement.index)
    }

    // MARK: - Names

    private mutating func defineNames() {
        var counts: [String: Int] = [:]
        counts.reserveCapacity(entries.count)
        definitions.reserveCapacity(entries.count)
        // The fields read in place: a copy of each entry costs more than the rest.
        for index in entries.indices {
            let statementKind = entries[index].statement.kind
            guard statementKind == .binding || statementKind == .definition, let head = entries[index].statement.head
            else { continue }
            let count = (counts[head.name] ?? 0) + 1
            counts[head.name] = count
            let unique = count == 1 ? head.name : "\(head.name)@\(count)"
            let kind: Definition.Kind =
                statementKind == .binding ? .binding : (head.isFunction ? .function(head.parameters) : .symbol)
            let site = entries[index].site
            resolver.define(head.name, at: site)
            definitions[site] = Definition(name: head.name, unique: unique, kind: kind, entry: index)
        }
    }

    /// The note's name for an internal unique name (`n_1@2` → `n_1`).
    static func displayName(_ unique: String) -> String {
        // Searched as bytes, not characters (`@` is ASCII, so its index is a character boundary).
        guard let at = unique.utf8.firstIndex(of: UInt8(ascii: "@")) else { return unique }
        return String(unique[..<at])
    }

    /// Rewrites the names of `expression` to the unique names of the definitions a use at
    /// `site` takes; a function used bare becomes the function applied to its parameters.
    func resolve(_ expression: Expression, at site: ScopeResolver.Site, parameters: Set<String> = []) -> Expression {
        func definition(_ name: String) -> Definition? {
            guard parameters.isEmpty || !parameters.contains(name), let found = resolver.resolve(name, at: site)
            else { return nil }
            return definitions[found]
        }
        func rename(_ node: Expression) -> Expression { renamed(node) ?? node }
        // `node` with its names resolved, or nil when no name in it changes (most leaves): an
        // unchanged subtree is kept as it is, not rebuilt node by node.
        func renamed(_ node: Expression) -> Expression? {
            switch node {
            case .number:
                return nil
            case .symbol(let name):
                guard let found = definition(name) else { return nil }
                if case .function(let parameterNames) = found.kind {
                    return .apply(found.unique, parameterNames.map { rename(.symbol($0)) })
                }
                return found.unique == name ? nil : .symbol(found.unique)
            case .apply(let name, let arguments):
                let target = definition(name).map(\.unique) ?? name
                let renamedArguments = renamedList(arguments)
                if target == name, renamedArguments == nil { return nil }
                return .apply(target, renamedArguments ?? arguments)
            case .sum(let terms):
                return renamedList(terms).map { .sum($0) }
            case .product(let factors):
                return renamedList(factors).map { .product($0) }
            case .negation(let operand):
                return renamed(operand).map { .negation($0) }
            case .quotient(let numerator, let denominator):
                let top = renamed(numerator)
                let bottom = renamed(denominator)
                if top == nil, bottom == nil { return nil }
                return .quotient(top ?? numerator, bottom ?? denominator)
            case .power(let base, let exponent):
                let newBase = renamed(base)
                let newExponent = renamed(exponent)
                if newBase == nil, newExponent == nil { return nil }
                return .power(newBase ?? base, newExponent ?? exponent)
            case .partial(let of, let variable, let order):
                let body = rename(of)
                if variable == PrimeNotation.onlyFreeVariable {
                    // `(expr)'`: the derivative with respect to the only free variable.
                    let leaves = (try? context.leaves(of: body)) ?? []
                    return .partial(body, variable: leaves.count == 1 ? leaves[0] : variable, order: order)
                }
                return .partial(body, variable: definition(variable)?.unique ?? variable, order: order)
            case .derivative(let name, let order, let argument):
                return .derivative(definition(name)?.unique ?? name, order: order, argument: rename(argument))
            }
        }
        // The list with its elements resolved, or nil when none changes.
        func renamedList(_ list: [Expression]) -> [Expression]? {
            var result: [Expression]?
            for (index, element) in list.enumerated() {
                guard let new = renamed(element) else { continue }
                if result == nil { result = list }
                result?[index] = new
            }
            return result
        }
        return rename(expression)
    }

    // MARK: - Context and example point

    private mutating func buildContext() {
        // The tables sized once, not grown one insertion at a time.
        var counts = (bindings: 0, symbols: 0, functions: 0)
        for definition in definitions.values {
            switch definition.kind {
            case .binding: counts.bindings += 1
            case .symbol: counts.symbols += 1
            case .function: counts.functions += 1
            }
        }
        context.values.reserveCapacity(counts.bindings)
        context.definitions.reserveCapacity(counts.symbols)
        context.functions.reserveCapacity(counts.functions)
        pointSources.reserveCapacity(counts.bindings)
        for (site, definition) in definitions.sorted(by: { $0.key < $1.key }) {
            let entry = entries[definition.entry]
            guard let body = entry.statement.sides.first else { continue }
            switch definition.kind {
            case .binding:
                let value = Context().evaluate(resolve(body, at: site))
                context.values[definition.unique] = value.value ?? .nan
                pointSources[definition.unique] = .note(line: entry.position.line)
            case .symbol:
                context.definitions[definition.unique] = resolve(body, at: site)
            case .function(let parameters):
                context.functions[definition.unique] = UserFunction(
                    parameters: parameters, body: resolve(body, at: site, parameters: Set(parameters)))
            }
        }
        // Front matter, then --set, override the note's bindings.
        for (name, value) in FrontMatterValues.read(document.frontMatter, diagnostics: &diagnostics) {
            override(name, with: value, source: .frontMatter)
        }
        for (name, value) in options.values {
            override(name, with: value, source: .commandLine)
        }
    }

    private mutating func override(_ name: String, with value: Double, source: PointValue.Source) {
        let uniques = definitions.values.filter { $0.name == name }.map(\.unique)
        for unique in uniques where context.values[unique] != nil {
            context.values[unique] = value
            pointSources[unique] = source
        }
        if uniques.isEmpty {
            context.values[name] = value
            pointSources[name] = source
        }
    }

    /// Every leaf the note's statements reach gets a value: bound, from front matter or
    /// `--set`, or sampled. `parameters` holds the parameters of each entry's head.
    private mutating func examplePoint(parameters: [Set<String>]) -> [PointValue] {
        var sides: [(expression: Expression, parameters: Set<String>)] = []
        for (index, resolved) in resolvedSides.enumerated() {
            for side in resolved { sides.append((side, parameters[index])) }
        }
        var leaves = leafIndex.leaves(ofAll: sides)
        leaves.formUnion(context.values.keys)
        for definition in definitions.values {
            if case .function(let parameters) = definition.kind {
                // A function's value is shown at its parameters' values.
                for parameter in parameters where context.isLeaf(parameter) { leaves.insert(parameter) }
            }
        }
        var point: [PointValue] = []
        for leaf in leaves.sorted(by: Names.naturalOrder) where context.isLeaf(leaf) {
            if context.values[leaf] == nil {
                context.values[leaf] = Sampler.value(path: path, name: leaf, seed: options.seed)
                pointSources[leaf] = .sampled
            }
            point.append(PointValue(name: Self.displayName(leaf), value: context.values[leaf] ?? .nan,
                                    source: pointSources[leaf] ?? .sampled))
        }
        return point
    }
}
