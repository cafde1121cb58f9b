import Foundation
import Testing

@testable import Report

@Suite struct PlotRangeTests {
    @Test func activationsAroundZeroGetTheWindowMinusSixToSix() {
        for plot in [Examples.sigmoidPlot, Examples.tanhPlot, Examples.reluPlot, Examples.softplusPlot] {
            let figure = PlotFigure.make(plot)
            #expect(figure.xRange == -6...6, "\(plot.title)")
        }
    }

    @Test func sigmoidFitsBetweenZeroAndOneWithoutClipping() {
        let figure = PlotFigure.make(Examples.sigmoidPlot)
        #expect(figure.yRange == 0...1)
        #expect(!figure.isClipped)
    }

    @Test func mildGrowthIsShownWhole() {
        for plot in [Examples.reluPlot, Examples.softplusPlot] {
            let figure = PlotFigure.make(plot)
            #expect(!figure.isClipped, "\(plot.title) should not be clipped")
            #expect(figure.yRange.upperBound >= 6)
        }
        let cubic = PlotFigure.make(Plot(title: "", curves: [PlotCurve("x³") { $0 * $0 * $0 }]))
        #expect(!cubic.isClipped)
    }

    @Test func logarithmStartsJustRightOfZeroAndIsClippedBelow() {
        let figure = PlotFigure.make(Examples.lnPlot)
        #expect(figure.xRange.lowerBound == 0)
        let firstPoint = figure.series[0].pieces.first?.first
        #expect(firstPoint.map { $0.x > 0 && $0.x < 0.05 } == true, "first point \(String(describing: firstPoint))")
        #expect(figure.series[0].clipMarks.contains { $0.edge == .bottom })
    }

    @Test func exponentialIsClippedAndMarkedInsteadOfSquashed() {
        let figure = PlotFigure.make(Examples.expPlot)
        #expect(figure.yRange.upperBound < 60, "exp(6) ≈ 403 must not set the scale")
        #expect(figure.yRange.contains(exp(1)))
        #expect(figure.series[0].clipMarks.map(\.edge) == [.top])
        let svg = PlotSVG.svg(Examples.expPlot)
        #expect(svg.contains("class=\"plot-clip-mark\""))
    }

    @Test func boundedPeakIsKeptWhole() {
        let figure = PlotFigure.make(Plot(title: "", curves: [PlotCurve("g") { exp(-$0 * $0) }]))
        #expect(!figure.isClipped)
        #expect(figure.yRange.upperBound >= 1)
    }

    @Test func exampleFarOutsideTheWindowIsIncludedWithMargin() {
        var plot = Examples.sigmoidPlot
        plot.exampleX = 10
        let figure = PlotFigure.make(plot)
        #expect(figure.xRange.upperBound > 10.5)
        #expect(figure.xRange.lowerBound <= -6)
    }

    @Test func exampleValueIsAlwaysInsideTheVerticalRange() {
        var plot = Examples.expPlot
        plot.exampleX = 5
        let figure = PlotFigure.make(plot)
        #expect(figure.yRange.contains(exp(5)))
    }

    @Test func fixedRangesAreUsedAsGiven() {
        var plot = Examples.sigmoidPlot
        plot.xRange = -2...3
        plot.yRange = 0...0.5
        let figure = PlotFigure.make(plot)
        #expect(figure.xRange == -2...3)
        #expect(figure.yRange == 0...0.5)
        #expect(figure.series[0].clipMarks.contains { $0.edge == .top })
    }
}

@Suite struct PlotCurveTests {
    @Test func poleSplitsTheCurveAndNoPieceCrossesIt() {
        let figure = PlotFigure.make(Plot(title: "", curves: [PlotCurve("1/x") { 1 / $0 }]))
        let pieces = figure.series[0].pieces
        #expect(pieces.count >= 2)
        for piece in pieces {
            let xs = piece.map(\.x)
            #expect(!(xs.contains { $0 < 0 } && xs.contains { $0 > 0 }), "a piece spans the pole")
        }
    }

    @Test func jumpSplitsTheCurveWithoutAVerticalConnector() {
        let step: @Sendable (Double) -> Double = { $0 < 0.3 ? -1 : 1 }
        let figure = PlotFigure.make(Plot(title: "", curves: [PlotCurve("step", step)], yRange: -2...2))
        let pieces = figure.series[0].pieces
        #expect(pieces.count == 2)
        for piece in pieces {
            let ys = Set(piece.map(\.y))
            #expect(ys.count == 1, "each side of the jump is flat")
        }
        #expect(abs((pieces.first?.last?.x ?? 0) - 0.3) < 1e-6)
    }

