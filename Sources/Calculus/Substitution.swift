extension Expression {
    /// The expression with each symbol named in `replacements` replaced by its expression, all
    /// at once (a replacement is not itself searched). The variable of a `partial` node is
    /// renamed when its replacement is a symbol.
    public func substituting(_ replacements: [String: Expression]) throws(CalculusError) -> Expression {
        try substituting(replacements, depth: 0)
    }

    private func substituting(_ replacements: [String: Expression], depth: Int) throws(CalculusError) -> Expression {
        guard depth <= 2 * Expression.maximumDepth else { throw .tooDeep(limit: Expression.maximumDepth) }
        switch self {
        case .symbol(let name):
            return replacements[name] ?? self
        case .number:
            return self
        case .partial(let of, let variable, let order):
            let renamed: String
            if case .symbol(let name) = replacements[variable] { renamed = name } else { renamed = variable }
            return .partial(try of.substituting(replacements, depth: depth + 1), variable: renamed, order: order)
        default:
            var children: [Expression] = []
            for child in self.children { children.append(try child.substituting(replacements, depth: depth + 1)) }
            return replacingChildren(children)
        }
    }

    /// The same node with new children (in the order of `children`).
    public func replacingChildren(_ new: [Expression]) -> Expression {
        switch self {
        case .number, .symbol: self
        case .apply(let name, _): .apply(name, new)
        case .sum: .sum(new)
        case .product: .product(new)
        case .negation: .negation(new[0])
        case .quotient: .quotient(new[0], new[1])
        case .power: .power(new[0], new[1])
        case .partial(_, let variable, let order): .partial(new[0], variable: variable, order: order)
        case .derivative(let name, let order, _): .derivative(name, order: order, argument: new[0])
        case .comparison(let relation, _, _): .comparison(relation, new[0], new[1])
        case .choice: .choice(new[0], new[1], new[2])
        }
    }

    /// The expression with applications and derivative nodes of function `old` naming `new`.
    func renamingFunction(_ old: String, to new: String, depth: Int = 0) throws(CalculusError) -> Expression {
        guard depth <= 2 * Expression.maximumDepth else { throw .tooDeep(limit: Expression.maximumDepth) }
        var children: [Expression] = []
        for child in self.children { children.append(try child.renamingFunction(old, to: new, depth: depth + 1)) }
        switch self {
        case .apply(old, _): return .apply(new, children)
        case .derivative(old, let order, _): return .derivative(new, order: order, argument: children[0])
        default: return replacingChildren(children)
        }
    }
}

/// Names no formula can contain, for the parameters of function bodies while they are
/// differentiated or compiled (so that a parameter never meets a global of the same name).
/// Deterministic: the n-th name asked for is always the same.
///
/// One goes with a computation from its start to its end, through every derivative it takes
/// on the way, so it also keeps the derivatives of definitions under way in it
/// (`Differentiator`).
final class FreshNames {
    private var count = 0
    /// The defined symbols whose derivatives are being taken, each with its variable, in the
    /// order they were begun, across all the differentiators of the computation: a `\partial`
    /// in a definition starts a differentiator of its own, and the derivative of a definition
    /// that needs itself by that road (`z = ∂L/∂z` with `L` using `z`) is a cycle, not an
    /// endless recursion.
    var derivativesUnderWay: [(name: String, variable: String)] = []

    /// A new name, distinct from every name a reader produces and from earlier ones.
    func next(for parameter: String) -> String {
        count += 1
        return "\u{1}\(parameter)#\(count)"
    }
}
