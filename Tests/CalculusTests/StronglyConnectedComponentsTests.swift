import Calculus
import Testing

/// Every cycle among definitions found at once (issue 15): the components, their order, a
/// shortest circle through a member, and what each definition fails with.
@Suite struct StronglyConnectedComponentsTests {
    /// 0 → 1 → 2 → 0 with a chord 0 → 2, 2 → 3, 3 → 3, 4 → 3, and 5 alone.
    static let graph = StronglyConnectedComponents(successors: [[1, 2], [2], [0, 3], [3], [3], []])

    @Test func componentsAreTheCirclesAndTheNodesAlone() {
        let graph = Self.graph
        #expect(graph.count == 4)
        #expect(graph.component[0] == graph.component[1] && graph.component[1] == graph.component[2])
        #expect(Set([graph.component[0], graph.component[3], graph.component[4], graph.component[5]]).count == 4)
        #expect(graph.isCycle[graph.component[0]])
        #expect(graph.isCycle[graph.component[3]], "a node with an edge to itself")
        #expect(!graph.isCycle[graph.component[4]])
        #expect(!graph.isCycle[graph.component[5]])
    }

    @Test func componentsAreNumberedDependenciesFirst() {
        let graph = Self.graph
        #expect(graph.component[3] < graph.component[0])
        #expect(graph.component[3] < graph.component[4])
    }

    @Test func theCircleNamedIsAShortestOneThroughTheNode() {
        let graph = Self.graph
        #expect(graph.shortestCycle(through: 0) == [0, 2, 0])
        #expect(graph.shortestCycle(through: 1) == [1, 2, 0, 1])
        #expect(graph.shortestCycle(through: 3) == [3, 3])
    }

    /// One circle through 200,000 nodes: no recursion as deep as the circle.
    @Test func aLongCircleNeedsNoDeepStack() {
        let count = 200_000
        let graph = StronglyConnectedComponents(successors: (0..<count).map { [($0 + 1) % count] })
        #expect(graph.count == 1)
        let circle = graph.shortestCycle(through: 7)
        #expect(circle.count == count + 1)
        #expect(circle.first == 7 && circle.last == 7 && circle[1] == 8)
    }

    /// A cycle, a definition using it, a chain below a bad application, and sound ones.
    @Test func definitionFailuresNameTheFirstProblemOfEach() {
        let square = UserFunction(parameters: ["u"], body: .power(.symbol("u"), .number(2)))
        let context = Context(
            definitions: [
                "a": .symbol("b") + .number(1), "b": .symbol("c") * .number(2), "c": .symbol("a"),
                "d": .symbol("c") + .number(1),
                "h_0": .apply("g", [.symbol("x"), .number(1)]), "h_1": .symbol("h_0") + .number(1),
                "h_2": .symbol("h_1") + .number(1),
                "ok": .symbol("x") + .number(1),
            ],
            functions: ["g": square], values: ["x": 2])
        let failures = context.definitionFailures()
        let circle = CalculusError.cycle(["a", "b", "c", "a"])
        #expect(failures.failures["a"] == circle)
        #expect(failures.failures["c"] == circle, "members share the circle through the one that sorts first")
        #expect(failures.failures["d"] == circle)
        let arity = CalculusError.wrongArity(function: "g", expected: [1], got: 2)
        for name in ["h_0", "h_1", "h_2"] { #expect(failures.failures[name] == arity, "\(name)") }
        #expect(failures.failures["ok"] == nil)
        #expect(failures.cycle(throughSymbol: "c") == ["c", "a", "b", "c"])
        #expect(failures.cycle(throughSymbol: "d") == nil)
        #expect(failures.cycleOfSymbol["a"] == failures.cycleOfSymbol["b"])
        #expect(failures.cycleOfSymbol["d"] == nil)
        // As compiling each on its own says, but for the circle's first member.
        for name in ["h_1", "h_2", "ok", "a"] {
            if case .failure(let error) = context.evaluate(.symbol(name)) {
                #expect(failures.failures[name] == error, "\(name)")
            } else {
                #expect(failures.failures[name] == nil, "\(name)")
            }
        }
    }
}
