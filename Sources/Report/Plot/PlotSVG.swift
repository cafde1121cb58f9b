import Diagram

/// Writes plots as inline SVG: axes, nice ticks with labels, light grid, the curves, the
/// example point with its value, a legend when there are several curves.
///
/// The SVG has `role="img"`, a `<title>` and a `<desc>`, scales to its container (viewBox,
/// `width="100%"`, a max-width) and takes its colours from CSS classes prefixed `plot-`
/// (see ``PlotStyle/css``), with presentation attributes as a fallback.
public enum PlotSVG {
    /// Width of the SVG's coordinate system.
    static let width = 440.0
    /// Height of the SVG's coordinate system.
    static let height = 300.0

    /// The inline `<svg>` element for `plot`.
    public static func svg(_ plot: Plot) -> String {
        PlotCache.shared.svg([plot]) { svg(PlotFigure.make(plot)) }
    }

    /// The function beside its derivative: both plotted over the same x-range, each with its
    /// own vertical axis, in a `<div class="plot-pair">` that wraps to one column on narrow screens.
    public static func pair(_ function: Plot, beside derivative: Plot) -> String {
        PlotCache.shared.svg([function, derivative]) { written(function, beside: derivative) }
    }

    private static func written(_ function: Plot, beside derivative: Plot) -> String {
        var left = function
        var right = derivative
        if left.xRange == nil && right.xRange == nil {
            let exampleX = left.exampleX ?? right.exampleX
            let curves = left.curves + right.curves
            let window = PlotCache.shared.window(curves) { PlotRanges.window(for: curves.map { $0.sampler() }) }
            let shared = PlotRanges.x(window: window, exampleX: exampleX)
            left.xRange = shared
            right.xRange = shared
        }
        var writer = SVGWriter(capacity: 16_384)
        writer.open("div", [("class", "plot-pair")])
        for plot in [left, right] {
            // Written in place at the div's depth, unless a text has a line break: the SVG's
            // lines are then split and indented as they were written alone.
            if hasLineBreak(plot) {
                writer.raw(svg(plot))
            } else {
                write(PlotFigure.make(plot), into: &writer)
            }
        }
        writer.close("div")
        return writer.markup
    }

    /// Whether one of the plot's texts has a line break (a line of its SVG is then two).
    private static func hasLineBreak(_ plot: Plot) -> Bool {
        ([plot.title, plot.xLabel, plot.yLabel, plot.id ?? ""] + plot.curves.map(\.label)).contains { text in
            text.utf8.contains { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
        }
    }

    /// The inline `<svg>` element for an already computed figure.
    public static func svg(_ figure: PlotFigure) -> String {
        var writer = SVGWriter()
        write(figure, into: &writer)
        return writer.markup
    }

    /// What is drawn of a figure's curves over its ranges, the same for every plot of them
    /// (``PlotCache/Geometry``): its frame, grid, axes and tick labels, each curve's path, and
    /// the curves' points in pixels (for placing the example point's label).
    struct Drawing: Sendable {
        var frame: Frame
        /// The grid, frame and axes with their tick labels, as markup at depth 0.
        var backdrop: String
        /// Each series' path data.
        var paths: [String]
        /// Every point of every curve, in pixels.
        var pixels: [(Double, Double)]

        init(_ figure: PlotFigure) {
            frame = Frame(figure: figure)
            var writer = SVGWriter(capacity: 4096)
            writeGrid(&writer, figure, frame)
            writeAxes(&writer, figure, frame)
            backdrop = writer.markup
            let frame = frame
            paths = figure.series.map { pathData($0.pieces, frame) }
            pixels = figure.series.flatMap { $0.pieces.flatMap { $0 } }.map { (frame.px($0.x), frame.py($0.y)) }
        }
    }

    /// Writes the `<svg>` element of `figure` at the writer's depth.
    static func write(_ figure: PlotFigure, into w: inout SVGWriter) {
        let drawing = figure.geometry?.drawing { Drawing(figure) } ?? Drawing(figure)
        let frame = drawing.frame
        let plot = figure.plot
        let id = plot.id.map { StableID.sanitize($0, fallback: "plot") }
            ?? StableID.make(prefix: "plot-", content: [plot.title, plot.xLabel, plot.yLabel]
                .joined(separator: "\u{1F}") + plot.curves.map(\.label).joined(separator: "\u{1F}"))
        w.open("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("class", "plot"),
            ("viewBox", "0 0 \(fmt(width)) \(fmt(height))"),
            ("width", "100%"),
            ("style", "max-width: \(fmt(width))px; height: auto"),
            ("role", "img"),
            ("aria-labelledby", "\(id)-title"),
            ("aria-describedby", "\(id)-desc"),
            ("font-family", "system-ui, sans-serif"),
        ])
        w.element("title", [("id", "\(id)-title")], text: accessibleTitle(plot))
        w.element("desc", [("id", "\(id)-desc")], text: description(figure))
        w.raw(drawing.backdrop)
        writeLabels(&w, figure, frame)
        var placed: [Box] = []
        for (index, series) in figure.series.enumerated() {
            writeSeries(&w, series, index: index, figure: figure, drawing: drawing, placed: &placed)
        }
        if figure.series.count > 1 { writeLegend(&w, figure, frame) }
        w.close("svg")
    }

