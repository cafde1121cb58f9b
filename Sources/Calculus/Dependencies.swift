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
            leaves: graph.naturallyOrderedLeaves,
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
enum GraphNode: Hashable, Sendable {
    case symbol(String)
    case function(String)

    var name: String {
        switch self {
        case .symbol(let name), .function(let name): name
        }
    }
}

/// The graph of definitions reachable from some expressions, walked without recursion.
///
/// The nodes are numbered by a `DependencyIndex`: the context's own when it has one (made once
/// for all the questions asked of it), else one over the nodes the roots reach.
struct DependencyGraph {
    /// Defined symbols and functions reached, dependencies first.
    var order: [GraphNode] { orderIDs.map { index.nodes[$0] } }

    /// The leaves reached, in natural order (`x_2` before `x_10`).
    ///
    /// Those the index ranks are read off in rank order, without sorting; the others (every
    /// leaf when the index ranks none, else the few that only the roots use) are sorted and
    /// merged in. The order is total, so the result is that of sorting all of them.
    var naturallyOrderedLeaves: [String] {
        let others = Set(unrankedLeaves).sorted(by: naturallyPrecedes)
        var ranked: [String] = []
        rankedLeaves.forEachMember { ranked.append(index.leafNames[$0]) }
        if others.isEmpty { return ranked }
        if ranked.isEmpty { return others }
        var merged: [String] = []
        merged.reserveCapacity(ranked.count + others.count)
        var i = 0
        var j = 0
        while i < ranked.count, j < others.count {
            if naturallyPrecedes(others[j], ranked[i]) {
                merged.append(others[j])
                j += 1
            } else {
                merged.append(ranked[i])
                i += 1
            }
        }
        merged.append(contentsOf: ranked[i...])
        merged.append(contentsOf: others[j...])
        return merged
    }

    private let index: DependencyIndex
    private let stop: String?
    private var orderIDs: [Int] = []
    /// The leaves met that the index ranks, by rank.
    private var rankedLeaves = LeafSet()
    /// The leaves met that the index does not rank, repeats included.
    private var unrankedLeaves: [String] = []

    /// Walks from `roots`; when `stop` is given, its definition is not expanded (the meaning
    /// of ∂/∂stop, docs/note-language.md §6).
    init(context: Context, roots: [Expression], stoppingAt stop: String? = nil) throws(CalculusError) {
        self.stop = stop
        var rootDependencies: [GraphNode] = []
        // Those met, for a lookup in constant time (a program of 3000 definitions searched the
        // array 3000 times).
        var rootsMet = Set<GraphNode>()
        var rootLeaves: [String] = []
        for root in roots {
            if case .symbol(let name) = root {
                // A bare name (a definition's value, many a claim's side) needs no walk: it is
                // what a walk of it would find.
                if context.definitions[name] != nil {
                    let node = GraphNode.symbol(name)
                    if rootsMet.insert(node).inserted { rootDependencies.append(node) }
                } else if context.constantValue(of: name) == nil {
                    rootLeaves.append(name)
                }
                continue
            }
            let walk = try NodeWalk(of: root, locals: [], in: context)
            rootLeaves.append(contentsOf: walk.leaves)
            for node in walk.dependencies where rootsMet.insert(node).inserted {
                rootDependencies.append(node)
            }
        }
        index = context.dependencyIndex ?? DependencyIndex(context: context, reachableFrom: rootDependencies)
        if index.ranksLeaves {
            for leaf in rootLeaves {
                if let rank = index.leafRanks[leaf] {
                    rankedLeaves.insert(rank)
                } else {
                    unrankedLeaves.append(leaf)
                }
            }
        } else {
            unrankedLeaves = rootLeaves
        }
        try walk(from: rootDependencies.compactMap { index.ids[$0] })
    }

    /// The nodes whose value depends on the stop variable (directly or not).
    func nodesReachingStop() -> Set<GraphNode> {
        guard let stop else { return [] }
        var reaching = [Bool](repeating: false, count: index.nodes.count)
        var result: Set<GraphNode> = []
        for id in orderIDs {
            let direct = (try? index.walk(id))?.mentions(stop) ?? false
            if direct || index.dependencies[id].contains(where: { reaching[$0] }) {
                reaching[id] = true
                result.insert(index.nodes[id])
            }
        }
        return result
    }

    private mutating func walk(from starts: [Int]) throws(CalculusError) {
        let stopID = stop.flatMap { index.ids[.symbol($0)] }
        var finished = [Bool](repeating: false, count: index.nodes.count)
        var onPath = [Bool](repeating: false, count: index.nodes.count)
        // Each entered node and the position of the next dependency to visit.
        var stack: [(id: Int, next: Int)] = []
        for start in starts where !finished[start] && start != stopID {
            try enter(start, stack: &stack, onPath: &onPath)
            while let top = stack.last {
                let dependencies = index.dependencies[top.id]
                if top.next < dependencies.count {
                    stack[stack.count - 1].next += 1
                    let next = dependencies[top.next]
                    if next == stopID || finished[next] { continue }
                    if onPath[next] {
                        let start = stack.firstIndex { $0.id == next } ?? 0
                        throw .cycle(stack[start...].map { index.nodes[$0.id].name } + [index.nodes[next].name])
                    }
                    try enter(next, stack: &stack, onPath: &onPath)
                } else {
                    stack.removeLast()
                    onPath[top.id] = false
                    finished[top.id] = true
                    orderIDs.append(top.id)
                }
            }
        }
    }

    private mutating func enter(
        _ id: Int, stack: inout [(id: Int, next: Int)], onPath: inout [Bool]
    ) throws(CalculusError) {
        let walk = try index.walk(id)
        if index.ranksLeaves {
            for rank in index.walkLeafRanks[id] { rankedLeaves.insert(rank) }
        } else {
            unrankedLeaves.append(contentsOf: walk.leaves)
        }
        stack.append((id, 0))
        onPath[id] = true
    }
}

extension Context {
    /// Why `name` cannot be applied to `arity` arguments, or nil if it can.
    func checkApplication(of name: String, arity: Int) -> CalculusError? {
        do {
            _ = try builtinPosition(applying: name, arity: arity)
            return nil
        } catch {
            return error
        }
    }

    /// The position in `Builtins.all` of the built-in that `name` applied to `arity` arguments
    /// calls, or nil for a function of the context; throws why `name` cannot be applied so (as
    /// `checkApplication(of:arity:)` says).
    func builtinPosition(applying name: String, arity: Int) throws(CalculusError) -> Int? {
        if let overloads = Builtins.overloads(of: name) {
            if !functions.isEmpty, functions[name] != nil { throw .shadowsBuiltin(name) }
            // The last of a name and arity, should two share them.
            guard let index = overloads.arities.lastIndex(of: arity) else {
                throw .wrongArity(function: name, expected: overloads.arities, got: arity)
            }
            return overloads.positions[index]
        }
        guard let function = functions[name] else { throw .undefinedFunction(name) }
        guard function.parameters.count == arity else {
            throw .wrongArity(function: name, expected: [function.parameters.count], got: arity)
        }
        return nil
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
