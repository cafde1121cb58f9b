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
}
