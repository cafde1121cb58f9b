/// Samples a function into finite polyline pieces, split where it is undefined (NaN, ±∞)
/// and where it jumps, refined where the curve bends.
struct PlotSampler {
    /// The function sampled (a ``PlotCurve/sampler()``).
    var function: (Double) -> Double
    /// The vertical range the curve will be drawn in (sets the jump threshold and the tolerance).
    var yRange: ClosedRange<Double>
    /// Drawing height in pixels of `yRange`, for the refinement tolerance.
    var pixelHeight: Double
    /// Number of uniform samples before refinement.
    var count = 241
    /// The most points refinement may add over the whole curve (noise cannot blow it up).
    var refinementBudget = 4000

    /// Evaluates the function at `x`; never traps, whatever the closure returns.
    func value(_ x: Double) -> Double { function(x) }

    /// The pieces of the curve over `xRange`, each a list of finite points with increasing x.
    func pieces(over xRange: ClosedRange<Double>) -> [[PlotPoint]] {
        var budget = refinementBudget
        func refined(from a: PlotPoint, to b: PlotPoint) -> [PlotPoint] {
            self.refined(from: a, to: b, depth: 0, budget: &budget)
        }
        let xs = Self.uniform(xRange, count: count)
        let ys = xs.map(value)
        var pieces: [[PlotPoint]] = []
        var current: [PlotPoint] = []
        for index in xs.indices {
            let x = xs[index]
            let y = ys[index]
            guard y.isFinite else {
                if let last = current.last {
                    // Walk up to the edge of the domain so the piece reaches it.
                    if let edge = domainEdge(inside: last.x, outside: x) { current.append(edge) }
                    pieces.append(current)
                    current = []
                }
                continue
            }
            let point = PlotPoint(x: x, y: y)
            if let last = current.last {
                if let jump = jump(from: last, to: point) {
                    current.append(contentsOf: refined(from: last, to: jump.before))
                    pieces.append(current)
                    current = [jump.after]
                    current.append(contentsOf: refined(from: jump.after, to: point))
                } else {
                    current.append(contentsOf: refined(from: last, to: point))
                }
            } else {
                if index > 0, let edge = domainEdge(inside: x, outside: xs[index - 1]) {
                    current.append(edge)
                    current.append(contentsOf: refined(from: edge, to: point))
                } else {
                    current.append(point)
                }
            }
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces.filter { !$0.isEmpty }
    }

    /// `count` evenly spaced values from the lower to the upper bound, both included.
    static func uniform(_ range: ClosedRange<Double>, count: Int) -> [Double] {
        let n = max(2, count)
        let span = range.upperBound - range.lowerBound
        return (0..<n).map { index in
            index == n - 1 ? range.upperBound : range.lowerBound + span * Double(index) / Double(n - 1)
        }
    }

    private var span: Double { max(yRange.upperBound - yRange.lowerBound, 1e-300) }

    /// The last finite point between `inside` (finite) and `outside` (not finite), by bisection.
    private func domainEdge(inside: Double, outside: Double) -> PlotPoint? {
        var good = inside
        var bad = outside
        var goodValue = value(inside)
        guard goodValue.isFinite else { return nil }
        for _ in 0..<52 {
            let middle = (good + bad) / 2
            if middle == good || middle == bad { break }
            let y = value(middle)
            if y.isFinite {
                good = middle
                goodValue = y
            } else {
                bad = middle
            }
        }
        return good == inside ? nil : PlotPoint(x: good, y: goodValue)
    }

    /// When the curve jumps (or has a pole) between `a` and `b`, the points just before and
    /// just after the discontinuity; `nil` when it is continuous there (however steep).
    private func jump(from a: PlotPoint, to b: PlotPoint) -> (before: PlotPoint, after: PlotPoint)? {
        let threshold = 0.2 * span
        guard abs(b.y - a.y) > threshold else { return nil }
        let low = yRange.lowerBound
        let high = yRange.upperBound
        if (a.y > high && b.y > high) || (a.y < low && b.y < low) { return nil }
        var left = a
        var right = b
        for _ in 0..<60 {
            let middleX = (left.x + right.x) / 2
            if middleX == left.x || middleX == right.x { break }
            let y = value(middleX)
            guard y.isFinite else {
                // An undefined point inside: treat as a break on both sides of it.
                let before = domainEdge(inside: left.x, outside: middleX) ?? left
                let after = domainEdge(inside: right.x, outside: middleX) ?? right
                return (before, after)
            }
            let middle = PlotPoint(x: middleX, y: y)
            if abs(middle.y - left.y) >= abs(right.y - middle.y) {
                right = middle
            } else {
                left = middle
            }
            if abs(right.y - left.y) < threshold / 8 { return nil }
        }
        return (left, right)
    }

    /// Points strictly after `a` up to and including `b`, added where the chord is more
    /// than a fraction of a pixel away from the curve.
    private func refined(from a: PlotPoint, to b: PlotPoint, depth: Int, budget: inout Int) -> [PlotPoint] {
        guard depth < 10, budget > 0 else { return [b] }
        let middleX = (a.x + b.x) / 2
        guard middleX != a.x, middleX != b.x else { return [b] }
        let y = value(middleX)
        guard y.isFinite else { return [b] }
        let clampLow = yRange.lowerBound - span
        let clampHigh = yRange.upperBound + span
        func clamp(_ v: Double) -> Double { min(max(v, clampLow), clampHigh) }
        let chord = (clamp(a.y) + clamp(b.y)) / 2
        let deviation = abs(clamp(y) - chord) / span * pixelHeight
        guard deviation > 0.35 else { return [b] }
        let middle = PlotPoint(x: middleX, y: y)
        budget -= 1
        return refined(from: a, to: middle, depth: depth + 1, budget: &budget)
            + refined(from: middle, to: b, depth: depth + 1, budget: &budget)
    }
}