    // MARK: - Parts

    private static func writeGrid(_ w: inout SVGWriter, _ figure: PlotFigure, _ frame: Frame) {
        w.open("g", [("class", "plot-grid"), ("stroke", "currentColor"), ("stroke-opacity", "0.12")])
        for value in figure.xTicks.values {
            let x = frame.px(value)
            w.element("line", [("x1", fmt(x)), ("y1", fmt(frame.top)), ("x2", fmt(x)), ("y2", fmt(frame.bottom))])
        }
        for value in figure.yTicks.values {
            let y = frame.py(value)
            w.element("line", [("x1", fmt(frame.left)), ("y1", fmt(y)), ("x2", fmt(frame.right)), ("y2", fmt(y))])
        }
        w.close("g")
        w.element("rect", [
            ("class", "plot-frame"), ("x", fmt(frame.left)), ("y", fmt(frame.top)),
            ("width", fmt(frame.right - frame.left)), ("height", fmt(frame.bottom - frame.top)),
            ("fill", "none"), ("stroke", "currentColor"), ("stroke-opacity", "0.35"),
        ])
    }

    private static func writeAxes(_ w: inout SVGWriter, _ figure: PlotFigure, _ frame: Frame) {
        w.open("g", [("class", "plot-axis"), ("stroke", "currentColor"), ("stroke-opacity", "0.6")])
        if figure.yRange.contains(0) {
            let y = frame.py(0)
            w.element("line", [("x1", fmt(frame.left)), ("y1", fmt(y)), ("x2", fmt(frame.right)), ("y2", fmt(y))])
        }
        if figure.xRange.contains(0) {
            let x = frame.px(0)
            w.element("line", [("x1", fmt(x)), ("y1", fmt(frame.top)), ("x2", fmt(x)), ("y2", fmt(frame.bottom))])
        }
        w.close("g")
        w.open("g", [("class", "plot-tick-label"), ("fill", "currentColor"), ("font-size", "12")])
        for (value, label) in zip(figure.xTicks.values, figure.xTicks.labels) {
            w.element("text", [
                ("x", fmt(frame.px(value))), ("y", fmt(frame.bottom + 16)), ("text-anchor", "middle"),
            ], text: label)
        }
        for (value, label) in zip(figure.yTicks.values, figure.yTicks.labels) {
            w.element("text", [
                ("x", fmt(frame.left - 6)), ("y", fmt(frame.py(value) + 4)), ("text-anchor", "end"),
            ], text: label)
        }
        w.close("g")
    }

