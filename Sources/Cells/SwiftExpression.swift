import Calculus

/// A Calculus expression as Swift source, for the note's formulas as Swift functions (issue 12
/// items 2 and 5). Every operation is parenthesized, so the text reads as the tree does.
/// Built-ins map to Foundation (`ln` and one-argument `log` to `log`, `log(x, b)` to
/// `log(x) / log(b)`) or to the helpers of `prelude` (`sigmoid`, `step`, `sign`, `root`, and
/// `holds` and `choose` for `\begin{cases}`, with the values Calculus gives); a partial left in the tree has no Swift (nil): differentiate
/// first. A function's derivative `f'(u)` is written by `derivative` (nil by default).
public enum SwiftExpression {
    /// Helper functions the generated code calls; put once in a file, after `import Foundation`.
    public static let prelude = """
        @inline(__always) func derive_sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
        @inline(__always) func derive_step(_ x: Double) -> Double { x.isNaN ? x : (x > 0 ? 1 : 0) }
        @inline(__always) func derive_sign(_ x: Double) -> Double { x.isNaN ? x : (x > 0 ? 1 : (x < 0 ? -1 : 0)) }
        @inline(__always) func derive_root(_ x: Double, _ n: Double) -> Double {
            if x < 0, n == n.rounded(), abs(n.truncatingRemainder(dividingBy: 2)) == 1 { return -pow(-x, 1 / n) }
            return pow(x, 1 / n)
        }
        @inline(__always) func derive_holds(_ x: Double, _ y: Double, _ relation: (Double, Double) -> Bool) -> Double {
            x.isNaN || y.isNaN ? .nan : (relation(x, y) ? 1 : 0)
        }
        @inline(__always) func derive_choose(_ condition: Double, _ then: @autoclosure () -> Double,
                                             _ otherwise: @autoclosure () -> Double) -> Double {
            condition.isNaN ? .nan : (condition != 0 ? then() : otherwise())
        }

        """

    /// Swift for `expression`; `name` maps a note name (a symbol or a function the note
    /// defines) to its Swift identifier, nil when it has none (then so does the expression);
    /// `constants` are the names that stand for the known constants in this note (`e`, `π`).
    public static func code(_ expression: Expression, constants: Set<String> = ["e", "π"],
                            name: (String) -> String? = SwiftNames.swiftName(for:),
                            derivative: (_ function: String, _ order: Int) -> String? = { _, _ in nil }) -> String? {
        func go(_ e: Expression) -> String? {
            switch e {
            case .number(let value):
                if value.isNaN { return "Double.nan" }
                if value.isInfinite { return value > 0 ? "Double.infinity" : "(-Double.infinity)" }
                let text = value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) + ".0" : "\(value)"
                return value < 0 ? "(\(text))" : text
            case .symbol(let symbol):
                if constants.contains(symbol) {
                    if symbol == "e" { return "M_E" }
                    if symbol == "π" { return "Double.pi" }
                }
                return name(symbol)
            case .apply(let function, let arguments):
                let args = arguments.compactMap(go)
                guard args.count == arguments.count else { return nil }
                switch (function, args.count) {
                case ("exp", 1), ("sqrt", 1), ("sin", 1), ("cos", 1), ("tan", 1), ("sinh", 1), ("cosh", 1), ("tanh", 1),
                     ("abs", 1), ("erf", 1):
                    return "\(function)(\(args[0]))"
                case ("ln", 1), ("log", 1): return "log(\(args[0]))"
                case ("log", 2): return "(log(\(args[0])) / log(\(args[1])))"
                case ("root", 2): return "derive_root(\(args[0]), \(args[1]))"
                case ("sigmoid", 1), ("σ", 1): return "derive_sigmoid(\(args[0]))"
                case ("relu", 1), ("ReLU", 1): return "max(0.0, \(args[0]))"
                case ("softplus", 1): return "log(1 + exp(\(args[0])))"
                case ("max", 2), ("min", 2): return "\(function)(\(args[0]), \(args[1]))"
                case ("sign", 1), ("sgn", 1): return "derive_sign(\(args[0]))"
                case ("step", 1), ("heaviside", 1): return "derive_step(\(args[0]))"
                default:
                    guard let swift = name(function) else { return nil }
                    return "\(swift)(\(args.joined(separator: ", ")))"
                }
            case .sum(let terms):
                let parts = terms.compactMap(go)
                return parts.count == terms.count ? "(" + parts.joined(separator: " + ") + ")" : nil
            case .product(let factors):
                let parts = factors.compactMap(go)
                return parts.count == factors.count ? "(" + parts.joined(separator: " * ") + ")" : nil
            case .negation(let operand):
                return go(operand).map { "(-\($0))" }
            case .quotient(let numerator, let denominator):
                guard let n = go(numerator), let d = go(denominator) else { return nil }
                return "(\(n) / \(d))"
            case .power(let base, let exponent):
                guard let b = go(base), let x = go(exponent) else { return nil }
                return "pow(\(b), \(x))"
            case .derivative(let function, let order, let argument):
                guard let swift = derivative(function, order), let argument = go(argument) else { return nil }
                return "\(swift)(\(argument))"
            case .partial:
                return nil
            case .comparison(let relation, let left, let right):
                guard let x = go(left), let y = go(right) else { return nil }
                return "derive_holds(\(x), \(y), \(swiftOperator(relation)))"
            case .choice(let condition, let then, let otherwise):
                guard let c = go(condition), let a = go(then), let b = go(otherwise) else { return nil }
                return "derive_choose(\(c), \(a), \(b))"
            }
        }
        return go(expression)
    }

    /// Swift's operator for a relation, as a function of two doubles.
    private static func swiftOperator(_ relation: Comparison) -> String {
        switch relation {
        case .less: "(<)"
        case .lessOrEqual: "(<=)"
        case .greater: "(>)"
        case .greaterOrEqual: "(>=)"
        case .equal: "(==)"
        case .notEqual: "(!=)"
        }
    }
}
