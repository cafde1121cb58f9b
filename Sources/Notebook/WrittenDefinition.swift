import Calculus
import Document

/// A definition of a symbol as the note writes it (names unresolved, as in the TeX), with where
/// it is: what the checks that compare formulas with each other or with a diagram read
/// (``DiagramAgreement``, ``NearMiss``).
struct WrittenDefinition: Sendable, Equatable {
    /// The defined name (`n_1`).
    var name: String
    /// The body as written (`x_1*w_1 + x_2*w_2 + b_1`).
    var body: Expression
    /// Where the definition's statement starts.
    var position: SourcePosition
    /// The statement's TeX: a warning underlines as many columns (counted only then, since
    /// counting characters costs).
    var tex: String

    init(name: String, body: Expression, position: SourcePosition, tex: String) {
        self.name = name
        self.body = body
        self.position = position
        self.tex = tex
    }
}
