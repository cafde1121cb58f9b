import Calculus
import Foundation
import Testing

/// The interval evaluator encloses: the double result of random expressions over every
/// built-in, and the true value where it is known exactly, even beyond the range of doubles.
@Suite struct IntervalTests {
    static func enclosure(_ expression: Expression, in context: Context = Context(),
                          widths: [Double: Double] = [:]) -> Interval? {
        var evaluator = IntervalEvaluator(context: context, widths: widths)
        return try? evaluator.enclose(expression).get()
    }

    static func contains(_ interval: Interval, _ value: Double) -> Bool {
        let (low, high) = interval.doubleBounds
        return low <= value && value <= high
    }

    @Test func randomExpressionsEncloseTheirDoubleValue() throws {
        var random = RandomExpressions(seed: 20_261_205)
        var enclosed = 0
        for _ in 0..<2000 {
            var (context, root) = random.nextCase()
            context.values = random.nextPoint()
            guard case .finite(let value) = context.evaluate(root), let interval = Self.enclosure(root, in: context)
            else { continue }
            enclosed += 1
            #expect(Self.contains(interval, value), "\(root) = \(value) outside \(interval)")
        }
        // Most cases are defined at their point; a change that made few of them count would hide.
        #expect(enclosed > 1000)
    }

    @Test func arithmeticOfIntegersIsExact() throws {
        // (3 + 4) * 5 - 36 / 4 = 26, every step exact: a point.
        let e: Expression = .sum([.product([.sum([3, 4]), 5]), .negation(.quotient(36, 4))])
        let interval = try #require(Self.enclosure(e))
        #expect(interval.isPoint)
        #expect(interval.doubleBounds == (26, 26))
    }

    @Test func aProductWithZeroIsExactlyZero() throws {
        // Not [-tiny, tiny]: an exact 0 must not look like an underflow.
        let interval = try #require(Self.enclosure(.product([0.2, .power(0, 2)])))
        #expect(interval.isPoint && interval.doubleBounds == (0, 0))
        #expect(Self.enclosure(.quotient(0, 3))?.isPoint == true)
    }

    @Test func aDecimalIsTheNumberItPrints() throws {
        // 0.1 + 0.2 is 0.30000000000000004 in doubles; the decimals' sum 3/10 is enclosed.
        let interval = try #require(Self.enclosure(.sum([0.1, 0.2])))
        #expect(Self.contains(interval, 0.3))
        #expect(Self.contains(interval, 0.1 + 0.2))
    }

    @Test func nestedSumsAreAddedExactly() throws {
        let x = 0.37
        // (x + 10^20) - 10^20 is 0 in doubles; one exact sum gives x.
        let e: Expression = .sum([.sum([.symbol("x"), .power(10, 20)]), .negation(.power(10, 20))])
        var evaluator = IntervalEvaluator(context: Context(values: ["x": x]))
        let interval = try evaluator.enclose(e).get()
        #expect(Self.contains(interval, x))
        #expect(interval.doubleBounds.upper - interval.doubleBounds.lower < 1e-15)
        #expect(evaluator.warnings.isEmpty)
    }

    @Test func cancellationIsEnclosedAndNoticed() throws {
        // (1 + 10^{-20}) x - x: the product has lost the 10^{-20}, the difference is all error.
        let x = 0.37
        let e: Expression = .sum([.product([.sum([1, .power(10, .negation(20))]), .symbol("x")]), .negation(.symbol("x"))])
        var evaluator = IntervalEvaluator(context: Context(values: ["x": x]))
        let interval = try evaluator.enclose(e).get()
        #expect(Self.contains(interval, x * 1e-20))
        #expect(evaluator.warnings.contains(.cancellation))
    }

    @Test func tinyAndHugeNumbersStayInRange() throws {
        let tiny = try #require(Self.enclosure(.power(10, .negation(400))))
        #expect(tiny.isPositive)
        #expect(Self.enclosure(.sum([.power(10, .negation(399)), .negation(.power(10, .negation(400)))]))?.isPositive == true)
        // ln(e^1000) = 1000, e^1000 being far beyond doubles.
        let big = try #require(Self.enclosure(.call("ln", .call("exp", 1000))))
        #expect(Self.contains(big, 1000))
        #expect(big.doubleBounds.upper - big.doubleBounds.lower < 1e-9)
        // 10^400 / 10^399 = 10.
        let ratio = try #require(Self.enclosure(.quotient(.power(10, 400), .power(10, 399))))
        #expect(Self.contains(ratio, 10))
        #expect(Self.enclosure(.call("exp", .negation(1000)))?.isPositive == true)
    }

    @Test func functionsEncloseKnownValues() throws {
        let cases: [(Expression, Double)] = [
            (.power(.call("sqrt", 2), 2), 2),
            (.call("sin", .symbol("π")), 0),
            (.call("cos", .symbol("π")), -1),
            (.call("sin", .quotient(.symbol("π"), 2)), 1),
            (.call("sigmoid", 0), 0.5),
            (.call("tanh", 0), 0),
            (.call("ln", .symbol("e")), 1),
            (.call("log", 1000, 10), 3),
            (.call("root", -8, 3), -2),
            (.call("softplus", 0), M_LN2),
            (.power(8, .quotient(1, 3)), 2),
            (.call("cosh", 0), 1),
        ]
        for (expression, value) in cases {
            let interval = try #require(Self.enclosure(expression), "\(expression)")
            #expect(Self.contains(interval, value), "\(expression) = \(value) outside \(interval)")
            #expect(interval.doubleBounds.upper - interval.doubleBounds.lower < 1e-12, "\(expression): \(interval)")
        }
    }

    @Test func aPeakInsideTheIntervalIsReached() throws {
        // sin over [1.5, 1.6] reaches 1 at π/2, between its ends' values.
        var evaluator = IntervalEvaluator(context: Context(), widths: [1.55: 0.05])
        let sine = try evaluator.enclose(.call("sin", 1.55)).get()
        #expect(Self.contains(sine, 1))
        #expect(Self.contains(sine, sin(1.5)) && Self.contains(sine, sin(1.6)))
    }

    @Test func writtenNumbersAreWidenedButNotThoseOfDefinitions() throws {
        let context = Context(definitions: ["h": .number(0.75136507)])
        var evaluator = IntervalEvaluator(context: context, widths: [0.75136507: 5e-9])
        let written = try evaluator.enclose(.number(0.75136507)).get()
        #expect(Self.contains(written, 0.751365074) && Self.contains(written, 0.751365066))
        let defined = try evaluator.enclose(.symbol("h")).get()
        #expect(!Self.contains(defined, 0.751365074))
    }

    @Test func undefinedOperationsAreFailuresNotTraps() {
        var evaluator = IntervalEvaluator(context: Context(values: ["x": 0]))
        for e: Expression in [.quotient(1, .symbol("x")), .call("ln", .negation(1)), .call("sqrt", -1),
                              .call("tan", .quotient(.symbol("π"), 2)), .power(0, .negation(1)), .symbol("nowhere")]
        {
            guard case .failure = evaluator.enclose(e) else {
                Issue.record("\(e) has an enclosure")
                continue
            }
        }
    }
}
