/// A parsed formula cut into statements, and each statement into the sides of its relations:
/// made by `FormulaReader.split(_:)` so that the note's two passes (`heads(in:)`, then
/// `read(_:scope:)`) cut each formula once.
public struct SplitFormula: Sendable {
    /// One statement's nodes and label, with its sides and the relations between them.
    struct Piece: Sendable {
        var piece: StatementSplitter.Piece
        /// The sides, slices of `piece.nodes` (not copies).
        var sides: [ArraySlice<Node>]
        var relations: [FormulaReader.RelationAtom]
        /// The definable head of the first side (§2), if it is one.
        var head: Head?
        /// Whether the head is a variance (`\sigma^2`) naming `σ`: the body is σ squared.
        var squared = false
    }

    /// The formula cut.
    public let formula: Formula
    let source: [UInt8]
    let statements: [Piece]
}