    @Test func steepButContinuousCurveIsNotSplit() {
        let figure = PlotFigure.make(Plot(title: "", curves: [PlotCurve("σ(50x)") { 1 / (1 + exp(-50 * $0)) }]))
        #expect(figure.series[0].pieces.count == 1)
    }

    @Test func undefinedStretchLeavesAGap() {
        let sqrtOfCos: @Sendable (Double) -> Double = { cos($0).squareRoot() }
        let figure = PlotFigure.make(Plot(title: "", curves: [PlotCurve("√cos x", sqrtOfCos)], xRange: -6...6))
        // cos x ≥ 0 on [−6, −3π/2], [−π/2, π/2] and [3π/2, 6].
        #expect(figure.series[0].pieces.count == 3)
    }

    @Test func functionWithoutFiniteValuesDrawsAxesAndSaysSo() throws {
        let plot = Plot(title: "Nothing", curves: [PlotCurve("nan") { _ in .nan }], exampleX: 1)
        let root = try XMLTree.parse(PlotSVG.svg(plot)).get()
        #expect(root.withClass("plot-curve").isEmpty)
        let desc = root.all.first { $0.name == "desc" }?.text ?? ""
        #expect(desc.contains("No finite values to draw for nan"))
        #expect(desc.contains("nan = undefined"))
    }

    @Test func extremeInputsGiveWellFormedSVG() throws {
        let plots = [
            Plot(title: "none", curves: []),
            Plot(title: "huge", curves: [PlotCurve("h") { $0 * 1e308 }], exampleX: 1e300),
            Plot(title: "tiny", curves: [PlotCurve("t") { $0 * 1e-300 }], exampleX: -.infinity),
            Plot(title: "constant", curves: [PlotCurve("c") { _ in 7 }], exampleX: .nan),
            Plot(title: "noise", curves: [PlotCurve("n") { sin(1e6 * $0) }]),
            Plot(title: "point domain", curves: [PlotCurve("p") { $0 == 0 ? 1 : .nan }]),
            Plot(title: "bad ranges", curves: [PlotCurve("x") { $0 }], xRange: 3...3, yRange: -.infinity...0),
        ]
        for plot in plots {
            let root = try XMLTree.parse(PlotSVG.svg(plot)).get()
            #expect(root.name == "svg", "\(plot.title)")
        }
    }

    @Test func refinedCurveFollowsTheFunctionWithinAPixel() {
        let figure = PlotFigure.make(Examples.sigmoidPlot)
        for piece in figure.series[0].pieces {
            for (a, b) in zip(piece, piece.dropFirst()) {
                let middle = (a.x + b.x) / 2
                let chord = (a.y + b.y) / 2
                let pixels = abs(Examples.sigmoid(middle) - chord) / (figure.yRange.upperBound - figure.yRange.lowerBound) * 222
                #expect(pixels < 1, "chord off by \(pixels) px at x = \(middle)")
            }
        }
    }
}

@Suite struct PlotSVGTests {
    @Test func svgIsWellFormedAndAccessible() throws {
        for plot in [Examples.sigmoidPlot, Examples.sigmoidOverlay, Examples.lnPlot, Examples.expPlot] {
            let root = try XMLTree.parse(PlotSVG.svg(plot)).get()
            #expect(root.name == "svg")
            #expect(root.attributes["role"] == "img")
            #expect(root.attributes["viewBox"] != nil)
            #expect(root.attributes["width"] == "100%")
            let title = root.children.first { $0.name == "title" }
            let desc = root.children.first { $0.name == "desc" }
            #expect(title?.attributes["id"] == root.attributes["aria-labelledby"])
            #expect(desc?.attributes["id"] == root.attributes["aria-describedby"])
            #expect(title?.text == plot.title)
        }
    }

    @Test func descriptionNamesTheFunctionRangeAndMarkedPoint() throws {
        let root = try XMLTree.parse(PlotSVG.svg(Examples.sigmoidPlot)).get()
        let desc = root.all.first { $0.name == "desc" }?.text ?? ""
        #expect(desc.contains("σ(x) plotted for x from \u{2212}6 to 6"))
        #expect(desc.contains("Marked point: x = 0.5, σ(x) = 0.6225."))
    }

    @Test func examplePointIsMarkedAndLabelledWithItsValue() throws {
        let root = try XMLTree.parse(PlotSVG.svg(Examples.sigmoidPlot)).get()
        #expect(root.withClass("plot-point").count == 1)
        #expect(root.withClass("plot-point-label").first?.text == "(0.5, 0.6225)")
    }

