import Calculus
import Testing

@Suite struct ExpressionTextTests {
    let x = s("x")

    @Test func weightedSumReadsAsWritten() {
        let n1 = s("x_1") * s("w_1") + s("x_2") * s("w_2") + s("b_1")
        #expect(n1.description == "x_1*w_1 + x_2*w_2 + b_1")
    }

    @Test(arguments: [
        (Expression.sum([s("a"), .negation(.sum([s("b"), s("c")]))]), "a - (b + c)"),
        (.sum([s("a"), .negation(.negation(s("b")))]), "a - (-b)"),
        (.sum([s("a"), .negation(.product([s("b"), s("c")]))]), "a - b*c"),
        (.sum([s("a"), .sum([s("b"), s("c")])]), "a + b + c"),
        (.sum([s("a"), .number(-2)]), "a - 2"),
        (.negation(.sum([s("a"), s("b")])), "-(a + b)"),
        (.negation(.power(s("x"), 2)), "-x^2"),
        (.product([s("a"), .sum([s("b"), s("c")])]), "a*(b + c)"),
        (.product([s("a"), .negation(s("b"))]), "a*(-b)"),
        (.product([.negation(s("a")), s("b")]), "-a*b"),
        (.quotient(.sum([s("a"), s("b")]), s("c")), "(a + b)/c"),
        (.quotient(s("a"), .product([s("b"), s("c")])), "a/(b*c)"),
        (.quotient(s("a"), .quotient(s("b"), s("c"))), "a/(b/c)"),
        (.quotient(.quotient(s("a"), s("b")), s("c")), "a/b/c"),
        (.quotient(s("a"), .power(s("b"), 2)), "a/b^2"),
        (.power(s("x"), .number(-1)), "x^(-1)"),
        (.power(s("e"), .negation(s("x"))), "e^(-x)"),
        (.power(.number(-2), s("x")), "(-2)^x"),
        (.power(.power(s("a"), s("b")), s("c")), "(a^b)^c"),
        (.power(s("a"), .power(s("b"), s("c"))), "a^(b^c)"),
        (.power(.sum([s("x"), 1]), .quotient(1, 2)), "(x + 1)^(1/2)"),
        (.power(.call("sin", s("x")), 2), "sin(x)^2"),
    ])
    func parenthesesOnlyWhereNeeded(expression: Expression, text: String) {
        #expect(expression.description == text)
    }

    @Test func functionsAndDerivativeNodes() {
        #expect(Expression.call("sigmoid", s("n_1")).description == "sigmoid(n_1)")
        #expect(Expression.call("log", x, 2).description == "log(x, 2)")
        #expect(Expression.derivative("f", order: 1, argument: s("n_1")).description == "f'(n_1)")
        #expect(Expression.derivative("f", order: 2, argument: x).description == "f''(x)")
        #expect(Expression.derivative("f", order: 4, argument: x).description == "f^(4)(x)")
        #expect(Expression.partial(s("a_1"), variable: "h_1", order: 1).description == "∂a_1/∂h_1")
        #expect(Expression.partial(.power(x, 3), variable: "x", order: 2).description == "∂^2/∂x^2(x^3)")
        #expect(Expression.absoluteValue(x - 1).description == "abs(x - 1)")
    }

    @Test func numbersPrintShortest() {
        #expect(Expression.number(2).description == "2")
        #expect(Expression.number(-0.0).description == "0")
        #expect(Expression.number(0.05).description == "0.05")
        #expect(Expression.number(1e20).description == "1e+20")
        #expect(Expression.number(.nan).description == "nan")
        #expect(Expression.number(-.infinity).description == "-inf")
    }

    @Test func tooDeepPartsPrintAsEllipsis() {
        var deep: Expression = x
        for _ in 0..<(3 * Expression.maximumDepth) { deep = .call("sin", deep) }
        #expect(deep.description.hasSuffix("sin(…)" + String(repeating: ")", count: 2 * Expression.maximumDepth)))
    }
}
