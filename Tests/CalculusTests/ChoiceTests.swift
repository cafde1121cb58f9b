import Calculus
import Foundation
import Testing

/// `\begin{cases}` in the calculus: comparisons are 1 or 0, a choice takes the value and the
/// slopes of its branch alone (a branch undefined where it is not taken changes nothing).
@Suite struct ChoiceTests {
    /// sinc: sin(x)/x where x ≠ 0, 1 at 0.
    let sinc: Expression = .choice(.comparison(.notEqual, s("x"), 0), .call("sin", s("x")) / s("x"), 1)
    /// relu written as cases: x where x > 0, else 0.
    let relu: Expression = .choice(.comparison(.greater, s("x"), 0), s("x"), 0)

    @Test func comparisonsAreOneOrZeroAndNaNOnNaN() {
        let cases: [(Comparison, Double, Double, Double)] = [
            (.less, 1, 2, 1), (.less, 2, 2, 0), (.lessOrEqual, 2, 2, 1), (.greater, 3, 2, 1), (.greater, 2, 2, 0),
            (.greaterOrEqual, 2, 2, 1), (.greaterOrEqual, 1, 2, 0), (.equal, 2, 2, 1), (.equal, 2, 3, 0),
            (.notEqual, 2, 3, 1), (.notEqual, 2, 2, 0),
        ]
        for (relation, x, y, expected) in cases {
            #expect(relation.value(x, y) == expected, "\(x) \(relation.symbol) \(y)")
        }
        for relation in Comparison.allCases {
            #expect(relation.value(.nan, 1).isNaN)
            #expect(relation.value(1, .nan).isNaN)
        }
    }

    @Test func theBranchTakenGivesTheValueAndTheOtherIsNeverSeen() throws {
        var context = Context()
        context.values["x"] = 0
        // sin(0)/0 is NaN, in the branch not taken.
        #expect(context.evaluate(sinc) == .finite(1))
        context.values["x"] = 0.5
        #expect(context.evaluate(sinc) == .finite(Foundation.sin(0.5) / 0.5))
        context.values["x"] = -2
        #expect(context.evaluate(relu) == .finite(0))
    }

    @Test func reverseModeSendsTheSlopeToTheBranchTakenOnly() throws {
        var context = Context()
        context.values["x"] = 0
        // The untaken branch's slope at 0 is NaN (0/0): it must not reach x.
        let atZero = try context.gradient(of: sinc)
        #expect(atZero.value == .finite(1))
        #expect(atZero.leaves["x"] == 0)
        context.values["x"] = 3
        #expect(try context.gradient(of: relu).leaves["x"] == 1)
        context.values["x"] = -3
        #expect(try context.gradient(of: relu).leaves["x"] == 0)
    }

    @Test func theSymbolicDerivativeIsTheChoiceOfTheBranchesDerivatives() throws {
        let context = Context()
        let huber: Expression = .choice(
            .comparison(.lessOrEqual, .absoluteValue(s("r")), 1), 0.5 * .power(s("r"), 2), .absoluteValue(s("r")) - 0.5)
        let slope = try context.derivative(of: huber, withRespectTo: "r")
        #expect(slope.description == "{r if abs(r) ≤ 1; sign(r) otherwise}")
        // Rows with the same derivative: the condition no longer matters.
        let kink: Expression = .choice(.comparison(.greater, s("x"), 0), 2 * s("x") + 1, 2 * s("x") - 1)
        #expect(try context.derivative(of: kink, withRespectTo: "x") == 2)
        // A condition alone is constant where it is defined.
        #expect(try context.derivative(of: .comparison(.less, s("x"), 1), withRespectTo: "x") == 0)
    }

    @Test func aKnownConditionSimplifiesToItsBranch() {
        let choice: Expression = .choice(.comparison(.less, 1, 2), s("a"), s("b"))
        #expect(choice.simplified() == s("a"))
        #expect(Expression.choice(.comparison(.equal, 1, 2), s("a"), s("b")).simplified() == s("b"))
    }

