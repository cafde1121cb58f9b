import Calculus
import Document

/// The third phase of checking: the context of the note's definitions (front matter and
/// `--set` over its bindings), every statement's sides with names resolved, the example
/// point, and the values of every definition there.
struct NoteContext {
    /// Final: every compile and derivative made from it shares one walk of its definitions.
    let context: Context
    /// Each statement's sides with names resolved to keys.
    let resolvedSides: [[Expression]]
    /// Leaves per expression, over the finished context.
    let leafIndex: LeafIndex
    /// The leaves of each statement's sides (`leafIndex` numbers), the names of the statement's
    /// head parameters excepted: walked once, for the example point and the claims.
    let sideLeaves: [[LeafSet]]
    /// The values of the leaves the statements reach, in natural order, with their sources.
    let point: [PointValue]
    /// Values of every defined symbol at the example point.
    let program: NoteProgram
    /// The line of each definition that reports a cycle (`NoteProgram.cycleReporters`), by key.
    let cycleReportLines: [String: Int]
    /// The note's functions as they apply one another: their cycles, how many each applies.
    let functions: FunctionApplications
    /// The value each function definition shows, at its parameters' values.
    let functionValues: FunctionValues
    /// The value each update rule shows (the new value after one step from the example
    /// point), by statement: computed by one program for all the rules.
    let updateValues: [Int: Double]
    /// The leaves (keys) whose example value is sampled: nothing in the note, its front matter or
    /// `--set` gives them one.
    let sampled: Set<String>
    /// The leaves (keys) that are counts a sum runs to (`NoteStatements.counts`): held at their
    /// value at random points, and no variable of a derivative shown.
    let counts: Set<String>
    /// In a note with general forms: every name (key) a statement's sides use. An instance
    /// that none uses, of no value (`m̂_0 = m_0/(1 - β_1^0)`, 0/0, beside `m_1`), is not said.
    let namesUsed: Set<String>
    /// Problems with the values given outside the formulas (a front matter Derive refuses to
    /// read, a bad cell of a data table), and those of the runs of update rules.
    let diagnostics: [Diagnostic]
    /// The runs of the note's update rules (§13), one per section that has rules.
    let runs: [LearningRun]
    /// In a note without data, a table that would be its data but that its header cells are
    /// text (`| x | y |`): the header's line and the names, for the hint at a sum not evaluated.
    let textHeadedData: (line: Int, columns: [String])?

