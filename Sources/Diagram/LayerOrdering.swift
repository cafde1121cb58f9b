/// The vertices of a layered graph (nodes, and dummies on edges that span several layers)
/// with their neighbours in the adjacent layers.
struct LayeredGraph {
    /// Each layer's vertices, in order.
    var layers: [[Int]]
    /// Neighbours in the next layer (with multiplicity).
    var down: [[Int]]
    /// Neighbours in the previous layer (with multiplicity).
    var up: [[Int]]

    /// The position of every vertex within its layer.
    func positions() -> [Int] {
        var position = [Int](repeating: 0, count: down.count)
        for layer in layers {
            for (index, vertex) in layer.enumerated() { position[vertex] = index }
        }
        return position
    }
}

/// Orders the vertices within layers to reduce edge crossings: a depth-first initial order,
/// barycenter sweeps down and up with adjacent transpositions, and, for small graphs that
/// still cross, an exhaustive branch-and-bound search that finds the minimum.
enum LayerOrdering {
    /// The search space (product of the layers' factorials) up to which the exact search runs.
    static let exactSearchLimit = 60_000

    /// Reorders `graph.layers` in place.
    static func order(_ graph: inout LayeredGraph) {
        graph.layers = initialOrder(graph)
        var best = graph.layers
        var bestCrossings = crossings(graph)
        var stale = 0
        var iteration = 0
        while bestCrossings > 0 && stale < 4 && iteration < 32 {
            sweep(&graph, downward: iteration % 2 == 0)
            transpose(&graph)
            let count = crossings(graph)
            if count < bestCrossings {
                bestCrossings = count
                best = graph.layers
                stale = 0
            } else {
                stale += 1
            }
            iteration += 1
        }
        graph.layers = best
        if bestCrossings > 0, let exact = exactOrder(graph, bound: bestCrossings) {
            graph.layers = exact
        }
    }

    /// Vertices appended to their layers in depth-first order from the first layer's vertices.
    static func initialOrder(_ graph: LayeredGraph) -> [[Int]] {
        var layerOf = [Int](repeating: 0, count: graph.down.count)
        for (index, layer) in graph.layers.enumerated() {
            for vertex in layer { layerOf[vertex] = index }
        }
        var result = [[Int]](repeating: [], count: graph.layers.count)
        var visited = [Bool](repeating: false, count: graph.down.count)
        for start in graph.layers.flatMap({ $0 }) where !visited[start] {
            var stack = [start]
            while let vertex = stack.popLast() {
                if visited[vertex] { continue }
                visited[vertex] = true
                result[layerOf[vertex]].append(vertex)
                for next in graph.down[vertex].reversed() where !visited[next] { stack.append(next) }
            }
        }
        return result
    }

    /// Total crossings between all adjacent layers.
    static func crossings(_ graph: LayeredGraph) -> Int {
        let position = graph.positions()
        var total = 0
        for index in 0..<max(0, graph.layers.count - 1) {
            total += crossings(graph, upper: index, position: position)
        }
        return total
    }

    /// Crossings between layer `upper` and the next one (inversions, counted with a Fenwick tree).
    static func crossings(_ graph: LayeredGraph, upper: Int, position: [Int]) -> Int {
        let lowerCount = graph.layers[upper + 1].count
        guard lowerCount > 1 else { return 0 }
        var tree = [Int](repeating: 0, count: lowerCount + 1)
        var inserted = 0
        var total = 0
        for vertex in graph.layers[upper] {
            let targets = graph.down[vertex].map { position[$0] }.sorted()
            for target in targets {
                var sum = 0
                var i = target + 1
                while i > 0 {
                    sum += tree[i]
                    i -= i & -i
                }
                total += inserted - sum
                i = target + 1
                while i <= lowerCount {
                    tree[i] += 1
                    i += i & -i
                }
                inserted += 1
            }
        }
        return total
    }

