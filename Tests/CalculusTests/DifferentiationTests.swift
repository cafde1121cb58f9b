import Calculus
import Testing

@Suite struct DifferentiationTests {
    let x = s("x")

    /// n_1 = x_1 w_1 + x_2 w_2 + b_1 and f(z) = sigmoid(z).
    var neuron: Context {
        var context = Context()
        context.definitions["n_1"] = s("x_1") * s("w_1") + s("x_2") * s("w_2") + s("b_1")
        context.functions["f"] = UserFunction(parameters: ["z"], body: .call("sigmoid", s("z")))
        return context
    }

    @Test func builtinOfADefinedNodeReadsAsItsRuleTimesTheInnerDerivative() throws {
        let derivative = try neuron.derivative(of: .call("sigmoid", s("n_1")), withRespectTo: "w_1")
        #expect(derivative.description == "x_1*sigmoid(n_1)*(1 - sigmoid(n_1))")
    }

    @Test func userFunctionOfADefinedNodeReadsWithItsPrime() throws {
        #expect(try neuron.derivative(of: .call("f", s("n_1")), withRespectTo: "w_1").description == "x_1*f'(n_1)")
        #expect(try neuron.derivative(of: .call("f", s("n_1")), withRespectTo: "b_1").description == "f'(n_1)")
        #expect(try neuron.derivative(of: .call("f", s("n_1")), withRespectTo: "x") == 0)
    }

    @Test func theVariableItselfIsNotExpanded() throws {
        var context = neuron
        context.definitions["h_1"] = .call("f", s("n_1"))
        #expect(try context.derivative(of: s("h_1"), withRespectTo: "h_1") == 1)
        #expect(try context.derivative(of: s("h_1") * s("n_1"), withRespectTo: "n_1").description == "n_1*f'(n_1) + h_1")
    }

    @Test(arguments: [
        (Expression.power(s("x"), 3), "3*x^2"),
        (.call("sin", s("x")), "cos(x)"),
        (.call("cos", s("x")), "-sin(x)"),
        (.call("tan", s("x")), "1/cos(x)^2"),
        (.call("exp", .product([2, s("x")])), "2*exp(2*x)"),
        (.power(s("e"), .negation(s("x"))), "-e^(-x)"),
        (.call("ln", s("x")), "1/x"),
        (.call("log", s("x")), "1/x"),
        (.call("log", s("x"), 2), "1/(x*ln(2))"),
        (.call("sqrt", s("x")), "1/(2*sqrt(x))"),
        (.call("root", s("x"), 3), "root(x, 3)/(3*x)"),
        (.call("tanh", s("x")), "1 - tanh(x)^2"),
        (.call("relu", s("x")), "step(x)"),
        (.call("softplus", s("x")), "sigmoid(x)"),
        (.call("abs", s("x")), "sign(x)"),
        (.call("max", s("x"), s("y")), "step(x - y)"),
        (.power(s("x"), s("x")), "x^x*(ln(x) + 1)"),
        (.quotient(1, s("x")), "-1/x^2"),
        (.product([s("x"), .call("sin", s("x"))]), "x*cos(x) + sin(x)"),
        (.power(.sum([s("y"), .negation(s("x"))]), 2), "-2*(y - x)"),
    ])
    func derivativesReadAsInATable(expression: Expression, text: String) throws {
        #expect(try Context().derivative(of: expression, withRespectTo: "x").description == text)
    }

    @Test func anAliasKeepsItsNameInTheDerivative() throws {
        #expect(try Context().derivative(of: .call("σ", x), withRespectTo: "x").description == "σ(x)*(1 - σ(x))")
    }

