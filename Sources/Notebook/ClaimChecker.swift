import Calculus
import Document
import Foundation
import TeX

/// Checks claims (chains of relations) at the example point and, when every side of a claim
/// depends on leaves, at `samples` random points too, resampling points where a side is
/// undefined (docs/note-language.md §5).
///
/// The claims of a note are compiled into one program and share the random points (each
/// point gives every leaf of the note a random value; a claim sees only its own leaves), so a
/// note with many claims compiles once and evaluates each point once.
struct ClaimChecker {
    /// One claim: its sides with names resolved, the relations between them, and each
    /// relation's absolute tolerance (see `tolerances(of:in:options:)`).
    struct Claim {
        var relations: [Relation]
        var sides: [Calculus.Expression]
        var tolerances: [Double]
        /// What the points must satisfy (`y_1 + y_2 + y_3 = 1`, `x > 0`, docs/note-language.md §5).
        var conditions: [Condition] = []
        /// Where the sides are written, for their rounded decimals (docs/note-language.md §11),
        /// read only when a relation is rechecked.
        var written: WrittenDecimal.Sides?
        /// The leaves of each side (`LeafIndex` numbers), when known already (`NoteContext`).
        var leaves: [LeafSet]?
    }

    /// A condition of a claim: a chain of relations between sides, and how it reads.
    struct Condition {
        var relations: [Relation]
        var sides: [Calculus.Expression]
        var reading: String

        /// Whether it names a place, a name at a number (`At $r = 3$`, `near $x = 0$`).
        var isPlace: Bool {
            guard relations == [.equal], sides.count == 2, case .symbol = sides[0] else { return false }
            return sides[1].symbols.isEmpty
        }
    }

    /// The note's context, final (its dependencies indexed).
    let context: Context
    let leafIndex: LeafIndex
    /// For messages: the note's names of the context's keys.
    let names: NoteNames
    let options: NotebookOptions
    /// The note's path: it seeds the random points.
    let path: String
    let claims: [Claim]
    /// The leaves that nothing in the note, its front matter or `--set` gives a value (keys):
    /// an inequality that depends on one is checked at random points (docs/note-language.md §5).
    var sampled: Set<String> = []
    /// Why a leaf has a sampled value at the example point, by key: a failure there names it
    /// as the root cause.
    var sampledBecause: [String: SampledLeaf] = [:]
    /// The leaves (keys) held at their example value at random points: counts a sum runs to
    /// (`m` in `\frac{1}{m}\sum_{i=1}^{m}`), which the terms written out do not follow.
    var held: Set<String> = []

    /// Why a leaf's value at the example point was sampled.
    struct SampledLeaf {
        /// `L is only declared (line 3), never defined, so its value was sampled`.
        var reason: String
        /// Whether the note declares it (`L(w_1, b_3)`) without defining it: a root cause even
        /// of an identity's failure. A name the note simply gives no value is one only for a
        /// claim about the example (`L \approx 0.02`): an identity is false at any value.
        var onlyDeclared: Bool
    }

    /// The verdict of each claim, in order.
    func check() -> [Check] {
        guard claims.contains(where: { !$0.conditions.isEmpty }) else { return checkTogether() }
        // A claim with conditions draws its own points; the others share theirs.
        let plain = claims.indices.filter { claims[$0].conditions.isEmpty }
        var checks = [Check?](repeating: nil, count: claims.count)
        if !plain.isEmpty {
            for (index, check) in zip(plain, with(plain.map { claims[$0] }).checkTogether()) { checks[index] = check }
        }
        for index in claims.indices where checks[index] == nil {
            checks[index] = with([claims[index]]).checkConditioned()
        }
        return checks.map { $0 ?? Check(status: .cannotTell, points: 0, message: "not checked") }
    }

    /// This checker for other claims.
    private func with(_ claims: [Claim]) -> ClaimChecker {
        ClaimChecker(context: context, leafIndex: leafIndex, names: names, options: options, path: path,
                     claims: claims, sampled: sampled, sampledBecause: sampledBecause, held: held)
    }

