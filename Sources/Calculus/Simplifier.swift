import Foundation

extension Expression {
    /// The expression as a person would write it: numbers folded, zeros and ones removed,
    /// sums and products flattened, like terms collected (`2*x + x` is `3*x`), equal bases
    /// multiplied into powers (`x*x` is `x^2`), a minus sign taken into a sum (`b - a`),
    /// factors and terms in a canonical order, negative terms written as subtractions and
    /// negative powers as quotients (`x_1*f'(n_1)`, `sigmoid(u)*(1 - sigmoid(u))`,
    /// `1/(2*sqrt(x))`).
    ///
    /// Numbers fold only when the result reads well (`1/2` is `0.5`, `1/3` stays `1/3`, `ln(1)`
    /// is `0`, `ln(2)` stays). Like any computer algebra it takes `x/x` to be 1 and `0*x` to be 0.
    /// An expression too deep to simplify safely is returned unchanged.
    public func simplified() -> Expression {
        (try? Simplifier.simplify(self)) ?? self
    }
}

/// The simplifier: a canonical form for algebra, then a presentation for people.
enum Simplifier {
    /// The canonical form, presented.
    static func simplify(_ e: Expression) throws(CalculusError) -> Expression {
        present(try canonical(e, depth: 0))
    }

    /// The canonical form: only numbers, symbols, applications, derivative nodes, flattened
    /// sorted sums and products (coefficient first), powers, comparisons and choices (a choice
    /// by a known condition is its branch); no negation and no quotient.
    static func canonical(_ e: Expression, depth: Int = 0) throws(CalculusError) -> Expression {
        guard depth <= 2 * Expression.maximumDepth else { throw .tooDeep(limit: Expression.maximumDepth) }
        let inner = depth + 1
        switch e {
        case .number, .symbol:
            return e
        case .apply(let name, let arguments):
            return apply(name, try canonical(arguments, depth: inner))
        case .sum(let terms):
            return sum(try canonical(terms, depth: inner))
        case .product(let factors):
            return product(try canonical(factors, depth: inner))
        case .negation(let operand):
            return product([.number(-1), try canonical(operand, depth: inner)])
        case .quotient(let numerator, let denominator):
            let top = try canonical(numerator, depth: inner)
            return product([top, power(try canonical(denominator, depth: inner), .number(-1))])
        case .power(let base, let exponent):
            return power(try canonical(base, depth: inner), try canonical(exponent, depth: inner))
        case .derivative(let name, let order, let argument):
            let u = try canonical(argument, depth: inner)
            return order == 0 ? apply(name, [u]) : .derivative(name, order: order, argument: u)
        case .partial(let of, let variable, let order):
            let a = try canonical(of, depth: inner)
            return order == 0 ? a : .partial(a, variable: variable, order: order)
        case .comparison(let relation, let left, let right):
            let (x, y) = (try canonical(left, depth: inner), try canonical(right, depth: inner))
            if case .number(let a) = x, case .number(let b) = y, !a.isNaN, !b.isNaN {
                return .number(relation.value(a, b))
            }
            return .comparison(relation, x, y)
        case .choice(let condition, let then, let otherwise):
            let c = try canonical(condition, depth: inner)
            if case .number(let value) = c, !value.isNaN {
                return try canonical(value != 0 ? then : otherwise, depth: inner)
            }
            let (a, b) = (try canonical(then, depth: inner), try canonical(otherwise, depth: inner))
            // Both rows the same: the condition no longer matters (as `x/x` is 1).
            return a == b ? a : .choice(c, a, b)
        }
    }

    private static func canonical(_ es: [Expression], depth: Int) throws(CalculusError) -> [Expression] {
        var result: [Expression] = []
        result.reserveCapacity(es.count)
        for e in es { result.append(try canonical(e, depth: depth)) }
        return result
    }

