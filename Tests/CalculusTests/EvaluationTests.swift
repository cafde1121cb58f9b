import Calculus
import Foundation
import Testing

@Suite struct EvaluationTests {
    let x = s("x")

    func outcome(_ expression: Expression, x value: Double = 0.5) -> Outcome {
        Context(values: ["x": value]).evaluate(expression)
    }

    func reason(_ expression: Expression, x value: Double = 0.5) -> NonFiniteReason? {
        if case .nonFinite(_, let reason) = outcome(expression, x: value) { return reason }
        return nil
    }

    @Test func undefinedOperationsGiveNaNWithTheirOrigin() {
        #expect(reason(.call("ln", x), x: -2)?.description == "ln(-2) is undefined")
        #expect(reason(.call("sqrt", x - 1))?.description == "sqrt(-0.5) is undefined")
        #expect(reason(.quotient(x - 0.5, x - 0.5))?.description == "0 / 0 is undefined")
        #expect(reason(.power(x, 0.5), x: -1)?.description == "-1 ^ 0.5 is undefined")
        #expect(reason(.call("ln", x), x: -2)?.kind == .undefined)
        #expect(outcome(.call("ln", x), x: -2).value?.isNaN == true)
    }

    @Test func polesAndOverflowGiveInfinityWithTheirOrigin() {
        #expect(outcome(1 / (x - 0.5)) == .nonFinite(.infinity, NonFiniteReason(kind: .pole, operation: "/", operands: [1, 0])))
        #expect(reason(1 / (x - 0.5))?.description == "1 / 0 divides by zero")
        #expect(reason(.call("ln", x - 0.5))?.description == "ln(0) is infinite")
        #expect(reason(.call("exp", 2000 * x))?.description == "exp(1000) overflows")
        #expect(reason(.call("exp", 2000 * x))?.kind == .overflow)
    }

    @Test func theOriginIsTheFirstOperationWithFiniteOperands() {
        // exp(exp(x)) + 1 at x = 10: exp(10) is finite, exp(22026.46...) overflows, + 1 follows.
        let reason = reason(.call("exp", .call("exp", x)) + 1, x: 10)
        #expect(reason?.operation == "exp")
        #expect(reason?.kind == .overflow)
        #expect(reason?.operands.first.map { abs($0 - 22026.465794806718) < 1e-9 } == true)
    }

    @Test func aNonFiniteLeafIsNamed() {
        #expect(reason(x + 1, x: .infinity)?.description == "x is not a finite number")
        #expect(reason(x + 1, x: .nan)?.kind == .nonFiniteInput)
    }

    @Test func anInfinityThatDisappearsGivesAFiniteValue() {
        #expect(outcome(1 / (1 + .call("exp", 2000 * x))) == .finite(0))
        #expect(outcome(.call("sigmoid", -2000 * x)) == .finite(0))
        #expect(outcome(.call("softplus", 2000 * x)) == .finite(1000))
    }

    @Test func cyclesAreErrorsNamingTheCycle() {
        var context = Context(values: ["x": 1])
        context.definitions = ["a": s("b") + 1, "b": s("c") * 2, "c": s("a") - x]
        #expect(context.evaluate(s("a")) == .failure(.cycle(["a", "b", "c", "a"])))
        #expect(CalculusError.cycle(["a", "b", "c", "a"]).description == "cyclic definitions: a → b → c → a")
        #expect(throws: CalculusError.cycle(["b", "c", "a", "b"])) { try context.derivative(of: s("b"), withRespectTo: "x") }
        #expect(throws: CalculusError.cycle(["c", "a", "b", "c"])) { try context.leaves(of: s("c")) }
        context.definitions = ["a": s("a") + 1]
        #expect(context.evaluate(s("a")) == .failure(.cycle(["a", "a"])))
    }

    @Test func functionsCallingEachOtherAreACycle() {
        var context = Context(values: ["x": 1])
        context.functions["f"] = UserFunction(parameters: ["t"], body: .call("g", s("t")))
        context.functions["g"] = UserFunction(parameters: ["t"], body: .call("f", s("t")) + 1)
        #expect(context.evaluate(.call("f", x)) == .failure(.cycle(["f", "g", "f"])))
    }

    @Test func aDerivativeStoppingAtANodeBreaksNoCycle() throws {
        // ∂a/∂b where b is defined through a: the derivative stops at b, so no cycle is met.
        var context = Context(values: ["x": 1])
        context.definitions = ["a": 2 * s("b"), "b": x * 3]
        #expect(try context.derivative(of: s("a"), withRespectTo: "b") == 2)
    }

    @Test func namesThatCannotBeEvaluatedAreFailures() {
        let context = Context(values: ["x": 1])
        #expect(context.evaluate(x + s("y")) == .failure(.undefinedSymbol("y")))
        #expect(context.evaluate(.call("g", x)) == .failure(.undefinedFunction("g")))
        #expect(context.evaluate(.call("sigmoid", x, x)) == .failure(.wrongArity(function: "sigmoid", expected: [1], got: 2)))
        #expect(context.evaluate(.call("log", x, x, x)) == .failure(.wrongArity(function: "log", expected: [1, 2], got: 3)))
        #expect(CalculusError.wrongArity(function: "max", expected: [2], got: 1).description == "max takes 2 arguments, not 1")
        #expect(context.evaluate(.derivative("max", order: 1, argument: x)) == .failure(.notOneParameter(function: "max", parameters: 2)))
        #expect(context.evaluate(.partial(x, variable: "x", order: -1)) == .failure(.negativeOrder(-1)))
    }

