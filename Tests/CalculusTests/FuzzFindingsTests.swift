import Testing

@testable import Calculus

/// Inputs `scripts/fuzz calculus` found crashing or hanging the engine (issue 15), each reduced
/// to its core.
@Suite struct FuzzFindingsTests {
    /// `a = σ(z)`, `L = a`, `z = ∂L/∂z`: the derivative of `z` (with respect to `a` or `L`)
    /// expands its `∂` in a differentiator of its own, whose graph holds `z` again. Each
    /// differentiator kept only its own derivatives under way, so the derivative of `z` began
    /// again inside itself until the stack overflowed. (A note never got there, since its check
    /// names the cycle `a → z → L → a` first; the engine must not rely on that.)
    @Test(arguments: ["a", "L"])
    func aDerivativeThatNeedsItselfIsACycle(_ variable: String) throws {
        var context = Context()
        context.definitions["a"] = .apply("σ", [.symbol("z")])
        context.definitions["L"] = .symbol("a")
        context.definitions["z"] = .partial(.symbol("L"), variable: "z", order: 1)
        context.indexDependencies()
        #expect(throws: CalculusError.cycle(["z", "z"])) {
            try context.derivative(of: .symbol("z"), withRespectTo: variable)
        }
        // What does not go through `z`'s own derivative is still answered.
        #expect(try context.derivative(of: .symbol("L"), withRespectTo: "a") == 1)
    }

    /// `P = 2 \prod_{i=1}^{10000} x_i`: its 10 000 partials, each a product of 9 999 factors,
    /// did not finish in 10 minutes under the fuzzer (2000 factors took 86 s), and a note asked
    /// for them when the definition also held a derivative (4000 factors: 38 s, 220 MB).
    /// Partials that would together be larger than one derivative may be are refused at once;
    /// those of a shorter product are still given.
    @Test func partialsOfALongProductAreRefusedNotSquared() throws {
        func product(_ names: [String]) -> Expression { .product([2] + names.map { .symbol($0) }) }
        let long = (1...10_000).map { "x_\($0)" }
        var context = Context()
        context.definitions["P"] = product(long)
        context.functions["f"] = UserFunction(parameters: long, body: product(long))
        #expect(throws: CalculusError.tooLarge(limit: Expression.maximumSize)) { try context.partials(ofDefinition: "P") }
        #expect(throws: CalculusError.tooLarge(limit: Expression.maximumSize)) { try context.partials(ofFunction: "f") }

        let short = Array(long.prefix(100))
        context.definitions["P"] = product(short)
        context.functions["f"] = UserFunction(parameters: short, body: product(short))
        let partials = try context.partials(ofDefinition: "P")
        #expect(partials.map(\.name) == short)
        for name in short { context.values[name] = 1 }
        #expect(context.evaluate(partials[0].derivative).value == 2)
        #expect(try context.partials(ofFunction: "f").count == 100)
    }

    /// `g = \prod_{i=1}^{8200} y^i` and the derivative of `g \cdot 200 y^i` by `y`: through the
    /// definition, the product rule wrote 8200 products of 8200 factors (67 million slots, 10 s
    /// a derivative, 80 s an input under the fuzzer) before the size was checked. The rule now
    /// counts first and refuses what would be too large, as the check after it did; a product
    /// the size allows is still derived.
    @Test func theProductRuleRefusesAProductTooLargeBeforeWritingIt() throws {
        let factors = (1...8200).map { Expression.power(.symbol("y"), .number(Double($0))) }
        var context = Context()
        context.values["y"] = 1.0001
        context.definitions["g"] = .product(factors)
        context.indexDependencies()
        let side = Expression.product([.symbol("g"), 200, .symbol("y")])
        #expect(throws: CalculusError.tooLarge(limit: Expression.maximumSize)) {
            try context.derivative(of: side, withRespectTo: "y")
        }
        context.definitions["g"] = .product(Array(factors.prefix(50)))
        context.indexDependencies()
        let slope = try context.derivative(of: .symbol("g"), withRespectTo: "y")
        context.values["y"] = 1
        #expect(context.evaluate(slope).value == 1275)
    }
}
