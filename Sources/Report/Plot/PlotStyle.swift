/// The default look of plots: CSS rules for the `plot-` classes, light and dark.
public enum PlotStyle {
    /// Fallback colours of the series (presentation attributes, used when no CSS is loaded).
    static let seriesColors = ["#1d4ed8", "#c2410c", "#15803d", "#7e22ce"]

    /// The default stylesheet for plots. A page can restyle plots by overriding the custom
    /// properties `--plot-color-1` … `--plot-color-4`; text and axes follow `currentColor`.
    public static let css = """
        .plot { display: block; width: 100%; height: auto; color: inherit; overflow: visible;
          --plot-color-1: #1d4ed8; --plot-color-2: #c2410c; --plot-color-3: #15803d; --plot-color-4: #7e22ce; }
        .plot-pair { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
        .plot-pair > .plot { flex: 1 1 18rem; min-width: 0; }
        .plot-grid { stroke: currentColor; stroke-opacity: 0.12; }
        .plot-frame { fill: none; stroke: currentColor; stroke-opacity: 0.35; }
        .plot-axis { stroke: currentColor; stroke-opacity: 0.6; }
        .plot-tick-label, .plot-axis-label, .plot-title, .plot-legend-label, .plot-point-label { fill: currentColor; }
        .plot-series-1 { color: var(--plot-color-1); }
        .plot-series-2 { color: var(--plot-color-2); }
        .plot-series-3 { color: var(--plot-color-3); }
        .plot-series-4 { color: var(--plot-color-4); }
        .plot-curve { fill: none; stroke: currentColor; }
        .plot-point { fill: currentColor; stroke: var(--plot-background, Canvas); }
        .plot-point-label { paint-order: stroke; stroke: var(--plot-background, Canvas); stroke-width: 3px; stroke-linejoin: round; }
        .plot-guide { stroke: currentColor; stroke-opacity: 0.55; }
        .plot-clip-mark { fill: currentColor; }
        @media (prefers-color-scheme: dark) {
          .plot { --plot-color-1: #93c5fd; --plot-color-2: #fdba74; --plot-color-3: #86efac; --plot-color-4: #d8b4fe; }
        }
        """
}
