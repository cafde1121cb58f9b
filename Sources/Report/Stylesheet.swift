import TeX

/// The stylesheet written to `assets/derive.css`: typography, result cards and badges, light and
/// dark schemes, a print style and a phone layout, plus the math, plot and diagram rules.
public enum Stylesheet {
    public static let css = MathML.stylesheet(fontURL: MathML.fontFileName) + "\n" + page + PlotStyle.css + "\n"
        + DiagramStyle.css + "\n"

    /// Colours meet WCAG AA (contrast ≥ 4.5:1) on their backgrounds in both schemes.
    static let page = """
        :root { color-scheme: light dark;
          --text: #1b1b1f; --muted: #4a4a55; --background: #fdfdfc; --surface: #f3f3f1; --rule: #d4d4d8;
          --link: #0b57d0; --holds: #166534; --holds-bg: #dcfce7; --fails: #991b1b; --fails-bg: #fee2e2;
          --unsure: #854d0e; --unsure-bg: #fef3c7; }
        @media (prefers-color-scheme: dark) {
          :root { --text: #e6e6ea; --muted: #b4b4bf; --background: #16161a; --surface: #202026; --rule: #3a3a44;
            --link: #8ab4f8; --holds: #86efac; --holds-bg: #14321f; --fails: #fca5a5; --fails-bg: #3b1616;
            --unsure: #fcd34d; --unsure-bg: #372a0a; }
        }
        @font-face { font-family: "Latin Modern Roman"; src: url("lmroman10-regular.otf") format("opentype"); font-display: swap; }
        @font-face { font-family: "Latin Modern Roman"; src: url("lmroman10-italic.otf") format("opentype"); font-style: italic; font-display: swap; }
        @font-face { font-family: "Latin Modern Roman"; src: url("lmroman10-bold.otf") format("opentype"); font-weight: bold; font-display: swap; }
        @font-face { font-family: "Latin Modern Roman"; src: url("lmroman10-bolditalic.otf") format("opentype"); font-weight: bold; font-style: italic; font-display: swap; }
        html { background: var(--background); color: var(--text); -webkit-text-size-adjust: 100%; }
        body { margin: 0 auto; max-width: 46rem; padding: 1.5rem 1.25rem 4rem;
          font: 1.125rem/1.6 "Latin Modern Roman", "Latin Modern Math", Georgia, serif; }
        h1, h2, h3 { line-height: 1.25; }
        a { color: var(--link); }
        nav.pages { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; justify-content: space-between; font-size: 0.9rem; margin: 0 0 1.5rem; }
        nav.pages:last-child { margin: 2.5rem 0 0; }
        pre, code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, monospace; font-size: 0.875em; }
        pre { overflow-x: auto; padding: 0.75rem 1rem; border: 1px solid var(--rule); border-radius: 6px; background: var(--surface); }
        table { border-collapse: collapse; margin: 1rem 0; display: block; overflow-x: auto; max-width: 100%; }
        th, td { border: 1px solid var(--rule); padding: 0.3rem 0.6rem; text-align: left; }
        .formula.display math[display="block"] { margin: 0; }
        .formula.display { display: flex; align-items: center; gap: 1rem; margin: 1.1rem 0 0.4rem; }
        .formula.display > math { flex: 1 1 auto; overflow-x: auto; overflow-y: hidden; padding: 0.2rem 0; }
        .equation-number { font-variant-numeric: tabular-nums; }
        .source-line { font-size: 0.75rem; color: var(--muted); text-decoration: none; white-space: nowrap; }
        .source-line:hover { text-decoration: underline; }
        .summary { border: 1px solid var(--rule); border-radius: 8px; padding: 0.6rem 1rem; margin: 0 0 1.5rem;
          background: var(--surface); font-size: 0.9rem; }
        .summary .counts { margin: 0.2rem 0; }
        .summary details { margin: 0.4rem 0; }
        .summary table { font-size: 0.875rem; margin: 0.4rem 0; display: table; }
        .summary .source.sampled { font-style: italic; color: var(--muted); }
        .problems li.error strong { color: var(--fails); }
        .problems li.warning strong { color: var(--unsure); }
        .card { margin: 0 0 1.2rem; padding: 0.45rem 0.8rem; border-left: 3px solid var(--rule);
          background: var(--surface); border-radius: 0 6px 6px 0; font-size: 0.875rem; line-height: 1.5; }
        .card .statement { display: flex; flex-wrap: wrap; gap: 0.2rem 0.9rem; align-items: baseline; }
        .card .statement + .statement { border-top: 1px dashed var(--rule); margin-top: 0.3rem; padding-top: 0.3rem; }
        .card .value { font-weight: 600; }
        .card .partials { color: var(--muted); }
        .card details.reading { flex-basis: 100%; color: var(--muted); }
        .card details.reading summary { cursor: pointer; width: max-content; }
        .card .sides code { font-size: 0.8rem; }
        .card .difference, .card .what { color: var(--muted); }
        .card .problem { flex-basis: 100%; margin: 0.1rem 0; }
        .card .problem.error strong { color: var(--fails); }
        .card .problem.warning strong { color: var(--unsure); }
        /* cards: an inline formula's claim on the card after its paragraph; a verdict's hint */
        .card.inline { margin-top: -0.4rem; }
        .card .claim { color: inherit; text-decoration: none; }
        .card .claim:hover { text-decoration: underline; }
        .card .problem.hint strong { color: var(--muted); }
        .card .gradient-value { color: var(--muted); }
        .summary .counts > span { white-space: nowrap; }
        .number { font-variant-numeric: tabular-nums; }
        var { font-style: italic; }
        .verdict { padding: 0 0.4rem; border-radius: 4px; font-weight: 600; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
        .card .index { font-variant-numeric: tabular-nums; color: var(--muted); }
        .verdict.holds { color: var(--holds); background: var(--holds-bg); }
        .verdict.fails { color: var(--fails); background: var(--fails-bg); }
        .verdict.cannot-tell, .verdict.not-evaluated { color: var(--unsure); background: var(--unsure-bg); }
        .summary .verdict { font-weight: 600; }
        .formula.inline { white-space: nowrap; }
        .badge { font: 600 0.7rem/1 ui-sans-serif, "DejaVu Sans", sans-serif; vertical-align: 0.15em; margin-left: 0.25em;
          padding: 0.1em 0.3em; border-radius: 3px; }
        .badge.holds { color: var(--holds); background: var(--holds-bg); }
        .badge.fails { color: var(--fails); background: var(--fails-bg); }
        .badge.cannot-tell { color: var(--unsure); background: var(--unsure-bg); }
        .badge.value { color: var(--muted); font-weight: 400; background: var(--surface); border: 1px solid var(--rule); }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .equation-ref.unknown { color: var(--fails); }
        figure { margin: 1rem 0 1.5rem; }
        .figure-plot, .figure-diagram { overflow-x: auto; }
        .figure-diagram.not-drawn figcaption { font-style: italic; color: var(--muted); }
        .gradients table { font-size: 0.9rem; display: table; min-width: min(26rem, 100%); }
        .gradients caption { text-align: left; font-style: italic; color: var(--muted); padding-bottom: 0.3rem; }
        .run { margin: 1rem 0 1.5rem; }
        .run table { font-size: 0.9rem; font-variant-numeric: tabular-nums; }
        .run caption { text-align: left; font-style: italic; color: var(--muted); padding-bottom: 0.3rem; }
        .run .stopped { color: var(--fails); }
        ul.notes { padding-left: 1.2rem; }
        ul.notes .counts { color: var(--muted); font-size: 0.875rem; }
        /* book: the contents beside every page and the front page (a course's derive.yml, docs/publishing.md) */
        body.book > .contents { margin: 0 0 1.25rem; font-size: 0.95rem; line-height: 1.4; }
        .contents > summary { cursor: pointer; padding: 0.45rem 0.75rem; border: 1px solid var(--rule); border-radius: 6px;
          background: var(--surface); font-weight: 600; }
        .contents nav { padding: 0.75rem 0 0; }
        .contents .course { margin: 0 0 0.75rem; font-size: 1.05rem; font-weight: 700; line-height: 1.3; }
        .contents .course a { color: var(--text); text-decoration: none; }
        .contents ul { list-style: none; margin: 0 0 0.5rem; padding: 0; }
        .contents li a { display: block; padding: 0.2rem 0.5rem; border-left: 3px solid transparent; color: var(--text);
          text-decoration: none; overflow-wrap: anywhere; }
        .contents li a:hover { text-decoration: underline; }
        .contents li a[aria-current="page"] { border-left-color: var(--link); background: var(--surface); color: var(--link); font-weight: 600; }
        .contents details.part > summary { cursor: pointer; padding: 0.3rem 0; color: var(--muted); font-weight: 600; }
        .contents details.part > ul { padding-left: 0.75rem; }
        form.search { display: flex; gap: 0.4rem; margin: 0 0 0.9rem; }
        form.search input { flex: 1 1 auto; min-width: 0; padding: 0.3rem 0.5rem; font: inherit; color: var(--text);
          background: var(--background); border: 1px solid var(--rule); border-radius: 4px; }
        form.search button { padding: 0.3rem 0.6rem; font: inherit; color: var(--text); background: var(--surface);
          border: 1px solid var(--rule); border-radius: 4px; cursor: pointer; }
        header.course form.search { max-width: 28rem; }
        p.start { font-size: 1.05rem; }
        .totals .verdict { white-space: nowrap; }
        ol.chapters { padding-left: 1.8rem; }
        ol.chapters li { margin: 0.35rem 0; }
        ol.chapters .counts { display: block; color: var(--muted); font-size: 0.875rem; }
        @media (min-width: 60rem) {
          body.book { max-width: 70rem; display: grid; grid-template-columns: 16rem minmax(0, 46rem); column-gap: 3rem;
            justify-content: center; align-items: start; }
          body.book > .contents { position: sticky; top: 0; max-height: 100vh; overflow-y: auto; box-sizing: border-box;
            margin: -1.5rem 0 0; padding: 1.5rem 0.5rem 1.5rem 0; }
          body.book > .contents a[aria-current="page"] { scroll-initial-target: nearest; }
        }
        @supports selector(::details-content) {
          @media (min-width: 60rem) {
            body.book > .contents > summary { display: none; }
            body.book > .contents::details-content { content-visibility: visible; }
          }
        }
        @media print { body.book { display: block; } body.book > .contents, form.search { display: none; } }
        /* search: the search page (SearchPage) and the index page's search link */
        .search-page label { display: block; font-weight: 600; margin: 0 0 0.3rem; }
        .search-row { display: flex; gap: 0.5rem; }
        .search-row input { flex: 1 1 auto; min-width: 0; font: inherit; padding: 0.35rem 0.6rem; color: var(--text);
          background: var(--background); border: 1px solid var(--muted); border-radius: 6px; }
        .search-row button { font: inherit; padding: 0.35rem 0.9rem; color: var(--text); background: var(--surface);
          border: 1px solid var(--muted); border-radius: 6px; cursor: pointer; }
        .search-status { color: var(--muted); font-size: 0.95rem; }
        .search-results { padding-left: 1.4rem; }
        .search-results li { margin: 0 0 1rem; }
        .search-results p { margin: 0.2rem 0 0; font-size: 0.95rem; overflow-wrap: anywhere; }
        .search-results code.tex { font-size: 0.8em; }
        mark { color: inherit; background: var(--unsure-bg); border-radius: 2px; }
        body:has(form.search-page) .contents form.search { display: none; }
        @media (max-width: 36rem) {
          body { padding: 1rem 0.85rem 3rem; font-size: 1rem; }
          .formula.display { flex-wrap: wrap; gap: 0.3rem; }
        }
        @media print {
          nav.pages, .source-line, .card details.reading { display: none; }
          body { max-width: none; padding: 0; font-size: 11pt; }
          .card, .summary, .run table, .run figure { break-inside: avoid; background: none; }
          a { color: inherit; text-decoration: none; }
        }

        """
}