    @Test func legendOnlyWithSeveralCurves() throws {
        let single = try XMLTree.parse(PlotSVG.svg(Examples.sigmoidPlot)).get()
        #expect(single.withClass("plot-legend").isEmpty)
        let overlay = try XMLTree.parse(PlotSVG.svg(Examples.sigmoidOverlay)).get()
        let labels = overlay.withClass("plot-legend-label").map(\.text)
        #expect(labels == ["σ(x)", "σ′(x)"])
        #expect(overlay.withClass("plot-point").count == 2)
    }

    @Test func ticksAreLabelledWithNiceValues() throws {
        let root = try XMLTree.parse(PlotSVG.svg(Examples.sigmoidPlot)).get()
        let labels = root.withClass("plot-tick-label").flatMap(\.children).map(\.text)
        #expect(labels == ["\u{2212}6", "\u{2212}4", "\u{2212}2", "0", "2", "4", "6", "0", "0.2", "0.4", "0.6", "0.8", "1"])
    }

    @Test func curveIsOneSubpathPerPiece() throws {
        let root = try XMLTree.parse(PlotSVG.svg(Plot(title: "", curves: [PlotCurve("1/x") { 1 / $0 }]))).get()
        let d = root.withClass("plot-curve").first?.attributes["d"] ?? ""
        #expect(d.filter { $0 == "M" }.count == PlotFigure.make(Plot(title: "", curves: [PlotCurve("1/x") { 1 / $0 }])).series[0].pieces.count)
    }

    @Test func pairSharesTheHorizontalRange() throws {
        let html = PlotSVG.pair(Examples.sigmoidPlot, beside: Examples.sigmoidDerivativePlot)
        let root = try XMLTree.parse(html).get()
        #expect(root.name == "div")
        #expect(root.attributes["class"] == "plot-pair")
        let svgs = root.children.filter { $0.name == "svg" }
        #expect(svgs.count == 2)
        let ticks = svgs.map { $0.withClass("plot-tick-label").first?.children.map(\.text) ?? [] }
        let xTicks = ticks.map { Array($0.prefix(7)) }
        #expect(xTicks[0] == xTicks[1])
    }

    @Test func hostileTextIsEscaped() throws {
        let plot = Plot(
            title: "<script>&\"'\u{1}", xLabel: "a<b", yLabel: "]]>", curves: [PlotCurve("f & g") { $0 }], id: "x y<")
        let root = try XMLTree.parse(PlotSVG.svg(plot)).get()
        #expect(root.children.first { $0.name == "title" }?.text == "<script>&\"'")
        #expect(root.attributes["aria-labelledby"] == "xy-title")
    }

    @Test func outputIsDeterministic() {
        #expect(PlotSVG.svg(Examples.sigmoidOverlay) == PlotSVG.svg(Examples.sigmoidOverlay))
        var withoutID = Examples.sigmoidPlot
        withoutID.id = nil
        #expect(PlotSVG.svg(withoutID) == PlotSVG.svg(withoutID))
        #expect(PlotSVG.svg(withoutID).contains("aria-labelledby=\"plot-"))
    }

    @Test func stylesheetDefinesThePlotClassesForLightAndDark() {
        for name in [".plot ", ".plot-grid", ".plot-curve", ".plot-point", ".plot-series-1", "prefers-color-scheme: dark"] {
            #expect(PlotStyle.css.contains(name), "\(name)")
        }
    }
}

@Suite struct SVGNumberTests {
    @Test func fixedFormattingIsLocaleFreeAndTrimmed() {
        #expect(SVGNumber.fixed(12.5) == "12.5")
        #expect(SVGNumber.fixed(3.0) == "3")
        #expect(SVGNumber.fixed(-0.001) == "0")
        #expect(SVGNumber.fixed(-0.25) == "-0.25")
        #expect(SVGNumber.fixed(0.105, decimals: 1) == "0.1")
        #expect(SVGNumber.fixed(.nan) == "0")
    }

    @Test func significantDigitsSwitchToExponentsForExtremes() {
        #expect(SVGNumber.significant(0.622459) == "0.6225")
        #expect(SVGNumber.significant(403.4288) == "403.4")
        #expect(SVGNumber.significant(2e-9) == "2e-9")
        #expect(SVGNumber.significant(9.99996e7) == "1e8")
        #expect(SVGNumber.label(-1) == "\u{2212}1")
    }
}
