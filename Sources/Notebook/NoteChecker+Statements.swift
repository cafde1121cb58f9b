import Calculus
import Document
import TeX

extension NoteChecker {
    /// The result of one statement: value, partial derivatives, verdict, diagnostics.
    func evaluate(entry index: Int) -> StatementResult {
        let entry = entries[index]
        let statement = entry.statement
        var result = StatementResult(
            formula: entry.formula, position: entry.position, tex: entry.tex, kind: Self.kind(statement.kind),
            name: statement.head?.name, reading: Self.reading(of: statement))
        result.index = statement.index
        func diagnose(_ severity: Diagnostic.Severity, _ message: String, hint: String? = nil) {
            result.diagnostics.append(Diagnostic(severity, message, at: entry.position, length: entry.tex.count, hint: hint))
        }
        let resolvedSides = self.resolvedSides[index]
        // A loop, not `lazy.compactMap(ambiguousPrime)`: that closure would copy the whole checker.
        var ambiguous: [String]?
        for side in resolvedSides where ambiguous == nil { ambiguous = ambiguousPrime(in: side) }
        if let variables = ambiguous {
            let list = variables.isEmpty ? "none" : variables.joined(separator: ", ")
            let message = "a prime on an expression needs exactly one free variable, and this one has \(variables.count) (\(list))"
            let hint = variables.first.map { "write \\frac{\\partial}{\\partial \($0)} ... to say which derivative" }
            if statement.relations.isEmpty && statement.kind != .definition {
                diagnose(.warning, "cannot evaluate: " + message, hint: hint)
            } else {
                result.check = Check(status: .cannotTell, points: 0, message: message)
                diagnose(.warning, "cannot tell whether the claim holds: " + message, hint: hint)
            }
            return result
        }
        switch statement.kind {
        case .prose:
            let reason = statement.reason ?? "outside what Derive evaluates"
            result.notEvaluated = reason
            diagnose(.warning, "formula not evaluated: \(reason)")
            return result
        case .declaration:
            guard let head = statement.head else { return result }
            if resolver.resolve(head.name, at: entry.site) == nil {
                let parameters = head.parameters.joined(separator: ", ")
                diagnose(.warning, "\(head.name) is declared but never defined",
                         hint: "define it, e.g. \(head.name)(\(parameters)) = ...")
            } else if let value = value(of: resolve(.symbol(head.name), at: entry.site)).value {
                result.value = value
            }
            return result
        case .binding:
            if let definition = definitions[entry.site] {
                result.value = context.values[definition.unique]
            }
        case .definition:
            evaluateDefinition(entry, into: &result)
        case .expression:
            if let side = statement.sides.first {
                let outcome = value(of: resolvedSides.first ?? side)
                switch outcome {
                case .finite(let value), .nonFinite(let value, _): result.value = value
                case .failure(let error): diagnose(.warning, "cannot evaluate: \(error)")
                }
            }
        case .claim:
            break
        }
        if let check = claimChecks[index] {
            result.check = check
            switch check.status {
            case .holds: break
            case .fails: diagnose(.error, "claim does not hold: \(check.message)")
            case .cannotTell: diagnose(.warning, "cannot tell whether the claim holds: \(check.message)")
            }
        }
        return result
    }

    /// The value of an expression at the example point; a defined symbol alone (`$h_1$` in a
    /// table) takes its value from the note's program instead of compiling its definitions again.
    private func value(of expression: Expression) -> Outcome {
        if case .symbol(let name) = expression, let outcome = noteProgram.value(of: name) { return outcome }
        return context.evaluate(expression)
    }

