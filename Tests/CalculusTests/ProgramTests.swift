import Calculus
import TestSupport
import Testing

@Suite struct ProgramTests {
    let context = network()

    @Test func dependenciesListLeavesInNaturalOrderAndDefinitionsBeforeTheirUsers() throws {
        let dependencies = try context.dependencies(of: [s("E")])
        #expect(
            dependencies.leaves == ["b_1", "b_2", "w_1", "w_2", "w_3", "w_4", "w_5", "w_6", "x_1", "x_2", "y"])
        let order = dependencies.definitions
        #expect(Set(order) == ["n_1", "n_2", "h_1", "h_2", "o_1", "a_1", "E"])
        for (user, used) in [("h_1", "n_1"), ("o_1", "h_2"), ("a_1", "o_1"), ("E", "a_1")] {
            #expect(try #require(order.firstIndex(of: used)) < (try #require(order.firstIndex(of: user))))
        }
        #expect(try context.leaves(of: s("h_1")) == ["b_1", "w_1", "w_2", "x_1", "x_2"])
    }

    @Test func leavesIncludeNamesWithoutValuesButNotConstants() throws {
        var context = Context()
        context.functions["f"] = UserFunction(parameters: ["t"], body: s("t") * s("k"))
        #expect(try context.leaves(of: .call("f", s("x_10")) + s("x_9") * s("e") + s("π")) == ["k", "x_9", "x_10"])
        context.values["e"] = 3
        #expect(try context.leaves(of: s("e")) == ["e"])
        #expect(try context.dependencies(of: [.call("f", 1)]).functions == ["f"])
    }

    @Test func outputsCompiledApartHaveTheSlopesOfTheirOwnPrograms() throws {
        // `g` and `h` both apply f to x: compiled apart, h's reverse pass visits only its own
        // instructions, in its own order, so its slopes are those of h compiled alone.
        var context = Context()
        context.functions["f"] = UserFunction(parameters: ["t"], body: .call("exp", s("t")) * s("t"))
        context.values = ["x": 0.3, "y": -1.7]
        let g = .call("f", s("x")) * s("y")
        let h = .call("sin", s("x") * s("y")) + .call("f", s("x"))
        let apart = try context.compile(apart: [g, h])
        let point = try apart.point(context.values).get()
        for (output, expression) in [g, h].enumerated() {
            let alone = try context.gradient(of: expression)
            let together = apart.gradient(of: output, at: point)
            #expect(together.value == alone.value)
            for leaf in ["x", "y"] {
                #expect(together.leaves[leaf]?.bitPattern == alone.leaves[leaf]?.bitPattern)
            }
        }
        // Apart, h computes f(x) again rather than reading g's.
        #expect(apart.instructionCount > (try context.compile([g, h])).instructionCount)
    }

    /// One evaluator, reverse passes over outputs compiled apart in any order, each through
    /// its own instructions only (and every adjoint written before zeroed): the slopes of each
    /// output's own program, bit for bit; with outputs sharing instructions too.
    @Test func reversePassesInAnyOrderGiveEachOutputsOwnSlopes() throws {
        var context = Context()
        context.functions["f"] = UserFunction(parameters: ["t"], body: .call("exp", s("t")) * s("t"))
        context.values = ["x": 0.3, "y": -1.7, "z": 2.5]
        let outputs: [Expression] = [
            .call("f", s("x")) * s("y"), s("z"), .call("sin", s("x") * s("y")) + .call("f", s("x")),
            s("x") * s("x") * s("z"), .number(3), .call("f", s("y") + s("z")) / s("x"),
        ]
        var random = SeededGenerator(seed: 11)
        for program in [try context.compile(apart: outputs), try context.compile(outputs)] {
            let point = try program.point(context.values).get()
            var evaluator = Evaluator(program)
            try evaluator.evaluate(at: point)
            for _ in 0..<30 {
                let output = Int.random(in: 0..<outputs.count, using: &random)
                evaluator.backpropagate(output: output)
                let alone = try context.gradient(of: outputs[output])
                for (position, leaf) in program.leaves.enumerated() {
                    #expect(evaluator.slope(ofLeaf: position).bitPattern == (alone.leaves[leaf] ?? 0).bitPattern,
                            "output \(output), ∂\(leaf)")
                }
            }
        }
    }

    @Test func aProgramEvaluatesEveryOutputAtManyPoints() throws {
        let program = try context.compile([s("h_1"), s("E"), s("n_1") * 2])
        #expect(program.outputCount == 3)
        let base = try program.point(context.values).get()
        let values = program.values(at: base)
        #expect(values[0] == context.evaluate(s("h_1")))
        #expect(values[1] == context.evaluate(s("E")))
        #expect(values[2] == .finite(0.755))
        var moved = context
        moved.values["w_1"] = 0.9
        #expect(program.values(at: moved.values) == [s("h_1"), s("E"), s("n_1") * 2].map(moved.evaluate))
    }

    @Test func anEvaluatorReusedAcrossPointsGivesWhatAFreshOneGives() throws {
        let program = try context.compile([s("E")])
        var evaluator = Evaluator(program)
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<20 {
            let point = program.leaves.map { _ in Double.random(in: -1...1, using: &generator) }
            try evaluator.evaluate(at: point)
            #expect(evaluator.outcome(ofOutput: 0) == program.values(at: point)[0])
            try evaluator.differentiate(output: 0, at: point)
            let gradient = program.gradient(of: 0, at: point)
            for (position, leaf) in program.leaves.enumerated() {
                #expect(evaluator.slope(ofLeaf: position) == gradient.leaves[leaf])
            }
        }
    }

    @Test func backpropagatingAfterOneEvaluationGivesTheSlopesOfDifferentiating() throws {
        let program = try context.compile([s("h_1"), s("E"), s("n_1") * s("w_5")])
        let point = try program.point(context.values).get()
        var once = Evaluator(program)
        try once.evaluate(at: point)
        for output in 0..<program.outputCount {
            once.backpropagate(output: output)
            var fresh = Evaluator(program)
            try fresh.differentiate(output: output, at: point)
            for position in program.leaves.indices {
                #expect(once.slope(ofLeaf: position) == fresh.slope(ofLeaf: position))
            }
            #expect(once.slope(ofNode: "n_1") == fresh.slope(ofNode: "n_1"))
            #expect(once.outcome(ofOutput: output) == fresh.outcome(ofOutput: output))
        }
        #expect(once.slope(ofNode: "n_1") == context.values["w_5"])  // the last output is n_1 * w_5
    }

    @Test func outputsOfOneSlotShareAReversePassUntilTheNextPoint() throws {
        // Two outputs that are one symbol, between them another: each gives its own slopes.
        let program = try context.compile([s("E"), s("h_1"), s("E")])
        var evaluator = Evaluator(program)
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<3 {
            let point = program.leaves.map { _ in Double.random(in: -1...1, using: &generator) }
            try evaluator.evaluate(at: point)
            for output in [0, 2, 1, 0, 0] {
                evaluator.backpropagate(output: output)
                let gradient = program.gradient(of: output, at: point)
                for (position, leaf) in program.leaves.enumerated() {
                    #expect(evaluator.slope(ofLeaf: position) == gradient.leaves[leaf])
                }
            }
        }
    }

    @Test func aPointOfTheWrongShapeIsAFailure() throws {
        let program = try context.compile([s("E")])
        #expect(program.values(at: [1, 2]) == [.failure(.pointSize(expected: 11, got: 2))])
        var values = context.values
        values["y"] = nil
        #expect(program.values(at: values) == [.failure(.undefinedSymbol("y"))])
        #expect(program.gradient(at: values).value == .failure(.undefinedSymbol("y")))
        #expect(throws: CalculusError.undefinedSymbol("b_1")) { try Context(definitions: context.definitions).gradient(of: s("E")) }
    }

    @Test func eachDefinitionIsEvaluatedOnce() throws {
        // h_1 used three times costs one sigmoid; the sum adds two instructions.
        let once = try context.compile([s("h_1")]).instructionCount
        let thrice = try context.compile([s("h_1") + s("h_1") + s("h_1")]).instructionCount
        #expect(thrice == once + 2)
    }

    @Test func constantPartsAreFoldedWhenCompiled() throws {
        let program = try Context().compile([s("x") * (.call("sqrt", 16) + 2 * 3)])
        #expect(program.instructionCount == 1)
        #expect(program.values(at: [0.5]) == [.finite(5)])
    }

    @Test func nodeSlopesTreatEachDefinitionAsAnInput() throws {
        // a = b with b = x: ∂(a + b)/∂a is 1 and ∂(a + b)/∂b is 2 (through a as well).
        let context = Context(definitions: ["a": s("b"), "b": s("x"), "n": 2], values: ["x": 3])
        let gradient = try context.gradient(of: s("a") + s("b") + .power(s("x"), s("n")))
        #expect(gradient.nodes["a"] == 1)
        #expect(gradient.nodes["b"] == 2)
        #expect(gradient.leaves["x"] == 8.0)
        #expect(gradient.nodes["n"].map { abs($0 - 9 * 1.0986122886681098) < 1e-12 } == true)
    }
}
