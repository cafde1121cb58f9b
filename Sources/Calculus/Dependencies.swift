/// What expressions depend on through the definitions and functions of a context.
public struct Dependencies: Hashable, Sendable {
    /// The leaves reached: names that are neither defined nor unshadowed constants, whether or
    /// not they have a value, in natural order (`x_2` before `x_10`).
    public var leaves: [String]
    /// The defined symbols reached, each after the definitions it uses (an evaluation order).
    public var definitions: [String]
    /// The functions of the context reached, each after the ones it uses.
    public var functions: [String]
}

extension Context {
    /// The leaves, definitions and functions the expressions use, directly or through
    /// definitions and function bodies.
    ///
    /// Throws `cycle` (naming it) when definitions use each other in a circle, and
    /// `undefinedFunction`, `wrongArity`, `notOneParameter`, `shadowsBuiltin`, `negativeOrder`
    /// or `tooDeep` for the first such problem met.
    public func dependencies(of expressions: [Expression]) throws(CalculusError) -> Dependencies {
        let graph = try DependencyGraph(context: self, roots: expressions)
        var definitions: [String] = []
        var functions: [String] = []
        for node in graph.order {
            switch node {
            case .symbol(let name): definitions.append(name)
            case .function(let name): functions.append(name)
            }
        }
        return Dependencies(
            leaves: graph.leaves.sorted(by: naturallyPrecedes),
            definitions: definitions,
            functions: functions
        )
    }

    /// The leaves the expression depends on through definitions, in natural order.
    public func leaves(of expression: Expression) throws(CalculusError) -> [String] {
        try dependencies(of: [expression]).leaves
    }
}

/// A defined symbol or a function of the context: the nodes of the graph of definitions.
enum GraphNode: Hashable {
    case symbol(String)
    case function(String)

    var name: String {
        switch self {
        case .symbol(let name), .function(let name): name
        }
    }
}

/// The graph of definitions reachable from some expressions, walked without recursion.
struct DependencyGraph {
    /// Defined symbols and functions reached, dependencies first.
    private(set) var order: [GraphNode] = []
    /// The direct dependencies of each node of `order` and of the roots (key `nil`). The stop
    /// variable appears as `.symbol(stop)` but is not expanded.
    private(set) var edges: [GraphNode?: [GraphNode]] = [:]
    /// The leaves reached.
    private(set) var leaves: Set<String> = []

    private let context: Context
    private let stop: String?

    /// Walks from `roots`; when `stop` is given, its definition is not expanded (the meaning
    /// of ∂/∂stop, NOTE-LANGUAGE §6).
    init(context: Context, roots: [Expression], stoppingAt stop: String? = nil) throws(CalculusError) {
        self.context = context
        self.stop = stop
        var rootDependencies: [GraphNode] = []
        for root in roots {
            for node in try directDependencies(of: root, locals: []) where !rootDependencies.contains(node) {
                rootDependencies.append(node)
            }
        }
        edges[nil] = rootDependencies
        try walk(from: rootDependencies)
    }

    /// The nodes whose value depends on the stop variable (directly or not).
    func nodesReachingStop() -> Set<GraphNode> {
        guard let stop else { return [] }
        var reaching: Set<GraphNode> = []
        for node in order where edges[node, default: []].contains(where: { $0 == .symbol(stop) || reaching.contains($0) }) {
            reaching.insert(node)
        }
        return reaching
    }

    private mutating func walk(from starts: [GraphNode]) throws(CalculusError) {
        var finished: Set<GraphNode> = []
        var onPath: Set<GraphNode> = []
        // Each entered node with its dependencies (also in `edges`) and the next one to visit.
        var stack: [(node: GraphNode, dependencies: [GraphNode], next: Int)] = []
        for start in starts where !finished.contains(start) && !isStop(start) {
            try enter(start, stack: &stack, onPath: &onPath)
            while let top = stack.last {
                if top.next < top.dependencies.count {
                    stack[stack.count - 1].next += 1
                    let next = top.dependencies[top.next]
                    if isStop(next) || finished.contains(next) { continue }
                    if onPath.contains(next) {
                        let start = stack.firstIndex { $0.node == next } ?? 0
                        throw .cycle(stack[start...].map(\.node.name) + [next.name])
                    }
                    try enter(next, stack: &stack, onPath: &onPath)
                } else {
                    stack.removeLast()
                    onPath.remove(top.node)
                    finished.insert(top.node)
                    order.append(top.node)
                }
            }
        }
    }

