import Markup

/// The MathML writer: parse trees to MathML Core markup for HTML pages, and the stylesheet
/// and font the markup needs.
///
/// ```swift
/// MathML.render(tex: #"\sqrt{x^2+1}"#, display: .block)
/// // <math display="block"><semantics><msqrt>...</msqrt>
/// //   <annotation encoding="application/x-tex">\sqrt{x^2+1}</annotation></semantics></math>
/// ```
public enum MathML {
    /// Display (a block of its own, large operators with limits above and below) or inline.
    public enum Display: String, Hashable, Sendable {
        /// `<math display="block">`
        case block
        /// `<math display="inline">`
        case inline
    }

    /// The `<math>` element for a parsed formula: the MathML Core rendering inside
    /// `<semantics>`, with the TeX source as an `application/x-tex` annotation.
    public static func render(_ formula: Formula, display: Display) -> String {
        var output: [UInt8] = []
        write(formula, display: display, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the `<math>` element of `render(_:display:)` to `output`, as UTF-8.
    public static func write(_ formula: Formula, display: Display, into output: inout [UInt8]) {
        // Room for MathML many times the size of its TeX; the buffer grows if that is not enough.
        var markup = MarkupBuffer(capacity: 256 + 32 * formula.source.utf8.count)
        write(formula, display: display, into: &markup)
        markup.copy(into: &output)
    }

    /// Appends the `<math>` element of `render(_:display:)` to `markup` (a page being written).
    public static func write(_ formula: Formula, display: Display, into markup: inout MarkupBuffer) {
        // <math display="..."><semantics><mrow>...</mrow><annotation encoding="application/x-tex">
        // source</annotation></semantics></math>: the fixed wrappers are written as they are.
        let body = MathMLBuilder(display: display == .block).row(formula.nodes)
        // Room for MathML many times the size of its TeX; the buffer grows if that is not enough.
        markup.reserve(256 + 32 * formula.source.utf8.count)
        markup.append(display == .block ? #"<math display="block">"# : #"<math display="inline">"#)
        markup.append("<semantics>")
        if body.isNamed("mrow") {
            body.write(to: &markup)
        } else {
            markup.append("<mrow>")
            body.write(to: &markup)
            markup.append("</mrow>")
        }
        markup.append(#"<annotation encoding="application/x-tex">"#)
        markup.escaped(formula.source)
        markup.append("</annotation></semantics></math>")
    }

    /// Parses and renders in one call; the diagnostics are dropped (use `Formula.parse` and
    /// `render(_:display:)` to keep them).
    public static func render(tex: String, display: Display) -> String {
        render(Formula.parse(tex), display: display)
    }

    /// The file name of the math font the stylesheet names.
    public static let fontFileName = "latinmodern-math.otf"

    /// Where Debian's `fonts-lmodern` package installs the font (copy it next to the pages,
    /// into `assets/`).
    public static let fontSourcePath = "/usr/share/texmf/fonts/opentype/public/lm-math/latinmodern-math.otf"

    /// CSS for pages with math: the Latin Modern Math font face (loaded from `fontURL`,
    /// relative to the page) and the rules that make MathML Core look like TeX (block
    /// formulas centered, aligned environments, matrices, boxes, tags).
    public static func stylesheet(fontURL: String = "assets/latinmodern-math.otf") -> String {
        """
        @font-face {
          font-family: "Latin Modern Math";
          src: url("\(fontURL)") format("opentype");
          font-display: swap;
        }
        math {
          font-family: "Latin Modern Math", math;
          font-size: 1.1em;
        }
        math[display="block"] {
          margin: 1em 0;
          overflow-x: auto;
          overflow-y: hidden;
          padding: 0.1em 0;
        }
        mtext[mathvariant="bold"] { font-weight: bold; }
        mtext[mathvariant="italic"] { font-style: italic; }
        mtext[mathvariant="sans-serif"] { font-family: sans-serif; }
        mtext[mathvariant="monospace"] { font-family: monospace; }
        mtable.tex-matrix > mtr > mtd { padding: 0.2em 0.5em; }
        mtable.tex-matrix > mtr > mtd:first-child { padding-left: 0.1em; }
        mtable.tex-matrix > mtr > mtd:last-child { padding-right: 0.1em; }
        mtable.tex-cases > mtr > mtd { text-align: left; padding: 0.1em 1em 0.1em 0; }
        mtable.tex-cases > mtr > mtd:last-child { padding-right: 0.1em; }
        mtable.tex-align > mtr > mtd { padding: 0.25em 0; }
        mtable.tex-align > mtr > mtd:nth-child(odd) { text-align: right; }
        mtable.tex-align > mtr > mtd:nth-child(even) { text-align: left; }
        mtable.tex-align > mtr > mtd:nth-child(even):not(:last-child) { padding-right: 1em; }
        mtable.tex-align > mtr > mtd:nth-child(odd):not(:first-child) { padding-left: 1em; }
        mtable.tex-gather > mtr > mtd { padding: 0.25em 0; }
        mtable.tex-array > mtr > mtd { padding: 0.2em 0.5em; }
        mtd[columnalign="left"] { text-align: left; }
        mtd[columnalign="right"] { text-align: right; }
        menclose[notation="box"] { border: 0.06em solid; padding: 0.2em 0.3em; }
        menclose[notation~="left"] { border-left: 0.06em solid; }
        menclose[notation~="right"] { border-right: 0.06em solid; }
        menclose[notation~="top"] { border-top: 0.06em solid; }
        menclose[notation~="bottom"] { border-bottom: 0.06em solid; }
        mtable.tex-multline { width: 100%; }
        mtable.tex-eqnarray > mtr > mtd { padding: 0.25em 0; }
        mtable.tex-eqnarray > mtr > mtd:nth-child(2) { padding: 0.25em 0.278em; }
        menclose[notation~="updiagonalstrike"], menclose[notation~="downdiagonalstrike"] {
          background-image: linear-gradient(to top right, transparent 47%, currentColor 48%, currentColor 52%, transparent 53%);
        }
        menclose[notation="downdiagonalstrike"] {
          background-image: linear-gradient(to bottom right, transparent 47%, currentColor 48%, currentColor 52%, transparent 53%);
        }
        mrow.tex-tag { float: right; }
        merror { color: #b00020; border: 1px solid #b00020; background: #fff0f0; padding: 0 0.2em; }
        merror > mtext { font-family: monospace; font-size: 0.8em; }
        """
    }
}
