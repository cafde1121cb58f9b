import Calculus
import Document
import TeX

extension NoteEvaluation {
    /// The result of one statement: value, partial derivatives, verdict, diagnostics. Without
    /// `partials` (a run that draws no page), a definition's partial derivatives are left out.
    func evaluate(statement index: Int, claimChecks: [Int: Check], partials: NotePartials?) -> StatementResult {
        // The statement read in place, not copied out of the array (a copy retains all it holds).
        let all = statements.statements
        var result = StatementResult(
            formula: all[index].site.formula, position: all[index].position, tex: all[index].tex,
            kind: all[index].statement.kind, name: all[index].statement.head?.name,
            reading: drawsPage ? reading(of: index) : nil)
        result.index = all[index].statement.index
        // Filled through an inout parameter: a local that `diagnose` captured would be copied
        // out at every return.
        evaluate(all[index], statement: index, into: &result, claimChecks: claimChecks, partials: partials)
        return result
    }

    private func evaluate(_ entry: SitedStatement, statement index: Int, into result: inout StatementResult,
                          claimChecks: [Int: Check], partials: NotePartials?)
    {
        func diagnose(_ severity: Diagnostic.Severity, _ message: String, hint: String? = nil) {
            result.diagnostics.append(Diagnostic(severity, message, at: entry.position, length: entry.tex.count, hint: hint))
        }
        if let written = Self.scientificNotation(in: entry.tex) {
            let letter = written.text.contains("e") ? "e" : "E"
            let digits = written.exponent.hasPrefix("-") ? " − " + written.exponent.dropFirst() : "·" + written.exponent
            let reading = written.mantissa + "·" + letter + digits + (letter == "e" ? ", e being Euler's number 2.71828…" : "")
            diagnose(.warning, "\(written.text) is no scientific notation in TeX: it reads as \(reading)",
                     hint: "write \(written.mantissa) \\times 10^{\(written.exponent)}")
        }
        let resolvedSides = setting.resolvedSides[index]
        // A loop, not `lazy.compactMap(ambiguousPrime)`: that closure would copy the evaluation.
        var ambiguous: AmbiguousPrime?
        for side in resolvedSides where ambiguous == nil { ambiguous = ambiguousPrime(in: side) }
        if let ambiguous {
            let message = ambiguous.message
            let hint = ambiguous.variables.first.map { "write \\frac{\\partial}{\\partial \($0)} ... to say which derivative" }
            if entry.statement.relations.isEmpty && entry.statement.kind != .definition {
                diagnose(.warning, "cannot evaluate: " + message, hint: hint)
            } else {
                result.check = Check(status: .cannotTell, points: 0, message: message)
                diagnose(.warning, "cannot tell whether the claim holds: " + message, hint: hint)
            }
            return
        }
        switch entry.statement.kind {
        case .prose:
            let reason = entry.statement.reason ?? "outside what Derive evaluates"
            // A claim in form that is not evaluated is a claim Derive cannot tell (§5), counted
            // as one in the summary, the page and report.json; its verdict gives the reason.
            if entry.statement.relations.isEmpty {
                result.notEvaluated = reason
            } else {
                result.check = Check(status: .cannotTell, points: 0, message: "not evaluated: \(reason)")
            }
            let hint = reason.hasPrefix("general form: the \\sum") ? dataTableHint() : nil
            if let (position, length) = culpritPlace(of: entry) {
                result.diagnostics.append(Diagnostic(.warning, "formula not evaluated: \(reason)", at: position,
                                                     length: length, hint: hint))
            } else {
                diagnose(.warning, "formula not evaluated: \(reason)", hint: hint)
            }
            return
        case .declaration:
            guard let head = entry.statement.head else { return }
            if definitions.resolver.resolve(head.name, at: entry.site) == nil {
                let parameters = head.parameters.joined(separator: ", ")
                diagnose(.warning, "\(head.name) is declared but never defined",
                         hint: "define it, e.g. \(head.name)(\(parameters)) = ...")
            } else if let value = value(of: definitions.resolve(.symbol(head.name), at: entry.site, in: context)).value {
                result.value = value
            }
            return
        case .binding:
            if let definition = definitions[entry.site] {
                result.value = context.values[definition.key]
                if let value = result.value, !value.isFinite, let side = resolvedSides.first,
                    case .nonFinite(_, let reason) = context.evaluate(side)
                {
                    diagnose(.warning, Self.nonFiniteMessage(entry.statement.head?.name ?? "", value, reason),
                             hint: Self.nonFiniteHint(reason))
                }
            }
        case .definition where entry.naming != nil:
            // `g_1 = \frac{\partial L_{data}}{\partial w_1}`, with `g_1 = 0.2` elsewhere (§5).
            let undefined = definitions.names.noteName(of: entry.naming ?? "")
            let name = entry.statement.head?.name ?? ""
            let binding = statements.statements.first { $0.statement.kind == .binding && $0.statement.head?.name == name }
            let given = binding.map { "at line \($0.position.line) (\($0.tex))" } ?? "by the note"
            let reason = "\(name) names a derivative of \(undefined), which has no formula; its value is the one given "
                + given
            result.notEvaluated = reason
            diagnose(.note, reason)
            return
        case .definition:
            evaluateDefinition(entry, into: &result, partials: partials)
        case .expression:
            result.notEvaluated = entry.statement.reason
            if let side = entry.statement.sides.first {
                if let (leaf, _) = decidingUndefinedLeaf(sides: [resolvedSides.first ?? side], relations: [], tolerances: []) {
                    // `\frac{\partial L}{\partial a_1}` with L only declared: not 0, unknown.
                    let (reason, hint) = undefinedReason(leaf)
                    diagnose(.warning, "cannot evaluate: \(reason)", hint: hint)
                    return
                }
                let outcome = value(of: resolvedSides.first ?? side)
                switch outcome {
                case .finite(let value), .nonFinite(let value, _): result.value = value
                case .failure(let error): diagnose(.warning, "cannot evaluate: \(error)")
                }
            }
        case .claim, .condition:
            break
        case .update:
            // The new value after one step from the example point.
            if let value = setting.updateValues[index] { result.value = value }
        }
        if let check = claimChecks[index] {
            result.check = check
            switch check.status {
            case .holds: break
            case .fails:
                let (position, length) = failedRelationSite(check, of: entry) ?? (entry.position, entry.tex.count)
                // A sampled leaf that is only declared: a note at its declaration, as a compiler gives.
                let notes = check.sampledLeaves.compactMap(undefinedDeclaration).map { declaration in
                    Diagnostic(.note, "\(declaration.statement.head?.name ?? "") is declared here, but never defined",
                               at: declaration.position, length: declaration.tex.count)
                }
                // An instance of a general form says which.
                let instance = entry.statement.instance.map { " for \($0)" } ?? ""
                result.diagnostics.append(Diagnostic(.error, "claim does not hold\(instance): \(check.message)",
                                                     at: position, length: length,
                                                     hint: check.hint ?? unusedVariableHint(entry.statement),
                                                     related: notes))
            case .cannotTell where check.heldAtExampleOnly:
                diagnose(.warning, "claim \(check.message)", hint: check.hint)
            case .cannotTell:
                diagnose(.warning, "cannot tell whether the claim holds: \(check.message)", hint: check.hint)
            }
        }
    }