    /// The canonical sum of canonical terms.
    static func sum(_ terms: [Expression]) -> Expression {
        // A lone number (the exponent 1 of most factors) is the constant term alone.
        if terms.count == 1, case .number(let value) = terms[0] {
            // `0.0 + value` is `value` itself but for -0 and NaN: then the sum is made anew.
            return value != 0 && !value.isNaN ? terms[0] : .number(0.0 + value)
        }
        var constant = 0.0
        var like = LikeTerms<[Expression], Double>()
        for term in terms {
            if case .sum(let inner) = term {
                for summand in inner { collect(summand, into: &like, constant: &constant) }
            } else {
                collect(term, into: &like, constant: &constant)
            }
        }
        var result: [Expression] = []
        for rest in like.keys {
            let coefficient = like.value(of: rest) ?? 0
            if coefficient == 0 { continue }
            if coefficient == 1 {
                result.append(rest.count == 1 ? rest[0] : .product(rest))
            } else {
                result.append(.product([.number(coefficient)] + rest))
            }
        }
        if result.count > 1 {
            result = result.map { (term: $0, key: ExpressionOrder.TermKey($0)) }
                .sorted { ExpressionOrder.termPrecedes($0.key, $1.key) }
                .map(\.term)
        }
        if constant != 0 || constant.isNaN { result.append(.number(constant)) }
        switch result.count {
        case 0: return .number(0)
        case 1: return result[0]
        default: return .sum(result)
        }
    }

    private static func collect(_ term: Expression, into like: inout LikeTerms<[Expression], Double>, constant: inout Double) {
        let (coefficient, rest) = ExpressionOrder.splitCoefficient(term)
        if rest.isEmpty {
            constant += coefficient
            return
        }
        like.update(rest, default: 0) { $0 += coefficient }
    }

    /// The canonical product of canonical factors.
    static func product(_ factors: [Expression]) -> Expression {
        var coefficient = 1.0
        var exponents = LikeTerms<Expression, [Expression]>()
        func collect(_ factor: Expression) {
            if case .number(let value) = factor {
                coefficient *= value
                return
            }
            let (base, exponent) = ExpressionOrder.splitPower(factor)
            exponents.update(base, default: []) { $0.append(exponent) }
        }
        for factor in factors {
            if case .product(let inner) = factor {
                for multiplicand in inner { collect(multiplicand) }
            } else {
                collect(factor)
            }
        }
        if coefficient == 0 { return .number(0) }
        var result: [Expression] = []
        var merged = false
        for base in exponents.keys {
            let combined = power(base, sum(exponents.value(of: base) ?? []))
            switch combined {
            case .number(let value):
                coefficient *= value
            case .product:
                result.append(combined)
                merged = true
            default:
                result.append(combined)
            }
        }
        if merged { return product([.number(coefficient)] + result) }
        if coefficient == 0 { return .number(0) }
        result.sort(by: ExpressionOrder.factorPrecedes)
        // -(a - b) is b - a; other numbers stay outside: 4*(x - 1).
        if result.count == 1, case .sum(let terms) = result[0], coefficient == -1 {
            return sum(terms.map { product([.number(coefficient), $0]) })
        }
        if coefficient != 1 { result.insert(.number(coefficient), at: 0) }
        switch result.count {
        case 0: return .number(coefficient)
        case 1: return result[0]
        default: return .product(result)
        }
    }

    /// The canonical power of a canonical base and exponent.
    static func power(_ base: Expression, _ exponent: Expression) -> Expression {
        if case .number(let e) = exponent {
            if e == 0 { return .number(1) }
            if e == 1 { return base }
        }
        if case .number(let b) = base {
            if b == 1 { return .number(1) }
            if case .number(let e) = exponent {
                let value = Foundation.pow(b, e)
                if reads(value) { return .number(value) }
                // 1.75^-2 is 1/3.0625: a readable denominator, as the presentation writes it.
                let inverse = Foundation.pow(b, -e)
                if e < 0, reads(inverse) { return .power(.number(inverse), .number(-1)) }
                return .power(base, exponent)
            }
        }
        if case .number(let e) = exponent, e == e.rounded() {
            switch base {
            case .power(let innerBase, let innerExponent):
                return power(innerBase, product([innerExponent, exponent]))
            case .product(let factors):
                return product(factors.map { power($0, exponent) })
            default:
                break
            }
        }
        return .power(base, exponent)
    }