    private func evaluateDefinition(_ entry: Entry, into result: inout StatementResult) {
        guard let definition = definitions[entry.site] else { return }
        func diagnose(_ severity: Diagnostic.Severity, _ message: String, _ hint: String?) {
            result.diagnostics.append(Diagnostic(severity, message, at: entry.position, length: entry.tex.count, hint: hint))
        }
        switch definition.kind {
        case .binding:
            result.value = context.values[definition.unique]
        case .symbol:
            switch noteProgram.value(of: definition.unique) ?? context.evaluate(.symbol(definition.unique)) {
            case .finite(let value), .nonFinite(let value, _): result.value = value
            case .failure(let error):
                // A cycle is reported once, at its first definition in the note.
                if case .cycle(let path) = error, firstSite(among: path) != entry.site { break }
                diagnose(Self.severity(of: error), Self.message(for: error), nil)
            }
            guard result.value != nil, let body = context.definitions[definition.unique] else { break }
            if let partials = noteProgram.partials(ofDefinition: definition.unique) {
                result.partials = partials.map { (Self.displayName($0.name), $0.value) }
            } else if let partials = try? context.partials(ofDefinition: definition.unique) {
                // A name that appears only inside a derivative (`L` in `w - η ∂L/∂w`) is not an
                // input of the definition.
                let inputs = Self.namesOutsideDerivatives(body)
                result.partials = partials.filter { inputs.contains($0.name) }.compactMap { partial in
                    context.evaluate(partial.derivative).value.map { (Self.displayName(partial.name), $0) }
                }
            }
        case .function(let parameters):
            for parameter in parameters {
                let body = context.functions[definition.unique]?.body
                if let body, !body.symbols.contains(parameter) {
                    diagnose(.warning, "parameter \(parameter) of \(definition.name) is not used in its body", nil)
                }
            }
            // Shown at its parameters' values, when they are leaves of the note (a parameter the
            // note also defines, like `u` in `h(u)` beside `u = xy`, is another thing).
            guard parameters.allSatisfy({ context.definitions[$0] == nil }) else { break }
            let applied = Expression.apply(definition.unique, parameters.map { .symbol($0) })
            if let value = context.evaluate(applied).value { result.value = value }
            if let partials = try? context.partials(ofFunction: definition.unique) {
                result.partials = partials.compactMap { partial in
                    context.evaluate(partial.derivative).value.map { (partial.name, $0) }
                }
            }
        }
    }

    /// The symbols of an expression outside `∂A/∂x` nodes, plus each such node's variable.
    static func namesOutsideDerivatives(_ expression: Expression) -> Set<String> {
        switch expression {
        case .symbol(let name): return [name]
        case .partial(_, let variable, _): return [variable]
        default: return expression.children.reduce(into: Set<String>()) { $0.formUnion(namesOutsideDerivatives($1)) }
        }
    }

    /// The earliest definition site of the unique names in `names`.
    private func firstSite(among names: [String]) -> ScopeResolver.Site? {
        let wanted = Set(names)
        return definitions.filter { wanted.contains($0.value.unique) }.keys.min()
    }

    static func severity(of error: CalculusError) -> Diagnostic.Severity {
        if case .cycle = error { return .error }
        return .warning
    }

    static func message(for error: CalculusError) -> String {
        if case .cycle(let path) = error {
            return "cyclic definitions: " + path.map(displayName).joined(separator: " → ")
        }
        return "cannot evaluate: \(error)"
    }

    static func kind(_ kind: Statement.Kind) -> StatementKind {
        switch kind {
        case .binding: .binding
        case .definition: .definition
        case .claim: .claim
        case .declaration: .declaration
        case .expression: .expression
        case .prose: .prose
        }
    }

    /// The plain-text reading of a statement: `n_1 = x_1*w_1 + x_2*w_2 + b_1`.
    static func reading(of statement: Statement) -> String? {
        guard statement.kind != .prose else { return nil }
        var text = statement.label.map { $0 + ": " } ?? ""
        var first = true
        func append(_ part: String) {
            if !first { text += " " }
            text += part
            first = false
        }
        if let head = statement.head {
            let name = head.isFunction ? "\(head.name)(\(head.parameters.joined(separator: ", ")))" : head.name
            if statement.kind == .declaration { return name }
            append(name)
        }
        for (index, side) in statement.sides.enumerated() {
            if index > 0 || statement.head != nil {
                let relation = index == 0 ? "=" : (index - 1 < statement.relations.count
                                                   ? statement.relations[index - 1].rawValue : "=")
                append(relation)
            }
            append(side.description)
        }
        return text
    }