    /// The verdicts of claims without conditions, which share the random points.
    private func checkTogether() -> [Check] {
        let sides = claims.flatMap(\.sides)
        let program: Program
        do {
            program = try context.compile(sides.map(Self.slopeSubject))
        } catch {
            // One bad claim must not spoil the others: check them one by one.
            if claims.count > 1 {
                return claims.map { claim in with([claim]).checkTogether()[0] }
            }
            return [Check(status: .cannotTell, points: 0, message: names.message(for: error))]
        }
        var states = claims.map { State(claim: $0, leafIndex: leafIndex, sampled: sampled) }
        var offset = 0
        for index in states.indices {
            states[index].offset = offset
            offset += claims[index].sides.count
        }
        var slopes = SlopeSides(sides: sides, program: program)
        let example = SamplePoint(program: program, values: program.point(context.values), base: context.values,
                                  isExample: true)
        let atExample = slopes.outcomes(at: example)
        for index in states.indices { states[index].compare(atExample, point: example, isExample: true, in: self) }

        let samples = options.samples
        var pending = states.indices.filter { states[$0].identity && states[$0].verdict == nil && samples > 0 }
        var generator = SplitMix64([path, "claims"], seed: options.seed)
        var attempts = 0
        var values = [Double](repeating: 0, count: program.leaves.count)
        let heldValues = heldLeaves(of: program)
        while !pending.isEmpty, attempts < samples * 20 {
            attempts += 1
            // Half the attempts over [-2, 2], then over (0, 2] for sides that need positive values.
            let range: ClosedRange<Double> = attempts <= samples * 10 ? -2...2 : 0.05...2
            for position in values.indices { values[position] = generator.uniform(range) }
            for (position, value) in heldValues { values[position] = value }
            let point = SamplePoint(program: program, values: .success(values), base: context.values)
            let outcomes = slopes.outcomes(at: point)
            for index in pending { states[index].compare(outcomes, point: point, isExample: false, in: self) }
            pending.removeAll { states[$0].verdict != nil || states[$0].compared > samples }
        }
        return states.map(\.final)
    }

    /// The positions among `program`'s leaves of those `held`, with their example values.
    func heldLeaves(of program: Program) -> [(position: Int, value: Double)] {
        guard !held.isEmpty else { return [] }
        return program.leaves.enumerated().compactMap { position, leaf in
            guard held.contains(leaf), let value = context.values[leaf] else { return nil }
            return (position, value)
        }
    }

    /// What the program computes for a side: `A` for a side `∂A/∂x` (its slope is taken by
    /// reverse mode, see `SlopeSides`), the side itself otherwise.
    static func slopeSubject(_ side: Calculus.Expression) -> Calculus.Expression {
        if case .partial(let subject, _, 1) = side { return subject }
        return side
    }

    /// The sides `∂A/∂x` of the claims: the program computes `A`, and each point's value of the
    /// side is A's slope there by one reverse pass. (A symbolic derivative, differentiated and
    /// simplified through every definition, cost about 0.35 ms a note; a reverse pass costs
    /// under a microsecond. Both give ∂A/∂x with the definitions between A and x followed and
    /// a defined x taken as an input, docs/note-language.md §6.)
    struct SlopeSides {
        /// Where a side's slope is read after a reverse pass: a leaf's position in the program,
        /// or the slot of a defined symbol taken as an input (none when the program has no
        /// such definition: the slope is 0).
        enum Variable {
            case leaf(Int)
            case node(slot: Int?)
        }

        /// For each side taken as a slope: its output in the program and its variable.
        let slopes: [(output: Int, variable: String, source: Variable)]
        let program: Program
        /// One evaluator for every point: its buffers are reused.
        private var evaluator: Evaluator

        init(sides: [Calculus.Expression], program: Program) {
            var slopes: [(output: Int, variable: String, source: Variable)] = []
            for (index, side) in sides.enumerated() {
                guard case .partial(_, let variable, 1) = side else { continue }
                let source = program.leaves.firstIndex(of: variable).map(Variable.leaf)
                    ?? .node(slot: program.slot(ofDefinition: variable))
                slopes.append((index, variable, source))
            }
            self.slopes = slopes
            self.program = program
            evaluator = Evaluator(program)
        }

        /// Every side's outcome at `point`.
        mutating func outcomes(at point: SamplePoint) -> [Outcome] {
            let values: [Double]
            switch point.values {
            case .success(let found): values = found
            case .failure(let error): return Array(repeating: .failure(error), count: program.outputCount)
            }
            do {
                try evaluator.evaluate(at: values)
            } catch {
                return Array(repeating: .failure(error), count: program.outputCount)
            }
            var outcomes = evaluator.outcomes()
            for (output, variable, source) in slopes {
                // Where A is undefined, so is its slope: the side keeps A's outcome.
                guard case .finite = outcomes[output] else { continue }
                evaluator.backpropagate(output: output)
                let slope: Double
                switch source {
                case .leaf(let position): slope = evaluator.slope(ofLeaf: position)
                case .node(let slot): slope = slot.map(evaluator.slope(ofSlot:)) ?? 0
                }
                outcomes[output] = slope.isFinite
                    ? .finite(slope)
                    : .nonFinite(slope, NonFiniteReason(kind: .undefined, operation: "∂/∂\(variable)",
                                                        operands: point.value(of: variable).map { [$0] } ?? []))
            }
            return outcomes
        }
    }

