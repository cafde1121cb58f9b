import Calculus
import Foundation

/// What plots of compiled curves (``Curve``) share in this process, by what determines it
/// rather than by whole plot: a curve's window of definition, its sampled band of values over
/// an x-range, its sampled and clipped pieces over both ranges, and how they are drawn. The
/// example point is in none of these keys: a course whose 1000 notes define the same sigmoid
/// samples it once, whatever point each note marks on it. And the SVG of whole plots, by their
/// keys, example points and texts (two notes with the same plot share it).
///
/// Safe to use from the parallel note workers. Keys are exact (programs, and numbers bit for
/// bit), so an entry never goes stale: `render --watch` and `render serve` keep it across runs,
/// each table up to ``limit`` entries.
final class PlotCache: @unchecked Sendable {
    /// The one cache of the process.
    static let shared = PlotCache()

    /// How many entries each table holds before it empties.
    static let limit = 2048

    /// Compiled curves over ranges: what a plot's geometry is computed from, the example point
    /// and the labels left out.
    struct Key: Hashable, Sendable {
        var curves: [Curve]
        /// The ranges' bounds, bit for bit (empty: the range is not given).
        var xRange: [UInt64]
        var yRange: [UInt64]

        /// The key of `curves` (nil when one is a closure: it cannot be compared) over the ranges.
        init?(_ curves: [PlotCurve], xRange: ClosedRange<Double>? = nil, yRange: ClosedRange<Double>? = nil) {
            let compiled = curves.compactMap(\.curve)
            guard compiled.count == curves.count else { return nil }
            self.curves = compiled
            self.xRange = xRange.map { [$0.lowerBound.bitPattern, $0.upperBound.bitPattern] } ?? []
            self.yRange = yRange.map { [$0.lowerBound.bitPattern, $0.upperBound.bitPattern] } ?? []
        }
    }

    /// What an SVG is written from: each plot's curves, example point, fixed ranges and texts.
    struct SVGKey: Hashable {
        var plots: [Key]
        var exampleX: [UInt64?]
        /// The texts as UTF-8: strings compare by canonical equivalence, and a title with `é`
        /// as one scalar must not be drawn with the `e` and accent of another note's.
        var texts: [[UInt8]?]

        init?(_ plots: [Plot]) {
            var keys: [Key] = []
            var texts: [String?] = []
            for plot in plots {
                guard let key = Key(plot.curves, xRange: plot.xRange, yRange: plot.yRange) else { return nil }
                keys.append(key)
                texts += [plot.title, plot.xLabel, plot.yLabel, plot.id] + plot.curves.map(\.label)
            }
            self.plots = keys
            exampleX = plots.map { $0.exampleX?.bitPattern }
            self.texts = texts.map { $0.map { Array($0.utf8) } }
        }
    }

    /// The curves of a figure sampled and cut to its ranges, with the ticks, and (once drawn)
    /// how the SVG draws them: the same for every plot of those curves over those ranges.
    final class Geometry: @unchecked Sendable {
        let xTicks: PlotTicks
        let yTicks: PlotTicks
        /// Per curve: its visible pieces and clip marks.
        let series: [(pieces: [[PlotPoint]], marks: [PlotClipMark])]
        private let lock = NSLock()
        private var drawing: PlotSVG.Drawing?

        init(xTicks: PlotTicks, yTicks: PlotTicks, series: [(pieces: [[PlotPoint]], marks: [PlotClipMark])]) {
            self.xTicks = xTicks
            self.yTicks = yTicks
            self.series = series
        }

        /// What `make` draws of the figure, made once.
        func drawing(_ make: () -> PlotSVG.Drawing) -> PlotSVG.Drawing {
            if let known = lock.withLock({ drawing }) { return known }
            let made = make()
            lock.withLock { drawing = made }
            return made
        }
    }

    private let lock = NSLock()
    private var windows: [Key: (low: Double, high: Double)] = [:]
    private var bands: [Key: PlotRanges.Band] = [:]
    private var geometries: [Key: Geometry] = [:]
    private var definedRuns: [Key: [ClosedRange<Int>]] = [:]
    private var svgs: [SVGKey: String] = [:]

    /// The value of `key` in `table`, made by `make` when it is not there (outside the lock:
    /// two workers may make the same value, which is the same either way).
    private func value<Value>(_ table: ReferenceWritableKeyPath<PlotCache, [Key: Value]>, _ key: Key,
                              make: () -> Value) -> Value {
        if let known = lock.withLock({ self[keyPath: table][key] }) { return known }
        let value = make()
        lock.withLock {
            if self[keyPath: table].count >= Self.limit { self[keyPath: table].removeAll() }
            self[keyPath: table][key] = value
        }
        return value
    }

    /// The SVG of `plots` (one, or a function beside its derivative): written by `make` once per
    /// key, then taken from the cache.
    func svg(_ plots: [Plot], make: () -> String) -> String {
        guard let key = SVGKey(plots) else { return make() }
        if let known = lock.withLock({ svgs[key] }) { return known }
        let svg = make()
        lock.withLock {
            if svgs.count >= Self.limit { svgs.removeAll() }
            svgs[key] = svg
        }
        return svg
    }

    /// The window of definition of `curves` (``PlotRanges/window(for:)``), made by `make`.
    func window(_ curves: [PlotCurve], make: () -> (low: Double, high: Double)) -> (low: Double, high: Double) {
        guard let key = Key(curves) else { return make() }
        return value(\.windows, key, make: make)
    }

    /// The band of values of `curves` sampled over `xRange` (``PlotRanges/band(samples:)``).
    func band(_ curves: [PlotCurve], xRange: ClosedRange<Double>, make: () -> PlotRanges.Band) -> PlotRanges.Band {
        guard let key = Key(curves, xRange: xRange) else { return make() }
        return value(\.bands, key, make: make)
    }

    /// The geometry of `curves` over both ranges (``PlotFigure``), made by `make`.
    func geometry(_ curves: [PlotCurve], xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
                  make: () -> Geometry) -> Geometry {
        guard let key = Key(curves, xRange: xRange, yRange: yRange) else { return make() }
        return value(\.geometries, key, make: make)
    }

    /// The runs of the default window where `curve` is defined (``ResultCards/domain(of:around:)``).
    func definedRuns(_ curve: PlotCurve, make: () -> [ClosedRange<Int>]) -> [ClosedRange<Int>] {
        guard let key = Key([curve]) else { return make() }
        return value(\.definedRuns, key, make: make)
    }
}
