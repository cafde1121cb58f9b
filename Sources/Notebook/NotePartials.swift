import Calculus

/// The partial derivatives of the definitions of a note that reverse mode gives, by one more
/// program: what a page shows beside each definition (a run that draws no page makes them
/// only to spell the names of a note's diagnostics, see `NoteEvaluation.drawsPage`).
struct NotePartials {
    private var partials: [String: [(name: String, value: Double)]] = [:]

    /// The partial derivatives of each definition of `context` (see `partials(ofDefinition:)`),
    /// the inputs taken at the values of `program`.
    init(context: Context, leafIndex: LeafIndex, program: NoteProgram) {
        let names = context.definitions.keys.sorted()
        partials.reserveCapacity(names.count)
        computePartials(of: names, in: context, leafIndex: leafIndex, values: program.values)
    }

    /// The partial derivatives of the definition of `name` with respect to each name its body
    /// uses directly, each name held as an input at its value (docs/note-language.md §6), computed
    /// by reverse mode over the body alone. `nil` when reverse mode cannot give them: a body
    /// with derivative nodes (it needs the whole graph and is differentiated symbolically
    /// instead), inputs that depend on one another, an input without a value, a body that
    /// cannot be compiled.
    func partials(ofDefinition name: String) -> [(name: String, value: Double)]? { partials[name] }

    /// Reverse mode over the bodies held as functions of their direct names. The bodies share
    /// one program, compiled with its outputs apart (`Context.compile(apart:)`), so each
    /// output's instructions and slopes are those of a program per body. A body that applies a
    /// function of the note joins it only when every function's body uses nothing but its
    /// parameters and constants: a function body may reach names that are no input of the
    /// definition, which make its own program fail.
    private mutating func computePartials(
        of names: [String], in context: Context, leafIndex: LeafIndex, values: [String: Outcome]
    ) {
        var shared: [(name: String, body: Expression, inputs: [(name: String, value: Double)])] = []
        var sharedContext = Context(functions: context.functions)
        let closedFunctions = Self.functionsAreClosed(in: context)
        for name in names {
            guard let body = context.definitions[name],
                let (inputs, appliesFunction) = Self.inputs(of: body, in: context, leafIndex: leafIndex, values: values)
            else { continue }
            if appliesFunction && !closedFunctions {
                partials[name] = Self.partials(of: body, inputs: inputs, functions: context.functions)
            } else {
                for input in inputs { sharedContext.values[input.name] = input.value }
                shared.append((name, body, inputs))
            }
        }
        guard !shared.isEmpty else { return }
        guard let program = try? sharedContext.compile(apart: shared.map(\.body)),
            case .success(let point) = program.point(sharedContext.values)
        else {
            // One body that cannot be compiled must not spoil the others.
            for (name, body, inputs) in shared {
                partials[name] = Self.partials(of: body, inputs: inputs, functions: context.functions)
            }
            return
        }
        var positions: [String: Int] = [:]
        positions.reserveCapacity(program.leaves.count)
        for (position, leaf) in program.leaves.enumerated() { positions[leaf] = position }
        var evaluator = Evaluator(program)
        // One forward pass for every body (the program's values do not depend on the output
        // differentiated), then one reverse pass per body.
        do {
            try evaluator.evaluate(at: point)
        } catch {
            // As `Program.gradient` answers a point it cannot run: no slopes.
            for entry in shared { partials[entry.name] = entry.inputs.map { ($0.name, 0) } }
            return
        }
        for (output, entry) in shared.enumerated() {
            evaluator.backpropagate(output: output)
            partials[entry.name] = entry.inputs.map { input in
                (input.name, positions[input.name].map { evaluator.slope(ofLeaf: $0) } ?? 0)
            }
        }
    }

    /// Whether every function of the note uses only its parameters and constants that the
    /// note neither defines nor binds, with no `∂` in its body: then a body applying them
    /// reaches no name besides its own inputs, in a program of its own or in a shared one.
    private static func functionsAreClosed(in context: Context) -> Bool {
        context.functions.values.allSatisfy { function in
            var closed = true
            function.body.visitAll { node in
                switch node {
                case .symbol(let name):
                    if closed, !function.parameters.contains(name), context.constantValue(of: name) == nil { closed = false }
                case .partial:
                    closed = false
                default:
                    break
                }
            }
            return closed
        }
    }

    /// The names `body` uses directly with their values, and whether it applies a function of
    /// the note; nil when reverse mode over the body alone cannot give its partials.
    private static func inputs(
        of body: Expression, in context: Context, leafIndex: LeafIndex, values: [String: Outcome]
    ) -> (inputs: [(name: String, value: Double)], appliesFunction: Bool)? {
        let direct = body.symbols.filter { context.constantValue(of: $0) == nil }
        var hasPartial = false
        var appliesFunction = false
        let hasFunctions = !context.functions.isEmpty
        body.visitAll { node in
            switch node {
            case .partial:
                hasPartial = true
            case .apply(let name, _), .derivative(let name, _, _):
                if hasFunctions, !appliesFunction, context.functions[name] != nil { appliesFunction = true }
            default:
                break
            }
        }
        guard !hasPartial else { return nil }
        // Held as inputs, the direct names must not depend on one another (in `w = u v` with
        // `v = u + 1`, ∂w/∂u expands v, as the ∂ notation does).
        if leafIndex.definitionsReachAnyOf(direct) { return nil }
        var inputs: [(name: String, value: Double)] = []
        for name in direct {
            if let outcome = values[name], let value = outcome.value {
                inputs.append((name, value))
            } else if let value = context.values[name] {
                inputs.append((name, value))
            } else {
                return nil
            }
        }
        return (inputs, appliesFunction)
    }

    /// Reverse mode over one body in a context of its own: the note's functions, and the
    /// inputs as leaves with their values.
    private static func partials(
        of body: Expression, inputs: [(name: String, value: Double)], functions: [String: UserFunction]
    ) -> [(name: String, value: Double)]? {
        var local = Context(functions: functions)
        for input in inputs { local.values[input.name] = input.value }
        guard let gradient = try? local.gradient(of: body) else { return nil }
        return inputs.map { ($0.name, gradient.leaves[$0.name] ?? 0) }
    }
}