    /// The value of an expression at the example point; a defined symbol alone (`$h_1$` in a
    /// table) takes its value from the note's program instead of compiling its definitions again.
    private func value(of expression: Expression) -> Outcome {
        if case .symbol(let name) = expression, let outcome = setting.program.value(of: name) { return outcome }
        return context.evaluate(expression)
    }

    private func evaluateDefinition(_ entry: SitedStatement, into result: inout StatementResult,
                                    partials notePartials: NotePartials?) {
        guard let definition = definitions[entry.site] else { return }
        func diagnose(_ severity: Diagnostic.Severity, _ message: String, _ hint: String?) {
            result.diagnostics.append(Diagnostic(severity, message, at: entry.position, length: entry.tex.count, hint: hint))
        }
        switch definition.kind {
        case .binding:
            result.value = context.values[definition.key]
        case .symbol:
            switch setting.program.value(of: definition.key) ?? context.evaluate(.symbol(definition.key)) {
            case .finite(let value): result.value = value
            case .nonFinite(let value, let reason):
                result.value = value
                // NaN or ±∞ at the example point is said, not only shown (issue 15); not of an
                // instance a general form defines that nothing uses (`m̂_0` of `m̂_t = m_t/(1 -
                // β_1^t)` beside `m_0 = 0`), which the card shows.
                if entry.statement.instance != nil, !setting.namesUsed.contains(definition.key) {
                    result.notEvaluated = Self.nonFiniteMessage(entry.statement.head?.name ?? "", value, reason)
                        + ", and no formula uses it"
                } else if reason.kind != .nonFiniteInput {
                    diagnose(.warning, Self.nonFiniteMessage(entry.statement.head?.name ?? "", value, reason),
                             Self.nonFiniteHint(reason))
                }
            case .failure(let error):
                // A cycle is reported once, below; the card of a definition caught in it, or
                // using it, says where.
                if case .cycle(let path) = error {
                    if let cycle = setting.program.cycle(at: definition.key, failingWith: path),
                       cycle.reporter != definition.key, let line = setting.cycleReportLines[cycle.reporter]
                    {
                        result.notEvaluated = (cycle.caught ? "caught in" : "it uses")
                            + " the cycle of definitions reported at line \(line)"
                    }
                    break
                }
                diagnose(Self.severity(of: error), definitions.names.message(for: error), nil)
            }
            // Once per cycle, at its member first in the note, naming a shortest circle through it.
            if let cycle = setting.program.cycleReported(at: definition.key) {
                diagnose(.error, definitions.names.message(for: .cycle(cycle)), nil)
            }
            guard let notePartials, result.value != nil, let body = context.definitions[definition.key] else { break }
            if let partials = notePartials.partials(ofDefinition: definition.key) {
                // A row's copy (`a@row2`, §13) is no name of the note, and a count a sum runs
                // to (`m`) no variable: not shown.
                result.partials = partials.filter { !Self.isRowCopy($0.name) && !setting.counts.contains($0.name) }
                    .map { (definitions.names.listedName(of: $0.name), $0.value) }
            } else if case let reached = setting.leafIndex.countOfDefinitionsReached(from: definition.key),
                reached > Self.maximumDefinitionsDerivedThrough
            {
                // Said on the page, not left blank (issue 15).
                result.partialsOmitted = "not shown: computed through \(reached) definitions, and partials that "
                    + "reverse mode cannot take are derived through at most \(Self.maximumDefinitionsDerivedThrough)"
            } else if let partials = try? context.partials(ofDefinition: definition.key) {
                // A name that appears only inside a derivative (`L` in `w - η ∂L/∂w`) is not an
                // input of the definition.
                let inputs = Self.namesOutsideDerivatives(body)
                result.partials = partials.filter { inputs.contains($0.name) && !setting.counts.contains($0.name) }.compactMap { partial in
                    context.evaluate(partial.derivative).value.map { (definitions.names.listedName(of: partial.name), $0) }
                }
            }
        case .function(let parameters):
            // `f(x) = f(x) + 1`, or functions defined through each other: said here, since a
            // function has no value of its own that would fail (issue 15).
            if setting.functions.isOnCycle(definition.key) {
                // Once per cycle, at its member first in the note (as for other cycles).
                if let cycle = setting.functions.cycleReported(at: definition.key) {
                    diagnose(.error, definitions.names.message(for: .cycle(cycle)), nil)
                }
                return
            }
            // The body's names gathered once, not once a parameter: a function of n parameters
            // took n^2 (4000 parameters, 4.5 s).
            // `\operatorname{Var}(W) = \frac{2}{n_{in} + n_{out}}`: the variance of a random
            // variable, a quantity, not a function of W's values.
            if let body = context.functions[definition.key]?.body, !Self.momentNames.contains(definition.name) {
                let used = Set(body.symbols)
                let head = "\(definition.name)(\(parameters.joined(separator: ", ")))"
                let constant = !parameters.isEmpty && FormulaReader.isClosedConstant(body)
                if constant {
                    // `$L_\delta(r) = 2$`: most likely a value claimed, which a definition
                    // other than an inline restatement of a display one is not (§2).
                    diagnose(.warning, "\(head) = \(body) defines \(definition.name) as a constant: no parameter is used in its body",
                             "to claim its value, write \(head) \\approx \(body), or "
                             + (parameters.count == 1 ? "the argument's value" : "the arguments' values")
                             + " in place of \(parameters.joined(separator: ", "))")
                }
                var followed = 0
                for parameter in parameters where !constant && !used.contains(parameter) {
                    // `\ell(z) = -[y \log p + …]` with `p = \sigma(z)`: the author means the
                    // note's z, which the body follows through p, and the card's ∂/∂z is 0.
                    // (Derivatives each: for the first few such parameters only.)
                    followed += 1
                    if followed <= Self.unusedParametersFollowed,
                        let through = definitionFollowing(parameter, body: body, parameters: parameters, at: entry.site)
                    {
                        diagnose(.warning, "parameter \(parameter) of \(definition.name) is not used in its body, which "
                                 + "depends on the note's \(parameter) through \(through): \(head) is the same at every \(parameter)",
                                 "write \(definition.name) = … to define it from the note's \(parameter), or write "
                                 + "\(parameter) in its body to define a function of \(parameter)")
                    } else {
                        diagnose(.warning, "parameter \(parameter) of \(definition.name) is not used in its body", nil)
                    }
                }
            }
            // Shown at its parameters' values (`FunctionValues`).
            if let value = setting.functionValues[entry.site] { result.value = value }
            guard notePartials != nil else { return }
            let arguments = FunctionValues.application(of: definition.key, parameters: parameters, at: entry.site,
                                                       definitions: definitions, in: context).arguments
            let limit = Self.maximumDefinitionsDerivedThrough
            if setting.functions.countApplied(from: definition.key, upTo: limit) > limit {
                // Each partial is derived through every function applied: a chain of 500
                // functions, each applying the one before, took minutes (issue 15).
                result.partialsOmitted = "not shown: it applies more than \(limit) functions, directly or not, and "
                    + "partials are derived through at most \(limit)"
            } else if let partials = try? context.partials(ofFunction: definition.key) {
                result.partials = partials.compactMap { partial in
                    let derivative = arguments.isEmpty ? partial.derivative : try? partial.derivative.substituting(arguments)
                    return derivative.flatMap { context.evaluate($0).value }.map { (partial.name, $0) }
                }
            }
        }
    }

