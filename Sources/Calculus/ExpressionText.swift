extension Expression: CustomStringConvertible {
    /// The plain-text form for reports: `x_1*w_1 + x_2*w_2 + b_1`, `sigmoid(n_1)`, `f'(n_1)`,
    /// `a/(b*c)`, `x^(-1)`, `∂a_1/∂h_1`, `{x if x > 0; 0 otherwise}`; `*` for products, parentheses only where needed,
    /// deterministic. Parts nested deeper than twice `maximumDepth` print as `…`.
    public var description: String {
        var text = ""
        write(into: &text, depth: 0)
        return text
    }

    /// The plain-text form of a number: integers without a decimal point (`2`), others in
    /// Swift's shortest round-trip form (`0.05`, `1e-05`), `nan`, `inf`, `-inf`.
    static func text(of value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        if value == value.rounded(), Swift.abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// How tightly the form binds: a comparison is loosest, then a sum; an atom is tightest.
    private var level: Int {
        switch self {
        case .comparison: 0
        case .choice: 5
        case .sum(let terms): terms.isEmpty ? 5 : 1
        case .product(let factors): factors.isEmpty ? 5 : 2
        case .quotient: 2
        case .negation: 3
        case .number(let value): value < 0 ? 3 : 5
        case .power: 4
        case .symbol, .apply, .derivative, .partial: 5
        }
    }

    /// Appends the plain-text form to `text` (one string grown in place, not one per node).
    private func write(into text: inout String, depth: Int) {
        guard depth <= 2 * Expression.maximumDepth else {
            text += "…"
            return
        }
        let inner = depth + 1
        switch self {
        case .number(let value):
            text += Expression.text(of: value)
        case .symbol(let name):
            text += name
        case .apply(let name, let arguments):
            text += name
            text += "("
            for (index, argument) in arguments.enumerated() {
                if index > 0 { text += ", " }
                argument.write(into: &text, depth: inner)
            }
            text += ")"
        case .derivative(let name, let order, let argument):
            text += name
            text += (0...3).contains(order) ? String(repeating: "'", count: order) : "^(\(order))"
            text += "("
            argument.write(into: &text, depth: inner)
            text += ")"
        case .partial(let of, let variable, let order):
            // `(expr)'` before its variable is known: as the note wrote it, `(…)′`.
            if variable == "′" {
                text += "("
                of.write(into: &text, depth: inner)
                text += ")" + String(repeating: "′", count: order)
                return
            }
            let power = order == 1 ? "" : "^\(order)"
            if case .symbol(let name) = of {
                text += "∂\(power)\(name)/∂\(variable)\(power)"
                return
            }
            text += "∂\(power)/∂\(variable)\(power)("
            of.write(into: &text, depth: inner)
            text += ")"
        case .sum(let terms):
            guard let first = terms.first else {
                text += "0"
                return
            }
            first.write(into: &text, depth: inner)
            for term in terms.dropFirst() {
                switch term {
                case .negation(let operand):
                    text += " - "
                    operand.write(into: &text, depth: inner, wrappedUnless: operand.level == 2 || operand.level >= 4)
                case .number(let value) where value < 0:
                    text += " - "
                    text += Expression.text(of: -value)
                default:
                    text += " + "
                    term.write(into: &text, depth: inner)
                }
            }
        case .product(let factors):
            guard let first = factors.first else {
                text += "1"
                return
            }
            first.write(into: &text, depth: inner, wrappedUnless: first.level >= 2)
            for factor in factors.dropFirst() {
                text += "*"
                factor.write(into: &text, depth: inner, wrappedUnless: factor.level == 2 || factor.level >= 4)
            }
        case .negation(let operand):
            text += "-"
            operand.write(into: &text, depth: inner, wrappedUnless: operand.level == 2 || operand.level >= 4)
        case .quotient(let numerator, let denominator):
            numerator.write(into: &text, depth: inner, wrappedUnless: numerator.level >= 2)
            text += "/"
            denominator.write(into: &text, depth: inner, wrappedUnless: denominator.level >= 4)
        case .power(let base, let exponent):
            base.write(into: &text, depth: inner, wrappedUnless: base.level == 5)
            text += "^"
            exponent.write(into: &text, depth: inner, wrappedUnless: exponent.level == 5)
        case .comparison(let relation, let left, let right):
            left.write(into: &text, depth: inner, wrappedUnless: left.level >= 1)
            text += " \(relation.symbol) "
            right.write(into: &text, depth: inner, wrappedUnless: right.level >= 1)
        case .choice:
            // The rows of one `cases`, the choices made in the otherwise branch flattened.
            text += "{"
            var rest = self
            var rows = 0
            while case .choice(let condition, let then, let otherwise) = rest, rows < 2 * Expression.maximumDepth {
                if rows > 0 { text += "; " }
                then.write(into: &text, depth: inner)
                text += " if "
                condition.write(into: &text, depth: inner)
                rest = otherwise
                rows += 1
            }
            // No `otherwise` row (NaN where no row holds) is not written.
            if case .number(let value) = rest, value.isNaN {
                text += "}"
            } else {
                text += "; "
                rest.write(into: &text, depth: inner)
                text += " otherwise}"
            }
        }
    }

    private func write(into text: inout String, depth: Int, wrappedUnless bare: Bool) {
        if bare {
            write(into: &text, depth: depth)
        } else {
            text += "("
            write(into: &text, depth: depth)
            text += ")"
        }
    }
}