    @Test func aFunctionMayNotTakeABuiltinsName() {
        var context = Context(values: ["x": 1])
        context.functions["sigmoid"] = UserFunction(parameters: ["t"], body: s("t"))
        #expect(context.evaluate(.call("sigmoid", x)) == .failure(.shadowsBuiltin("sigmoid")))
    }

    @Test func constantsHaveValuesUnlessTheNoteShadowsThem() {
        #expect(Context().evaluate(s("e")) == .finite(2.718281828459045))
        #expect(Context().evaluate(.call("cos", s("π"))) == .finite(-1))
        #expect(Context(values: ["e": 3]).evaluate(s("e")) == .finite(3))
        #expect(Context(definitions: ["π": 3]).evaluate(s("π")) == .finite(3))
        #expect(Context().constantValue(of: "e") == 2.718281828459045)
        #expect(Context(values: ["e": 3]).constantValue(of: "e") == nil)
        #expect(Context().constantValue(of: "x") == nil)
    }

    @Test func everyListedConstantIsKnownByName() {
        for (name, value) in Constants.values {
            #expect(Constants.value(of: name) == value, "\(name)")
            #expect(Context().constantValue(of: name) == value, "\(name)")
        }
        #expect(Constants.value(of: "pi") == nil)
    }

    @Test func functionsSeeTheirParametersAndTheGlobals() {
        var context = Context(values: ["x": 2, "k": 10])
        context.functions["f"] = UserFunction(parameters: ["x"], body: x * s("k"))
        context.functions["twice"] = UserFunction(parameters: ["t"], body: .call("f", .call("f", s("t"))))
        #expect(context.evaluate(.call("f", 3)) == .finite(30))
        #expect(context.evaluate(.call("twice", x)) == .finite(200))
        #expect(context.evaluate(.derivative("twice", order: 1, argument: x)) == .finite(100))
    }

    @Test func derivativeNodesEvaluate() {
        var context = Context(values: ["x": 0.3])
        context.functions["f"] = UserFunction(parameters: ["z"], body: .call("sigmoid", s("z")))
        let sigma = 1 / (1 + exp(-0.3))
        #expect(abs((context.evaluate(.derivative("f", order: 1, argument: x)).value ?? 0) - sigma * (1 - sigma)) < 1e-15)
        #expect(context.evaluate(.derivative("sin", order: 2, argument: 0)) == .finite(0))
        #expect(context.evaluate(.partial(.power(x, 3), variable: "x", order: 2)).value.map { abs($0 - 1.8) < 1e-15 } == true)
    }

    @Test func formulasDeeperThanTheLimitAreFailuresNotCrashes() {
        var deep: Expression = x
        for _ in 0..<(2 * Expression.maximumDepth) { deep = .call("sin", deep) }
        #expect(Context(values: ["x": 1]).evaluate(deep) == .failure(.tooDeep(limit: Expression.maximumDepth)))
        #expect(throws: CalculusError.tooDeep(limit: Expression.maximumDepth)) {
            try Context().derivative(of: deep, withRespectTo: "x")
        }
    }

    @Test func aDerivativeThatWouldExplodeIsAnErrorWhileReverseModeStillWorks() throws {
        // Each v_i uses v_(i-1) twice: written out, ∂v_40/∂x doubles in size at every step.
        var context = Context(values: ["x": 0.5])
        context.definitions["v_0"] = x
        for index in 1...40 {
            context.definitions["v_\(index)"] = .call("sin", s("v_\(index - 1)")) * .call("cos", s("v_\(index - 1)"))
        }
        #expect(throws: CalculusError.tooLarge(limit: Expression.maximumSize)) {
            try context.derivative(of: s("v_40"), withRespectTo: "x")
        }
        #expect(try context.gradient(of: s("v_40")).leaves["x"]?.isFinite == true)
    }

    @Test func aDerivativeOfAnOrderPastTheLimitIsAnError() throws {
        let context = Context(values: ["x": 0.5])
        let limit = Expression.maximumDerivativeOrder
        #expect(context.evaluate(.partial(x * x, variable: "x", order: limit + 1)) == .failure(.orderTooHigh(limit: limit)))
        #expect(context.evaluate(.partial(x * x, variable: "x", order: limit)) == .finite(0))
    }

    /// f_k(u) = f_{k-1}(u) + f_{k-1}(u + 1): written out, f_30 has 2^30 applications, each with
    /// other arguments; the compiler stops at the limit instead of working through them.
    @Test func aFunctionThatExpandsPastTheLimitIsAnError() throws {
        var context = Context(values: ["x": 0.5])
        context.functions["f_0"] = UserFunction(parameters: ["u"], body: s("u"))
        for k in 1...30 {
            context.functions["f_\(k)"] = UserFunction(
                parameters: ["u"], body: .apply("f_\(k - 1)", [s("u")]) + .apply("f_\(k - 1)", [s("u") + .number(1)]))
        }
        #expect(context.evaluate(.apply("f_30", [x])) == .failure(.tooManyOperations(limit: Expression.maximumOperations)))
        #expect(context.evaluate(.apply("f_5", [x])) == .finite(32 * 0.5 + 80))
    }

    @Test func longChainsOfDefinitionsEvaluateWithoutDeepRecursion() throws {
        var context = Context(values: ["x": 0.5])
        context.definitions["a_0"] = x
        for index in 1...20_000 { context.definitions["a_\(index)"] = s("a_\(index - 1)") + 1 }
        #expect(context.evaluate(s("a_20000")) == .finite(20_000.5))
        #expect(try context.gradient(of: s("a_20000")).leaves == ["x": 1])
    }
}
