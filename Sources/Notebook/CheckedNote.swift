import Document
import TeX

/// A note after checking: its document, the parse tree of each formula (by the formula's id),
/// and what was computed about it. The writers read the trees from here and never parse a
/// formula again.
public struct CheckedNote: Sendable {
    public let document: Document
    /// The parse trees, by `FormulaID.index`.
    private let trees: [Formula]
    public var result: NoteResult
    /// The note's definitions for the Swift side (formulas as Swift, cells checked against them).
    public let formulas: NoteFormulas

    public init(document: Document, trees: [Formula], result: NoteResult, formulas: NoteFormulas = .empty) {
        precondition(trees.count == document.formulas.count, "one tree per formula")
        self.document = document
        self.trees = trees
        self.result = result
        self.formulas = formulas
    }

    /// The parse tree of formula `id` of the document.
    public func tree(of id: FormulaID) -> Formula { trees[id.index] }
}
