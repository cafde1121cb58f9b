import Calculus
import Document
import TeX

/// Verdicts and values that hold only because a name has no definition (docs/note-language.md
/// §5): `\frac{\partial L}{\partial w_1} = \frac{\partial L}{\partial a_1} \cdot …` where `L`
/// is only declared "holds" because every derivative of `L` is 0.
extension NoteEvaluation {
    /// The leaves differentiated in `sides` (`L` in `∂L/∂w_1`, a leaf: no formula defines it),
    /// with the variables each is differentiated by.
    func differentiatedLeaves(in sides: [Expression]) -> [String: Set<String>] {
        var found: [String: Set<String>] = [:]
        for side in sides {
            side.visitAll { node in
                guard case .partial(.symbol(let name), let variable, _) = node, name != variable, context.isLeaf(name)
                else { return }
                found[name, default: []].insert(variable)
            }
        }
        return found
    }

    /// The leaf whose lack of a definition decides `sides`: with each differentiated leaf made
    /// a linear function of the variables it is differentiated by (arbitrary slopes), the
    /// relations no longer hold, or the value changes. Nil when no leaf is differentiated or
    /// the answer does not depend on it.
    func decidingUndefinedLeaf(sides: [Expression], relations: [Relation], tolerances: [Double]) -> String? {
        let leaves = differentiatedLeaves(in: sides)
        guard !leaves.isEmpty else { return nil }
        var perturbed = context
        var slope = 0.37
        for leaf in leaves.keys.sorted(by: Names.naturalOrder) {
            var terms: [Expression] = [.number(context.values[leaf] ?? 0)]
            for variable in (leaves[leaf] ?? []).sorted(by: Names.naturalOrder) {
                terms.append(.product([.number(slope), .symbol(variable)]))
                slope = slope * 1.61 + 0.13
            }
            perturbed.values[leaf] = nil
            perturbed.definitions[leaf] = .sum(terms)
        }
        let before = sides.map { context.evaluate($0).value }
        let after = sides.map { perturbed.evaluate($0).value }
        guard !before.contains(nil), !after.contains(nil) else { return nil }
        let first = leaves.keys.sorted(by: Names.naturalOrder)[0]
        if relations.isEmpty {
            let (old, new) = (before[0] ?? 0, after[0] ?? 0)
            return ClaimChecker.holds(.equal, old, new, tolerance: options.absoluteTolerance,
                                      relativeTolerance: options.relativeTolerance) ? nil : first
        }
        for (index, relation) in relations.enumerated() where index + 1 < after.count {
            if !ClaimChecker.holds(relation, after[index] ?? 0, after[index + 1] ?? 0, tolerance: tolerances[index],
                                   relativeTolerance: options.relativeTolerance)
            {
                return first
            }
        }
        return nil
    }

    /// Why a leaf's derivatives say nothing: it has no definition, or is only a number.
    func undefinedReason(_ leaf: String) -> (reason: String, hint: String) {
        let name = definitions.names.noteName(of: leaf)
        if setting.sampled.contains(leaf) {
            // Only declared (`L(w_1, \ldots, b_3)`): the definition to write has that head.
            let declared = statements.statements.first {
                $0.statement.kind == .declaration && $0.statement.head?.name == name
            }?.statement.head
            let example = declared.map { "\(name)(\($0.parameters.joined(separator: ", "))) = ..." } ?? "\(name) = ..."
            return ("\(name) has no definition, so its derivatives are taken as 0",
                    "define \(name) by a formula of the names it depends on, e.g. \(example)")
        }
        return ("\(name) is a number here, so its derivatives are taken as 0",
                "define \(name) by a formula of the names it depends on, e.g. \(name) = ..., instead of a number")
    }

    /// `check` unless it holds only because a differentiated name has no definition: then
    /// cannot tell, with a hint to define the name.
    func checkingUndefinedLeaves(_ check: Check, of index: Int) -> Check {
        guard check.status == .holds else { return check }
        let entry = statements.statements[index]
        let sides = setting.resolvedSides[index]
        guard let leaf = decidingUndefinedLeaf(
            sides: sides, relations: entry.statement.relations,
            tolerances: ClaimChecker.tolerances(of: entry, in: document.formulas, options: options))
        else { return check }
        let (reason, hint) = undefinedReason(leaf)
        return Check(status: .cannotTell, points: 0, message: "it holds only because \(reason)", hint: hint)
    }
}
