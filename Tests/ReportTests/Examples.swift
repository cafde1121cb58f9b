import Foundation
import TestSupport

@testable import Report

/// The functions and figures of the examples used by several tests and the golden files.
enum Examples {
    static let sigmoid: @Sendable (Double) -> Double = { 1 / (1 + exp(-$0)) }
    static let sigmoidDerivative: @Sendable (Double) -> Double = { x in
        let s = 1 / (1 + exp(-x))
        return s * (1 - s)
    }
    static let relu: @Sendable (Double) -> Double = { max(0, $0) }
    static let softplus: @Sendable (Double) -> Double = { log1p(exp($0)) }
    static let ln: @Sendable (Double) -> Double = { log($0) }
    static let exponential: @Sendable (Double) -> Double = { exp($0) }
    static let tanhFunction: @Sendable (Double) -> Double = { tanh($0) }

    static let sigmoidPlot = Plot(
        title: "Sigmoid", xLabel: "x", yLabel: "σ(x)", curves: [PlotCurve("σ(x)", sigmoid)],
        exampleX: 0.5, id: "sigmoid")
    static let sigmoidDerivativePlot = Plot(
        title: "Derivative of the sigmoid", xLabel: "x", yLabel: "σ′(x)",
        curves: [PlotCurve("σ′(x)", sigmoidDerivative)], exampleX: 0.5, id: "sigmoid-derivative")
    static let sigmoidOverlay = Plot(
        title: "Sigmoid and its derivative", xLabel: "x", yLabel: "y",
        curves: [PlotCurve("σ(x)", sigmoid), PlotCurve("σ′(x)", sigmoidDerivative)], exampleX: 0.5,
        id: "sigmoid-overlay")
    static let tanhPlot = Plot(
        title: "tanh", xLabel: "x", yLabel: "tanh(x)", curves: [PlotCurve("tanh(x)", tanhFunction)],
        exampleX: -1, id: "tanh")
    static let reluPlot = Plot(
        title: "ReLU", xLabel: "x", yLabel: "relu(x)", curves: [PlotCurve("relu(x)", relu)], exampleX: 2,
        id: "relu")
    static let softplusPlot = Plot(
        title: "Softplus", xLabel: "x", yLabel: "softplus(x)", curves: [PlotCurve("softplus(x)", softplus)],
        exampleX: 1, id: "softplus")
    static let lnPlot = Plot(
        title: "Natural logarithm", xLabel: "x", yLabel: "ln x", curves: [PlotCurve("ln x", ln)], exampleX: 2,
        id: "ln")
    static let expPlot = Plot(
        title: "Exponential", xLabel: "x", yLabel: "exp x", curves: [PlotCurve("exp x", exponential)],
        exampleX: 1, id: "exp")

    static let network = DiagramExamples.network
    static let trainingLoop = DiagramExamples.trainingLoop
    static let pipeline = DiagramExamples.pipeline
}
