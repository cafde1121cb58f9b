import Calculus

/// An expression up to the order of terms and factors: `x_1 w_1 + b_1` and `b_1 + w_1 x_1` have
/// the same shape. Sums and products are flattened (`a + (b + c)` is `a + b + c`) and kept as
/// multisets; nothing else is rewritten (no like terms are collected, no numbers computed), so
/// two expressions of the same shape are the same formula written in another order.
indirect enum ExpressionShape: Hashable, Sendable {
    case number(Double)
    case symbol(String)
    case apply(String, [ExpressionShape])
    case sum([ExpressionShape: Int])
    case product([ExpressionShape: Int])
    case negation(ExpressionShape)
    case quotient(ExpressionShape, ExpressionShape)
    case power(ExpressionShape, ExpressionShape)
    case partial(ExpressionShape, variable: String, order: Int)
    case derivative(String, order: Int, argument: ExpressionShape)
    case comparison(Comparison, ExpressionShape, ExpressionShape)
    case choice(ExpressionShape, ExpressionShape, ExpressionShape)

    /// The shape of `expression`, with the names (symbols) that `renaming` maps written as it
    /// maps them: `x_2 w_1` for `x_1 w_1` and `["x_1": "x_2"]`.
    init(_ expression: Expression, renaming: [String: String] = [:]) {
        func shape(_ node: Expression) -> ExpressionShape { ExpressionShape(node, renaming: renaming) }
        switch expression {
        case .number(let value): self = .number(value)
        case .symbol(let name): self = .symbol(renaming[name] ?? name)
        case .apply(let name, let arguments): self = .apply(name, arguments.map(shape))
        case .sum(let terms):
            var counts: [ExpressionShape: Int] = [:]
            Self.flatten(terms, into: &counts, renaming: renaming) { if case .sum(let inner) = $0 { inner } else { nil } }
            self = .sum(counts)
        case .product(let factors):
            var counts: [ExpressionShape: Int] = [:]
            Self.flatten(factors, into: &counts, renaming: renaming) {
                if case .product(let inner) = $0 { inner } else { nil }
            }
            self = .product(counts)
        case .negation(let operand): self = .negation(shape(operand))
        case .quotient(let numerator, let denominator): self = .quotient(shape(numerator), shape(denominator))
        case .power(let base, let exponent): self = .power(shape(base), shape(exponent))
        case .partial(let of, let variable, let order): self = .partial(shape(of), variable: variable, order: order)
        case .derivative(let name, let order, let argument):
            self = .derivative(name, order: order, argument: shape(argument))
        case .comparison(let relation, let left, let right): self = .comparison(relation, shape(left), shape(right))
        case .choice(let condition, let then, let otherwise):
            self = .choice(shape(condition), shape(then), shape(otherwise))
        }
    }

    /// Counts the shapes of `parts` into `counts`, a part that `inner` opens (a sum in a sum)
    /// by its own parts.
    private static func flatten(
        _ parts: [Expression], into counts: inout [ExpressionShape: Int], renaming: [String: String],
        inner: (Expression) -> [Expression]?
    ) {
        for part in parts {
            if let nested = inner(part) {
                flatten(nested, into: &counts, renaming: renaming, inner: inner)
            } else {
                counts[ExpressionShape(part, renaming: renaming), default: 0] += 1
            }
        }
    }
}
