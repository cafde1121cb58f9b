import Calculus
import Foundation
import Testing

@Suite struct BuiltinsTests {
    func value(_ name: String, _ arguments: Double...) -> Double? {
        let expression = Expression.apply(name, arguments.map(Expression.number))
        return Context().evaluate(expression).value
    }

    @Test func everyFunctionTheIssueListsIsInTheTable() {
        for name in [
            "exp", "ln", "log", "sqrt", "root", "sin", "cos", "tan", "sinh", "cosh", "tanh", "sigmoid", "σ",
            "relu", "softplus", "max", "min", "abs", "erf",
        ] {
            #expect(Builtins.isBuiltin(name), "\(name)")
        }
        #expect(Builtins.arities(of: "log") == [1, 2])
        #expect(Builtins.arities(of: "max") == [2])
        #expect(Builtins.arities(of: "f").isEmpty)
        #expect(Builtins.function(named: "σ", arity: 1)?.name == "sigmoid")
    }

    @Test func everyNameInTheTableIsBuiltinAndNearMissesAreNot() {
        for name in Builtins.all.flatMap(\.names) {
            #expect(Builtins.isBuiltin(name), "\(name)")
        }
        for name in ["", "e", "x", "sigmoids", "heavisides", "Exp", "s", "σ_1", "η", "ReL"] {
            #expect(!Builtins.isBuiltin(name), "\(name)")
        }
    }

    @Test func eachNameAndArityHasOneEntry() {
        var seen = Set<String>()
        for function in Builtins.all {
            for name in function.names {
                #expect(seen.insert("\(name)/\(function.arity)").inserted, "\(name)/\(function.arity)")
            }
        }
    }

    @Test func valuesAgreeWithIdentities() {
        let cases: [(Double?, Double)] = [
            (value("exp", log(2)), 2),
            (value("ln", exp(1.5)), 1.5),
            (value("log", exp(3)), 3),
            (value("log", 1000, 10), 3),
            (value("log", 8, 2), 3),
            (value("sqrt", 16), 4),
            (value("root", 27, 3), 3),
            (value("root", -8, 3), -2),
            (value("sin", Double.pi / 6), 0.5),
            (value("cos", 0), 1),
            (value("tan", Double.pi / 4), 1),
            (value("sinh", 0.7), (exp(0.7) - exp(-0.7)) / 2),
            (value("cosh", 0.7), (exp(0.7) + exp(-0.7)) / 2),
            (value("tanh", 0.7), (exp(1.4) - 1) / (exp(1.4) + 1)),
            (value("sigmoid", 0), 0.5),
            (value("sigmoid", 1.3), 1 / (1 + exp(-1.3))),
            (value("relu", -1), 0),
            (value("relu", 2), 2),
            (value("softplus", 0.4), log(1 + exp(0.4))),
            (value("softplus", -800), 0),
            // erf(0.5) = 0.52049987781304653768…
            (value("erf", 0.5), 0.5204998778130465),
            (value("erf", -0.5), -0.5204998778130465),
            (value("max", 2, 3), 3),
            (value("min", 2, 3), 2),
            (value("abs", -3), 3),
            (value("sign", -3), -1),
            (value("step", 0), 0),
            (value("step", 0.1), 1),
        ]
        for (index, (computed, expected)) in cases.enumerated() {
            #expect(computed.map { abs($0 - expected) <= 4e-16 * max(1, abs(expected)) } == true, "case \(index)")
        }
    }

    @Test func nanPassesThroughFunctionsThatCompare() {
        for name in ["relu", "abs", "sign", "step"] {
            #expect(value(name, .nan)?.isNaN == true, "\(name)")
        }
        #expect(value("max", .nan, 1)?.isNaN == true)
        #expect(value("min", 1, .nan)?.isNaN == true)
    }

    @Test func eachEntrysSlopesAgreeWithItsSymbolicRuleAndWithFiniteDifferences() {
        // Points inside every domain and away from kinks.
        let points: [(Double, Double)] = [(0.3, 1.7), (1.9, 0.6), (0.75, 2.5)]
        for function in Builtins.all {
            for (x, y) in points {
                let arguments = [x, y].prefix(function.arity).map(Expression.number)
                let value = function.value(x, y)
                let slopes = function.slopes(x, y, value)
                let rules = function.derivative(Array(arguments))
                for (index, rule) in rules.enumerated() {
                    let numeric = index == 0 ? slopes.0 : slopes.1
                    let symbolic = Context().evaluate(rule).value ?? .nan
                    let step = 1e-6
                    let difference =
                        index == 0
                        ? (function.value(x + step, y) - function.value(x - step, y)) / (2 * step)
                        : (function.value(x, y + step) - function.value(x, y - step)) / (2 * step)
                    #expect(abs(numeric - symbolic) <= 1e-13 * max(1, abs(symbolic)), "\(function.name) ∂\(index)")
                    #expect(abs(numeric - difference) <= 1e-7 * max(1, abs(numeric)), "\(function.name) ∂\(index)")
                }
            }
        }
    }
}
