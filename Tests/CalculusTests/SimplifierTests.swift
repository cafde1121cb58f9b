import Calculus
import Testing

@Suite struct SimplifierTests {
    let x = s("x")
    let y = s("y")

    @Test func zerosAndOnesDisappear() {
        let raw = Expression.sum([
            .product([0, s("w_2")]),
            .product([1, s("x_1"), .derivative("f", order: 1, argument: s("n_1"))]),
        ])
        #expect(raw.simplified().description == "x_1*f'(n_1)")
    }

    @Test(arguments: [
        (Expression.sum([s("x"), s("x")]), "2*x"),
        (.product([s("x"), s("x")]), "x^2"),
        (.product([s("x"), .power(s("x"), -1)]), "1"),
        (.quotient(s("x"), s("x")), "1"),
        (.sum([.product([2, s("x")]), .product([3, s("x")]), .product([-5, s("x")])]), "0"),
        (.product([.power(s("x"), 2), .power(s("x"), 3)]), "x^5"),
        (.power(.power(s("x"), 2), 3), "x^6"),
        (.power(.product([2, s("x")]), 2), "4*x^2"),
        (.sum([2, .product([3, 4])]), "14"),
        (.product([.quotient(1, 2), s("x")]), "x/2"),
        (.product([.quotient(1, 3), s("x")]), "x/3"),
        (.quotient(2, 3), "2/3"),
        (.call("ln", 1), "0"),
        (.call("exp", 0), "1"),
        (.call("ln", 2), "ln(2)"),
        (.call("sqrt", 2), "sqrt(2)"),
        (.negation(.sum([s("a"), .negation(s("b"))])), "b - a"),
        (.product([4, .sum([s("x"), -1])]), "4*(x - 1)"),
    ])
    func arithmeticAPersonWouldDo(expression: Expression, text: String) {
        #expect(expression.simplified().description == text)
    }

    @Test func factorsAndTermsHaveOneOrder() {
        #expect((y * x).simplified() == (x * y).simplified())
        #expect((y * x).simplified().description == "x*y")
        #expect((.call("sin", x) * x).simplified().description == "x*sin(x)")
        #expect((s("x_10") + s("x_2")).simplified().description == "x_2 + x_10")
        #expect((1 + x + .power(x, 2)).simplified().description == "x^2 + x + 1")
        #expect((s("b_1") + s("x_1") * s("w_1")).simplified().description == "w_1*x_1 + b_1")
    }

    @Test func aLeadingNegativeTermGivesWayToAPositiveOne() {
        let expression = Expression.sum([.negation(.call("sigmoid", x)), 1])
        #expect(expression.simplified().description == "1 - sigmoid(x)")
        #expect((-x - y).simplified().description == "-x - y")
    }

    @Test func negativePowersBecomeQuotients() {
        #expect(Expression.power(x, -1).simplified().description == "1/x")
        #expect((x * .power(y, -2)).simplified().description == "x/y^2")
        #expect((.number(-0.5) * .power(.call("sqrt", x), -1)).simplified().description == "-1/(2*sqrt(x))")
        #expect(
            Expression.quotient(.power(s("e"), -x), .power(1 + .power(s("e"), -x), 2)).simplified().description
                == "e^(-x)/(e^(-x) + 1)^2")
    }

    @Test func simplifyingTwiceChangesNothing() {
        let expression: Expression = (x - 1) * (x - 1) * 2 + x / (y * x) - .negation(.call("sigmoid", x)) * 3
        let once = expression.simplified()
        #expect(once.simplified() == once)
        #expect(once.description == "2*(x - 1)^2 + 3*sigmoid(x) + 1/y")
    }

    @Test func derivativeNodesAreKeptAndTheirArgumentsSimplified() {
        let node = Expression.derivative("f", order: 1, argument: x + 0 * y)
        #expect(node.simplified().description == "f'(x)")
        #expect(Expression.derivative("f", order: 0, argument: x).simplified().description == "f(x)")
    }

    @Test func tooDeepExpressionsAreReturnedUnchanged() {
        var deep: Expression = x
        for _ in 0..<(3 * Expression.maximumDepth) { deep = .sum([deep, 0]) }
        #expect(deep.simplified() == deep)
    }
}

/// Sums and products long enough that the simplifier indexes like terms instead of searching them.
@Suite struct LongSimplifierTests {
    @Test func likeTermsCollectInALongSum() {
        let names = (1...30).map { s("x_\($0)") }
        let sum = Expression.sum(names + [.product([2, s("x_7")]), .product([3, s("x_25")]), .negation(s("x_30"))])
        let text = sum.simplified().description
        #expect(text.contains("3*x_7"))
        #expect(text.contains("4*x_25"))
        #expect(!text.contains("x_30"))
        #expect(text.contains("x_29"))
    }

    @Test func likeFactorsMultiplyInALongProduct() {
        let names = (1...30).map { s("y_\($0)") }
        let product = Expression.product(names + [s("y_3"), .power(s("y_28"), 2), .power(s("y_30"), -1)])
        let text = product.simplified().description
        #expect(text.contains("y_3^2"))
        #expect(text.contains("y_28^3"))
        #expect(!text.contains("y_30"))
    }

    @Test func aLongSumSimplifiesAsItsShortPartsDo() {
        // Collecting by search (few terms) and by index (many) must agree.
        let terms: [Expression] = [.product([2, s("a")]), s("b"), .negation(s("a")), .power(s("b"), 2)]
        let short = Expression.sum(terms).simplified().description
        let padding = (1...20).map { s("z_\($0)") }
        let long = Expression.sum(terms + padding + padding.map { .negation($0) }).simplified().description
        #expect(long == short)
    }
}
