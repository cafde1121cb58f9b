import Calculus

/// One curve y = f(x) of a plot.
public struct PlotCurve: Sendable {
    /// The name shown in the legend and read by screen readers, e.g. `σ(x)` or `σ′(x)`.
    public var label: String
    /// The function; it may return NaN or ±∞ where it is undefined (gaps are left blank).
    public var function: @Sendable (Double) -> Double
    /// The function as a compiled program, when it is one: sampled without a closure call per
    /// point building anything, and the key of its geometry in ``PlotCache``.
    public var curve: Curve?

    /// A curve named `label` drawing `function`.
    public init(_ label: String, _ function: @escaping @Sendable (Double) -> Double) {
        self.label = label
        self.function = function
    }

    /// A curve named `label` drawing a compiled `curve`.
    public init(_ label: String, _ curve: Curve) {
        self.label = label
        self.function = { curve.value(at: $0) }
        self.curve = curve
    }

    /// The function for sampling on one thread: a compiled curve's sampler, which keeps its
    /// slots from point to point, or the closure.
    func sampler() -> (Double) -> Double {
        curve?.samplingFunction() ?? function
    }
}

extension Curve {
    /// The curve as a function for sampling on one thread: its sampler keeps the program's
    /// slots from point to point.
    func samplingFunction() -> (Double) -> Double {
        var sampler = sampler()
        return { sampler.value(at: $0) }
    }
}

/// What to draw in one plot: curves, labels, the example point, and optional fixed ranges.
///
/// Render with ``PlotSVG/svg(_:)``; ``PlotFigure/make(_:)`` gives the computed geometry
/// (ranges, ticks, clipped pieces) without writing markup.
public struct Plot: Sendable {
    /// The heading drawn above the plot and used as the accessible name.
    public var title: String
    /// The label of the horizontal axis, e.g. `x`.
    public var xLabel: String
    /// The label of the vertical axis, e.g. `σ(x)`.
    public var yLabel: String
    /// The curves; the first one is the plot's main function. More than one draws a legend.
    public var curves: [PlotCurve]
    /// The example point x₀: marked on every curve at (x₀, f(x₀)) and labelled with its value.
    public var exampleX: Double?
    /// A fixed horizontal range; `nil` chooses one from the functions' behaviour.
    public var xRange: ClosedRange<Double>?
    /// A fixed vertical range; `nil` chooses one robustly (blow-ups are clipped and marked).
    public var yRange: ClosedRange<Double>?
    /// The prefix of the ids of the SVG's `<title>` and `<desc>`, unique on a page;
    /// `nil` derives a stable id from the title and labels.
    public var id: String?

    /// A plot of `curves` titled `title`.
    public init(
        title: String, xLabel: String = "x", yLabel: String = "y", curves: [PlotCurve],
        exampleX: Double? = nil, xRange: ClosedRange<Double>? = nil,
        yRange: ClosedRange<Double>? = nil, id: String? = nil
    ) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.curves = curves
        self.exampleX = exampleX
        self.xRange = xRange
        self.yRange = yRange
        self.id = id
    }
}