    /// Whether `key` names a row's copy (`a@row2`, §13): its bytes hold `@row` (a byte search,
    /// not Foundation's `contains`, which compares Unicode strings at every call).
    static func isRowCopy(_ key: String) -> Bool {
        let bytes = key.utf8
        // Most keys have no `@`: one scan answers them.
        guard bytes.contains(UInt8(ascii: "@")) else { return false }
        let array = Array(bytes)
        return array.indices.contains { array[$0...].starts(with: "@row".utf8) }
    }

    /// The symbols of an expression outside `∂A/∂x` nodes, plus each such node's variable.
    static func namesOutsideDerivatives(_ expression: Expression) -> Set<String> {
        switch expression {
        case .symbol(let name): return [name]
        case .partial(_, let variable, _): return [variable]
        default: return expression.children.reduce(into: Set<String>()) { $0.formUnion(namesOutsideDerivatives($1)) }
        }
    }

    /// How many definitions the partials of a definition may be derived through when reverse
    /// mode cannot take them (its inputs depend on one another, or it holds a derivative): each
    /// is derived symbolically through all it reaches, and simplifying those derivatives grows
    /// as the cube of the depth (`h_i = σ(w h_{i-1})` for i up to 300 took 91 s). The partials of
    /// a function are derived through at most as many functions it applies.
    static let maximumDefinitionsDerivedThrough = 32

