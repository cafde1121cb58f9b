/// What became of a mermaid block: drawn as SVG, or the reason it was not.
public enum DiagramRendering: Sendable, Equatable {
    /// The inline `<svg>` element.
    case drawn(svg: String)
    /// Why it was not drawn; the page shows this beside the block's code.
    case notDrawn(DiagramProblem)
}

/// Mermaid diagrams drawn at build time.
public enum Diagram {
    /// Reads, lays out and writes the mermaid text `source`. Never traps: unsupported kinds,
    /// malformed text and oversized graphs give ``DiagramRendering/notDrawn(_:)``.
    /// - Parameter id: prefix of the SVG's element ids, unique on the page (`nil`: derived from content).
    public static func render(mermaid source: String, id: String? = nil) -> DiagramRendering {
        switch MermaidParser.parse(source) {
        case .failure(let problem):
            return .notDrawn(problem)
        case .success(let diagram):
            switch DiagramLayout.make(diagram) {
            case .failure(let problem): return .notDrawn(problem)
            case .success(let layout): return .drawn(svg: DiagramSVG.svg(layout, id: id))
            }
        }
    }
}
