import Calculus

/// A function's parameters reach the functions its body applies (docs/note-language.md §3): in
/// `J(\theta_0, \theta_1) = \frac{1}{2m}\sum_{i=1}^{m} (h_\theta(x^{(i)}) - y^{(i)})^2`, where
/// `h_\theta(x) = \theta_0 + \theta_1 x` uses the note's θ_0 and θ_1, J's θ_0 and θ_1 stand for
/// them in h_θ's body too, as h_θ's subscript says. Read with the note's θs instead, J would be
/// the same at every θ_0 (and its plot flat).
enum FunctionParameters {
    /// The most nodes a body may have once the functions it applies are written into it; a
    /// larger one keeps its applications (and the note's values of their names).
    static let maximumNodes = 100_000
    /// How deep applications inside written-in bodies are written in too.
    static let maximumDepth = 8
    /// The deepest body written in, or written into (the walk recurses: at most this times
    /// `maximumDepth` + 1 frames).
    static let maximumNesting = 64

    /// Writes into each function's body, in `context`, the body of every function it applies
    /// that uses one of its parameters' names freely (`names`: the note's names of the keys), with
    /// the arguments for the applied function's parameters and the function's own parameters
    /// for those names.
    static func passOn(in context: inout Context, names: NoteNames) {
        let functions = context.functions
        // The free names of each function's body, by the note's name, with their keys; and
        // its size (past the budget: the budget and one).
        var free: [String: [String: String]] = [:]
        var sizes: [String: Int] = [:]
        for (key, function) in functions {
            let parameters = Set(function.parameters)
            var byName: [String: String] = [:]
            var size = 0
            function.body.forEachNode { node in
                size += 1
                if case .symbol(let symbol) = node, !parameters.contains(symbol) { byName[names.noteName(of: symbol)] = symbol }
            }
            free[key] = byName
            // A body nested too deep is neither written in nor written into: counted as too big.
            sizes[key] = function.body.depth > maximumNesting ? maximumNodes + 1 : min(size, maximumNodes + 1)
        }
        for (key, function) in functions where !function.parameters.isEmpty && sizes[key, default: 0] <= maximumNodes {
            let parameters = Set(function.parameters)
            // Only a body that applies a function using one of the parameters is written again.
            let reaches = function.body.functionNames.contains { applied in
                applied != key && free[applied]?.keys.contains(where: parameters.contains) == true
            }
            guard reaches else { continue }
            // Each body written in counts against the budget as it is written: bodies that
            // apply others many times over grow exponentially with the depth.
            var budget = maximumNodes - (sizes[key] ?? 0)
            let body = writingIn(function.body, parameters: parameters, self: key, functions: functions, free: free,
                                 sizes: sizes, budget: &budget, depth: 0)
            // The arguments are copied where the parameters are used: counted once more.
            guard let body, !body.hasMoreNodes(than: maximumNodes) else { continue }
            context.functions[key]?.body = body
        }
    }

    /// `expression` with each application of a function that uses one of `parameters` freely
    /// replaced by that function's body; `nil` when a substitution fails (too deep) or the
    /// bodies written in pass `budget` nodes (`sizes`: each function's).
    private static func writingIn(_ expression: Expression, parameters: Set<String>, self own: String,
                                  functions: [String: UserFunction], free: [String: [String: String]],
                                  sizes: [String: Int], budget: inout Int, depth: Int) -> Expression?
    {
        var children: [Expression] = []
        for child in expression.children {
            guard let written = writingIn(child, parameters: parameters, self: own, functions: functions, free: free,
                                          sizes: sizes, budget: &budget, depth: depth)
            else { return nil }
            children.append(written)
        }
        let rebuilt = expression.replacingChildren(children)
        guard case .apply(let name, let arguments) = rebuilt, name != own, depth < maximumDepth,
            let applied = functions[name], applied.parameters.count == arguments.count,
            let reached = free[name]?.filter({ parameters.contains($0.key) }), !reached.isEmpty
        else { return rebuilt }
        budget -= sizes[name] ?? 0
        guard budget >= 0 else { return nil }
        var replacements: [String: Expression] = [:]
        for (parameter, argument) in zip(applied.parameters, arguments) { replacements[parameter] = argument }
        for (name, key) in reached where replacements[key] == nil { replacements[key] = .symbol(name) }
        guard let body = try? applied.body.substituting(replacements) else { return nil }
        // What the applied body applies in turn may use the parameters too.
        return writingIn(body, parameters: parameters, self: own, functions: functions, free: free, sizes: sizes,
                         budget: &budget, depth: depth + 1)
    }
}
