import Document
import Notebook

/// The note's problems that no statement holds but that point into a formula (a name that looks
/// like a typo, a binding given twice): each goes on the card of that formula, with the
/// statement it points at, so the page shows it where it is about and not only in the
/// problems list at the top.
enum FormulaProblems {
    /// `statements` (by formula) with each such diagnostic of `diagnostics` added to the last
    /// statement of its formula that starts at or before it.
    static func attach(_ diagnostics: [Diagnostic], formulas: [Math],
                       to statements: inout [FormulaID: [StatementResult]]) {
        var held = Set<Diagnostic>()
        for list in statements.values { for statement in list { held.formUnion(statement.diagnostics) } }
        let loose = diagnostics.filter { $0.severity != .note && !held.contains($0) }
        guard !loose.isEmpty else { return }
        let ordered = ordered(formulas)
        for diagnostic in loose {
            guard let math = formula(containing: diagnostic.position, in: ordered),
                  let list = statements[math.id], !list.isEmpty
            else { continue }
            let index = list.lastIndex { $0.position <= diagnostic.position } ?? 0
            statements[math.id]?[index].diagnostics.append(diagnostic)
        }
    }

    /// `formulas` in source order, for `formula(containing:in:)`.
    static func ordered(_ formulas: [Math]) -> [Math] {
        formulas.sorted { $0.position < $1.position }
    }

    /// The formula of `ordered` (in source order) whose TeX holds `position`, if any.
    static func formula(containing position: SourcePosition, in ordered: [Math]) -> Math? {
        // The last formula that starts at or before the position, if the position is inside it.
        var low = 0
        var high = ordered.count
        while low < high {
            let middle = (low + high) / 2
            if ordered[middle].position <= position { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return nil }
        let math = ordered[low - 1]
        return position <= math.position(ofTeXOffset: math.tex.utf8.count) ? math : nil
    }
}
