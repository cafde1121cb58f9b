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

    /// The variables of `variables` that no other of them depends on through definitions: an
    /// undefined `L` differentiated by the `y_i` and by `\gamma`, where `y_i = \gamma \hat{x}_i
    /// + \beta`, is a function of the `y_i` (the upstream gradients a backward pass is given),
    /// and reaches `\gamma` through them.
    func downstream(_ variables: Set<String>) -> [String] {
        let sorted = variables.sorted(by: Names.naturalOrder)
        guard sorted.count > 1 else { return sorted }
        let reached = sorted.map { variable -> Set<String> in
            guard let found = try? context.dependencies(of: [.symbol(variable)]) else { return [] }
            return Set(found.leaves).union(found.definitions).subtracting([variable])
        }
        return sorted.filter { variable in !reached.contains { $0.contains(variable) } }
    }

    /// The leaf whose lack of a definition decides `sides`: with each differentiated leaf made
    /// a linear function of the variables it is differentiated by (`downstream` of them;
    /// arbitrary slopes), the relations no longer hold, or the value changes. Nil when no leaf
    /// is differentiated or the answer does not depend on it.
    /// With the leaf, for a claim: the sides and the relation that no longer held.
    func decidingUndefinedLeaf(sides: [Expression], relations: [Relation], tolerances: [Double])
        -> (leaf: String, failure: LinearLeafFailure?)?
    {
        let leaves = differentiatedLeaves(in: sides)
        guard !leaves.isEmpty else { return nil }
        var perturbed = context
        var slope = 0.37
        for leaf in leaves.keys.sorted(by: Names.naturalOrder) {
            var terms: [Expression] = [.number(context.values[leaf] ?? 0)]
            for variable in downstream(leaves[leaf] ?? []) {
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
                                      relativeTolerance: options.relativeTolerance) ? nil : (first, nil)
        }
        for (index, relation) in relations.enumerated() where index + 1 < after.count {
            let (left, right) = (after[index] ?? 0, after[index + 1] ?? 0)
            if !ClaimChecker.holds(relation, left, right, tolerance: tolerances[index],
                                   relativeTolerance: options.relativeTolerance)
            {
                return (first, LinearLeafFailure(left: left, right: right, relation: relation))
            }
        }
        return nil
    }

    /// What a claim gives with its undefined leaves made linear functions (`downstream` of the
    /// variables each is differentiated by): "with L a linear function of y_1, y_2 (slopes
    /// taken at random) it gives computed 0.3, claimed 0.5".
    func withLinearLeaves(_ sides: [Expression], _ failure: LinearLeafFailure) -> String {
        let (leftText, rightText) = NumberText.pair(failure.left, failure.right)
        return "with " + linearLeaves(differentiatedLeaves(in: sides), "a") + " (slopes taken at random) it gives "
            + ClaimChecker.failure(failure.relation, computed: leftText, claimed: rightText)
    }

    /// The leaves as the claim's check made them: "L a linear function of y_1, y_2" (`article`
    /// "a"), "L any linear function of …"; several joined by "and".
    func linearLeaves(_ leaves: [String: Set<String>], _ article: String) -> String {
        let names = definitions.names
        return leaves.sorted { Names.naturalOrder($0.key, $1.key) }.map { leaf, variables in
            "\(names.noteName(of: leaf)) \(article) linear function of "
                + downstream(variables).map(names.noteName(of:)).joined(separator: ", ")
        }.joined(separator: " and ")
    }

    /// What `leaf` lacks: "L has no definition", "L_d is a number here".
    func lacks(_ leaf: String) -> String {
        let name = definitions.names.noteName(of: leaf)
        return setting.sampled.contains(leaf) ? "\(name) has no definition" : "\(name) is a number here"
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
            return (lacks(leaf) + ", so its derivatives are taken as 0",
                    "define \(name) by a formula of the names it depends on, e.g. \(example)")
        }
        return (lacks(leaf) + ", so its derivatives are taken as 0",
                "define \(name) by a formula of the names it depends on, e.g. \(name) = ..., instead of a number")
    }

    /// `check` unless it holds only because a differentiated name has no definition, or fails
    /// comparing a derivative of such a name with a side that has none (`∂L/∂w = x` where no
    /// formula defines `L`, or its formula is not evaluated): then cannot tell, with a hint to
    /// define the name.
    func checkingUndefinedLeaves(_ check: Check, of index: Int) -> Check {
        if check.status == .fails { return checkingUndefinedLeavesOfFailure(check, of: index) }
        guard check.status == .holds else { return check }
        let entry = statements.statements[index]
        let sides = setting.resolvedSides[index]
        guard let (leaf, failure) = decidingUndefinedLeaf(
            sides: sides, relations: entry.statement.relations,
            tolerances: ClaimChecker.tolerances(of: entry, in: document.formulas, options: options))
        else {
            // It holds whatever the slopes of the leaves differentiated: say of what.
            let leaves = differentiatedLeaves(in: sides)
            guard !leaves.isEmpty else { return check }
            var said = check
            said.message += ", and with " + linearLeaves(leaves, "any") + " ("
                + leaves.keys.sorted(by: Names.naturalOrder).map(lacks).joined(separator: ", ") + "; slopes taken at random)"
            return said
        }
        let (reason, hint) = undefinedReason(leaf)
        return Check(status: .cannotTell, points: 0,
                     message: "it holds only because \(reason); " + (failure.map { withLinearLeaves(sides, $0) } ?? ""),
                     hint: hint)
    }
}

extension NoteEvaluation {
    /// The cannot tell of `checkingUndefinedLeaves` for a failure whose failing relation has
    /// derivatives of undefined names on one side only: nothing the note says gives them.
    private func checkingUndefinedLeavesOfFailure(_ check: Check, of index: Int) -> Check {
        let sides = setting.resolvedSides[index]
        let relation = check.failedRelation ?? 0
        guard relation + 1 < sides.count else { return check }
        let left = differentiatedLeaves(in: [sides[relation]])
        let right = differentiatedLeaves(in: [sides[relation + 1]])
        guard left.isEmpty != right.isEmpty, let leaf = (left.isEmpty ? right : left).keys.min(by: Names.naturalOrder)
        else { return check }
        let (reason, hint) = undefinedReason(leaf)
        return Check(status: .cannotTell, points: 0,
                     message: "\(reason); \(check.message)", hint: hint)
    }
}

/// A relation that no longer holds once a claim's undefined leaves are linear functions: its
/// sides' values then.
struct LinearLeafFailure {
    var left: Double
    var right: Double
    var relation: Relation
}
