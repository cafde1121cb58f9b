import Calculus
import Foundation
import Testing

@testable import Report

/// Plots of compiled curves are computed once in a run (`PlotCache`) and drawn with each
/// page's own labels and ids.
@Suite struct PlotCacheTests {
    /// The sigmoid as a note defines it, compiled, and a closure computing the same numbers.
    static func sigmoid(scale: Double = 1) throws -> Curve {
        var context = Context()
        context.functions["f"] = UserFunction(
            parameters: ["z"], body: 1 / (1 + .call("exp", -(.symbol("z") * .symbol("k")))))
        context.values["k"] = scale
        return try #require(Curve(try context.compile([.call("f", .symbol("x"))]), variable: "x", values: context.values))
    }

    @Test func aCompiledCurveIsPlottedAsItsClosureIs() throws {
        let curve = try Self.sigmoid(scale: 1.75)
        let compiled = Plot(title: "f(z)", curves: [PlotCurve("f", curve)], exampleX: 0.5, id: "plot-1-f")
        let closure = Plot(title: "f(z)", curves: [PlotCurve("f") { curve.value(at: $0) }], exampleX: 0.5, id: "plot-1-f")
        #expect(PlotSVG.svg(compiled) == PlotSVG.svg(closure))
        #expect(PlotSVG.svg(compiled) == PlotSVG.svg(compiled))
    }

    @Test func aPlotFoundInTheCacheKeepsItsOwnLabelsAndIds() throws {
        let curve = try Self.sigmoid(scale: 2.5)
        let first = Plot(title: "f(z)", xLabel: "z", yLabel: "f(z)", curves: [PlotCurve("f", curve)], id: "plot-1-f")
        let second = Plot(title: "s(u)", xLabel: "u", yLabel: "s(u)", curves: [PlotCurve("s", curve)], id: "plot-7-s")
        let unshared = Plot(title: "s(u)", xLabel: "u", yLabel: "s(u)", curves: [PlotCurve("s") { curve.value(at: $0) }],
                            id: "plot-7-s")
        _ = PlotSVG.svg(first)
        let svg = PlotSVG.svg(second)
        #expect(svg == PlotSVG.svg(unshared))
        #expect(svg.contains("id=\"plot-7-s-title\">s(u)</title>"))
        #expect(!svg.contains("plot-1-f"))
        #expect(PlotFigure.make(second).series.map(\.label) == ["s"])
    }

    /// Titles equal as Swift strings (`é` as one scalar, and as `e` with an accent) are different
    /// texts: each page draws its own bytes.
    @Test func aPlotsTextsAreComparedByTheirBytes() throws {
        let curve = try Self.sigmoid(scale: 3.5)
        let composed = Plot(title: "caf\u{E9}(z)", curves: [PlotCurve("f", curve)], id: "plot-1-f")
        let decomposed = Plot(title: "cafe\u{301}(z)", curves: [PlotCurve("f", curve)], id: "plot-1-f")
        #expect(composed.title == decomposed.title)
        _ = PlotSVG.svg(composed)
        let bytes = Array(PlotSVG.svg(decomposed).utf8)
        #expect(bytes.firstRange(of: Array("cafe\u{301}(z)".utf8)) != nil)
        #expect(bytes.firstRange(of: Array("caf\u{E9}(z)".utf8)) == nil)
    }

    @Test func differentFunctionsOrExamplePointsAreDifferentPlots() throws {
        let narrow = try Self.sigmoid(scale: 4)
        let wide = try Self.sigmoid(scale: 0.5)
        let a = PlotFigure.make(Plot(title: "", curves: [PlotCurve("f", narrow)]))
        let b = PlotFigure.make(Plot(title: "", curves: [PlotCurve("f", wide)]))
        #expect(a.series[0].pieces != b.series[0].pieces)
        let marked = PlotFigure.make(Plot(title: "", curves: [PlotCurve("f", narrow)], exampleX: 9))
        #expect(marked.series[0].exampleValue != nil)
        #expect(marked.xRange != a.xRange)
    }

    @Test func examplePointsOfOneCurveShareItsSampledPiecesAndMarkTheirOwnPoint() throws {
        let curve = try Self.sigmoid(scale: 1.25)
        let left = Plot(title: "f(z)", curves: [PlotCurve("f", curve)], exampleX: 0.25, id: "plot-1-f")
        let right = Plot(title: "f(z)", curves: [PlotCurve("f", curve)], exampleX: 0.75, id: "plot-1-f")
        let unshared = Plot(title: "f(z)", curves: [PlotCurve("f") { curve.value(at: $0) }], exampleX: 0.75, id: "plot-1-f")
        let a = PlotFigure.make(left)
        let b = PlotFigure.make(right)
        #expect(a.series[0].pieces == b.series[0].pieces)
        #expect(a.series[0].exampleValue != b.series[0].exampleValue)
        _ = PlotSVG.svg(left)
        #expect(PlotSVG.svg(right) == PlotSVG.svg(unshared))
        #expect(PlotSVG.svg(right).contains("(0.75, "))
    }
}
