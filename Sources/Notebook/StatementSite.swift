import Document

/// Where a statement is in a note: its formula and its place among the formula's statements.
/// The section it lies in comes with it (the formula's innermost section), since every
/// question of scope asks both.
public struct StatementSite: Hashable, Comparable, Sendable {
    /// The formula the statement belongs to.
    public var formula: FormulaID
    /// The statement's place in its formula, from 0.
    public var statement: Int
    /// The innermost section containing the formula (an index into `Sections.sections`).
    public var section: Int

    public init(formula: FormulaID, statement: Int, section: Int) {
        self.formula = formula
        self.statement = statement
        self.section = section
    }

    /// Document order: by formula, then by statement within it.
    public static func < (lhs: StatementSite, rhs: StatementSite) -> Bool {
        (lhs.formula, lhs.statement) < (rhs.formula, rhs.statement)
    }
}