    /// `frontMatterValues`: the front matter's `values:` (`FrontMatterValues.read`, read once
    /// for the note), with the problems reading them found.
    init(statements: [SitedStatement], counts: Set<String> = [], definitions: NoteDefinitions, frontMatter: FrontMatter?,
         frontMatterValues: [(String, Double)], frontMatterDiagnostics: [Diagnostic],
         options: NotebookOptions, path: String, document: Document, cellValues: [CellValue] = [])
    {
        let defined = Self.definitionsContext(statements: statements, definitions: definitions)
        var context = defined.context
        var sources = defined.sources
        // Front matter, then --set, override the note's bindings.
        var diagnostics = frontMatterDiagnostics
        for (name, value) in frontMatterValues {
            Self.override(name, with: value, source: .frontMatter, in: &context, sources: &sources, definitions: definitions)
        }
        for (name, value) in options.values {
            Self.override(name, with: value, source: .commandLine, in: &context, sources: &sources, definitions: definitions)
        }
        // A data table (§13): N its rows, sums over its rows written out.
        let data = DataTable.read(document, diagnostics: &diagnostics)
        textHeadedData = data == nil ? DataTable.textHeaded(in: document) : nil
        var columnKeys: [String: Int] = [:]
        var countsRows = false
        if let data {
            for (column, name) in data.columns.enumerated() {
                columnKeys[name] = column
                for definition in definitions.all where definition.name == name { columnKeys[definition.key] = column }
            }
            countsRows = context.values["N"] == nil && context.definitions["N"] == nil
            if countsRows {
                context.values["N"] = Double(data.rows.count)
                sources["N"] = .note(line: data.headerLine)
            }
            data.expandingRowSums(in: &context, columnKeys: columnKeys, countsRows: countsRows)
        }
        // A function's parameters are no names of the note inside its own statement.
        let parameters = statements.indices.map { index in statements[index].statement.head.map { Set($0.parameters) } ?? [] }
        let finalContext = context
        var resolvedSides = statements.indices.map { index in
            statements[index].statement.sides.indices.map { side in
                // A definition's body is resolved once, here as in the context.
                if side == 0, let body = defined.bodies[index] { return body }
                return definitions.resolve(statements[index].statement.sides[side], at: statements[index].site,
                                           parameters: parameters[index], in: finalContext)
            }
        }
        if let data {
            for index in resolvedSides.indices {
                for side in resolvedSides[index].indices where DataTable.hasRowSum(resolvedSides[index][side]) {
                    resolvedSides[index][side] = data.expandingRowSums(resolvedSides[index][side], in: &context,
                                                                       columnKeys: columnKeys, countsRows: countsRows)
                }
            }
        }
        // The values after a run (`w_1^(T)`, `L^(T)`), held until the run gives them.
        let wanted = Self.runNames(statements: statements, resolvedSides: resolvedSides, context: context)
        for name in wanted { context.definitions[name] = .number(.nan) }
        let leafIndex = LeafIndex(context: context)
        let sideLeaves = resolvedSides.indices.map { index in
            resolvedSides[index].map { leafIndex.leafSet(of: $0, parameters: parameters[index]) }
        }
        var sampled = Set<String>()
        point = Self.examplePoint(
            sideLeaves: sideLeaves, definitions: definitions, leafIndex: leafIndex,
            context: &context, sources: &sources, options: options, path: path, cellValues: cellValues,
            diagnostics: &diagnostics)
        for (key, source) in sources where source == .sampled { sampled.insert(key) }
        self.sampled = sampled
        self.counts = counts.isEmpty ? [] : Set(definitions.all.filter { counts.contains($0.name) }.map(\.key)).union(counts)
        let cycle = LearningCycle(
            statements: statements, resolvedSides: resolvedSides, definitions: definitions, context: context,
            leafIndex: leafIndex, frontMatterSteps: FrontMatterValues.steps(frontMatter), options: options, wanted: wanted)
        // A step the run did not reach: NaN, which no claim can tell anything about.
        for name in wanted { context.definitions[name] = .number(cycle.finalValues[name] ?? .nan) }
        diagnostics.append(contentsOf: cycle.diagnostics)
        runs = cycle.runs
        // The context is final from here: every compile and derivative below shares one walk
        // of its definitions.
        context.indexDependencies()
        self.context = context
        self.resolvedSides = resolvedSides
        var namesUsed = Set<String>()
        if statements.contains(where: { $0.statement.instance != nil }) {
            for sides in resolvedSides {
                for side in sides { namesUsed.formUnion(side.symbols) }
            }
            for function in context.functions.values { namesUsed.formUnion(function.body.symbols) }
        }
        self.namesUsed = namesUsed
        self.leafIndex = leafIndex
        self.sideLeaves = sideLeaves
        let keysInNoteOrder = definitions.all.map(\.key)
        program = NoteProgram(context: context, keysInNoteOrder: keysInNoteOrder)
        let reporters = program.cycleReporters
        var cycleReportLines: [String: Int] = [:]
        if !reporters.isEmpty {
            for definition in definitions.all where reporters.contains(definition.key) {
                cycleReportLines[definition.key] = statements[definition.statement].position.line
            }
        }
        self.cycleReportLines = cycleReportLines
        functions = FunctionApplications(context: context, keysInNoteOrder: keysInNoteOrder)
        functionValues = FunctionValues(definitions: definitions, context: context, functions: functions)
        updateValues = Self.updateValues(statements: statements, resolvedSides: resolvedSides, stepSides: cycle.stepSides,
                                         context: StepBodies.context(over: context, helpers: cycle.stepHelpers))
        self.diagnostics = diagnostics
    }

