/// A point in data coordinates.
public struct PlotPoint: Sendable, Equatable {
    /// The horizontal coordinate.
    public var x: Double
    /// The vertical coordinate.
    public var y: Double

    /// The point (x, y).
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// Where a curve leaves or enters the plot through its top or bottom edge.
public struct PlotClipMark: Sendable, Equatable {
    /// Which edge the curve crosses.
    public enum Edge: String, Sendable, Equatable {
        /// The curve continues above the plot.
        case top
        /// The curve continues below the plot.
        case bottom
    }
    /// The horizontal position of the crossing.
    public var x: Double
    /// The edge crossed.
    public var edge: Edge
}

/// One curve as drawn: its visible pieces, where it is clipped, and its example point.
public struct PlotSeries: Sendable {
    /// The curve's label.
    public var label: String
    /// The visible polylines, in data coordinates, each within the plot's ranges. A new piece
    /// starts after a gap (undefined values), a jump, or a stretch outside the vertical range.
    public var pieces: [[PlotPoint]]
    /// Where the curve crosses the top or bottom edge of the plot.
    public var clipMarks: [PlotClipMark]
    /// f(x₀) at the example point, when there is one (possibly NaN or ±∞).
    public var exampleValue: Double?
}

/// The computed geometry of a ``Plot``: ranges, ticks, and the curves cut to fit.
public struct PlotFigure: Sendable {
    /// The plot it was made from.
    public var plot: Plot
    /// The horizontal range drawn.
    public var xRange: ClosedRange<Double>
    /// The vertical range drawn.
    public var yRange: ClosedRange<Double>
    /// Ticks of the horizontal axis.
    public var xTicks: PlotTicks
    /// Ticks of the vertical axis.
    public var yTicks: PlotTicks
    /// One series per curve, in the plot's order.
    public var series: [PlotSeries]

    /// The drawing height in pixels of the plot area (used to refine curves finely enough).
    static let plotAreaHeight = 220.0

    /// Computes the geometry of `plot`: chooses missing ranges, samples and clips the curves.
    /// A plot of compiled curves (``PlotCurve/curve``) is computed once in the process and then
    /// taken from ``PlotCache``.
    public static func make(_ plot: Plot) -> PlotFigure {
        PlotCache.shared.figure(plot, make: computed)
    }

    /// The geometry of `plot`, computed.
    static func computed(_ plot: Plot) -> PlotFigure {
        let exampleX = plot.exampleX.flatMap { $0.isFinite ? $0 : nil }
        let functions = plot.curves.map { $0.sampler() }
        let xRange = validRange(plot.xRange) ?? PlotRanges.x(for: functions, exampleX: exampleX)
        let exampleValues = functions.map { function in exampleX.map { function($0) } }
        let yRange: ClosedRange<Double>
        if let fixed = validRange(plot.yRange) {
            yRange = fixed
        } else {
            let xs = PlotSampler.uniform(xRange, count: 241)
            let samples = functions.map { function in xs.map { function($0) } }
            yRange = PlotRanges.y(samples: samples, mustShow: exampleValues.compactMap { $0 })
        }
        let series = plot.curves.enumerated().map { index, curve in
            let sampler = PlotSampler(function: functions[index], yRange: yRange, pixelHeight: plotAreaHeight)
            let raw = sampler.pieces(over: xRange)
            let clipped = clip(raw, to: yRange)
            return PlotSeries(
                label: curve.label, pieces: clipped.pieces, clipMarks: clipped.marks,
                exampleValue: exampleValues[index])
        }
        return PlotFigure(
            plot: plot, xRange: xRange, yRange: yRange,
            xTicks: PlotTicks.make(xRange), yTicks: PlotTicks.make(yRange, target: 5), series: series)
    }

    /// Whether any curve leaves the plot through its top or bottom.
    public var isClipped: Bool { series.contains { !$0.clipMarks.isEmpty } }

    private static func validRange(_ range: ClosedRange<Double>?) -> ClosedRange<Double>? {
        guard let range, range.lowerBound.isFinite, range.upperBound.isFinite,
            range.upperBound > range.lowerBound
        else { return nil }
        return range
    }

    /// Cuts polylines to the band `range`, interpolating the crossing points and noting them.
    static func clip(_ pieces: [[PlotPoint]], to range: ClosedRange<Double>) -> (pieces: [[PlotPoint]], marks: [PlotClipMark]) {
        var out: [[PlotPoint]] = []
        var marks: [PlotClipMark] = []
        let low = range.lowerBound
        let high = range.upperBound
        func side(_ y: Double) -> Int { y > high ? 1 : (y < low ? -1 : 0) }
        func crossing(_ a: PlotPoint, _ b: PlotPoint, at level: Double) -> PlotPoint {
            let t = (level - a.y) / (b.y - a.y)
            return PlotPoint(x: a.x + (b.x - a.x) * t, y: level)
        }
        for piece in pieces {
            var current: [PlotPoint] = []
            for (index, point) in piece.enumerated() {
                let s = side(point.y)
                if index == 0 {
                    if s == 0 { current.append(point) }
                    continue
                }
                let previous = piece[index - 1]
                let ps = side(previous.y)
                if ps == 0 && s == 0 {
                    current.append(point)
                } else if ps == 0 {
                    // Leaving the band.
                    let level = s > 0 ? high : low
                    let exit = crossing(previous, point, at: level)
                    current.append(exit)
                    marks.append(PlotClipMark(x: exit.x, edge: s > 0 ? .top : .bottom))
                    out.append(current)
                    current = []
                } else if s == 0 {
                    // Entering the band.
                    let level = ps > 0 ? high : low
                    let entry = crossing(previous, point, at: level)
                    marks.append(PlotClipMark(x: entry.x, edge: ps > 0 ? .top : .bottom))
                    current = [entry, point]
                } else if ps != s {
                    // Passing straight through the band between two samples.
                    let first = crossing(previous, point, at: ps > 0 ? high : low)
                    let second = crossing(previous, point, at: s > 0 ? high : low)
                    marks.append(PlotClipMark(x: first.x, edge: ps > 0 ? .top : .bottom))
                    marks.append(PlotClipMark(x: second.x, edge: s > 0 ? .top : .bottom))
                    out.append([first, second])
                }
            }
            if !current.isEmpty { out.append(current) }
        }
        return (out.filter { $0.count >= 1 }, marks)
    }
}