    private static func writeLabels(_ w: inout SVGWriter, _ figure: PlotFigure, _ frame: Frame) {
        let plot = figure.plot
        if !plot.title.isEmpty {
            w.element("text", [
                ("class", "plot-title"), ("x", fmt(width / 2)), ("y", "20"), ("text-anchor", "middle"),
                ("font-size", "15"), ("font-weight", "600"), ("fill", "currentColor"),
            ], text: plot.title)
        }
        w.element("text", [
            ("class", "plot-axis-label"), ("x", fmt(frame.left)), ("y", fmt(frame.top - 8)),
            ("text-anchor", "start"), ("font-size", "13"), ("fill", "currentColor"),
        ], text: plot.yLabel)
        w.element("text", [
            ("class", "plot-axis-label"), ("x", fmt((frame.left + frame.right) / 2)), ("y", fmt(frame.bottom + 35)),
            ("text-anchor", "middle"), ("font-size", "13"), ("fill", "currentColor"),
        ], text: plot.xLabel)
    }

    private static func writeSeries(
        _ w: inout SVGWriter, _ series: PlotSeries, index: Int, figure: PlotFigure, drawing: Drawing,
        placed: inout [Box]
    ) {
        let frame = drawing.frame
        let number = index % PlotStyle.seriesColors.count + 1
        w.open("g", [
            ("class", "plot-series plot-series-\(number)"),
            ("color", PlotStyle.seriesColors[number - 1]),
        ])
        var curveAttributes: [(String, String)] = [
            ("class", "plot-curve"), ("d", drawing.paths[index]), ("fill", "none"),
            ("stroke", "currentColor"), ("stroke-width", "2"), ("stroke-linejoin", "round"),
            ("stroke-linecap", "round"),
        ]
        if index % 2 == 1 { curveAttributes.append(("stroke-dasharray", "7 4")) }
        if series.pieces.contains(where: { $0.count >= 2 }) {
            w.element("path", curveAttributes)
        }
        for mark in series.clipMarks {
            w.element("path", [
                ("class", "plot-clip-mark"), ("d", clipMarkPath(mark, frame)), ("fill", "currentColor"),
            ])
        }
        if let x0 = figure.plot.exampleX, let y0 = series.exampleValue, x0.isFinite, y0.isFinite,
            figure.xRange.contains(x0), figure.yRange.contains(y0)
        {
            let px = frame.px(x0)
            let py = frame.py(y0)
            if index == 0 {
                w.element("path", [
                    ("class", "plot-guide"),
                    ("d", "M\(fmt(px)) \(fmt(frame.bottom))V\(fmt(py))H\(fmt(frame.left))"),
                    ("fill", "none"), ("stroke", "currentColor"), ("stroke-opacity", "0.55"),
                    ("stroke-dasharray", "3 3"),
                ])
            }
            w.element("circle", [
                ("class", "plot-point"), ("cx", fmt(px)), ("cy", fmt(py)), ("r", "4.5"),
                ("fill", "currentColor"), ("stroke", "white"), ("stroke-width", "1.5"),
            ])
            let text = "(" + SVGNumber.label(x0) + ", " + SVGNumber.label(y0) + ")"
            let box = labelBox(text, at: (px, py), curvePoints: drawing.pixels, frame: frame, placed: placed)
            placed.append(box)
            w.element("text", [
                ("class", "plot-point-label"), ("x", fmt(box.anchorX)), ("y", fmt(box.baseline)),
                ("text-anchor", box.anchor), ("font-size", "12"), ("fill", "currentColor"),
                ("font-weight", "600"),
            ], text: text)
        }
        w.close("g")
    }

    private static func writeLegend(_ w: inout SVGWriter, _ figure: PlotFigure, _ frame: Frame) {
        w.open("g", [("class", "plot-legend"), ("font-size", "12")])
        var x = frame.right
        let y = frame.top - 8
        // Laid out right to left so the legend ends at the plot's right edge.
        var entries: [(x: Double, index: Int)] = []
        for index in figure.series.indices.reversed() {
            let textWidth = TextWidth.estimate(figure.series[index].label, fontSize: 12)
            x -= textWidth + 26
            entries.append((x, index))
            x -= 10
        }
        for entry in entries.reversed() {
            let number = entry.index % PlotStyle.seriesColors.count + 1
            w.open("g", [("class", "plot-series-\(number)"), ("color", PlotStyle.seriesColors[number - 1])])
            var line: [(String, String)] = [
                ("class", "plot-legend-swatch"),
                ("d", "M\(fmt(entry.x)) \(fmt(y - 4))h20"), ("stroke", "currentColor"), ("stroke-width", "2"),
            ]
            if entry.index % 2 == 1 { line.append(("stroke-dasharray", "7 4")) }
            w.element("path", line)
            w.close("g")
            w.element("text", [
                ("class", "plot-legend-label"), ("x", fmt(entry.x + 24)), ("y", fmt(y)), ("fill", "currentColor"),
            ], text: figure.series[entry.index].label)
        }
        w.close("g")
    }