    /// A point at which the claims are checked: the values of the program's leaves (or why the
    /// note's values do not give them all), and the note's values for any other name (the
    /// example point with the program's leaves replaced by sampled values).
    ///
    /// Every claim compared at the point shares it, and what it finds by name is made once for
    /// all of them: the claims of one formula with an index range of n (`x = a_{1..n}`), checked
    /// together, each looked its leaves up among the n of the program (quadratic; found by
    /// fuzzing).
    struct SamplePoint {
        let program: Program
        let values: Result<[Double], CalculusError>
        let base: [String: Double]
        /// Whether this is the example point (not a random one).
        var isExample = false
        private let byName = ByName()

        init(program: Program, values: Result<[Double], CalculusError>, base: [String: Double], isExample: Bool = false) {
            self.program = program
            self.values = values
            self.base = base
            self.isExample = isExample
        }

        /// The value of `name` at this point, as a message shows it.
        func value(of name: String) -> Double? {
            leafValues[name]
        }

        /// Every name's value at this point: the note's values with the program's leaves
        /// replaced (made at the first question, once).
        var leafValues: [String: Double] {
            if let known = byName.values { return known }
            var all = base
            if case .success(let found) = values {
                for (name, value) in zip(program.leaves, found) { all[name] = value }
            }
            byName.values = all
            return all
        }

        /// What a point finds by name, once made.
        private final class ByName {
            var values: [String: Double]?
        }
    }

    /// The progress of one claim.
    struct State {
        let claim: Claim
        let leavesOfSides: [LeafSet]
        let identity: Bool
        var offset = 0
        var compared = 0
        var verdict: Check?
        var undefinedReason: String?
        /// Whether the claim was compared at the example point and held there.
        var heldAtExample = false
        /// The decimals whose rounding a relation needed to hold, and at how many points doubles
        /// failed and error bounds held (docs/note-language.md §11).
        var widenedBy: [String] = []
        var rechecked = 0
        /// The sides' values at the example point, when every side had one.
        var exampleSides: [Double]?
        /// The largest difference between the sides of an `=` or `≈` over the points compared.
        var largestDifference = 0.0

        init(claim: Claim, leafIndex: LeafIndex, sampled: Set<String>) {
            self.claim = claim
            let leavesOfSides = claim.leaves ?? claim.sides.map { leafIndex.leafSet(of: $0) }
            self.leavesOfSides = leavesOfSides
            // An identity: every side depends on leaves; or a chain of inequalities that depends
            // on a leaf nothing gives a value (`0 < \sigma(z) < 1`: for every z); or a claim
            // with conditions that depends on a leaf (`|s|/s = 1` for `s > 0`).
            let everySide = leavesOfSides.allSatisfy { !$0.isEmpty }
            var identity = everySide
            let inequalities = !claim.relations.contains(where: { $0 == .equal || $0 == .approximately })
            if !claim.conditions.isEmpty {
                // At places only (`At $r = 3$ … $L_\delta(r) = 2.5$`), a claim with a side of no
                // leaf is about the example there.
                identity = everySide || (leavesOfSides.contains { !$0.isEmpty } && !claim.conditions.allSatisfy(\.isPlace))
            } else if inequalities, everySide || claim.sides.indices.contains(where: { index in
                // Not `\lambda > 0` or `0 < \alpha < 1`, which say what a name is.
                if case .symbol = claim.sides[index] { return false }
                return !leavesOfSides[index].isEmpty
            }) {
                // Inequalities of the note's own values (`e_1 > e_2` where the note gives every
                // input) compare its example; of a sampled leaf, every value of it.
                var all = LeafSet()
                for set in leavesOfSides { all.formUnion(set) }
                identity = !leafIndex.names(in: all).isDisjoint(with: sampled)
            }
            self.identity = identity
        }

        /// The verdict, with the sides' values at the example point and, for an identity
        /// compared at more than one point, the largest difference between its sides.
        var final: Check {
            var check = verdictAlone
            check.exampleSides = exampleSides
            if identity, compared > 1, claim.relations.contains(where: { $0 == .equal || $0 == .approximately }) {
                check.largestDifference = largestDifference
            }
            return check
        }