    static func severity(of error: CalculusError) -> Diagnostic.Severity {
        if case .cycle = error { return .error }
        return .warning
    }

    /// The plain-text reading of a statement: `n_1 = x_1*w_1 + x_2*w_2 + b_1`.
    /// Where the relation that fails in a chain of three sides or more is written (`a = b = c`
    /// failing between b and c points at the second `=`), and its length; `nil` for a claim of
    /// two sides, whose whole statement is the culprit.
    private func failedRelationSite(_ check: Check, of entry: SitedStatement) -> (SourcePosition, Int)? {
        let statement = entry.statement
        guard let relation = check.failedRelation, statement.sides.count > 2,
            relation + 1 < statement.sideRanges.count
        else { return nil }
        let math = document.formulas[entry.site.formula.index]
        let bytes = Array(math.tex.utf8)
        var start = min(statement.sideRanges[relation].upperBound, bytes.count)
        let end = min(statement.sideRanges[relation + 1].lowerBound, bytes.count)
        // Between the sides: spaces, and in an alignment the row's end `\\` and the `&`.
        let skipped: Set<UInt8> = [UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "&")]
        while start < end {
            if skipped.contains(bytes[start]) {
                start += 1
            } else if start + 1 < end, bytes[start] == UInt8(ascii: "\\"), bytes[start + 1] == UInt8(ascii: "\\") {
                start += 2
            } else {
                break
            }
        }
        var stop = end
        while stop > start, skipped.contains(bytes[stop - 1]) { stop -= 1 }
        guard start < stop else { return nil }
        let text = String(decoding: bytes[start..<stop], as: UTF8.self)
        return (math.position(ofTeXOffset: start), text.count)
    }

    /// How many unused parameters of one function are followed to the note's names of the
    /// same spelling, and how many of the body's names for each (`definitionFollowing`).
    static let unusedParametersFollowed = 4

    /// The first of the note's definitions that `body` (a function's, which does not use its
    /// parameter `name`) uses and that depends on the note's `name` at `site`, as the note
    /// names it: `p` in `\ell(z) = -[y \log p + …]` with `p = \sigma(z)`. Only the first few
    /// names of the body are followed, and none through more definitions than partials are.
    private func definitionFollowing(_ name: String, body: Calculus.Expression, parameters: [String],
                                     at site: StatementSite) -> String?
    {
        let key = definitions.resolver.resolve(name, at: site).flatMap { definitions[$0]?.key } ?? name
        let parameters = Set(parameters)
        var followed = 0
        for symbol in body.symbols where !parameters.contains(symbol) && context.definitions[symbol] != nil {
            followed += 1
            guard followed <= Self.unusedParametersFollowed else { return nil }
            guard setting.leafIndex.countOfDefinitionsReached(from: symbol) <= Self.maximumDefinitionsDerivedThrough,
                let slope = try? context.derivative(of: .symbol(symbol), withRespectTo: key), slope != .number(0)
            else { continue }
            return definitions.names.noteName(of: symbol)
        }
        return nil
    }

    /// The hint at a sum not evaluated in a note whose data table is not read for its header of
    /// text (`| x | y |`): how to head it so that `\sum_{i=1}^{N}` sums over its rows (§13).
    private func dataTableHint() -> String? {
        guard let table = setting.textHeadedData else { return nil }
        let header = "| " + table.columns.map { "$\($0)$" }.joined(separator: " | ") + " |"
        return "the table at line \(table.line) is not read as data, for its header cells are text: "
            + "head it \(header) and \\sum_{i=1}^{N} sums over its rows"
    }

    /// Where the part of a prose statement that made it prose is (the `\sum` over too many
    /// terms, the index range too long, an unknown command), and its length in characters on
    /// its first line: a problem in the TeX points at the exact characters (§7).
    private func culpritPlace(of entry: SitedStatement) -> (SourcePosition, Int)? {
        guard let culprit = entry.statement.culprit else { return nil }
        let math = document.formulas[entry.site.formula.index]
        let bytes = Array(math.tex.utf8)
        let range = culprit.clamped(to: 0..<bytes.count)
        let firstLine = bytes[range].prefix { $0 != UInt8(ascii: "\n") }
        return (math.position(ofTeXOffset: range.lowerBound), String(decoding: firstLine, as: UTF8.self).count)
    }

    /// `statement` with the variable of each prime on an expression (`mse(y, \hat{y})'`) that the
    /// note's names decide written in, so that the reading says which derivative was taken:
    /// `∂/∂ŷ(mse(y, ŷ))` (docs/note-language.md §6). Unchanged when there is none, or when its
    /// primes would take different variables.
    func primesNamed(_ statement: Statement, at site: StatementSite) -> Statement {
        var variables = Set<String>()
        for side in statement.sides {
            side.visitAll { node in
                guard case .partial(_, PrimeNotation.onlyFreeVariable, _) = node else { return }
                if case .partial(_, let variable, _) = definitions.resolve(node, at: site, in: context) {
                    variables.insert(variable)
                }
            }
        }
        guard variables.count == 1, let variable = variables.first, variable != PrimeNotation.onlyFreeVariable,
            let sides = try? statement.sides.map({ side throws(CalculusError) in
                try side.substituting([PrimeNotation.onlyFreeVariable: .symbol(definitions.names.noteName(of: variable))])
            })
        else { return statement }
        var named = statement
        named.sides = sides
        return named
    }

    /// The reading of the statement at `index` in `statements`, its primes named.
    func reading(of index: Int) -> String? {
        let entry = statements.statements[index]
        return Self.reading(of: primesNamed(entry.statement, at: entry.site))
    }

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
                let relation = index == 0 ? (statement.kind == .update ? "←" : "=") : (index - 1 < statement.relations.count
                                                   ? statement.relations[index - 1].rawValue : "=")
                append(relation)
            }
            append(side.description)
        }
        return text
    }

    /// The operators of a random variable's moments (`\operatorname{Var}(W)`, `\operatorname{Cov}(X, Y)`):
    /// a definition of one names a quantity, so none of its parameters need be used.
    static let momentNames: Set<String> = ["Var", "var", "Cov", "cov", "Std", "std", "SD", "Corr", "corr"]

    /// `y is NaN at the example point: ln(-1) is undefined`: a binding's or a definition's value
    /// that is no finite number, with the first operation that made it so.
    static func nonFiniteMessage(_ name: String, _ value: Double, _ reason: NonFiniteReason) -> String {
        let what = value.isNaN ? "NaN" : (value > 0 ? "+∞" : "-∞")
        return "\(name) is \(what) at the example point: \(reason)"
    }

    /// What to do about a value that is no finite number.
    static func nonFiniteHint(_ reason: NonFiniteReason) -> String? {
        switch reason.kind {
        case .undefined where reason.operation == "/": "0 / 0 has no value: change the values it is computed from"
        case .undefined: "the example point is outside the domain of \(reason.operation): change the values it is computed from"
        case .pole: "the example point is where the formula divides by zero: change the values it is computed from"
        case .overflow: "the value is beyond 1.8·10^308, the largest a double holds"
        case .nonFiniteInput: nil
        case .noCase: "add a last row for every other point: value & \\text{otherwise}"
        }
    }

    /// `1e5`, `2.5e-3` in a formula's TeX (a digit, `e` or `E`, an optional sign, a digit, not
    /// inside a name): what a programmer writes for 10⁵, which TeX reads as `1·e·5`.
    static func scientificNotation(in tex: String) -> (text: String, mantissa: String, exponent: String)? {
        // Scanned in place: the text's bytes are not copied into an array first.
        if let found = tex.utf8.withContiguousStorageIfAvailable({ scientificNotation(inBytes: $0) }) { return found }
        return Array(tex.utf8).withUnsafeBufferPointer { scientificNotation(inBytes: $0) }
    }

    private static func scientificNotation(
        inBytes bytes: UnsafeBufferPointer<UInt8>
    ) -> (text: String, mantissa: String, exponent: String)? {
        func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 97 && (byte | 0x20) <= 122 || byte == 92 }
        var index = 0
        while index < bytes.count {
            guard isDigit(bytes[index]), index == 0 || !(isLetter(bytes[index - 1]) || bytes[index - 1] == 95 || isDigit(bytes[index - 1]) || bytes[index - 1] == 46)
            else { index += 1; continue }
            var end = index
            while end < bytes.count, isDigit(bytes[end]) || bytes[end] == 46 { end += 1 }
            guard end < bytes.count, bytes[end] == 101 || bytes[end] == 69 else { index = end; continue }
            var exponentStart = end + 1
            if exponentStart < bytes.count, bytes[exponentStart] == 45 || bytes[exponentStart] == 43 { exponentStart += 1 }
            var exponentEnd = exponentStart
            while exponentEnd < bytes.count, isDigit(bytes[exponentEnd]) { exponentEnd += 1 }
            guard exponentEnd > exponentStart, exponentEnd == bytes.count || !isLetter(bytes[exponentEnd]) else {
                index = exponentEnd; continue
            }
            let text = String(decoding: bytes[index..<exponentEnd], as: UTF8.self)
            let mantissa = String(decoding: bytes[index..<end], as: UTF8.self)
            var exponent = String(decoding: bytes[(end + 1)..<exponentEnd], as: UTF8.self)
            if exponent.hasPrefix("+") { exponent.removeFirst() }
            return (text, mantissa, exponent)
        }
        return nil
    }
}
