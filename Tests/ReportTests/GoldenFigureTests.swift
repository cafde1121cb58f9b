import Testing

@testable import Report

/// Representative figures pinned byte for byte (`UPDATE_GOLDEN=1` rewrites them; review the diff).
@Suite struct GoldenFigureTests {
    @Test func sigmoidBesideItsDerivative() {
        Golden.check(PlotSVG.pair(Examples.sigmoidPlot, beside: Examples.sigmoidDerivativePlot), named: "sigmoid-pair.html")
    }

    @Test func clippedExponential() {
        Golden.check(PlotSVG.svg(Examples.expPlot), named: "exp.svg")
    }

    @Test func networkFlowchart() {
        guard case .drawn(let svg) = DiagramSVG.render(mermaid: Examples.network, id: "network") else {
            Issue.record("the network flowchart was not drawn")
            return
        }
        Golden.check(svg, named: "network.svg")
    }

    @Test func trainingLoopStateDiagram() {
        guard case .drawn(let svg) = DiagramSVG.render(mermaid: Examples.trainingLoop, id: "training-loop") else {
            Issue.record("the training loop was not drawn")
            return
        }
        Golden.check(svg, named: "training-loop.svg")
    }
}
