import Foundation
import Testing

@testable import Calculus

/// Issue 17: the derivative of a function that uses nothing of its note (the sigmoid) is made
/// once a thread and shared by the notes after. A function that looks the same but means
/// something else in another note (its `e` a number the note binds) must get its own.
@Suite struct SharedDerivativesTests {
    /// `f(z) = 1/(1 + e^{-z})`.
    static let sigmoid = UserFunction(
        parameters: ["z"],
        body: .quotient(.number(1), .sum([.number(1), .power(.symbol("e"), .negation(.symbol("z")))])))

    /// f'(0.3) in a context with the sigmoid, and `e` bound to `e` when given.
    static func slope(e: Double? = nil) -> Double? {
        var context = Context()
        context.functions["f"] = sigmoid
        if let e { context.values["e"] = e }
        guard case .finite(let value) = context.evaluate(.derivative("f", order: 1, argument: .number(0.3))) else { return nil }
        return value
    }

    @Test func aSharedDerivativeIsServedOnlyWhereTheFunctionMeansTheSame() throws {
        let σ = 1 / (1 + exp(-0.3))
        let withThree = log(3) * pow(3, -0.3) / pow(1 + pow(3, -0.3), 2)
        // In both orders, and again: each context gets its own function's slope.
        for order in [[false, true, false], [true, false, true]] {
            for shadowed in order {
                let slope = try #require(Self.slope(e: shadowed ? 3 : nil))
                let expected = shadowed ? withThree : σ * (1 - σ)
                #expect(abs(slope - expected) < 1e-12, "e \(shadowed ? "= 3" : "the constant"): \(slope) ≠ \(expected)")
            }
        }
    }

    @Test func aBuiltinsDerivativesAreSharedByOrder() throws {
        let t = tanh(0.3)
        // First, second, first again, through one thread's table.
        for (order, expected) in [(1, 1 - t * t), (2, -2 * t * (1 - t * t)), (1, 1 - t * t)] {
            guard case .finite(let value) = Context().evaluate(.derivative("tanh", order: order, argument: .number(0.3))) else {
                Issue.record("tanh of order \(order) has no value")
                continue
            }
            #expect(abs(value - expected) < 1e-12, "order \(order): \(value) ≠ \(expected)")
        }
    }

    @Test func onlyFunctionsOfTheirParametersBuiltinsAndConstantsAreShared() {
        let plain = Context()
        #expect(SharedDerivatives.isSelfContained(Self.sigmoid, in: plain))
        var bound = Context()
        bound.values["e"] = 3
        #expect(!SharedDerivatives.isSelfContained(Self.sigmoid, in: bound), "e is the note's number")
        let usesA = UserFunction(parameters: ["z"], body: .product([.symbol("a"), .symbol("z")]))
        #expect(!SharedDerivatives.isSelfContained(usesA, in: plain), "a is the note's")
        let callsG = UserFunction(parameters: ["z"], body: .apply("g", [.symbol("z")]))
        #expect(!SharedDerivatives.isSelfContained(callsG, in: plain), "g is the note's function")
        let tanh = UserFunction(parameters: ["z"], body: .apply("tanh", [.symbol("z")]))
        #expect(SharedDerivatives.isSelfContained(tanh, in: plain))
        var shadowing = Context()
        shadowing.functions["tanh"] = UserFunction(parameters: ["u"], body: .symbol("u"))
        #expect(!SharedDerivatives.isSelfContained(tanh, in: shadowing), "the note's own tanh")
        let slopeOfG = UserFunction(parameters: ["z"], body: .derivative("g", order: 1, argument: .symbol("z")))
        #expect(!SharedDerivatives.isSelfContained(slopeOfG, in: plain))
    }
}
