import Diagram

/// What became of a mermaid block: drawn as SVG, or the reason it was not.
public enum DiagramRendering: Sendable, Equatable {
    /// The inline `<svg>` element.
    case drawn(svg: String)
    /// Why it was not drawn; the page shows this beside the block's code.
    case notDrawn(DiagramProblem)
}

extension DiagramSVG {
    /// Lays out and writes `diagram`. Never traps: oversized graphs give
    /// ``DiagramRendering/notDrawn(_:)``.
    /// - Parameter id: prefix of the SVG's element ids, unique on the page (`nil`: derived from content).
    public static func render(_ diagram: MermaidDiagram, id: String? = nil) -> DiagramRendering {
        switch DiagramLayout.make(diagram) {
        case .failure(let problem): .notDrawn(problem)
        case .success(let layout): .drawn(svg: svg(layout, id: id))
        }
    }

    /// Reads, lays out and writes the mermaid text `source` (for previews and tests: a note's
    /// diagrams are read by the Notebook, and its page draws them with ``render(_:id:)``).
    /// Never traps: unsupported kinds, malformed text and oversized graphs give
    /// ``DiagramRendering/notDrawn(_:)``.
    public static func render(mermaid source: String, id: String? = nil) -> DiagramRendering {
        switch MermaidParser.parse(source) {
        case .failure(let problem): .notDrawn(problem)
        case .success(let diagram): render(diagram, id: id)
        }
    }
}