    /// The value of each update rule's right side at the example point. One program for all
    /// the rules, each `∂L/∂p` read from one reverse pass over L (`RuleGradients`): each rule
    /// compiled on its own compiled again what its side uses, and each derivative taken
    /// symbolically went over the whole loss, once per rule.
    private static func updateValues(statements: [SitedStatement], resolvedSides: [[Calculus.Expression]],
                                     stepSides: [Int: Calculus.Expression], context: Context) -> [Int: Double]
    {
        let rules = statements.indices.filter { statements[$0].statement.kind == .update && !resolvedSides[$0].isEmpty }
        guard !rules.isEmpty else { return [:] }
        // Each side as its step computes it (the rules above it applied first), else as written.
        let sides = rules.map { stepSides[$0] ?? resolvedSides[$0][0] }
        var values: [Int: Double] = [:]
        if let gradients = try? RuleGradients(bodies: sides, context: context) {
            for (rule, outcome) in zip(rules, gradients.values(at: context.values)) { values[rule] = outcome.value }
        } else {
            // One rule that cannot be compiled must not spoil the others.
            for (rule, side) in zip(rules, sides) { values[rule] = context.evaluate(side).value }
        }
        return values
    }

    /// The names of the form `X^(T)` or `X^(k)` (k a whole number) that the statements use and
    /// the note does not define, where X is a name a rule updates or a defined name: the
    /// values after a run of the rules (§13). None when the note has no rules.
    private static func runNames(statements: [SitedStatement], resolvedSides: [[Calculus.Expression]],
                                 context: Context) -> Set<String>
    {
        let updated = Set(statements.indices.compactMap {
            statements[$0].statement.kind == .update ? statements[$0].statement.head?.name : nil
        })
        guard !updated.isEmpty else { return [] }
        var names = Set<String>()
        for sides in resolvedSides {
            for side in sides {
                for symbol in side.symbols where symbol.hasSuffix(")") && symbol.contains("^(") {
                    guard context.definitions[symbol] == nil, context.values[symbol] == nil,
                        let base = NoteStatements.runBase(symbol),
                        updated.contains(base) || context.definitions[base] != nil
                            || DataTable.rowCopyKey(of: base, in: context) != nil
                    else { continue }
                    names.insert(symbol)
                }
            }
        }
        return names
    }

    /// The note's definitions as a context, in document order (a body is resolved over the
    /// definitions before it), with where each binding's value comes from, and by statement the
    /// resolved body of each symbol and function definition whose resolution is the same in the
    /// final context (no prime in it).
    private static func definitionsContext(statements: [SitedStatement], definitions: NoteDefinitions)
        -> (context: Context, sources: [String: PointValue.Source], bodies: [Expression?])
    {
        var context = Context()
        var sources: [String: PointValue.Source] = [:]
        var bodies = [Expression?](repeating: nil, count: statements.count)
        // The tables sized once, not grown one insertion at a time.
        var counts = (bindings: 0, symbols: 0, functions: 0)
        for definition in definitions.all {
            switch definition.kind {
            case .binding: counts.bindings += 1
            case .symbol: counts.symbols += 1
            case .function: counts.functions += 1
            }
        }
        context.values.reserveCapacity(counts.bindings)
        context.definitions.reserveCapacity(counts.symbols)
        context.functions.reserveCapacity(counts.functions)
        sources.reserveCapacity(counts.bindings)
        for definition in definitions.all {
            // The fields read in place: a copy of the statement costs more than its body.
            guard let body = statements[definition.statement].statement.sides.first else { continue }
            let site = definition.site
            switch definition.kind {
            case .binding:
                let value = context.evaluate(definitions.resolve(body, at: site, in: context))
                context.values[definition.key] = value.value ?? .nan
                sources[definition.key] = .note(line: statements[definition.statement].position.line)
            case .symbol:
                let resolved = definitions.resolving(body, at: site, in: context)
                context.definitions[definition.key] = resolved.expression
                if !resolved.askedContext { bodies[definition.statement] = resolved.expression }
            case .function(let parameters):
                let resolved = definitions.resolving(body, at: site, parameters: Set(parameters), in: context)
                context.functions[definition.key] = UserFunction(parameters: parameters, body: resolved.expression)
                if !resolved.askedContext { bodies[definition.statement] = resolved.expression }
            }
        }
        if counts.functions > 1 { FunctionParameters.passOn(in: &context, names: definitions.names) }
        return (context, sources, bodies)
    }