    /// One barycenter pass: each layer sorted by the mean position of its neighbours in the
    /// layer before it (in sweep order); vertices without such neighbours keep their place.
    private static func sweep(_ graph: inout LayeredGraph, downward: Bool) {
        let indices = downward ? Array(1..<max(1, graph.layers.count)) : Array((0..<max(0, graph.layers.count - 1)).reversed())
        for layerIndex in indices {
            let position = graph.positions()
            let layer = graph.layers[layerIndex]
            let keyed = layer.enumerated().map { index, vertex -> (key: Double, index: Int, vertex: Int) in
                let neighbours = downward ? graph.up[vertex] : graph.down[vertex]
                guard !neighbours.isEmpty else { return (Double(index), index, vertex) }
                let sum = neighbours.reduce(0) { $0 + position[$1] }
                // Scale to the layer's own positions so fixed vertices and moved ones interleave.
                let bary = Double(sum) / Double(neighbours.count)
                return (bary * scale(graph, from: layerIndex + (downward ? -1 : 1), to: layerIndex), index, vertex)
            }
            graph.layers[layerIndex] = keyed.sorted { ($0.key, $0.index) < ($1.key, $1.index) }.map(\.vertex)
        }
    }

    private static func scale(_ graph: LayeredGraph, from: Int, to: Int) -> Double {
        let fromCount = max(1, graph.layers[from].count - 1)
        let toCount = max(1, graph.layers[to].count - 1)
        return Double(toCount) / Double(fromCount)
    }

    /// Swaps neighbours within layers while that lowers the crossings they take part in.
    private static func transpose(_ graph: inout LayeredGraph) {
        for _ in 0..<20 {
            var improved = false
            var position = graph.positions()
            for layerIndex in graph.layers.indices {
                var layer = graph.layers[layerIndex]
                guard layer.count > 1 else { continue }
                for j in 0..<(layer.count - 1) {
                    let v = layer[j]
                    let w = layer[j + 1]
                    let (keep, swap) = pairCrossings(graph, v, w, position)
                    if swap < keep {
                        layer.swapAt(j, j + 1)
                        position[v] = j + 1
                        position[w] = j
                        improved = true
                    }
                }
                graph.layers[layerIndex] = layer
            }
            if !improved { break }
        }
    }

    /// Crossings among the edges of `v` and `w` with `v` left of `w`, and with them swapped.
    private static func pairCrossings(_ graph: LayeredGraph, _ v: Int, _ w: Int, _ position: [Int]) -> (Int, Int) {
        var keep = 0
        var swap = 0
        for neighbours in [(graph.up[v], graph.up[w]), (graph.down[v], graph.down[w])] {
            for a in neighbours.0 {
                for b in neighbours.1 {
                    if position[a] > position[b] { keep += 1 }
                    if position[a] < position[b] { swap += 1 }
                }
            }
        }
        return (keep, swap)
    }

    /// The order with the fewest crossings, found by trying every order of every layer with
    /// branch and bound, when the search is small enough and can beat `bound`.
    static func exactOrder(_ graph: LayeredGraph, bound: Int) -> [[Int]]? {
        var space = 1
        for layer in graph.layers {
            for k in stride(from: 2, through: max(2, layer.count), by: 1) where layer.count >= 2 {
                space *= k
                if space > exactSearchLimit { return nil }
            }
        }
        let permutations = graph.layers.map(Self.permutations)
        var working = graph
        var best = bound
        var bestLayers: [[Int]]?
        var position = graph.positions()
        // Depth-first over layers with an explicit stack of choice indices (no recursion).
        var choice = [Int](repeating: -1, count: graph.layers.count)
        var partial = [Int](repeating: 0, count: graph.layers.count + 1)
        var depth = 0
        while depth >= 0 {
            choice[depth] += 1
            if choice[depth] >= permutations[depth].count {
                choice[depth] = -1
                depth -= 1
                continue
            }
            let order = permutations[depth][choice[depth]]
            working.layers[depth] = order
            for (index, vertex) in order.enumerated() { position[vertex] = index }
            let added = depth > 0 ? crossings(working, upper: depth - 1, position: position) : 0
            let sum = partial[depth] + added
            if sum >= best { continue }
            if depth == graph.layers.count - 1 {
                best = sum
                bestLayers = working.layers
                if best == 0 { break }
                continue
            }
            partial[depth + 1] = sum
            depth += 1
        }
        return bestLayers
    }

    /// All orders of `items`, the given order first (Heap's algorithm, iterative).
    static func permutations(_ items: [Int]) -> [[Int]] {
        var result = [items]
        var array = items
        var counters = [Int](repeating: 0, count: items.count)
        var i = 1
        while i < array.count {
            if counters[i] < i {
                if i % 2 == 0 { array.swapAt(0, i) } else { array.swapAt(counters[i], i) }
                result.append(array)
                counters[i] += 1
                i = 1
            } else {
                counters[i] = 0
                i += 1
            }
        }
        return result
    }
}
