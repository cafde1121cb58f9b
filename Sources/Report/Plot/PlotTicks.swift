import Foundation

/// Tick positions at "nice" steps (1, 2 or 5 times a power of ten) and their labels.
public struct PlotTicks: Sendable, Equatable {
    /// The distance between neighbouring ticks.
    public var step: Double
    /// The tick values, ascending, all within the range they were made for.
    public var values: [Double]
    /// The label of each value (same order), with a true minus sign and the decimals the step needs.
    public var labels: [String]

    /// Ticks for `range` with about `target` intervals.
    public static func make(_ range: ClosedRange<Double>, target: Int = 6) -> PlotTicks {
        let step = niceStep(span: range.upperBound - range.lowerBound, target: target)
        let first = (range.lowerBound / step - 1e-9).rounded(.up)
        let last = (range.upperBound / step + 1e-9).rounded(.down)
        var values: [Double] = []
        var labels: [String] = []
        if first.isFinite && last.isFinite && last >= first && last - first <= 1000 {
            let decimals = decimalsFor(step: step)
            var index = first
            while index <= last {
                let value = index * step
                values.append(value)
                labels.append(label(value, step: step, decimals: decimals))
                index += 1
            }
        }
        return PlotTicks(step: step, values: values, labels: labels)
    }

    /// The nice step for `span` split into about `target` intervals: 1, 2 or 5 × 10ⁿ.
    public static func niceStep(span: Double, target: Int) -> Double {
        guard span.isFinite, span > 0 else { return 1 }
        let raw = span / Double(max(1, target))
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let normalized = raw / magnitude
        let nice: Double
        if normalized < 1.5 {
            nice = 1
        } else if normalized < 3 {
            nice = 2
        } else if normalized < 7 {
            nice = 5
        } else {
            nice = 10
        }
        return nice * magnitude
    }

    /// `range` widened outward to whole multiples of the nice step for about `target` intervals.
    public static func widen(_ range: ClosedRange<Double>, target: Int = 6) -> ClosedRange<Double> {
        let step = niceStep(span: range.upperBound - range.lowerBound, target: target)
        let low = (range.lowerBound / step + 1e-9).rounded(.down) * step
        let high = (range.upperBound / step - 1e-9).rounded(.up) * step
        guard low.isFinite, high.isFinite, high > low else { return range }
        return low...high
    }

    private static func decimalsFor(step: Double) -> Int {
        max(0, -Int((log10(step) + 1e-9).rounded(.down)))
    }

    private static func label(_ value: Double, step: Double, decimals: Int) -> String {
        if abs(value) < step * 1e-6 { return "0" }
        if abs(value) >= 1e6 || decimals > 6 {
            return SVGNumber.typographic(SVGNumber.scientific(value, significant: 3))
        }
        return SVGNumber.typographic(SVGNumber.fixed(value, decimals: decimals))
    }
}
