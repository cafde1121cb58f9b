import Calculus
import Testing

/// `Context.indexDependencies()` is a cache: every answer is the same with or without it, and a
/// change to the context is never answered from the old index.
@Suite struct DependencyIndexTests {
    /// The network with a function, a defined symbol no output uses and one using `e`.
    static func richNetwork() -> Context {
        var context = network()
        context.functions["f"] = UserFunction(parameters: ["t"], body: .call("sigmoid", s("t") * s("w_1")))
        context.definitions["g"] = .call("f", s("h_1")) + .power(s("e"), s("x_1"))
        context.definitions["unused"] = s("x_2") * 3
        return context
    }

    @Test func dependenciesAreTheSameWithAndWithoutTheIndex() throws {
        let plain = Self.richNetwork()
        var indexed = plain
        indexed.indexDependencies()
        for roots in [[s("E")], [s("g")], [s("g"), s("E"), s("x_2")], [.call("f", s("y"))], [s("unused")]] {
            #expect(try indexed.dependencies(of: roots) == plain.dependencies(of: roots))
        }
    }

    /// The index ranks the leaves of the definitions once; leaves that only the roots use are
    /// merged among them, before, between and after.
    @Test func leavesOfRootsAloneMergeInNaturalOrderWithThoseOfDefinitions() throws {
        let plain = Self.richNetwork()
        var indexed = plain
        indexed.indexDependencies()
        let roots: [Expression] = [
            s("x_10") + s("E") + s("a") + s("x_3"), s("z_0") * s("w_10") + s("b_0"), s("x_10") - s("A"),
        ]
        let leaves = try indexed.dependencies(of: roots).leaves
        #expect(leaves == (try plain.dependencies(of: roots)).leaves)
        for name in ["x_10", "a", "x_3", "z_0", "w_10", "b_0", "A", "x_1", "w_1"] {
            #expect(leaves.contains(name), "\(name)")
        }
        #expect(try indexed.compile(roots).leaves == plain.compile(roots).leaves)
    }

    @Test func derivativesAndValuesAreTheSameWithAndWithoutTheIndex() throws {
        let plain = Self.richNetwork()
        var indexed = plain
        indexed.indexDependencies()
        for variable in ["w_1", "w_5", "h_1", "n_1", "e", "x_1"] {
            for root in [s("E"), s("g")] {
                #expect(try indexed.derivative(of: root, withRespectTo: variable)
                        == plain.derivative(of: root, withRespectTo: variable))
            }
        }
        let claim = Expression.partial(s("g"), variable: "w_1", order: 2)
        #expect(indexed.evaluate(claim) == plain.evaluate(claim))
        #expect(try indexed.gradient(of: s("g")) == plain.gradient(of: s("g")))
    }

    @Test func errorsAreTheSameWithAndWithoutTheIndex() {
        var plain = Self.richNetwork()
        plain.definitions["p"] = s("q") + 1
        plain.definitions["q"] = s("r") * 2
        plain.definitions["r"] = s("p") - s("x_1")
        plain.definitions["bad"] = .call("f", s("x_1"), s("x_2"))
        var indexed = plain
        indexed.indexDependencies()
        for root in [s("p"), s("r") + s("E"), s("bad"), s("E") + s("bad")] {
            #expect(Self.dependencies(of: root, in: indexed) == Self.dependencies(of: root, in: plain))
            #expect(indexed.evaluate(root) == plain.evaluate(root))
        }
        if case .failure(let error) = indexed.evaluate(s("p")) {
            #expect(error == .cycle(["p", "q", "r", "p"]))
        } else {
            Issue.record("a cycle must fail")
        }
    }

    static func dependencies(of root: Expression, in context: Context) -> Result<Dependencies, CalculusError> {
        do {
            return .success(try context.dependencies(of: [root]))
        } catch {
            return .failure(error)
        }
    }

    @Test func changingTheContextDropsTheIndex() throws {
        var context = Self.richNetwork()
        context.indexDependencies()
        context.definitions["h_1"] = s("y") * 2
        #expect(try context.dependencies(of: [s("h_1")]).leaves == ["y"])
        #expect(try context.dependencies(of: [s("o_1")]).definitions == ["h_1", "n_2", "h_2", "o_1"])
        context.indexDependencies()
        context.functions["f"] = UserFunction(parameters: ["t"], body: s("t") + s("y"))
        #expect(try context.dependencies(of: [.call("f", 1)]).leaves == ["y"])
        context.indexDependencies()
        context.values["e"] = 1
        // Bound, `e` is a leaf like any other, no longer the constant.
        #expect(try context.dependencies(of: [s("g")]).leaves.contains("e"))
    }
}
