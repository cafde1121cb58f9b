import TeX

/// Formulas as the page shows them: MathML Core, with the TeX as an annotation.
enum MathRendering {
    static func mathML(tex: String, display: Bool) -> String {
        MathML.render(tex: tex, display: display ? .block : .inline)
    }
}
