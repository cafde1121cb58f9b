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
    public var xRange: ClosedRange<Double> { didSet { geometry = nil } }
    /// The vertical range drawn.
    public var yRange: ClosedRange<Double> { didSet { geometry = nil } }
    /// Ticks of the horizontal axis.
    public var xTicks: PlotTicks { didSet { geometry = nil } }
    /// Ticks of the vertical axis.
    public var yTicks: PlotTicks { didSet { geometry = nil } }
    /// One series per curve, in the plot's order.
    public var series: [PlotSeries] { didSet { geometry = nil } }
    /// What the figure's ranges, ticks and pieces were made from and how they are drawn
    /// (``PlotSVG/Drawing``), shared by the plots of the same curves; nil once one of them is
    /// changed (the drawing is then made from the figure).
    var geometry: PlotCache.Geometry?

    /// The drawing height in pixels of the plot area (used to refine curves finely enough).
    static let plotAreaHeight = 220.0

    /// Computes the geometry of `plot`: chooses missing ranges, samples and clips the curves.
    /// What does not depend on the example point (the window where compiled curves
    /// (``PlotCurve/curve``) are defined, their sampled values, pieces and drawing) is computed
    /// once in the process and then taken from ``PlotCache``.
    public static func make(_ plot: Plot) -> PlotFigure {
        let cache = PlotCache.shared
        let exampleX = plot.exampleX.flatMap { $0.isFinite ? $0 : nil }
        let xRange = validRange(plot.xRange) ?? PlotRanges.x(
            window: cache.window(plot.curves) { PlotRanges.window(for: plot.curves.map { $0.sampler() }) },
            exampleX: exampleX)
        let exampleValues = plot.curves.map { curve in exampleX.map { curve.sampler()($0) } }
        let yRange: ClosedRange<Double>
        if let fixed = validRange(plot.yRange) {
            yRange = fixed
        } else {
            let band = cache.band(plot.curves, xRange: xRange) {
                let xs = PlotSampler.uniform(xRange, count: 241)
                return PlotRanges.band(samples: plot.curves.map { curve in xs.map(curve.sampler()) })
            }
            yRange = PlotRanges.y(band: band, mustShow: exampleValues.compactMap { $0 })
        }
        let geometry = cache.geometry(plot.curves, xRange: xRange, yRange: yRange) {
            let series = plot.curves.map { curve in
                let sampler = PlotSampler(function: curve.sampler(), yRange: yRange, pixelHeight: plotAreaHeight)
                let clipped = clip(sampler.pieces(over: xRange), to: yRange)
                return (pieces: clipped.pieces, marks: clipped.marks)
            }
            return PlotCache.Geometry(xTicks: PlotTicks.make(xRange), yTicks: PlotTicks.make(yRange, target: 5),
                                      series: series)
        }
        let series = plot.curves.indices.map { index in
            PlotSeries(label: plot.curves[index].label, pieces: geometry.series[index].pieces,
                       clipMarks: geometry.series[index].marks, exampleValue: exampleValues[index])
        }
        var figure = PlotFigure(plot: plot, xRange: xRange, yRange: yRange, xTicks: geometry.xTicks,
                                yTicks: geometry.yTicks, series: series)
        figure.geometry = geometry
        return figure
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