    @Test func noRowHoldingIsSaidSo() {
        var context = Context()
        // Cases without an otherwise row: NaN where no row holds.
        let sign: Expression = .choice(.comparison(.greater, s("x"), 0), 1,
                                       .choice(.comparison(.less, s("x"), 0), -1, .number(.nan)))
        #expect(sign.description == "{1 if x > 0; -1 if x < 0}")
        context.values["x"] = 0
        guard case .nonFinite(let value, let reason) = context.evaluate(sign) else {
            Issue.record("a value where no row holds")
            return
        }
        #expect(value.isNaN)
        #expect(reason.kind == .noCase)
        #expect(reason.description == "no row of the cases holds")
        // At a known point too (the condition folded when compiled).
        guard case .nonFinite(_, let folded) = context.evaluate(try! sign.substituting(["x": 0])) else {
            Issue.record("a value where no row holds")
            return
        }
        #expect(folded.kind == .noCase)
    }

    @Test func aNaNConditionMakesTheChoiceNaN() {
        var context = Context()
        context.values["x"] = -1
        // ln(-1) is NaN: whether it exceeds 0 is not known, so neither branch is taken.
        let choice: Expression = .choice(.comparison(.greater, .call("ln", s("x")), 0), 1, 2)
        guard case .nonFinite(let value, let reason) = context.evaluate(choice) else {
            Issue.record("a value from an undefined condition")
            return
        }
        #expect(value.isNaN)
        #expect(reason.description == "ln(-1) is undefined")
    }

    @Test func intervalsTakeTheBranchTheyCanDecideAndSayWhenTheyCannot() throws {
        let context = Context()
        var evaluator = IntervalEvaluator(context: context, values: ["x": 0.25])
        let box: Expression = .choice(.comparison(.lessOrEqual, 0, s("x")),
                                      .choice(.comparison(.less, s("x"), 1), 1, 0), 0)
        #expect(try evaluator.enclose(box).get() == Interval(1))
        var atEdge = IntervalEvaluator(context: context, values: ["x": 0.1])
        // 0.1 + 0.2 = 0.3 cannot be decided within rounding: said, not guessed.
        let edge: Expression = .choice(.comparison(.equal, s("x") + 0.2, 0.3), 1, 0)
        guard case .failure(.noBounds(let why)) = atEdge.enclose(edge) else {
            Issue.record("an undecidable condition decided")
            return
        }
        #expect(why.contains("within rounding"))
    }

    /// Random expressions as one row of cases, an undefined expression (NaN everywhere) the
    /// other, the condition holding or not with a margin: the value, the reverse-mode slopes
    /// and the symbolic derivatives are those of the row taken, as if the other were not there.
    @Test func randomChoicesComputeTheRowTakenAsIfAlone() throws {
        var random = RandomExpressions(seed: 20_261_207)
        let undefined: Expression = .call("ln", -1 - .power(s("x"), 2))
        var compared = 0
        for _ in 0..<300 {
            var (context, root) = random.nextCase()
            context.values = random.nextPoint()
            guard case .finite(let value) = context.evaluate(root) else { continue }
            let alone = try context.gradient(of: root)
            let rows: [Expression] = [
                .choice(.comparison(.less, root, .number(value + 1)), root, undefined),
                .choice(.comparison(.greaterOrEqual, root, .number(value + 1)), undefined, root),
                .choice(.comparison(.notEqual, s("x"), s("x")), undefined, root),
            ]
            for choice in rows {
                #expect(context.evaluate(choice) == .finite(value), "\(choice)")
                let gradient = try context.gradient(of: choice)
                for leaf in ["x", "y", "z"] {
                    let expected = alone.leaves[leaf] ?? 0
                    let got = gradient.leaves[leaf] ?? 0
                    #expect(abs(got - expected) <= 1e-12 * (1 + abs(expected)) || (got.isNaN && expected.isNaN),
                            "∂/∂\(leaf) of \(choice)")
                    guard expected.isFinite, case .finite(let symbolic) = context.evaluate(
                        try context.derivative(of: choice, withRespectTo: leaf)) else { continue }
                    #expect(abs(symbolic - expected) <= 1e-9 * (1 + abs(expected)), "∂/∂\(leaf) of \(choice)")
                    compared += 1
                }
            }
        }
        #expect(compared >= 1500)
    }
}