    @Test func higherOrdersRepeat() throws {
        let context = Context()
        #expect(try context.derivative(of: .power(x, 3), withRespectTo: "x", order: 2).description == "6*x")
        #expect(try context.derivative(of: .call("sin", x), withRespectTo: "x", order: 4).description == "sin(x)")
        #expect(try context.derivative(of: .power(x, 3), withRespectTo: "x", order: 0).description == "x^3")
        #expect(throws: CalculusError.negativeOrder(-1)) {
            try context.derivative(of: x, withRespectTo: "x", order: -1)
        }
    }

    @Test func derivativeNodesDifferentiateToTheNextOrder() throws {
        let context = neuron
        #expect(
            try context.derivative(of: .derivative("f", order: 1, argument: .power(x, 2)), withRespectTo: "x")
                .description == "2*x*f''(x^2)")
    }

    @Test func aFunctionOfSeveralParametersIsExpanded() throws {
        var context = Context()
        context.functions["mse"] = UserFunction(parameters: ["a", "b"], body: .power(s("a") - s("b"), 2))
        let loss = Expression.call("mse", s("y_pred"), s("y_true"))
        #expect(try context.derivative(of: loss, withRespectTo: "y_pred").description == "2*(y_pred - y_true)")
        #expect(try context.derivative(of: loss, withRespectTo: "y_true").description == "-2*(y_pred - y_true)")
    }

    @Test func aParameterShadowsAGlobalOfTheSameName() throws {
        // g(x) = x*w with a global leaf also named x: ∂g(y)/∂x is 0, ∂g(y)/∂w is y.
        var context = Context()
        context.functions["g"] = UserFunction(parameters: ["x"], body: x * s("w"))
        #expect(try context.derivative(of: .call("g", s("y")), withRespectTo: "x") == 0)
        #expect(try context.derivative(of: .call("g", s("y")), withRespectTo: "w").description == "y")
        #expect(try context.derivative(of: .call("g", x), withRespectTo: "x").description == "g'(x)")
    }

    @Test func aBodyThatUsesAGlobalNameContributesDirectly() throws {
        // f(t) = t*k with k = x^2: ∂f(x)/∂x = f'(x) + x*2x, evaluated.
        var context = Context(values: ["x": 0.5])
        context.definitions["k"] = .power(x, 2)
        context.functions["f"] = UserFunction(parameters: ["t"], body: s("t") * s("k"))
        let derivative = try context.derivative(of: .call("f", x), withRespectTo: "x")
        #expect(derivative.description == "2*x^2 + f'(x)")
        #expect(finiteValue(derivative, in: context) == 0.75)
    }

    @Test func partialNodesAreDifferentiatedInPlace() throws {
        let context = neuron
        let node = Expression.partial(s("n_1"), variable: "w_1", order: 1)
        #expect(try context.derivative(of: node * s("w_1"), withRespectTo: "w_1").description == "x_1")
        #expect(try context.derivative(of: node, withRespectTo: "x_1") == 1)
    }

    @Test func partialsOfADefinitionFollowItsNamesInOrder() throws {
        let partials = try neuron.partials(ofDefinition: "n_1")
        #expect(partials.map(\.name) == ["x_1", "w_1", "x_2", "w_2", "b_1"])
        #expect(partials.map(\.derivative.description) == ["w_1", "x_1", "w_2", "x_2", "1"])
        #expect(throws: CalculusError.undefinedSymbol("h_9")) { try neuron.partials(ofDefinition: "h_9") }
    }

    @Test func partialsOfAFunctionUseItsParameterNames() throws {
        var context = Context()
        context.functions["f"] = UserFunction(parameters: ["x", "y"], body: .power(x, 2) * s("y"))
        let partials = try context.partials(ofFunction: "f")
        #expect(partials == [Partial(name: "x", derivative: (2 * x * s("y")).simplified()), Partial(name: "y", derivative: .power(x, 2))])
        #expect(partials.map(\.derivative.description) == ["2*x*y", "x^2"])
    }

    @Test func derivativeOfAnUndefinedFunctionIsAnError() {
        #expect(throws: CalculusError.undefinedFunction("g")) {
            try Context().derivative(of: .call("g", x), withRespectTo: "x")
        }
    }
}
