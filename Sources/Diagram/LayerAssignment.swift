/// The first steps of the layered (Sugiyama) layout: breaking cycles and assigning layers.
enum LayerAssignment {
    /// An edge between node indices with its minimum span in layers.
    struct Link {
        var from: Int
        var to: Int
        var minimumSpan: Int
    }

    /// For each link, whether it must be reversed so that the graph has no cycle: the back
    /// edges of a depth-first search that starts from the sources, in declaration order.
    /// Iterative, so long chains cannot overflow the stack.
    static func backEdges(nodeCount: Int, links: [Link]) -> [Bool] {
        var outgoing = [[Int]](repeating: [], count: nodeCount)
        var indegree = [Int](repeating: 0, count: nodeCount)
        for (index, link) in links.enumerated() {
            outgoing[link.from].append(index)
            indegree[link.to] += 1
        }
        var reversed = [Bool](repeating: false, count: links.count)
        var state = [UInt8](repeating: 0, count: nodeCount)  // 0 new, 1 on the stack, 2 done
        let roots = (0..<nodeCount).filter { indegree[$0] == 0 } + (0..<nodeCount).filter { indegree[$0] > 0 }
        for root in roots where state[root] == 0 {
            var stack: [(node: Int, next: Int)] = [(root, 0)]
            state[root] = 1
            while let top = stack.last {
                if top.next < outgoing[top.node].count {
                    let edge = outgoing[top.node][top.next]
                    stack[stack.count - 1].next += 1
                    let target = links[edge].to
                    if state[target] == 1 {
                        reversed[edge] = true
                    } else if state[target] == 0 {
                        state[target] = 1
                        stack.append((target, 0))
                    }
                } else {
                    state[top.node] = 2
                    stack.removeLast()
                }
            }
        }
        return reversed
    }

    /// Layers (ranks) for an acyclic graph: longest path from the sources, then each node
    /// moved within its slack toward the side with more edges, which shortens edges the way
    /// network simplex would on small graphs (sources sit just before their first target).
    /// The smallest rank is 0.
    static func ranks(nodeCount: Int, links: [Link]) -> [Int] {
        var outgoing = [[Int]](repeating: [], count: nodeCount)
        var incoming = [[Int]](repeating: [], count: nodeCount)
        var indegree = [Int](repeating: 0, count: nodeCount)
        for (index, link) in links.enumerated() {
            outgoing[link.from].append(index)
            incoming[link.to].append(index)
            indegree[link.to] += 1
        }
        var rank = [Int](repeating: 0, count: nodeCount)
        var queue = (0..<nodeCount).filter { indegree[$0] == 0 }
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for edge in outgoing[node] {
                let link = links[edge]
                rank[link.to] = max(rank[link.to], rank[node] + link.minimumSpan)
                indegree[link.to] -= 1
                if indegree[link.to] == 0 { queue.append(link.to) }
            }
        }
        for _ in 0..<200 {
            var changed = false
            for node in 0..<nodeCount {
                let inCount = incoming[node].count
                let outCount = outgoing[node].count
                if inCount == outCount { continue }
                var target: Int
                if inCount > outCount {
                    target = Int.min
                    for edge in incoming[node] { target = max(target, rank[links[edge].from] + links[edge].minimumSpan) }
                } else {
                    target = Int.max
                    for edge in outgoing[node] { target = min(target, rank[links[edge].to] - links[edge].minimumSpan) }
                }
                if target != rank[node] {
                    rank[node] = target
                    changed = true
                }
            }
            if !changed { break }
        }
        let lowest = rank.min() ?? 0
        return rank.map { $0 - lowest }
    }
}
