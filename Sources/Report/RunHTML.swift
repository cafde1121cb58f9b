import Foundation
import Markup
import Notebook

/// A run of update rules on the page (docs/note-language.md §13): the table of the parameters
/// and the loss at the steps it kept, and the loss curve (on a log scale when it spans more
/// than two decades) beside the parameters' paths when there are at most four parameters.
enum RunHTML {
    static func write(_ run: LearningRun, index: Int, into html: inout MarkupBuffer) {
        html.newlineIfNeeded()
        html.raw("<section class=\"run\">\n<table>\n<caption>")
        html.escaped(caption(run))
        html.raw("</caption>\n<thead><tr><th scope=\"col\">step</th>")
        for name in run.parameters + run.losses {
            html.raw("<th scope=\"col\">")
            ResultCards.name(name, into: &html)
            html.raw("</th>")
        }
        html.raw("</tr></thead>\n<tbody>\n")
        for row in run.table {
            html.raw("<tr><th scope=\"row\">\(row.step)</th>")
            for value in row.parameters + row.losses {
                html.raw("<td>")
                ResultCards.number(value, into: &html)
                html.raw("</td>")
            }
            html.raw("</tr>\n")
        }
        html.raw("</tbody>\n</table>\n")
        if let stopped = run.stopped {
            html.raw("<p class=\"stopped\">")
            html.escaped(stopped)
            html.raw("</p>\n")
        }
        if let loss = lossPlot(run, index: index) {
            html.raw("<figure class=\"figure-plot\">")
            if let paths = pathsPlot(run, index: index) {
                html.raw(PlotSVG.pair(loss, beside: paths))
            } else {
                html.raw(PlotSVG.svg(loss))
            }
            html.raw("</figure>\n")
        }
        html.raw("</section>\n")
    }

    /// `2000 steps (T = 2000, line 62); loss 0.158 at step 0, 0.000194 at step 2000`.
    static func caption(_ run: LearningRun) -> String {
        var text = "\(run.steps) step\(run.steps == 1 ? "" : "s") (\(run.stepsSource))"
        if let line = lossLine(run) { text += "; " + line }
        return text
    }

    /// The loss at the first and the last step: `L = 0.158 at step 0, 0.000194 at step 2000`.
    static func lossLine(_ run: LearningRun) -> String? {
        guard let name = run.losses.first, let first = run.curve.first, let last = run.curve.last,
            let start = first.losses.first, let end = last.losses.first
        else { return nil }
        return "\(name) = \(NumberText.format(start)) at step \(first.step), \(NumberText.format(end)) at step \(last.step)"
    }

    /// The first loss over the steps; its log₁₀ when it spans more than two decades.
    static func lossPlot(_ run: LearningRun, index: Int) -> Plot? {
        guard let name = run.losses.first, run.curve.count >= 2 else { return nil }
        let points = run.curve.compactMap { row in row.losses.first.map { (Double(row.step), $0) } }
        let finite = points.map(\.1).filter { $0.isFinite && $0 > 0 }
        let logarithmic = (finite.max() ?? 0) > 100 * (finite.min() ?? .infinity)
        let values = logarithmic ? points.map { ($0.0, $0.1 > 0 ? Foundation.log10($0.1) : -.infinity) } : points
        let label = logarithmic ? "log₁₀ \(name)" : name
        return Plot(title: "\(name) over the steps", xLabel: "step", yLabel: label,
                    curves: [PlotCurve(label, interpolating(values))],
                    xRange: 0...Double(max(1, run.curve.last?.step ?? 1)), id: "run-\(index)-loss")
    }

    /// The parameters over the steps, when there are at most four.
    static func pathsPlot(_ run: LearningRun, index: Int) -> Plot? {
        guard !run.parameters.isEmpty, run.parameters.count <= 4, run.curve.count >= 2 else { return nil }
        let curves = run.parameters.indices.map { parameter in
            PlotCurve(run.parameters[parameter],
                      interpolating(run.curve.map { (Double($0.step), $0.parameters[parameter]) }))
        }
        return Plot(title: "The parameters over the steps", xLabel: "step", yLabel: "value", curves: curves,
                    xRange: 0...Double(max(1, run.curve.last?.step ?? 1)), id: "run-\(index)-parameters")
    }

    /// The broken line through `points` (sorted by x), as a function for the plot.
    static func interpolating(_ points: [(Double, Double)]) -> @Sendable (Double) -> Double {
        let xs = points.map(\.0)
        let ys = points.map(\.1)
        return { x in
            guard let first = xs.first, let last = xs.last, x >= first, x <= last else { return .nan }
            var low = 0
            var high = xs.count - 1
            while high - low > 1 {
                let middle = (low + high) / 2
                if xs[middle] <= x { low = middle } else { high = middle }
            }
            guard xs[high] > xs[low] else { return ys[low] }
            let t = (x - xs[low]) / (xs[high] - xs[low])
            return ys[low] + t * (ys[high] - ys[low])
        }
    }
}
