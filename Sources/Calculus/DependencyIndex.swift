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
