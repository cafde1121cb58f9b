import Calculus
import Foundation

/// The geometry of plots already computed in this process, by what determines it: the curves
/// (compiled programs with their fixed values, ``Curve``), the example point and the fixed
/// ranges; and their SVG, by that and the plot's texts (title, labels, id). A course whose 1000
/// notes define the same sigmoid samples it once; a page whose plot has other labels or ids
/// writes its own SVG from the shared geometry. Safe to use from the parallel note workers. Keys are exact (programs, and numbers bit for bit), so an entry never goes stale:
/// `render --watch` and `render serve` keep it across runs, up to ``limit`` figures.
final class PlotCache: @unchecked Sendable {
    /// The one cache of the process.
    static let shared = PlotCache()

    /// How many figures (and as many x-ranges) it holds before it empties.
    static let limit = 2048

    /// What a figure is computed from, the labels left out.
    struct Key: Hashable {
        var curves: [Curve]
        var exampleX: UInt64?
        var xRange: [UInt64]?
        var yRange: [UInt64]?

        /// The key of `plot`, or `nil` when one of its curves is a closure (it cannot be compared).
        init?(_ plot: Plot) {
            let curves = plot.curves.compactMap(\.curve)
            guard curves.count == plot.curves.count else { return nil }
            self.curves = curves
            exampleX = plot.exampleX?.bitPattern
            xRange = plot.xRange.map { [$0.lowerBound.bitPattern, $0.upperBound.bitPattern] }
            yRange = plot.yRange.map { [$0.lowerBound.bitPattern, $0.upperBound.bitPattern] }
        }
    }

    /// What an SVG is written from: each plot's key and its texts.
    struct SVGKey: Hashable {
        var plots: [Key]
        var texts: [String?]

        init?(_ plots: [Plot]) {
            var keys: [Key] = []
            var texts: [String?] = []
            for plot in plots {
                guard let key = Key(plot) else { return nil }
                keys.append(key)
                texts += [plot.title, plot.xLabel, plot.yLabel, plot.id] + plot.curves.map(\.label)
            }
            self.plots = keys
            self.texts = texts
        }
    }

    private let lock = NSLock()
    private var figures: [Key: PlotFigure] = [:]
    private var xRanges: [Key: ClosedRange<Double>] = [:]
    private var svgs: [SVGKey: String] = [:]

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

    /// The figure of `plot`: computed by `make` once per key, then taken from the cache with
    /// `plot`'s own labels.
    func figure(_ plot: Plot, make: (Plot) -> PlotFigure) -> PlotFigure {
        guard let key = Key(plot) else { return make(plot) }
        if var known = lock.withLock({ figures[key] }) {
            known.plot = plot
            for index in known.series.indices { known.series[index].label = plot.curves[index].label }
            return known
        }
        let figure = make(plot)
        lock.withLock {
            if figures.count >= Self.limit { figures.removeAll() }
            figures[key] = figure
        }
        return figure
    }

    /// The shared x-range of the plots of a function and its derivative (``PlotSVG/pair``),
    /// keyed by both plots' curves and example point.
    func xRange(_ plot: Plot, make: () -> ClosedRange<Double>) -> ClosedRange<Double> {
        guard let key = Key(plot) else { return make() }
        if let known = lock.withLock({ xRanges[key] }) { return known }
        let range = make()
        lock.withLock {
            if xRanges.count >= Self.limit { xRanges.removeAll() }
            xRanges[key] = range
        }
        return range
    }
}
