import Calculus
import Testing

/// `Curve`: a program's output along one leaf, sampled in place, and its equality (the key of
/// a run's plot cache).
@Suite struct CurveTests {
    /// f(t) = t·k + c, with k and c values of the context.
    func context(k: Double = 3, c: Double = 0.5) -> Context {
        var context = Context()
        context.functions["f"] = UserFunction(parameters: ["t"], body: s("t") * s("k") + s("c"))
        context.functions["g"] = UserFunction(parameters: ["t"], body: .call("exp", -s("t")) / s("t"))
        context.values = ["k": k, "c": c]
        return context
    }

    @Test func aSamplerGivesTheProgramsValueAtEveryPointInAnyOrder() throws {
        let context = context()
        let program = try context.compile([.call("g", s("x")) + .call("f", s("x"))])
        let curve = try #require(Curve(program, variable: "x", values: context.values))
        var sampler = curve.sampler()
        // Out of order, through a pole (x = 0) and back: no value depends on the one before.
        for x in [0.5, -2, 0, 7.25, 0.5, -1e-300, 3] {
            var point = context.values
            point["x"] = x
            let expected = try #require(program.values(at: point)[0].value)
            let value = sampler.value(at: x)
            #expect(value.bitPattern == expected.bitPattern, "at \(x)")
            #expect(curve.value(at: x).bitPattern == expected.bitPattern)
        }
    }

    @Test func aProgramThatDoesNotUseTheVariableIsAConstantCurve() throws {
        let context = context()
        let program = try context.compile([.call("f", 2)])
        let curve = try #require(Curve(program, variable: "x", values: context.values))
        var sampler = curve.sampler()
        #expect(sampler.value(at: -4) == 6.5)
        #expect(sampler.value(at: 9) == 6.5)
        #expect(Curve(program, output: 1, variable: "x", values: context.values) == nil)
    }

    @Test func curvesAreEqualWhenTheyComputeTheSameNumbers() throws {
        let a = context()
        let b = context(k: 3, c: 0.5)
        let other = context(k: 3, c: 0.25)
        func curve(_ context: Context, _ expression: Expression = .call("f", s("x"))) throws -> Curve {
            try #require(Curve(try context.compile([expression]), variable: "x", values: context.values))
        }
        #expect(try curve(a) == curve(b))
        #expect(try curve(a).hashValue == curve(b).hashValue)
        #expect(try curve(a) != curve(other))
        #expect(try curve(a) != curve(a, .call("g", s("x"))))
        // The same program along another leaf is another function.
        let program = try a.compile([s("x") * s("y")])
        #expect(Curve(program, variable: "x", values: ["y": 2]) != Curve(program, variable: "y", values: ["x": 2]))
        #expect(Curve(program, variable: "x", values: ["y": 2]) != Curve(program, variable: "x", values: ["y": -2]))
    }
}
