/// The stylesheet written to `assets/derive.css`.
public enum Stylesheet {
    public static let css = """
        :root { color-scheme: light dark; --text: #1b1b1f; --muted: #55555f; --background: #fdfdfc; --rule: #d8d8dc; --link: #0b57d0; }
        @media (prefers-color-scheme: dark) {
          :root { --text: #e6e6ea; --muted: #a8a8b3; --background: #16161a; --rule: #3a3a42; --link: #8ab4f8; }
        }
        @font-face { font-family: "Latin Modern Math"; src: url("latinmodern-math.otf") format("opentype"); font-display: swap; }
        html { background: var(--background); color: var(--text); }
        body { margin: 0 auto; max-width: 46rem; padding: 1.5rem 1.25rem 4rem; font: 1.0625rem/1.6 "Iowan Old Style", "Palatino Linotype", Palatino, Georgia, serif; }
        a { color: var(--link); }
        nav.pages { display: flex; gap: 1rem; justify-content: space-between; font-size: 0.9rem; margin: 0 0 1.5rem; }
        nav.pages:last-child { margin: 2rem 0 0; }
        pre, code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, monospace; font-size: 0.9em; }
        pre { overflow-x: auto; padding: 0.75rem 1rem; border: 1px solid var(--rule); border-radius: 6px; }
        table { border-collapse: collapse; }
        th, td { border: 1px solid var(--rule); padding: 0.3rem 0.6rem; }
        math { font-family: "Latin Modern Math", "STIX Two Math", math; }
        .math.display { display: block; overflow-x: auto; margin: 1rem 0; }
        @media print { nav.pages { display: none; } body { max-width: none; } }
        """
}
