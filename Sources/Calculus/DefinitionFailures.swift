/// Which defined symbols of a context cannot be evaluated, and why, found for all of them in
/// one pass over the graph of definitions (time linear in its size).
///
/// A symbol fails when its definition's walk fails (an undefined function, a wrong number of
/// arguments...), when it is on a cycle, or when it uses a symbol or function that fails: the
/// first such dependency in order of use gives its failure, as compiling it on its own reports
/// the first problem its walk meets. A symbol on a cycle fails with its own walk's problem if
/// it has one, else with the cycle: a shortest circle through the component's member that sorts
/// first (`cycle(through:)` gives one through any other member).
public struct DefinitionFailures: Sendable {
    /// The failure of each defined symbol that fails; the others compile.
    public let failures: [String: CalculusError]
    /// For each defined symbol or function on a cycle, the number of its cycle (a strongly
    /// connected component of the graph of definitions): members of one cycle share it.
    public let cycleOfSymbol: [String: Int]
    public let cycleOfFunction: [String: Int]
    private let nodes: [GraphNode]
    private let ids: [GraphNode: Int]
    private let components: StronglyConnectedComponents

    /// A shortest cycle through the defined symbol `name` (on a cycle), from it back to it.
    public func cycle(throughSymbol name: String) -> [String]? {
        guard cycleOfSymbol[name] != nil, let id = ids[.symbol(name)] else { return nil }
        return components.shortestCycle(through: id).map { nodes[$0].name }
    }

    init(context: Context) {
        let index = context.dependencyIndex ?? DependencyIndex(context: context)
        let nodes = index.nodes
        let components = StronglyConnectedComponents(successors: index.dependencies)
        var cycleOfSymbol: [String: Int] = [:]
        var cycleOfFunction: [String: Int] = [:]
        // The nodes of each component; its cycle, once, through the member that sorts first.
        var members = [[Int]](repeating: [], count: components.count)
        for id in nodes.indices {
            let component = components.component[id]
            guard components.isCycle[component] else { continue }
            members[component].append(id)
            switch nodes[id] {
            case .symbol(let name): cycleOfSymbol[name] = component
            case .function(let name): cycleOfFunction[name] = component
            }
        }
        var cycles: [Int: CalculusError] = [:]
        for component in members.indices where !members[component].isEmpty {
            let first = members[component].min { nodes[$0].name < nodes[$1].name }!
            cycles[component] = .cycle(components.shortestCycle(through: first).map { nodes[$0].name })
        }
        // Components are numbered dependencies first: each node's dependencies outside its
        // component are settled before it.
        var byComponent = [[Int]](repeating: [], count: components.count)
        for id in nodes.indices { byComponent[components.component[id]].append(id) }
        var failure = [CalculusError?](repeating: nil, count: nodes.count)
        for component in byComponent.indices {
            for id in byComponent[component] {
                do {
                    _ = try index.walk(id)
                } catch {
                    failure[id] = error
                    continue
                }
                if let cycle = cycles[component] {
                    failure[id] = cycle
                    continue
                }
                for dependency in index.dependencies[id] {
                    if let problem = failure[dependency] {
                        failure[id] = problem
                        break
                    }
                }
            }
        }
        var failures: [String: CalculusError] = [:]
        for id in nodes.indices {
            if case .symbol(let name) = nodes[id], let problem = failure[id] { failures[name] = problem }
        }
        self.failures = failures
        self.nodes = nodes
        ids = index.ids
        self.components = components
        self.cycleOfSymbol = cycleOfSymbol
        self.cycleOfFunction = cycleOfFunction
    }
}

extension Context {
    /// Which defined symbols fail to evaluate and why, for all of them at once (see
    /// `DefinitionFailures`).
    public func definitionFailures() -> DefinitionFailures {
        DefinitionFailures(context: self)
    }
}
