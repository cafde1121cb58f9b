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
        // By formula first, then each formula's list changed in place: a list read beside the
        // table while appending to it was copied for every diagnostic, and searched from its
        // end (3000 warnings on one formula's 3000 statements, quadratic; found by fuzzing).
        var byFormula: [FormulaID: [Diagnostic]] = [:]
        for diagnostic in loose {
            guard let math = formula(containing: diagnostic.position, in: ordered) else { continue }
            byFormula[math.id, default: []].append(diagnostic)
        }
        for (id, found) in byFormula {
            guard var list = statements.removeValue(forKey: id) else { continue }
            defer { statements[id] = list }
            guard !list.isEmpty else { continue }
            let positions = list.map(\.position)
            let sorted = zip(positions, positions.dropFirst()).allSatisfy { $0 <= $1 }
            for diagnostic in found {
                let index = sorted ? lastIndex(in: positions, atOrBefore: diagnostic.position)
                    : positions.lastIndex { $0 <= diagnostic.position }
                list[index ?? 0].diagnostics.append(diagnostic)
            }
        }
    }

    /// The last index of `positions` (ascending) at or before `position`, by bisection.
    private static func lastIndex(in positions: [SourcePosition], atOrBefore position: SourcePosition) -> Int? {
        var low = 0
        var high = positions.count
        while low < high {
            let middle = (low + high) / 2
            if positions[middle] <= position { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? low - 1 : nil
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