    // MARK: - Text for assistive technology

    private static func accessibleTitle(_ plot: Plot) -> String {
        if !plot.title.isEmpty { return plot.title }
        let labels = plot.curves.map(\.label).joined(separator: ", ")
        return labels.isEmpty ? "Plot" : "Plot of " + labels
    }

    /// The text of `<desc>`: what is plotted over which ranges, the example point and its
    /// values, and whether the curves are clipped.
    static func description(_ figure: PlotFigure) -> String {
        let plot = figure.plot
        let labels = plot.curves.map(\.label)
        var parts: [String] = []
        let what = labels.isEmpty ? "No curve" : labels.joined(separator: " and ")
        parts.append(
            "\(what) plotted for \(plot.xLabel) from \(SVGNumber.label(figure.xRange.lowerBound)) to "
                + "\(SVGNumber.label(figure.xRange.upperBound)); the vertical axis runs from "
                + "\(SVGNumber.label(figure.yRange.lowerBound)) to \(SVGNumber.label(figure.yRange.upperBound)).")
        if let x0 = plot.exampleX, x0.isFinite {
            let values = figure.series.map { series -> String in
                let value = series.exampleValue.map { $0.isFinite ? SVGNumber.label($0) : "undefined" } ?? "undefined"
                return "\(series.label) = \(value)"
            }
            parts.append("Marked point: \(plot.xLabel) = \(SVGNumber.label(x0))"
                + (values.isEmpty ? "." : ", " + values.joined(separator: ", ") + "."))
        }
        if figure.series.contains(where: { $0.pieces.isEmpty }) {
            let empty = figure.series.filter { $0.pieces.isEmpty }.map(\.label)
            parts.append("No finite values to draw for \(empty.joined(separator: ", ")).")
        }
        let top = figure.series.contains { $0.clipMarks.contains { $0.edge == .top } }
        let bottom = figure.series.contains { $0.clipMarks.contains { $0.edge == .bottom } }
        if top || bottom {
            let edges = [top ? "above the top" : nil, bottom ? "below the bottom" : nil].compactMap { $0 }
            parts.append("The curve continues \(edges.joined(separator: " and ")) of the plot where marked by triangles.")
        }
        return parts.joined(separator: " ")
    }

    // MARK: - Geometry

    /// The plot area inside the SVG and the mapping from data to pixels.
    struct Frame: Sendable {
        let left: Double
        let right: Double
        let top: Double
        let bottom: Double
        let xRange: ClosedRange<Double>
        let yRange: ClosedRange<Double>

        init(figure: PlotFigure) {
            let widest = figure.yTicks.labels.map { TextWidth.estimate($0, fontSize: 12) }.max() ?? 10
            left = max(36, (widest + 14).rounded(.up))
            right = PlotSVG.width - 14
            top = 54
            bottom = PlotSVG.height - 44
            xRange = figure.xRange
            yRange = figure.yRange
        }

        func px(_ x: Double) -> Double {
            left + (x - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound) * (right - left)
        }

        func py(_ y: Double) -> Double {
            bottom - (y - yRange.lowerBound) / (yRange.upperBound - yRange.lowerBound) * (bottom - top)
        }
    }

    /// A placed label: its box (for avoiding overlaps) and how to write its `<text>`.
    struct Box {
        var minX: Double
        var minY: Double
        var maxX: Double
        var maxY: Double
        var anchorX: Double
        var baseline: Double
        var anchor: String

        func overlaps(_ other: Box) -> Bool {
            minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
        }

        func contains(_ x: Double, _ y: Double) -> Bool {
            x >= minX && x <= maxX && y >= minY && y <= maxY
        }
    }

