/// Positions across the flow: every vertex pulled toward the weighted mean of its neighbours,
/// layers kept in order and apart by exact weighted isotonic regression (pool adjacent
/// violators), in alternating sweeps. Long edges (chains of dummies) pull hardest, so they
/// run straight.
enum CrossAxisPlacement {
    /// The centre of each vertex across the flow.
    /// - Parameters:
    ///   - size: each vertex's extent across the flow.
    ///   - separation: the free space required between two neighbours in a layer.
    ///   - weight: how strongly an edge between two vertices pulls them in line.
    static func place(
        _ graph: LayeredGraph, size: [Double], separation: (Int, Int) -> Double, weight: (Int, Int) -> Double
    ) -> [Double] {
        var center = [Double](repeating: 0, count: size.count)
        for layer in graph.layers {
            var cursor = 0.0
            for (index, vertex) in layer.enumerated() {
                if index > 0 { cursor += size[layer[index - 1]] / 2 + separation(layer[index - 1], vertex) + size[vertex] / 2 }
                center[vertex] = cursor
            }
            let middle = cursor / 2
            for vertex in layer { center[vertex] -= middle }
        }
        let layerCount = graph.layers.count
        guard layerCount > 1 else { return center }
        // Which neighbours pull: 0 = previous layer, 1 = next layer, 2 = both.
        var passes: [(layer: Int, side: Int)] = []
        for round in 0..<30 {
            let side = round < 24 ? 0 : 2
            for layer in 1..<layerCount { passes.append((layer, side)) }
            for layer in (0..<(layerCount - 1)).reversed() { passes.append((layer, side == 0 ? 1 : 2)) }
        }
        for pass in passes {
            let layer = graph.layers[pass.layer]
            var targets: [Double] = []
            var weights: [Double] = []
            for vertex in layer {
                var neighbours: [Int] = []
                if pass.side != 1 { neighbours += graph.up[vertex] }
                if pass.side != 0 { neighbours += graph.down[vertex] }
                var total = 0.0
                var sum = 0.0
                for other in neighbours {
                    let w = weight(vertex, other)
                    total += w
                    sum += w * center[other]
                }
                if total > 0 {
                    targets.append(sum / total)
                    weights.append(total)
                } else {
                    targets.append(center[vertex])
                    weights.append(0.05)
                }
            }
            var gaps: [Double] = []
            for index in 0..<max(0, layer.count - 1) {
                let a = layer[index]
                let b = layer[index + 1]
                gaps.append(size[a] / 2 + separation(a, b) + size[b] / 2)
            }
            let placed = isotonic(targets: targets, weights: weights, gaps: gaps)
            for (index, vertex) in layer.enumerated() { center[vertex] = placed[index] }
        }
        return center
    }

    /// Positions p minimising Σ wᵢ(pᵢ − tᵢ)² subject to pᵢ₊₁ − pᵢ ≥ gapᵢ.
    static func isotonic(targets: [Double], weights: [Double], gaps: [Double]) -> [Double] {
        guard !targets.isEmpty else { return [] }
        var offsets = [0.0]
        for gap in gaps { offsets.append(offsets[offsets.count - 1] + gap) }
        // Blocks of pooled values: (weight, weighted sum, count).
        var blocks: [(weight: Double, sum: Double, count: Int)] = []
        for index in targets.indices {
            let w = max(weights[index], 1e-9)
            blocks.append((w, w * (targets[index] - offsets[index]), 1))
            while blocks.count > 1 {
                let last = blocks[blocks.count - 1]
                let before = blocks[blocks.count - 2]
                guard before.sum / before.weight > last.sum / last.weight else { break }
                blocks.removeLast(2)
                blocks.append((before.weight + last.weight, before.sum + last.sum, before.count + last.count))
            }
        }
        var result: [Double] = []
        result.reserveCapacity(targets.count)
        for block in blocks {
            let mean = block.sum / block.weight
            for _ in 0..<block.count { result.append(mean + offsets[result.count]) }
        }
        return result
    }
}