    private static func override(
        _ name: String, with value: Double, source: PointValue.Source, in context: inout Context,
        sources: inout [String: PointValue.Source], definitions: NoteDefinitions
    ) {
        let keys = definitions.all.filter { $0.name == name }.map(\.key)
        for key in keys where context.values[key] != nil {
            context.values[key] = value
            sources[key] = source
        }
        if keys.isEmpty {
            context.values[name] = value
            sources[name] = source
        }
    }

    /// Every leaf the note's statements reach gets a value: bound, from front matter or
    /// `--set`, or sampled. `sideLeaves` holds the leaves of each statement's sides.
    private static func examplePoint(
        sideLeaves: [[LeafSet]], definitions: NoteDefinitions, leafIndex: LeafIndex,
        context: inout Context, sources: inout [String: PointValue.Source], options: NotebookOptions, path: String,
        cellValues: [CellValue], diagnostics: inout [Diagnostic]
    ) -> [PointValue] {
        var reached = LeafSet()
        for statement in sideLeaves {
            for side in statement { reached.formUnion(side) }
        }
        var leaves = leafIndex.names(in: reached)
        // A cell's `let` binds a leaf of the math that nothing else gave a value
        // (docs/note-language.md §12); beside the note's own binding it is a warning.
        for value in cellValues where leaves.contains(value.name) && context.isLeaf(value.name) {
            switch sources[value.name] {
            case .note(let line)?:
                diagnostics.append(Diagnostic(
                    .warning, "the cell's 'let' gives \(value.name) = \(NumberText.format(value.value)) and the note binds it at line \(line): the note's value is used",
                    at: value.position))
            case .frontMatter?, .commandLine?:
                continue
            default:
                context.values[value.name] = value.value
                sources[value.name] = .cell(line: value.position.line)
            }
        }
        // The note's bindings and the front matter's values are in the point; a `--set` value
        // only where the note uses its name (else `render` says no note uses it).
        // The keys the note binds are gathered for the first `--set` name (most runs have none).
        var bound: Set<String>?
        for name in context.values.keys {
            if sources[name] == .commandLine {
                if bound == nil { bound = Set(definitions.all.map(\.key)) }
                guard bound?.contains(name) == true else { continue }
            }
            leaves.insert(name)
        }
        for definition in definitions.all {
            if case .function(let parameters) = definition.kind {
                // A function's value is shown at its parameters' values.
                for parameter in parameters where context.isLeaf(parameter) { leaves.insert(parameter) }
            }
        }
        var point: [PointValue] = []
        for leaf in leaves.sorted(by: Names.naturalOrder) where context.isLeaf(leaf) {
            if context.values[leaf] == nil {
                context.values[leaf] = Sampler.value(path: path, name: leaf, seed: options.seed)
                sources[leaf] = .sampled
            }
            point.append(PointValue(name: definitions.names.noteName(of: leaf), value: context.values[leaf] ?? .nan,
                                    source: sources[leaf] ?? .sampled, listedName: definitions.names.listedName(of: leaf)))
        }
        return point
    }
}