    /// A canonical application: a built-in at numbers folds when the value reads well.
    static func apply(_ name: String, _ arguments: [Expression]) -> Expression {
        var numbers: [Double] = []
        for argument in arguments {
            guard case .number(let value) = argument else { return .apply(name, arguments) }
            numbers.append(value)
        }
        if let function = Builtins.function(named: name, arity: numbers.count) {
            let value = function.value(numbers[0], numbers.count > 1 ? numbers[1] : 0)
            if reads(value) { return .number(value) }
        }
        return .apply(name, arguments)
    }

    /// Whether a computed number is as readable as the expression it replaces.
    static func reads(_ value: Double) -> Bool {
        guard value.isFinite else { return false }
        if value == value.rounded(), Swift.abs(value) < 1e15 { return true }
        return Expression.text(of: value).count <= 8
    }

    // MARK: Presentation

    /// A canonical expression as a person writes it: negative terms as `negation`, negative
    /// powers in the denominator of a `quotient`, a leading positive term where there is one.
    static func present(_ e: Expression) -> Expression {
        switch e {
        case .number, .symbol:
            return e
        case .sum(let terms):
            var presented = terms.map { term -> Expression in
                if case .number(let value) = term, value < 0 { return .negation(.number(-value)) }
                return present(term)
            }
            if case .negation = presented.first,
                let positive = presented.firstIndex(where: { if case .negation = $0 { false } else { true } })
            {
                presented.insert(presented.remove(at: positive), at: 0)
            }
            return .sum(presented)
        case .product(let factors):
            return presentProduct(factors)
        case .power(_, .number(let exponent)) where exponent < 0:
            return presentProduct([e])
        case .power(let base, let exponent):
            return .power(present(base), present(exponent))
        case .apply(let name, let arguments):
            return .apply(name, arguments.map(present))
        case .derivative(let name, let order, let argument):
            return .derivative(name, order: order, argument: present(argument))
        case .partial(let of, let variable, let order):
            return .partial(present(of), variable: variable, order: order)
        case .negation(let operand):
            return .negation(present(operand))
        case .quotient(let numerator, let denominator):
            return .quotient(present(numerator), present(denominator))
        case .comparison(let relation, let left, let right):
            return .comparison(relation, present(left), present(right))
        case .choice(let condition, let then, let otherwise):
            return .choice(present(condition), present(then), present(otherwise))
        }
    }

    private static func presentProduct(_ factors: [Expression]) -> Expression {
        var coefficient = 1.0
        var rest = factors[...]
        if case .number(let value) = rest.first {
            coefficient = value
            rest = rest.dropFirst()
        }
        var numerator: [Expression] = []
        var denominator: [Expression] = []
        // Numbers in the denominator are multiplied into one, as simplifying again would.
        var denominatorNumber = 1.0
        for factor in rest {
            if case .power(.number(let base), .number(let exponent)) = factor, exponent < 0 {
                denominatorNumber *= Foundation.pow(base, -exponent)
            } else if case .power(let base, .number(let exponent)) = factor, exponent < 0 {
                denominator.append(exponent == -1 ? present(base) : .power(present(base), .number(-exponent)))
            } else {
                numerator.append(present(factor))
            }
        }
        let magnitude = Swift.abs(coefficient)
        if magnitude != 1 {
            let inverse = 1 / magnitude
            if magnitude < 1, inverse == inverse.rounded(), inverse <= 10 {
                denominatorNumber *= inverse
            } else {
                numerator.insert(.number(magnitude), at: 0)
            }
        }
        if denominatorNumber != 1 { denominator.insert(.number(denominatorNumber), at: 0) }
        let top: Expression = numerator.isEmpty ? .number(1) : (numerator.count == 1 ? numerator[0] : .product(numerator))
        let result: Expression =
            denominator.isEmpty
            ? top : .quotient(top, denominator.count == 1 ? denominator[0] : .product(denominator))
        return coefficient < 0 ? .negation(result) : result
    }
}
