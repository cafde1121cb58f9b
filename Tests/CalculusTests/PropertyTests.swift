import Calculus
import Testing

/// Thousands of random expressions over every built-in, nesting at least 6 deep, through
/// definitions and functions of the note: each symbolic derivative agrees with reverse mode and
/// with a central finite difference.
@Suite struct PropertyTests {
    static let caseCount = 2000

    /// Central differences at steps h and 2h, extrapolated; nil where the function is not finite
    /// there, or not smooth enough for a difference quotient to mean anything: a kink (relu,
    /// abs, max, step) within 2h shows as one-sided slopes that differ or as central ones that
    /// do, and rounding noise larger than the signal shows the same way.
    static func finiteDifference(
        of program: Program, at point: [String: Double], along variable: String
    ) -> Double? {
        let center = point[variable] ?? 0
        let step = 1e-5 * max(1, abs(center))
        var values: [Double] = []
        for offset in [-2.0, -1, 0, 1, 2] {
            var moved = point
            moved[variable] = center + offset * step
            guard case .finite(let value) = program.values(at: moved)[0] else { return nil }
            values.append(value)
        }
        let near = (values[3] - values[1]) / (2 * step)
        let far = (values[4] - values[0]) / (4 * step)
        let forward = (values[3] - values[2]) / step
        let backward = (values[2] - values[1]) / step
        guard abs(near - far) <= 1e-4 * (1 + abs(near)), abs(forward - backward) <= 1e-3 * (1 + abs(near)) else {
            return nil
        }
        return (4 * near - far) / 3
    }

    /// The variables of the `partial` nodes in `expression`.
    static func partialVariables(_ expression: Expression) -> Set<String> {
        var variables: Set<String> = []
        if case .partial(_, let variable, _) = expression { variables.insert(variable) }
        for child in expression.children { variables.formUnion(partialVariables(child)) }
        return variables
    }

    @Test func symbolicDerivativesAgreeWithFiniteDifferencesAndReverseMode() throws {
        var random = RandomExpressions(seed: 20_241_129)
        var compared = 0
        var skipped = 0
        var throughU = 0
        var checkedFunctions: [String: Int] = [:]
        for _ in 0..<Self.caseCount {
            var (context, root) = random.nextCase()
            context.values = random.nextPoint()
            #expect(root.depth >= 6)
            let program = try context.compile([root])
            guard case .finite = program.values(at: context.values)[0],
                case .finite(let u) = context.evaluate(.symbol("u"))
            else {
                skipped += 4
                continue
            }
            let gradient = program.gradient(at: context.values)
            // The same root with u made a leaf at its value: ∂/∂u by finite differences.
            var cut = context
            cut.definitions["u"] = nil
            cut.values["u"] = u
            let cutProgram = try cut.compile([root])
            // An inner ∂/∂x that looks through u (u uses x) differentiates u's definition: cutting
            // u into a leaf then changes the function, so finite differences along u do not apply.
            let looksThroughU = !Self.partialVariables(root).isDisjoint(with: try context.leaves(of: .symbol("u")))
            if looksThroughU { throughU += 1 }
            var comparedHere = false
            for variable in ["x", "y", "z", "u"] where variable != "u" || !looksThroughU {
                let derivative = try context.derivative(of: root, withRespectTo: variable)
                let reverse = variable == "u" ? gradient.nodes["u"] ?? 0 : gradient.leaves[variable] ?? 0
                guard case .finite(let symbolic) = context.evaluate(derivative), reverse.isFinite,
                    let difference = Self.finiteDifference(
                        of: variable == "u" ? cutProgram : program,
                        at: variable == "u" ? cut.values : context.values, along: variable)
                else {
                    skipped += 1
                    continue
                }
                compared += 1
                comparedHere = true
                let scale = 1 + abs(symbolic)
                #expect(abs(symbolic - reverse) <= 1e-9 * scale, "∂/∂\(variable) of \(root) in \(context.definitions)")
                #expect(abs(symbolic - difference) <= 1e-6 * scale, "∂/∂\(variable) of \(root) in \(context.definitions)")
            }
            if comparedHere {
                var names = root.functionNames
                names += context.definitions["u"]?.functionNames ?? []
                names += context.functions.values.flatMap(\.body.functionNames)
                for name in Set(names) { checkedFunctions[Builtins.function(named: name, arity: 1)?.name ?? Builtins.function(named: name, arity: 2)?.name ?? name, default: 0] += 1 }
            }
        }
        print(
            "property: \(Self.caseCount) random expressions, \(compared) derivatives compared with reverse mode and",
            "finite differences, \(skipped) skipped (not finite or not smooth there), \(throughU) ∂/∂u not compared",
            "(an inner ∂ looks through u)")
        #expect(compared >= 6000)
        for function in Builtins.all {
            #expect(checkedFunctions[function.name, default: 0] >= 20, "\(function.name) is rarely checked")
        }
    }

    @Test func simplifyingKeepsTheValueAndIsStable() throws {
        var random = RandomExpressions(seed: 7)
        var compared = 0
        for _ in 0..<Self.caseCount {
            var (context, root) = random.nextCase()
            context.values = random.nextPoint()
            let simplified = root.simplified()
            #expect(simplified.simplified() == simplified, "\(root)")
            guard case .finite(let before) = context.evaluate(root),
                case .finite(let after) = context.evaluate(simplified)
            else { continue }
            compared += 1
            #expect(abs(before - after) <= 1e-9 * (1 + abs(before)), "\(root) → \(simplified)")
        }
        #expect(compared >= Self.caseCount / 2)
    }
}
