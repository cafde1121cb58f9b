import Calculus

extension NoteEvaluation {
    // MARK: - Gradients of sinks

    /// A sink is a defined symbol that no other definition uses (the loss); its gradient
    /// with respect to every leaf is computed by reverse mode.
    func addGradients(to results: inout [StatementResult]) {
        var used = Set<String>(minimumCapacity: 2 * (context.definitions.count + context.functions.count))
        for expression in context.definitions.values { used.formUnion(expression.symbols) }
        for function in context.functions.values { used.formUnion(function.body.symbols) }
        for definition in definitions.all {
            guard case .symbol = definition.kind, !used.contains(definition.key) else { continue }
            // A sink of no value (NaN, ±∞) has no gradient to show.
            if case .nonFinite? = setting.program.value(of: definition.key) { continue }
            // The slopes of `context.gradient(of:)` with respect to the leaves, read straight
            // from the evaluator (no table of the slopes of every definition).
            guard let program = try? context.compile([.symbol(definition.key)]),
                case .success(let point) = program.point(context.values)
            else { continue }
            var evaluator = Evaluator(program)
            guard (try? evaluator.differentiate(output: 0, at: point)) != nil else {
                results[definition.statement].gradient = []
                continue
            }
            // A count a sum runs to (`m`) is no variable: it has no slope shown.
            let slopes = program.leaves.enumerated().filter { !setting.counts.contains($0.element) }.map {
                (name: $0.element, slope: evaluator.slope(ofLeaf: $0.offset))
            }
            results[definition.statement].gradient = slopes.sorted { Names.naturalOrder($0.name, $1.name) }.map {
                (definitions.names.listedName(of: $0.name), $0.slope)
            }
        }
    }
}
