extension Expression: CustomStringConvertible {
    /// The plain-text form for reports: `x_1*w_1 + x_2*w_2 + b_1`, `sigmoid(n_1)`, `f'(n_1)`,
    /// `a/(b*c)`, `x^(-1)`, `∂a_1/∂h_1`; `*` for products, parentheses only where needed,
    /// deterministic. Parts nested deeper than twice `maximumDepth` print as `…`.
    public var description: String {
        text(depth: 0)
    }

    /// The plain-text form of a number: integers without a decimal point (`2`), others in
    /// Swift's shortest round-trip form (`0.05`, `1e-05`), `nan`, `inf`, `-inf`.
    static func text(of value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        if value == value.rounded(), Swift.abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// How tightly the form binds: a sum is loosest, an atom tightest.
    private var level: Int {
        switch self {
        case .sum(let terms): terms.isEmpty ? 5 : 1
        case .product(let factors): factors.isEmpty ? 5 : 2
        case .quotient: 2
        case .negation: 3
        case .number(let value): value < 0 ? 3 : 5
        case .power: 4
        case .symbol, .apply, .derivative, .partial: 5
        }
    }

    private func text(depth: Int) -> String {
        guard depth <= 2 * Expression.maximumDepth else { return "…" }
        let inner = depth + 1
        switch self {
        case .number(let value):
            return Expression.text(of: value)
        case .symbol(let name):
            return name
        case .apply(let name, let arguments):
            return name + "(" + arguments.map { $0.text(depth: inner) }.joined(separator: ", ") + ")"
        case .derivative(let name, let order, let argument):
            let marks = (0...3).contains(order) ? String(repeating: "'", count: order) : "^(\(order))"
            return name + marks + "(" + argument.text(depth: inner) + ")"
        case .partial(let of, let variable, let order):
            let power = order == 1 ? "" : "^\(order)"
            if case .symbol(let name) = of {
                return "∂\(power)\(name)/∂\(variable)\(power)"
            }
            return "∂\(power)/∂\(variable)\(power)(" + of.text(depth: inner) + ")"
        case .sum(let terms):
            guard let first = terms.first else { return "0" }
            var text = first.text(depth: inner)
            for term in terms.dropFirst() {
                switch term {
                case .negation(let operand):
                    text += " - " + operand.wrapped(depth: inner, unless: operand.level == 2 || operand.level >= 4)
                case .number(let value) where value < 0:
                    text += " - " + Expression.text(of: -value)
                default:
                    text += " + " + term.text(depth: inner)
                }
            }
            return text
        case .product(let factors):
            guard let first = factors.first else { return "1" }
            var text = first.wrapped(depth: inner, unless: first.level >= 2)
            for factor in factors.dropFirst() {
                text += "*" + factor.wrapped(depth: inner, unless: factor.level == 2 || factor.level >= 4)
            }
            return text
        case .negation(let operand):
            return "-" + operand.wrapped(depth: inner, unless: operand.level == 2 || operand.level >= 4)
        case .quotient(let numerator, let denominator):
            return numerator.wrapped(depth: inner, unless: numerator.level >= 2) + "/"
                + denominator.wrapped(depth: inner, unless: denominator.level >= 4)
        case .power(let base, let exponent):
            return base.wrapped(depth: inner, unless: base.level == 5) + "^"
                + exponent.wrapped(depth: inner, unless: exponent.level == 5)
        }
    }

    private func wrapped(depth: Int, unless bare: Bool) -> String {
        bare ? text(depth: depth) : "(" + text(depth: depth) + ")"
    }
}
