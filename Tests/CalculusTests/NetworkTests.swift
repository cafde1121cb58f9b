import Calculus
import Foundation
import Testing

/// The 2-2-1 example every backprop text works through; the reference numbers are the published
/// ones (Matt Mazur's step-by-step example) and closed forms computed here independently.
@Suite struct NetworkTests {
    let context = network()

    @Test func firstHiddenUnitHasThePublishedNetInputAndActivation() throws {
        let n1 = try #require(finiteValue(s("n_1"), in: context))
        let h1 = try #require(finiteValue(.call("sigmoid", s("n_1")), in: context))
        #expect(abs(n1 - 0.3775) <= 1e-12)
        #expect(abs(h1 - 0.5932699921071872) <= 1e-12)
        #expect(abs(h1 - 1 / (1 + exp(-0.3775))) <= 1e-15)
    }

    @Test func forwardPassMatchesThePublishedOutputAndError() throws {
        // Published to 9 significant digits: out_h2, net_o1, out_o1, E_o1.
        #expect(abs(try #require(finiteValue(s("h_2"), in: context)) - 0.596884378) <= 5e-10)
        #expect(abs(try #require(finiteValue(s("o_1"), in: context)) - 1.105905967) <= 5e-10)
        #expect(abs(try #require(finiteValue(s("a_1"), in: context)) - 0.75136507) <= 5e-9)
        #expect(abs(try #require(finiteValue(s("E"), in: context)) - 0.274811083) <= 5e-10)
    }

    @Test func outputWeightGradientMatchesThePublishedValue() throws {
        // ∂E/∂w_5 = (a_1 - y) a_1 (1 - a_1) h_1 = 0.082167041 in the published example.
        let symbolic = try context.derivative(of: s("E"), withRespectTo: "w_5")
        let reverse = try context.gradient(of: s("E")).leaves["w_5"]
        #expect(abs(try #require(finiteValue(symbolic, in: context)) - 0.082167041) <= 5e-10)
        #expect(abs(try #require(reverse) - 0.082167041) <= 5e-10)
    }

    @Test func symbolicReverseModeAndFiniteDifferencesAgreeOnEveryLeaf() throws {
        let gradient = try context.gradient(of: s("E"))
        #expect(gradient.leaves.keys.sorted() == context.values.keys.sorted())
        for (leaf, value) in context.values {
            let symbolic = try #require(finiteValue(try context.derivative(of: s("E"), withRespectTo: leaf), in: context))
            let step = 1e-6
            var plus = context
            plus.values[leaf] = value + step
            var minus = context
            minus.values[leaf] = value - step
            let difference =
                (try #require(finiteValue(s("E"), in: plus)) - (try #require(finiteValue(s("E"), in: minus)))) / (2 * step)
            let reverse = try #require(gradient.leaves[leaf])
            #expect(abs(symbolic - reverse) <= 1e-14, "∂E/∂\(leaf)")
            #expect(abs(symbolic - difference) <= 1e-9, "∂E/∂\(leaf)")
        }
    }

    @Test func derivativeWithRespectToAHiddenUnitTreatsItAsAnInput() throws {
        // ∂a_1/∂h_1 = w_5 σ'(o_1): n_1 is not expanded past h_1.
        let derivative = try context.derivative(of: s("a_1"), withRespectTo: "h_1")
        #expect(derivative.description == "w_5*sigmoid(o_1)*(1 - sigmoid(o_1))")
        let a1 = try #require(finiteValue(s("a_1"), in: context))
        let w5 = try #require(context.values["w_5"])
        #expect(abs(try #require(finiteValue(derivative, in: context)) - w5 * a1 * (1 - a1)) <= 1e-15)
    }

    @Test func reverseModeAdjointOfANodeIsTheDerivativeWithRespectToIt() throws {
        let gradient = try context.gradient(of: s("E"))
        for node in ["n_1", "n_2", "h_1", "h_2", "o_1", "a_1"] {
            let symbolic = try #require(finiteValue(try context.derivative(of: s("E"), withRespectTo: node), in: context))
            // The same derivative by finite differences, with the node made a leaf at its value.
            var cut = context
            cut.definitions[node] = nil
            let value = try #require(finiteValue(s(node), in: context))
            cut.values[node] = value + 1e-6
            let up = try #require(finiteValue(s("E"), in: cut))
            cut.values[node] = value - 1e-6
            let down = try #require(finiteValue(s("E"), in: cut))
            #expect(abs(try #require(gradient.nodes[node]) - symbolic) <= 1e-14, "∂E/∂\(node)")
            #expect(abs((up - down) / 2e-6 - symbolic) <= 1e-9, "∂E/∂\(node)")
        }
    }

    @Test func firstLayerWeightGradientReadsAsAChainOfNodes() throws {
        let derivative = try context.derivative(of: s("E"), withRespectTo: "w_1")
        #expect(
            derivative.description
                == "-w_5*x_1*sigmoid(n_1)*sigmoid(o_1)*(y - a_1)*(1 - sigmoid(n_1))*(1 - sigmoid(o_1))")
    }
}