    /// The label position around the point (px, py) that stays inside the plot area and
    /// covers the fewest curve points and other labels.
    private static func labelBox(
        _ text: String, at point: (Double, Double), curvePoints: [(Double, Double)], frame: Frame, placed: [Box]
    ) -> Box {
        let textWidth = TextWidth.estimate(text, fontSize: 12)
        let (px, py) = point
        let candidates: [(dx: Double, dy: Double, anchor: String)] = [
            (8, -8, "start"), (-8, -8, "end"), (8, 16, "start"), (-8, 16, "end"),
            (0, -11, "middle"), (0, 19, "middle"),
        ]
        var best: (score: Double, box: Box) = (.infinity, Box(
            minX: px, minY: py, maxX: px, maxY: py, anchorX: px + 8, baseline: py - 8, anchor: "start"))
        for candidate in candidates {
            let anchorX = px + candidate.dx
            let baseline = py + candidate.dy
            let minX: Double
            switch candidate.anchor {
            case "start": minX = anchorX
            case "end": minX = anchorX - textWidth
            default: minX = anchorX - textWidth / 2
            }
            let box = Box(
                minX: minX - 2, minY: baseline - 11, maxX: minX + textWidth + 2, maxY: baseline + 3,
                anchorX: anchorX, baseline: baseline, anchor: candidate.anchor)
            var score = 0.0
            if box.minX < frame.left || box.maxX > frame.right || box.minY < frame.top || box.maxY > frame.bottom {
                score += 1000
            }
            score += Double(curvePoints.count { box.contains($0.0, $0.1) })
            score += Double(placed.filter { $0.overlaps(box) }.count) * 200
            if score < best.score { best = (score, box) }
        }
        return best.box
    }

    private static func clipMarkPath(_ mark: PlotClipMark, _ frame: Frame) -> String {
        let x = min(max(frame.px(mark.x), frame.left + 5), frame.right - 5)
        switch mark.edge {
        case .top:
            let y = frame.top + 1
            return "M\(fmt(x)) \(fmt(y))l5 8h-10z"
        case .bottom:
            let y = frame.bottom - 1
            return "M\(fmt(x)) \(fmt(y))l5 -8h-10z"
        }
    }

    /// Path data for the pieces: one `M` per piece, simplified to a tenth of a pixel.
    static func pathData(_ pieces: [[PlotPoint]], _ frame: Frame) -> String {
        var out = ""
        for piece in pieces where piece.count >= 2 {
            let pixels = piece.map { (frame.px($0.x), frame.py($0.y)) }
            let kept = simplify(pixels, tolerance: 0.1)
            var previous = ""
            for (index, point) in kept.enumerated() {
                let text = fmt(point.0) + " " + fmt(point.1)
                if text == previous { continue }
                out += (index == 0 ? "M" : "L") + text
                previous = text
            }
        }
        return out
    }

    /// Ramer–Douglas–Peucker simplification (iterative, so long inputs cannot overflow the stack).
    static func simplify(_ points: [(Double, Double)], tolerance: Double) -> [(Double, Double)] {
        guard points.count > 2 else { return points }
        var keep = [Bool](repeating: false, count: points.count)
        keep[0] = true
        keep[points.count - 1] = true
        var stack: [(Int, Int)] = [(0, points.count - 1)]
        while let (first, last) = stack.popLast() {
            guard last > first + 1 else { continue }
            let (ax, ay) = points[first]
            let (bx, by) = points[last]
            let dx = bx - ax
            let dy = by - ay
            let length = (dx * dx + dy * dy).squareRoot()
            var farthest = first
            var distance = 0.0
            for index in (first + 1)..<last {
                let (x, y) = points[index]
                let d = length > 0
                    ? abs(dy * (x - ax) - dx * (y - ay)) / length
                    : ((x - ax) * (x - ax) + (y - ay) * (y - ay)).squareRoot()
                if d > distance {
                    distance = d
                    farthest = index
                }
            }
            if distance > tolerance {
                keep[farthest] = true
                stack.append((first, farthest))
                stack.append((farthest, last))
            }
        }
        return points.indices.filter { keep[$0] }.map { points[$0] }
    }

    private static func fmt(_ value: Double) -> String { SVGNumber.fixed(value, decimals: 2) }
}
