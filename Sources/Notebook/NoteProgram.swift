import Calculus

/// The values of every defined symbol of a note at the example point, computed by one compiled
/// program instead of one per statement.
struct NoteProgram {
    private var values: [String: Outcome] = [:]

    /// Compiles every symbol definition of the context into one program and runs it once;
    /// when the whole cannot be compiled (a cycle, an undefined function), each symbol falls
    /// back to its own evaluation, so one bad definition costs only its own value.
    init(context: Context) {
        let names = context.definitions.keys.sorted()
        if let program = try? context.compile(names.map { .symbol($0) }) {
            let outcomes = program.values(at: context.values)
            for (name, outcome) in zip(names, outcomes) { values[name] = outcome }
        } else {
            for name in names { values[name] = context.evaluate(.symbol(name)) }
        }
    }

    /// The outcome of a defined symbol.
    func value(of name: String) -> Outcome? { values[name] }

    /// The partial derivatives of `body` with respect to each name it uses directly, each name
    /// held as an input at its value (NOTE-LANGUAGE.md §6). Computed by reverse mode over the
    /// body alone; a body with derivative nodes needs the whole graph and is differentiated
    /// symbolically instead. `nil` when that fails.
    func partials(of body: Expression, in context: Context, leafIndex: LeafIndex) -> [(name: String, value: Double)]? {
        let direct = body.symbols.filter { context.constantValue(of: $0) == nil }
        var hasPartial = false
        NoteChecker.visit(body) { node in
            if case .partial = node { hasPartial = true }
        }
        guard !hasPartial else { return nil }
        // Held as inputs, the direct names must not depend on one another (in `w = u v` with
        // `v = u + 1`, ∂w/∂u expands v, as the ∂ notation does).
        let directSet = Set(direct)
        for name in direct where context.definitions[name] != nil {
            guard leafIndex.definitionsReached(from: name).isDisjoint(with: directSet),
                leafIndex.leaves(of: .symbol(name)).isDisjoint(with: directSet)
            else { return nil }
        }
        var local = Context(functions: context.functions)
        for name in direct {
            if let outcome = values[name], let value = outcome.value {
                local.values[name] = value
            } else if let value = context.values[name] {
                local.values[name] = value
            } else {
                return nil
            }
        }
        guard let gradient = try? local.gradient(of: body) else { return nil }
        return direct.map { ($0, gradient.leaves[$0] ?? 0) }
    }
}