    private mutating func enter(
        _ node: GraphNode, stack: inout [(node: GraphNode, dependencies: [GraphNode], next: Int)],
        onPath: inout Set<GraphNode>
    ) throws(CalculusError) {
        let dependencies: [GraphNode]
        switch node {
        case .symbol(let name):
            dependencies = try directDependencies(of: context.definitions[name] ?? .number(0), locals: [])
        case .function(let name):
            let function = context.functions[name] ?? UserFunction(parameters: [], body: .number(0))
            dependencies = try directDependencies(of: function.body, locals: Set(function.parameters))
        }
        edges[node] = dependencies
        stack.append((node, dependencies, 0))
        onPath.insert(node)
    }

    private func isStop(_ node: GraphNode) -> Bool {
        if case .symbol(let name) = node, name == stop { return true }
        return false
    }

    /// The defined symbols and functions `expression` uses directly (parameters in `locals`
    /// excluded); records the leaves met; checks arities.
    private mutating func directDependencies(
        of expression: Expression, locals: Set<String>
    ) throws(CalculusError) -> [GraphNode] {
        var nodes: [GraphNode] = []
        // Few nodes are searched one by one; many are indexed.
        var seen: Set<GraphNode>?
        func add(_ node: GraphNode) {
            if seen == nil {
                guard !nodes.contains(node) else { return }
                nodes.append(node)
                if nodes.count > 16 { seen = Set(nodes) }
            } else if seen?.insert(node).inserted == true {
                nodes.append(node)
            }
        }
        var problem: CalculusError?
        // One walk, pre-order and left to right, measuring the depth as it goes: too deep an
        // expression is reported before any other problem.
        var stack: [(Expression, Int)] = [(expression, 1)]
        while let (node, level) = stack.popLast() {
            if level > Expression.maximumDepth { throw .tooDeep(limit: Expression.maximumDepth) }
            node.forEachChildReversed { stack.append(($0, level + 1)) }
            guard problem == nil else { continue }
            switch node {
            case .symbol(let name) where !locals.contains(name):
                if name == stop {
                    add(.symbol(name))
                    if context.isLeaf(name) { leaves.insert(name) }
                } else if context.definitions[name] != nil {
                    add(.symbol(name))
                } else if context.constantValue(of: name) == nil {
                    leaves.insert(name)
                }
            case .apply(let name, let arguments):
                problem = context.checkApplication(of: name, arity: arguments.count)
                if context.functions[name] != nil { add(.function(name)) }
            case .derivative(let name, let order, _):
                problem = order < 0 ? .negativeOrder(order) : context.checkDerivative(of: name)
                if context.functions[name] != nil { add(.function(name)) }
            case .partial(_, _, let order) where order < 0:
                problem = .negativeOrder(order)
            default:
                break
            }
        }
        if let problem { throw problem }
        return nodes
    }
}

extension Context {
    /// Why `name` cannot be applied to `arity` arguments, or nil if it can.
    func checkApplication(of name: String, arity: Int) -> CalculusError? {
        let builtinArities = Builtins.arities(of: name)
        if !builtinArities.isEmpty {
            if functions[name] != nil { return .shadowsBuiltin(name) }
            return builtinArities.contains(arity)
                ? nil : .wrongArity(function: name, expected: builtinArities, got: arity)
        }
        guard let function = functions[name] else { return .undefinedFunction(name) }
        return function.parameters.count == arity
            ? nil : .wrongArity(function: name, expected: [function.parameters.count], got: arity)
    }

    /// Why `name'` is not a derivative of a one-parameter function, or nil if it is.
    func checkDerivative(of name: String) -> CalculusError? {
        let builtinArities = Builtins.arities(of: name)
        if !builtinArities.isEmpty {
            if functions[name] != nil { return .shadowsBuiltin(name) }
            return builtinArities.contains(1)
                ? nil : .notOneParameter(function: name, parameters: builtinArities[0])
        }
        guard let function = functions[name] else { return .undefinedFunction(name) }
        return function.parameters.count == 1
            ? nil : .notOneParameter(function: name, parameters: function.parameters.count)
    }
}
