/// The strongly connected components of a directed graph (Tarjan's algorithm, without
/// recursion: a chain of 100,000 nodes needs no deeper stack than one of two), in time linear in
/// its nodes and edges.
///
/// Used to find every cycle of a note's definitions at once: asking each definition on its own
/// whether its walk comes back to it took time quadratic in the length of a cycle (issue 15).
public struct StronglyConnectedComponents: Sendable {
    /// The component of each node. Components are numbered dependencies first: every node that
    /// node `n` reaches outside its own component is in a component numbered lower than `n`'s.
    public let component: [Int]
    /// The number of components.
    public let count: Int
    /// Whether each component is a cycle: more than one node, or one node with an edge to itself.
    public let isCycle: [Bool]
    private let successors: [[Int]]

    /// The components of the graph whose node `n` has edges to `successors[n]` (numbers of
    /// nodes, in `0..<successors.count`).
    public init(successors: [[Int]]) {
        self.successors = successors
        let nodeCount = successors.count
        var component = [Int](repeating: -1, count: nodeCount)
        var index = [Int](repeating: -1, count: nodeCount)
        var lowLink = [Int](repeating: 0, count: nodeCount)
        var onStack = [Bool](repeating: false, count: nodeCount)
        var stack: [Int] = []
        var isCycle: [Bool] = []
        var nextIndex = 0
        // The nodes being visited, each with the position of its next successor to look at.
        var visits: [(node: Int, next: Int)] = []
        for root in 0..<nodeCount where index[root] < 0 {
            visits.append((root, 0))
            index[root] = nextIndex
            lowLink[root] = nextIndex
            nextIndex += 1
            stack.append(root)
            onStack[root] = true
            while let (node, next) = visits.last {
                if next < successors[node].count {
                    visits[visits.count - 1].next += 1
                    let successor = successors[node][next]
                    if index[successor] < 0 {
                        index[successor] = nextIndex
                        lowLink[successor] = nextIndex
                        nextIndex += 1
                        stack.append(successor)
                        onStack[successor] = true
                        visits.append((successor, 0))
                    } else if onStack[successor] {
                        lowLink[node] = min(lowLink[node], index[successor])
                    }
                    continue
                }
                visits.removeLast()
                if let parent = visits.last?.node { lowLink[parent] = min(lowLink[parent], lowLink[node]) }
                guard lowLink[node] == index[node] else { continue }
                // `node` is the root of a component: the nodes above it on the stack.
                let number = isCycle.count
                var size = 0
                while let member = stack.popLast() {
                    onStack[member] = false
                    component[member] = number
                    size += 1
                    if member == node { break }
                }
                isCycle.append(size > 1 || successors[node].contains(node))
            }
        }
        self.component = component
        self.count = isCycle.count
        self.isCycle = isCycle
    }

    /// A shortest cycle through `node` (which must be in a cycle component), from `node` back to
    /// it: `[node, …, node]`. Breadth first within the component, so it takes time linear in
    /// the component's edges.
    public func shortestCycle(through node: Int) -> [Int] {
        let own = component[node]
        var previous: [Int: Int] = [:]
        var frontier = [node]
        var position = 0
        while position < frontier.count {
            let current = frontier[position]
            position += 1
            for successor in successors[current] where component[successor] == own {
                if successor == node {
                    var path = [node]
                    var step = current
                    while step != node {
                        path.append(step)
                        step = previous[step]!
                    }
                    path.append(node)
                    // Built from the end: the nodes between are reversed.
                    return [node] + path[1..<(path.count - 1)].reversed() + [node]
                }
                if previous[successor] == nil {
                    previous[successor] = current
                    frontier.append(successor)
                }
            }
        }
        return [node, node]
    }
}
