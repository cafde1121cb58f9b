/// How a plot's ranges are chosen when the plot does not fix them.
///
/// - x: [-6, 6] (where sigmoid, tanh, softplus and relu show their shape), trimmed to the
///   functions' domain when they are undefined on part of it (ln starts just right of 0),
///   widened to hold the example point with a margin, then rounded out to nice ticks.
/// - y: the spread of the sampled values, measured robustly (the larger of the median
///   absolute deviation and half the interquartile range). A run of values that leaves the
///   band of ``spreads`` spreads around the median and reaches ``runaway`` spreads toward a
///   window edge or a singularity (exp, 1/x near 0, tan) is clipped at the band; bounded
///   peaks (a Gaussian) and milder growth (relu, x³) are shown whole. Example values are
///   always inside. Rounded out to nice ticks.
enum PlotRanges {
    /// The default horizontal window.
    static let defaultX: ClosedRange<Double> = -6...6
    /// How many robust spreads from the median the vertical range reaches when values run away.
    static let spreads = 3.0
    /// How many robust spreads from the median a run of values must reach to count as running
    /// away (exp, poles); milder growth (relu, softplus, x³) is shown whole.
    static let runaway = 10.0

    /// The horizontal range for the curves `functions` (``PlotCurve/sampler()``), holding
    /// `exampleX` when given.
    static func x(for functions: [(Double) -> Double], exampleX: Double?) -> ClosedRange<Double> {
        x(window: window(for: functions), exampleX: exampleX)
    }

    /// The part of the default window where the curves are defined (the example point left
    /// out): what ``x(for:exampleX:)`` widens, the same for every example point of the curves.
    static func window(for functions: [(Double) -> Double]) -> (low: Double, high: Double) {
        let curves = functions
        var low = defaultX.lowerBound
        var high = defaultX.upperBound
        let xs = PlotSampler.uniform(defaultX, count: 481)
        var firstFinite: Int?
        var lastFinite: Int?
        for (index, x) in xs.enumerated() where curves.contains(where: { $0(x).isFinite }) {
            if firstFinite == nil { firstFinite = index }
            lastFinite = index
        }
        if let first = firstFinite, let last = lastFinite {
            if first > 0 {
                low = edge(curves, inside: xs[first], outside: xs[first - 1])
            }
            if last < xs.count - 1 {
                high = edge(curves, inside: xs[last], outside: xs[last + 1])
            }
            if high - low < 1e-9 {
                low -= 0.5
                high += 0.5
            }
        }
        return (low, high)
    }

    /// The horizontal range from the curves' `window` (``window(for:)``), holding `exampleX`.
    static func x(window: (low: Double, high: Double), exampleX: Double?) -> ClosedRange<Double> {
        var (low, high) = window
        if let x0 = exampleX, x0.isFinite {
            let margin = max(0.5, 0.08 * (max(high, x0) - min(low, x0)))
            if x0 > high - margin { high = x0 + margin }
            if x0 < low + margin { low = x0 - margin }
        }
        return PlotTicks.widen(low...high)
    }

    /// The vertical range for sampled values `samples` (one array per curve, in x order),
    /// holding every finite value in `mustShow`.
    static func y(samples: [[Double]], mustShow: [Double]) -> ClosedRange<Double> {
        y(band: band(samples: samples), mustShow: mustShow)
    }

    /// What the sampled values alone say of the vertical range (``band(samples:)``), before
    /// the example values are added: the same for every example point of the curves.
    struct Band: Sendable {
        /// The lowest and highest values shown (infinite when none is).
        var low: Double
        var high: Double
        /// The lowest and highest finite values, if any.
        var first: Double?
        var last: Double?
    }

