import Testing

@testable import Report

/// A page with every example figure and the default CSS: a golden file, and the page the
/// screenshots are taken of (`chromium --headless --screenshot ... Tests/Golden/Report/preview.html`).
@Suite struct PreviewPageTests {
    static func page() -> String {
        var body: [String] = []
        body.append("<h2>Function beside its derivative</h2>")
        body.append(PlotSVG.pair(Examples.sigmoidPlot, beside: Examples.sigmoidDerivativePlot))
        body.append("<h2>Overlay</h2>")
        body.append(PlotSVG.svg(Examples.sigmoidOverlay))
        body.append("<h2>Single plots</h2>")
        body.append("<div class=\"grid\">")
        for plot in [Examples.tanhPlot, Examples.reluPlot, Examples.softplusPlot, Examples.lnPlot, Examples.expPlot] {
            body.append(PlotSVG.svg(plot))
        }
        body.append("</div>")
        body.append("<h2>Diagrams</h2>")
        for (index, source) in [Examples.network, Examples.trainingLoop, Examples.pipeline].enumerated() {
            switch DiagramSVG.render(mermaid: source, id: "diagram-\(index + 1)") {
            case .drawn(let svg): body.append("<div class=\"diagram-scroll\">\n" + svg + "\n</div>")
            case .notDrawn(let problem): body.append("<p class=\"diagram-not-drawn\">" + problem.message + "</p>")
            }
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Derive figures preview</title>
            <style>
            :root { color-scheme: light dark; }
            body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 1rem auto; padding: 0 1rem; }
            .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr)); gap: 1rem; }
            \(PlotStyle.css)
            \(DiagramStyle.css)
            </style>
            </head>
            <body>
            <h1>Figures</h1>
            \(body.joined(separator: "\n"))
            </body>
            </html>
            """
    }

    @Test func previewPageMatchesGolden() {
        Golden.check(Self.page(), named: "preview.html")
    }
}
