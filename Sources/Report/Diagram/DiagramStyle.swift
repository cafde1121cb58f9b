/// The default look of diagrams: CSS rules for the `diagram-` classes, light and dark.
public enum DiagramStyle {
    /// The default stylesheet for diagrams. A page can restyle them through the custom
    /// properties `--diagram-node-fill`, `--diagram-node-stroke` and `--diagram-background`;
    /// text and edges follow `currentColor`.
    public static let css = """
        .diagram { display: block; width: 100%; height: auto; margin: 0 auto; color: inherit; overflow: visible;
          --diagram-node-fill: #eef2ff; --diagram-node-stroke: #4338ca; --diagram-background: Canvas; }
        .diagram-scroll { overflow-x: auto; max-width: 100%; }
        .diagram-node-shape { fill: var(--diagram-node-fill); stroke: var(--diagram-node-stroke); stroke-width: 1.5px; }
        .diagram-node-detail { fill: none; stroke: var(--diagram-node-stroke); }
        .diagram-node-label, .diagram-edge-label-text { fill: currentColor; }
        .diagram-edge-line { fill: none; stroke: currentColor; stroke-opacity: 0.8; }
        .diagram-arrowhead { fill: currentColor; }
        .diagram-arrowhead-circle { fill: var(--diagram-background); stroke: currentColor; }
        .diagram-arrowhead-cross { fill: none; stroke: currentColor; }
        .diagram-edge-label-bg { fill: var(--diagram-background); stroke: currentColor; stroke-opacity: 0.2; }
        .diagram-edge-label-text { font-size: 13px; }
        .diagram-start, .diagram-end-dot, .diagram-bar { fill: currentColor; }
        .diagram-end { fill: none; stroke: currentColor; }
        .diagram-not-drawn { font-size: 0.875em; font-style: italic; opacity: 0.85; }
        @media (prefers-color-scheme: dark) {
          .diagram { --diagram-node-fill: #1e1b4b; --diagram-node-stroke: #a5b4fc; }
        }
        """
}