    /// The range of sampled values `samples` (one array per curve, in x order) that is shown,
    /// runaway values left out.
    static func band(samples: [[Double]]) -> Band {
        let finite = samples.flatMap { $0 }.filter(\.isFinite).sorted()
        var low = Double.infinity
        var high = -Double.infinity
        if !finite.isEmpty {
            let median = quantile(finite, 0.5)
            let deviations = finite.map { abs($0 - median) }.sorted()
            let mad = quantile(deviations, 0.5)
            let halfIQR = (quantile(finite, 0.75) - quantile(finite, 0.25)) / 2
            let spread = max(mad, halfIQR)
            let band = spread > 0 ? (median - spreads * spread)...(median + spreads * spread) : median...median
            let limit = runaway * spread
            for curve in samples {
                for (index, y) in curve.enumerated() where y.isFinite {
                    if band.contains(y) || isBoundedPeak(curve, at: index, band: band)
                        || runExtreme(curve, at: index, band: band, median: median) <= limit
                    {
                        low = min(low, y)
                        high = max(high, y)
                    }
                }
            }
        }
        return Band(low: low, high: high, first: finite.first, last: finite.last)
    }

    /// The vertical range from the sampled values' `band`, holding every finite value in `mustShow`.
    static func y(band: Band, mustShow: [Double]) -> ClosedRange<Double> {
        let shown = mustShow.filter(\.isFinite)
        guard band.first != nil || !shown.isEmpty else { return -1...1 }
        var low = band.low
        var high = band.high
        for y in shown {
            low = min(low, y)
            high = max(high, y)
        }
        if !(low.isFinite && high.isFinite) {
            low = band.first ?? 0
            high = band.last ?? 0
        }
        if high - low <= max(abs(high), abs(low)) * 1e-9 {
            let pad = max(abs(low) * 0.5, 1)
            low -= pad
            high += pad
        }
        // Show the x-axis when the values come close to it.
        let span = high - low
        if low > 0 && low < 0.25 * span { low = 0 }
        if high < 0 && -high < 0.25 * span { high = 0 }
        return PlotTicks.widen(low...high, target: 5)
    }

    /// Whether the sample at `index` lies in a run outside `band` that comes back into the
    /// band on both sides (a peak or a dip), rather than running off to an edge or a gap.
    private static func isBoundedPeak(_ curve: [Double], at index: Int, band: ClosedRange<Double>) -> Bool {
        let above = curve[index] > band.upperBound
        func outsideSameSide(_ y: Double) -> Bool {
            y.isFinite && (above ? y > band.upperBound : y < band.lowerBound)
        }
        var left = index
        while left > 0 && outsideSameSide(curve[left - 1]) { left -= 1 }
        var right = index
        while right < curve.count - 1 && outsideSameSide(curve[right + 1]) { right += 1 }
        guard left > 0, right < curve.count - 1 else { return false }
        let before = curve[left - 1]
        let after = curve[right + 1]
        return before.isFinite && after.isFinite && band.contains(before) && band.contains(after)
    }

    /// The largest distance from `median` in the run of values outside `band` that holds `index`.
    private static func runExtreme(_ curve: [Double], at index: Int, band: ClosedRange<Double>, median: Double) -> Double {
        let above = curve[index] > band.upperBound
        func outsideSameSide(_ y: Double) -> Bool {
            y.isFinite && (above ? y > band.upperBound : y < band.lowerBound)
        }
        var extreme = abs(curve[index] - median)
        var left = index
        while left > 0 && outsideSameSide(curve[left - 1]) {
            left -= 1
            extreme = max(extreme, abs(curve[left] - median))
        }
        var right = index
        while right < curve.count - 1 && outsideSameSide(curve[right + 1]) {
            right += 1
            extreme = max(extreme, abs(curve[right] - median))
        }
        return extreme
    }

    /// The linear-interpolation quantile `q` of ascending `sorted` values.
    private static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let fraction = position - Double(lower)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
    }

    /// The domain edge between `inside` (some curve finite) and `outside` (none finite).
    private static func edge(_ curves: [(Double) -> Double], inside: Double, outside: Double) -> Double {
        var good = inside
        var bad = outside
        for _ in 0..<52 {
            let middle = (good + bad) / 2
            if middle == good || middle == bad { break }
            if curves.contains(where: { $0(middle).isFinite }) {
                good = middle
            } else {
                bad = middle
            }
        }
        return good
    }
}
