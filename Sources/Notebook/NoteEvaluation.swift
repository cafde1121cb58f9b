import Calculus
import Document
import TeX

/// The last phase of checking: each statement's value, derivatives and verdict, the gradients
/// of sinks, the warnings about names and references, and the plots, from what the earlier
/// phases made.
struct NoteEvaluation {
    let statements: NoteStatements
    let definitions: NoteDefinitions
    let setting: NoteContext
    let document: Document
    let path: String
    let options: NotebookOptions
    /// Whether the result holds what only a page shows: the plots, the partial derivatives of
    /// the definitions and the gradients of the sinks, and the readings of statements without
    /// a verdict. A run that draws no page (`render --check`) needs none of them;
    /// `addDerivatives(to:)` adds the derivatives afterwards where the names of diagnostics
    /// need them, `addReadings(to:)` the readings of the claims.
    var drawsPage = true

    var context: Context { setting.context }

    /// Everything computed about the note.
    func result() -> NoteResult {
        let claimChecks = checkClaims()
        let partials = drawsPage ? notePartials() : nil
        var results = statements.statements.indices.map {
            evaluate(statement: $0, claimChecks: claimChecks, partials: partials)
        }
        if drawsPage { addGradients(to: &results) }
        Self.attach(nearMisses(), to: &results)
        // The Markdown's own (nesting too deep) first: counted, printed and failing --strict
        // like every other diagnostic of the note.
        var diagnostics = document.diagnostics
        diagnostics.append(contentsOf: statements.diagnostics)
        diagnostics.append(contentsOf: setting.diagnostics)
        diagnostics.append(contentsOf: warningsAboutNames())
        diagnostics.append(contentsOf: referenceProblems())
        if let warning = plotLimitWarning() { diagnostics.append(warning) }
        for index in results.indices { diagnostics.append(contentsOf: results[index].diagnostics) }
        let unique = Array(Set(diagnostics)).sorted { ($0.position, $0.message) < ($1.position, $1.message) }
        var result = NoteResult(path: path, point: setting.point, statements: results, diagnostics: unique,
                                plots: drawsPage ? plots() : [])
        result.runs = setting.runs
        return result
    }

    /// The partial derivatives of the note's definitions by reverse mode (see `NotePartials`).
    private func notePartials() -> NotePartials {
        NotePartials(context: context, leafIndex: setting.leafIndex, program: setting.program)
    }

    /// Adds to `results` (those of `result()` made without `drawsPage`, in order) the partial
    /// derivatives of the definitions and the gradients of the sinks, as `result()` with
    /// `drawsPage` gives them: nothing else of a statement's result depends on them.
    func addDerivatives(to results: inout [StatementResult]) {
        let partials = notePartials()
        for index in statements.statements.indices where statements.statements[index].statement.kind == .definition {
            let evaluated = evaluate(statement: index, claimChecks: [:], partials: partials)
            results[index].partials = evaluated.partials
            results[index].partialsOmitted = evaluated.partialsOmitted
        }
        addGradients(to: &results)
    }

    /// Adds to `results` (those of `result()` made without `drawsPage`, in order, verdicts
    /// attached) the readings of the statements with a verdict, as `result()` with `drawsPage`
    /// gives them: a run that draws no page shows a reading only in a claim's JUnit test case
    /// name, and a reading is a walk over the statement's expressions.
    func addReadings(to results: inout [StatementResult]) {
        for index in results.indices where results[index].check != nil {
            results[index].reading = reading(of: index)
        }
    }

    /// Checks every claim of the note together (see `ClaimChecker`): the verdicts by the
    /// claim's position in `statements`.
    private func checkClaims() -> [Int: Check] {
        var indices: [Int] = []
        var claims: [ClaimChecker.Claim] = []
        var limits: [Int: Check] = [:]
        let sited = statements.statements
        for index in sited.indices {
            let sides = setting.resolvedSides[index]
            guard sides.count >= 2, !sited[index].statement.relations.isEmpty,
                sited[index].statement.kind != .condition,
                !sides.contains(where: { ambiguousPrime(in: $0) != nil })
            else { continue }
            // The claim's leaves, asked only in a sentence that says "for large t" or "near zero".
            func leaves() -> Set<String> { setting.leafIndex.leaves(ofAll: sides.map { ($0, []) }) }
            if let name = statements.limits[index], !leaves().isEmpty {
                limits[index] = Check(status: .cannotTell, points: 0,
                                      message: "it is said to hold for large \(name), a limit, which is not evaluated")
                continue
            }
            indices.append(index)
            var conditions = (statements.conditions[index] ?? []).map { position in
                ClaimChecker.Condition(relations: sited[position].statement.relations,
                                       sides: setting.resolvedSides[position],
                                       reading: Self.reading(of: sited[position].statement) ?? sited[position].tex)
            }
            // "Near zero, $e^x \approx 1 + x$": the approximation in one free variable, at 0.
            if statements.nearZero.contains(index), sited[index].statement.relations.contains(.approximately),
                case let free = leaves().intersection(setting.sampled), free.count == 1, let leaf = free.first
            {
                let name = definitions.names.noteName(of: leaf)
                conditions.append(ClaimChecker.Condition(relations: [.equal], sides: [.symbol(leaf), .number(0)],
                                                         reading: "\(name) = 0 (near zero)"))
            }
            claims.append(ClaimChecker.Claim(
                relations: sited[index].statement.relations, sides: sides,
                tolerances: ClaimChecker.tolerances(of: sited[index], in: document.formulas, options: options),
                conditions: conditions,
                written: WrittenDecimal.Sides(of: sited[index], in: document.formulas),
                // Walked without the head's parameters: those of a claim without any.
                leaves: sited[index].statement.head?.parameters.isEmpty ?? true ? setting.sideLeaves[index] : nil))
        }
        guard !claims.isEmpty else { return limits }
        let checker = ClaimChecker(context: context, leafIndex: setting.leafIndex, names: definitions.names,
                                   options: options, path: path, claims: claims, sampled: setting.sampled, sampledBecause: sampledBecause(),
                                   held: setting.counts)
        let checks = zip(indices, checker.check()).map { ($0, checkingUndefinedLeaves($1, of: $0)) }
        return Dictionary(uniqueKeysWithValues: checks).merging(limits) { first, _ in first }
    }