        private var verdictAlone: Check {
            if let verdict { return verdict }
            if compared == 0 {
                return Check(status: .cannotTell, points: 0,
                             message: (undefinedReason ?? "no side could be evaluated") + " at every point tried")
            }
            let where_ = compared == 1 ? "at the example point" : "at \(compared) points"
            var message = "holds \(where_)"
            if !widenedBy.isEmpty {
                message += ", within the rounding of " + widenedBy.joined(separator: ", ")
            } else if rechecked > 0 {
                message += " (by error bounds where doubles lost the difference)"
            }
            return Check(status: .holds, points: compared, message: message)
        }

        /// Compares the claim's sides in `outcomes` (the whole program's) at `point`.
        mutating func compare(_ outcomes: [Outcome], point: SamplePoint, isExample: Bool, in checker: ClaimChecker) {
            let count = claim.sides.count
            var values: [Double] = []
            for index in 0..<count {
                switch outcomes[offset + index] {
                case .finite(let value):
                    values.append(value)
                case .nonFinite(_, let reason):
                    undefinedReason = "the \(ClaimChecker.sideName(index, of: count)) is undefined (\(reason))"
                    if reason.kind == .overflow, let check = checker.recheckBeyondDoubles(claim, point: point) {
                        // Beyond the doubles' range, not undefined (docs/note-language.md §11).
                        compared += 1
                        if check.status == .holds {
                            rechecked += 1
                            if isExample { heldAtExample = true }
                        } else {
                            verdict = check
                        }
                    }
                    return
                case .failure(let error):
                    verdict = Check(status: .cannotTell, points: compared, message: checker.names.message(for: error))
                    return
                }
            }
            compared += 1
            if isExample { exampleSides = values }
            for (index, relation) in claim.relations.enumerated() where index + 1 < values.count {
                let left = values[index]
                let right = values[index + 1]
                if relation == .equal || relation == .approximately {
                    largestDifference = max(largestDifference, abs(left - right))
                }
                if !ClaimChecker.holds(relation, left, right, tolerance: claim.tolerances[index],
                                       relativeTolerance: checker.options.relativeTolerance) {
                    switch checker.recheck(claim, relation: index, point: point, left: left, right: right) {
                    case .holds(let widened):
                        rechecked += 1
                        for text in widened where !widenedBy.contains(text) { widenedBy.append(text) }
                        continue
                    case .cannotTell(let reason):
                        verdict = Check(status: .cannotTell, points: compared, message: reason)
                        return
                    case .fails:
                        break
                    }
                    let (leftText, rightText) = NumberText.pair(left, right)
                    var leaves = leavesOfSides[index]
                    leaves.formUnion(leavesOfSides[index + 1])
                    let pointText = ClaimChecker.describe(point, leaves: checker.leafIndex.names(in: leaves), names: checker.names)
                    let sidesText = values.count > 2 ? " (sides \(index + 1) and \(index + 2))" : ""
                    if heldAtExample {
                        // True at the example, false elsewhere: it may rely on a condition the
                        // note does not state (docs/note-language.md §5).
                        var check = Check(status: .cannotTell, points: compared,
                                          message: "holds at the example point, but is not an identity: at \(pointText) it "
                                              + "gives "
                                              + ClaimChecker.failure(relation, computed: leftText, claimed: rightText)
                                              + "\(sidesText); if it relies on a condition, state it")
                        check.heldAtExampleOnly = true
                        verdict = check
                        return
                    }
                    // At the example point, a sampled leaf is the likely root cause: say why it was.
                    let sampled = point.isExample
                        ? checker.leafIndex.names(in: leaves).sorted(by: Names.naturalOrder).filter { leaf in
                            checker.sampledBecause[leaf].map { $0.onlyDeclared || !identity } ?? false
                        }
                        : []
                    // Declared names one by one (each has its line); the others in one phrase.
                    var causes = sampled.compactMap { leaf in
                        checker.sampledBecause[leaf].flatMap { $0.onlyDeclared ? $0.reason : nil }
                    }
                    let unbound = sampled.filter { checker.sampledBecause[$0]?.onlyDeclared == false }
                        .map { checker.names.noteName(of: $0) }
                    if unbound.count == 1 {
                        causes.append("the note gives \(unbound[0]) no value, so it was sampled")
                    } else if unbound.count > 1 {
                        causes.append("the note gives \(unbound.dropLast().joined(separator: ", ")) and \(unbound.last ?? "") "
                                      + "no value, so they were sampled")
                    }
                    verdict = Check(status: .fails, points: compared,
                                    message: ClaimChecker.failure(relation, computed: leftText, claimed: rightText)
                                        + sidesText + (pointText.isEmpty ? "" : " at \(pointText)")
                                        + (causes.isEmpty ? "" : "; " + causes.joined(separator: "; ")),
                                    failedRelation: index)
                    verdict?.sampledLeaves = sampled
                    return
                }
            }
            if isExample { heldAtExample = true }
        }
    }

