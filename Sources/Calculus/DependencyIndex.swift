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
        dependencies = []
        met = []
        leaves = []
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

/// The walks of the definitions and functions of one context, each made once and numbered, so
/// that the many dependency graphs built while checking a note (one per compile, one per
/// derivative) neither walk the same definitions again nor hash their names at every step.
/// A context keeps its index until it is changed (`Context.indexDependencies()`).
final class DependencyIndex: Sendable {
    /// The nodes, by number.
    let nodes: [GraphNode]
    /// The number of each node.
    let ids: [GraphNode: Int]
    /// The numbers of each node's direct dependencies, in order of first use (none when its
    /// walk failed).
    let dependencies: [[Int]]
    /// Whether the leaves of the walks are ranked (`leafNames`, `leafRanks`, `walkLeafRanks`):
    /// a context's own index ranks them, once; an index made for one graph does not.
    let ranksLeaves: Bool
    /// Every leaf of the walks, in natural order (empty unless `ranksLeaves`).
    let leafNames: [String]
    /// The position of each leaf in `leafNames`.
    let leafRanks: [String: Int]
    /// The leaves of each node's walk as positions in `leafNames` (none when its walk failed).
    let walkLeafRanks: [[Int]]
    private let walks: [Result<NodeWalk, CalculusError>]

    /// Walks every definition and function of `context`, and ranks their leaves in natural
    /// order, so that a graph orders its leaves without sorting them.
    convenience init(context: Context) {
        let nodes = context.definitions.keys.map { GraphNode.symbol($0) } + context.functions.keys.map { .function($0) }
        self.init(context: context, reachableFrom: nodes, rankingLeaves: true)
    }

    /// Walks the definitions and functions reachable from `starts` (nodes of `context`).
    init(context: Context, reachableFrom starts: [GraphNode], rankingLeaves: Bool = false) {
        var nodes: [GraphNode] = []
        var ids: [GraphNode: Int] = [:]
        // A context's own index starts from every node it will hold.
        if rankingLeaves { ids.reserveCapacity(starts.count) }
        var walks: [Result<NodeWalk, CalculusError>] = []
        var pending = starts
        while let node = pending.popLast() {
            guard ids[node] == nil else { continue }
            ids[node] = nodes.count
            nodes.append(node)
            do {
                let walk = try NodeWalk(of: node, in: context)
                walks.append(.success(walk))
                pending.append(contentsOf: walk.dependencies)
            } catch {
                walks.append(.failure(error))
            }
        }
        self.nodes = nodes
        self.ids = ids
        self.walks = walks
        dependencies = walks.map { walk in
            guard case .success(let walk) = walk else { return [] }
            return walk.dependencies.compactMap { ids[$0] }
        }
        ranksLeaves = rankingLeaves
        guard rankingLeaves else {
            leafNames = []
            leafRanks = [:]
            walkLeafRanks = []
            return
        }
        // Each leaf is numbered as met (one lookup per use), the numbers sorted by name once,
        // and the numbers turned into ranks.
        var numbers: [String: Int] = [:]
        numbers.reserveCapacity(nodes.count)
        var distinct: [String] = []
        let walkNumbers = walks.map { walk -> [Int] in
            guard case .success(let walk) = walk else { return [] }
            return walk.leaves.map { leaf in
                if let number = numbers[leaf] { return number }
                numbers[leaf] = distinct.count
                distinct.append(leaf)
                return distinct.count - 1
            }
        }
        let order = distinct.enumerated().sorted { naturallyPrecedes($0.element, $1.element) }
        var rankOf = [Int](repeating: 0, count: distinct.count)
        for (rank, leaf) in order.enumerated() { rankOf[leaf.offset] = rank }
        leafNames = order.map(\.element)
        leafRanks = numbers.mapValues { rankOf[$0] }
        walkLeafRanks = walkNumbers.map { $0.map { rankOf[$0] } }
    }

    /// The walk of node `id`; throws what walking it threw.
    func walk(_ id: Int) throws(CalculusError) -> NodeWalk {
        try walks[id].get()
    }
}