    /// Why each leaf that the example point samples has no value of the note's, by name: only
    /// declared (`L(w_1, b_3)`, never defined), or simply given none. A claim that fails there
    /// names it as the root cause (docs/note-language.md §5).
    private func sampledBecause() -> [String: ClaimChecker.SampledLeaf] {
        var causes: [String: ClaimChecker.SampledLeaf] = [:]
        let sampled = setting.point.filter { $0.source == .sampled }
        guard !sampled.isEmpty else { return causes }
        // Once over the statements, not once per sampled name.
        let defined = definitions.definedNames
        var declarations: [String: SitedStatement] = [:]
        // By index: the kind read in place, only a declaration copied.
        let sited = statements.statements
        for index in sited.indices where sited[index].statement.kind == .declaration {
            if let name = sited[index].statement.head?.name, !defined.contains(name), declarations[name] == nil {
                declarations[name] = sited[index]
            }
        }
        // `L^{(T)}` where L is a function of the note: no value after a run (§13), which only
        // parameters and defined names have; its parameters by name, gathered once.
        var functionParameters: [String: [String]] = [:]
        if sampled.contains(where: { NoteStatements.runBase($0.name) != nil }) {
            for definition in definitions.all {
                if case .function(let parameters) = definition.kind { functionParameters[definition.name] = parameters }
            }
        }
        for value in sampled {
            if let base = NoteStatements.runBase(value.name), let parameters = functionParameters[base] {
                // `^(T)` as TeX writes it: `^{(T)}`.
                let suffix = "^{" + String(value.name.dropFirst(base.count + 1)) + "}"
                let applied = "\(base)(\(parameters.map { $0 + suffix }.joined(separator: ", ")))"
                causes[value.name] = .init(reason: "\(base) is a function, and only a parameter or a defined name has a "
                                               + "value after a run, so \(value.name) was sampled: write \(applied)",
                                           onlyDeclared: true)
            } else if let declaration = declarations[value.name] {
                causes[value.name] = .init(reason: "\(value.name) is only declared (line \(declaration.position.line)), "
                                               + "never defined, so its value was sampled", onlyDeclared: true)
            } else {
                causes[value.name] = .init(reason: "the note gives \(value.name) no value, so it was sampled",
                                           onlyDeclared: false)
            }
        }
        return causes
    }

    /// The declaration (`L(w_1, \ldots, b_3)`) of a name that nothing defines, if there is one.
    func undefinedDeclaration(of name: String) -> SitedStatement? {
        // Asked for every sampled leaf of every failing claim: looked up, not searched.
        guard !definitions.definedNames.contains(name), let index = statements.declarations[name] else { return nil }
        return statements.statements[index]
    }

    /// For a prime on an expression with other than one free variable (`(xy)'`): the
    /// variables, so the reader can be told which derivative to write.
    func ambiguousPrime(in expression: Expression) -> AmbiguousPrime? {
        var found: AmbiguousPrime?
        expression.visitAll { node in
            if case .partial(let of, let variable, _) = node, variable == PrimeNotation.onlyFreeVariable {
                if let arguments = definitions.primeArguments(of: of) {
                    found = AmbiguousPrime(variables: arguments.map(definitions.names.noteName), ofArguments: true)
                } else {
                    found = AmbiguousPrime(
                        variables: setting.leafIndex.leaves(of: of).sorted(by: Names.naturalOrder).map(definitions.names.noteName),
                        ofArguments: false)
                }
            }
        }
        return found
    }

    /// A prime whose variable the note's names do not decide: the candidates, free variables
    /// of an expression or arguments of a function that the note gives no number.
    struct AmbiguousPrime {
        var variables: [String]
        var ofArguments: Bool

        var message: String {
            let list = variables.isEmpty ? "none" : variables.joined(separator: ", ")
            return ofArguments
                ? "a prime on a function of several arguments needs exactly one that the note gives no number, "
                    + "and this one has \(variables.count) (\(list))"
                : "a prime on an expression needs exactly one free variable, and this one has \(variables.count) (\(list))"
        }
    }
}