    /// The words of a failure: the left side is what the note computes, the right side what it
    /// claims (`computed 0.1966, claimed 1.266`; `computed 0.8, claimed < 0.5` for a relation
    /// other than `=`), docs/note-language.md §5.
    static func failure(_ relation: Relation, computed: String, claimed: String) -> String {
        let claim = relation == .equal ? claimed : "\(relation.rawValue) \(claimed)"
        return "computed \(computed), claimed \(claim)"
    }

    static func sideName(_ index: Int, of count: Int) -> String {
        if count == 2 { return index == 0 ? "left side" : "right side" }
        return "side \(index + 1)"
    }

    /// `x = 0.3, y = 0.1` for the leaves involved (at most six, in natural order).
    static func describe(_ point: SamplePoint, leaves: Set<String>, names: NoteNames) -> String {
        let keys = leaves.sorted(by: Names.naturalOrder)
        var parts = keys.prefix(6).map { "\(names.noteName(of: $0)) = \(NumberText.format(point.value(of: $0) ?? .nan))" }
        if keys.count > 6 { parts.append("…") }
        return parts.joined(separator: ", ")
    }

    static func holds(_ relation: Relation, _ left: Double, _ right: Double, tolerance: Double,
                      relativeTolerance: Double) -> Bool
    {
        let close = abs(left - right) <= tolerance + relativeTolerance * max(abs(left), abs(right))
        switch relation {
        case .equal, .approximately: return close
        case .notEqual: return !close
        case .less: return left < right
        case .greater: return left > right
        case .lessOrEqual: return left <= right || close
        case .greaterOrEqual: return left >= right || close
        }
    }

    /// The absolute tolerance of each relation of a claim: for `\approx`, half a unit of the
    /// last digit written in the number on either side; otherwise the configured absolute
    /// tolerance. `formulas` are the note's, by id.
    static func tolerances(of claim: SitedStatement, in formulas: [Math], options: NotebookOptions) -> [Double] {
        claim.statement.relations.indices.map { tolerance(for: $0, of: claim, in: formulas, options: options) }
    }

    private static func tolerance(for index: Int, of claim: SitedStatement, in formulas: [Math],
                                  options: NotebookOptions) -> Double
    {
        let statement = claim.statement
        guard statement.relations[index] == .approximately else { return options.absoluteTolerance }
        let texBytes = Array(formulas[claim.site.formula.index].tex.utf8)
        // The number on either side, else the nearest plain number written in the chain.
        let count = statement.sideRanges.count
        let nearest = (0..<count).filter { $0 != index && $0 != index + 1 }
            .sorted { Swift.abs($0 - index) < Swift.abs($1 - index) }
        for side in [index + 1, index] + nearest where side < count {
            let range = statement.sideRanges[side].clamped(to: 0..<texBytes.count)
            if let exponent = Self.lastDigitExponent(String(decoding: texBytes[range], as: UTF8.self)) {
                return 0.5 * pow(10, Double(exponent)) * (1 + 1e-9)
            }
        }
        return 1e-3
    }

    /// For a written number (`0.5933`, `12`, `1.2 \times 10^{-3}`), the power of ten of its last
    /// digit; `nil` when the text is not a plain number.
    static func lastDigitExponent(_ text: String) -> Int? {
        let compact = text.filter { !$0.isWhitespace && $0 != "{" && $0 != "}" }
            .replacingOccurrences(of: "\\,", with: "")
        var mantissa = Substring(compact)
        var exponent = 0
        for times in ["\\times10^", "\\cdot10^"] {
            if let range = compact.range(of: times) {
                mantissa = compact[..<range.lowerBound]
                guard let power = Int(compact[range.upperBound...]) else { return nil }
                exponent = power
            }
        }
        if mantissa.hasPrefix("-") || mantissa.hasPrefix("+") { mantissa = mantissa.dropFirst() }
        guard !mantissa.isEmpty, mantissa.allSatisfy({ $0.isNumber || $0 == "." }),
            mantissa.filter({ $0 == "." }).count <= 1
        else { return nil }
        if let dot = mantissa.firstIndex(of: ".") {
            return exponent - mantissa[mantissa.index(after: dot)...].count
        }
        return exponent
    }
}
