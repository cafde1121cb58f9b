/// What one expression uses directly: the walk of a definition, a function body or a root,
/// which `DependencyGraph` joins into the graph of definitions.
struct NodeWalk: Sendable {
    /// The defined symbols and functions used directly, in order of first use.
    var dependencies: [GraphNode]
    /// Every symbol (outside the parameters) and every function of the context met, in order of
    /// first use, each marked whether it is one of `dependencies` (a stop variable that is not
    /// defined is met but is no dependency).
    var met: [(node: GraphNode, isDependency: Bool)]
    /// The leaves used directly: names that are neither defined nor unshadowed constants, in
    /// order of first use.
    var leaves: [String]

    /// The walk of the definition of a symbol or the body of a function of `context`.
    init(of node: GraphNode, in context: Context) throws(CalculusError) {
        switch node {
        case .symbol(let name):
            try self.init(of: context.definitions[name] ?? .number(0), locals: [], in: context)
        case .function(let name):
            let function = context.functions[name] ?? UserFunction(parameters: [], body: .number(0))
            try self.init(of: function.body, locals: Set(function.parameters), in: context)
        }
    }

    /// Walks `expression` (the names in `locals` excluded), checking arities and orders.
    ///
    /// One walk, pre-order and left to right, measuring the depth as it goes: too deep an
    /// expression is reported before any other problem.
    init(of expression: Expression, locals: Set<String>, in context: Context) throws(CalculusError) {
        // Sized for a formula's few names: grown from none, each list is copied at every
        // doubling.
        dependencies = []
        dependencies.reserveCapacity(4)
        met = []
        met.reserveCapacity(8)
        leaves = []
        leaves.reserveCapacity(8)
        // Few nodes are searched one by one; many are indexed.
        var seen: Set<GraphNode>?
        /// Records `node` the first time it is met; whether it was new.
        @discardableResult
        func meet(_ node: GraphNode, isDependency: Bool) -> Bool {
            if seen != nil {
                guard seen?.insert(node).inserted == true else { return false }
            } else {
                guard !met.contains(where: { $0.node == node }) else { return false }
                if met.count >= 16 { seen = Set(met.map(\.node) + [node]) }
            }
            met.append((node, isDependency))
            if isDependency { dependencies.append(node) }
            return true
        }
        var problem: CalculusError?
        // Sized once for a formula of a few dozen nodes: grown from one, it is copied at
        // every doubling.
        var stack: [(Expression, Int)] = []
        stack.reserveCapacity(32)
        stack.append((expression, 1))
        while let (node, level) = stack.popLast() {
            if level > Expression.maximumDepth { throw .tooDeep(limit: Expression.maximumDepth) }
            node.forEachChildReversed { stack.append(($0, level + 1)) }
            guard problem == nil else { continue }
            switch node {
            case .symbol(let name) where locals.isEmpty || !locals.contains(name):
                if context.definitions[name] != nil {
                    meet(.symbol(name), isDependency: true)
                } else if meet(.symbol(name), isDependency: false), context.constantValue(of: name) == nil {
                    leaves.append(name)
                }
            case .apply(let name, let arguments):
                problem = context.checkApplication(of: name, arity: arguments.count)
                if context.functions[name] != nil { meet(.function(name), isDependency: true) }
            case .derivative(let name, let order, _):
                problem = order < 0 ? .negativeOrder(order) : context.checkDerivative(of: name)
                if context.functions[name] != nil { meet(.function(name), isDependency: true) }
            case .partial(_, _, let order) where order < 0:
                problem = .negativeOrder(order)
            default:
                break
            }
        }
        if let problem { throw problem }
    }

    /// Whether the walked expression uses the symbol `name`.
    func mentions(_ name: String) -> Bool {
        met.contains { met in
            if case .symbol(let symbol) = met.node { return symbol == name }
            return false
        }
    }
}