    // MARK: - Gradients of sinks

    /// A sink is a defined symbol that no other definition uses (the loss); its gradient
    /// with respect to every leaf is computed by reverse mode.
    func addGradients(to results: inout [StatementResult]) {
        var used = Set<String>(minimumCapacity: 2 * (context.definitions.count + context.functions.count))
        for expression in context.definitions.values { used.formUnion(expression.symbols) }
        for function in context.functions.values { used.formUnion(function.body.symbols) }
        for definition in definitions.values {
            guard case .symbol = definition.kind, !used.contains(definition.unique) else { continue }
            // The slopes of `context.gradient(of:)` with respect to the leaves, read straight
            // from the evaluator (no table of the slopes of every definition).
            guard let program = try? context.compile([.symbol(definition.unique)]),
                case .success(let point) = program.point(context.values)
            else { continue }
            var evaluator = Evaluator(program)
            guard (try? evaluator.differentiate(output: 0, at: point)) != nil else {
                results[definition.entry].gradient = []
                continue
            }
            let slopes = program.leaves.enumerated().map { (name: $0.element, slope: evaluator.slope(ofLeaf: $0.offset)) }
            results[definition.entry].gradient = slopes.sorted { Names.naturalOrder($0.name, $1.name) }.map {
                (Self.displayName($0.name), $0.slope)
            }
        }
    }

    // MARK: - Warnings about names

    mutating func warnAboutNames(results: [StatementResult]) {
        for (name, site, previous) in resolver.redefinitions() {
            guard let entry = entries.first(where: { $0.site == site }),
                let first = entries.first(where: { $0.site == previous })
            else { continue }
            diagnostics.append(Diagnostic(
                .warning, "\(name) is defined twice in this section (first at line \(first.position.line)); "
                    + "from here on the new definition is used", at: entry.position, length: entry.tex.count))
        }
        // A leaf like h_5 when h_1 and h_2 are defined looks like a typo.
        let defined = Set(definitions.values.map(\.name))
        var reported = Set<String>()
        for index in entries.indices {
            for side in entries[index].statement.sides {
                // The names written that are leaves, not defined (few): the nodes are walked
                // without building the list of the side's distinct symbols, since a name met
                // twice is reported once all the same.
                var leaves: [String] = []
                Self.visit(side) { node in
                    if case .symbol(let name) = node, !defined.contains(name), context.isLeaf(name) {
                        leaves.append(name)
                    }
                }
                for name in leaves {
                    guard let family = Names.family(of: name), !reported.contains(name) else { continue }
                    let siblings = defined.filter { Names.family(of: $0) == family }.sorted(by: Names.naturalOrder)
                    guard siblings.count >= 2 else { continue }
                    reported.insert(name)
                    diagnostics.append(Diagnostic(
                        .warning, "\(name) is not defined, but \(siblings.joined(separator: ", ")) are; is it a typo?",
                        at: entries[index].position, length: entries[index].tex.count,
                        hint: "define \(name), or use one of \(siblings.joined(separator: ", "))"))
                }
            }
        }
    }

    // MARK: - Equation references

    /// `@eq-x` in the text must name a labelled formula.
    mutating func checkReferences() {
        let labels = Set(formulas.compactMap(\.label))
        for reference in EquationReferences.find(in: document) where !labels.contains(reference.label) {
            diagnostics.append(Diagnostic(.error, "@\(reference.label) refers to no labelled formula",
                                          at: reference.position, length: reference.label.count + 1,
                                          hint: labels.isEmpty ? "label a display formula: $$ ... $$ {#\(reference.label)}"
                                              : "labels in this note: " + labels.sorted().joined(separator: ", ")))
        }
    }
}
