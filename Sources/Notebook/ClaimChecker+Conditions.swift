import Calculus
import TeX

/// Claims with conditions (docs/note-language.md §5): every point, the example point included,
/// is made to satisfy the conditions before the claim is compared there. An equality is solved
/// for one of its leaves (the last in natural order) by the secant method from the point's
/// value; a point where that fails, or where an inequality does not hold, is not used.
extension ClaimChecker {
    /// The verdict of the only claim of this checker, which has conditions.
    func checkConditioned() -> Check {
        let claim = claims[0]
        let sides = claim.sides + claim.conditions.flatMap(\.sides)
        let program: Program
        do {
            program = try context.compile(sides.map(Self.slopeSubject))
        } catch {
            return Check(status: .cannotTell, points: 0, message: names.message(for: error))
        }
        var slopes = SlopeSides(sides: sides, program: program)
        var state = State(claim: claim, leafIndex: leafIndex, sampled: sampled)
        let solver = ConditionSolver(claim: claim, program: program, leafIndex: leafIndex)
        let base = context.values

        let conditions = claim.conditions.map(\.reading).joined(separator: ", ")
        switch program.point(base) {
        case .success(var values):
            if solver.satisfy(&values, slopes: &slopes, base: base) {
                let point = SamplePoint(program: program, values: .success(values), base: base)
                state.compare(slopes.outcomes(at: point), point: point, isExample: true, in: self)
            } else if !state.identity {
                return Check(status: .cannotTell, points: 0, message: "the example point does not satisfy \(conditions)")
            }
        case .failure(let error):
            let point = SamplePoint(program: program, values: .failure(error), base: base)
            state.compare(slopes.outcomes(at: point), point: point, isExample: true, in: self)
        }

        let samples = options.samples
        var generator = SplitMix64([path, "claims", "conditions"], seed: options.seed)
        var attempts = 0
        var rejected = 0
        var values = [Double](repeating: 0, count: program.leaves.count)
        let heldValues = heldLeaves(of: program)
        let wanted = state.compared + samples
        while state.identity, samples > 0, state.verdict == nil, state.compared < wanted, attempts < samples * 20 {
            attempts += 1
            let range: ClosedRange<Double> = attempts <= samples * 10 ? -2...2 : 0.05...2
            for position in values.indices { values[position] = generator.uniform(range) }
            for (position, value) in heldValues { values[position] = value }
            guard solver.satisfy(&values, slopes: &slopes, base: base) else {
                rejected += 1
                continue
            }
            let point = SamplePoint(program: program, values: .success(values), base: base)
            state.compare(slopes.outcomes(at: point), point: point, isExample: false, in: self)
        }
        if state.verdict == nil, state.identity, samples > 0, state.compared <= 1, rejected > 0 {
            let example = state.heldAtExample ? "holds at the example point, but " : ""
            return Check(status: .cannotTell, points: state.compared,
                         message: "\(example)no random point satisfies \(conditions) (\(attempts) tried)")
        }
        return state.final
    }

    /// Makes points satisfy a claim's conditions.
    struct ConditionSolver {
        /// Each relation of each condition: the outputs of its two sides, the relation, and the
        /// program leaf an equality is solved for (nil for an inequality, or an equality
        /// without a leaf).
        let relations: [(left: Int, right: Int, relation: Relation, leaf: Int?)]
        let program: Program

        init(claim: ClaimChecker.Claim, program: Program, leafIndex: LeafIndex) {
            var relations: [(left: Int, right: Int, relation: Relation, leaf: Int?)] = []
            var offset = claim.sides.count
            var solvedFor = Set<Int>()
            for condition in claim.conditions {
                for (index, relation) in condition.relations.enumerated() where index + 1 < condition.sides.count {
                    var leaf: Int?
                    if relation == .equal {
                        let names = leafIndex.leaves(of: condition.sides[index])
                            .union(leafIndex.leaves(of: condition.sides[index + 1]))
                        for name in names.sorted(by: Names.naturalOrder).reversed() {
                            guard let position = program.leaves.firstIndex(of: name), !solvedFor.contains(position)
                            else { continue }
                            leaf = position
                            solvedFor.insert(position)
                            break
                        }
                    }
                    relations.append((offset + index, offset + index + 1, relation, leaf))
                }
                offset += condition.sides.count
            }
            self.relations = relations
            self.program = program
        }

        /// Solves the equalities in `values`, then tells whether every relation holds there.
        func satisfy(_ values: inout [Double], slopes: inout SlopeSides, base: [String: Double]) -> Bool {
            for relation in relations {
                guard let leaf = relation.leaf else { continue }
                if !solve(relation, leaf: leaf, in: &values, slopes: &slopes, base: base) { return false }
            }
            let outcomes = slopes.outcomes(at: SamplePoint(program: program, values: .success(values), base: base))
            for relation in relations {
                guard case .finite(let left) = outcomes[relation.left], case .finite(let right) = outcomes[relation.right],
                    ClaimChecker.holds(relation.relation, left, right, tolerance: 1e-9, relativeTolerance: 1e-9)
                else { return false }
            }
            return true
        }

        /// The secant method on left − right as a function of the leaf's value.
        private func solve(_ relation: (left: Int, right: Int, relation: Relation, leaf: Int?), leaf: Int,
                           in values: inout [Double], slopes: inout SlopeSides, base: [String: Double]) -> Bool
        {
            func gap(_ value: Double) -> Double? {
                values[leaf] = value
                let outcomes = slopes.outcomes(at: SamplePoint(program: program, values: .success(values), base: base))
                guard case .finite(let left) = outcomes[relation.left], case .finite(let right) = outcomes[relation.right]
                else { return nil }
                return left - right
            }
            var x0 = values[leaf]
            guard var g0 = gap(x0) else { return false }
            if g0 == 0 { return true }
            var x1 = x0 + max(1e-3, 1e-3 * abs(x0))
            guard var g1 = gap(x1) else { return false }
            for _ in 0..<60 {
                if abs(g1) <= 1e-14 + 1e-12 * abs(x1) { return true }
                let step = g1 - g0
                guard step != 0, step.isFinite else { return false }
                let x2 = x1 - g1 * (x1 - x0) / step
                guard x2.isFinite, let g2 = gap(x2) else { return false }
                (x0, g0, x1, g1) = (x1, g1, x2, g2)
            }
            values[leaf] = x1
            return abs(g1) <= 1e-9
        }
    }
}
