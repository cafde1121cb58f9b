import Foundation

/// Why an expression has no enclosure.
public enum IntervalFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// The expression cannot be evaluated at all (an undefined name, a cycle...).
    case calculus(CalculusError)
    /// An operation is undefined somewhere on its operands' intervals (a division by an
    /// interval holding 0, the logarithm of one reaching 0 or below): the text says which.
    case undefined(String)
    /// A function has no rigorous bounds here (an argument too large, a built-in without
    /// bounds).
    case noBounds(String)

    public var description: String {
        switch self {
        case .calculus(let error): error.description
        case .undefined(let text): text
        case .noBounds(let text): text
        }
    }
}

/// What made an enclosure wide, noticed while it was computed.
public struct IntervalWarnings: OptionSet, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// A sum of nearly opposite terms lost most of its digits (`(x + 10^{20}) - 10^{20}`).
    public static let cancellation = IntervalWarnings(rawValue: 1)
}

/// Encloses the value of an expression rigorously (docs/note-language.md §11): every exact
/// result of the operations, with each leaf at its value and each written number `v` either
/// exact or, for the numbers in `widths`, anywhere within `v ± width`, lies in the interval.
///
/// Numbers are taken as the decimals they print as: an integer double is exact, any other
/// within one unit in its last place. Known constants are within one unit of their double.
/// `+ - × ÷`, `sqrt` and integer powers round outward exactly; `exp` and `ln` are reduced to a
/// narrow range and take the platform's `exp`/`log` there; the other built-ins take the
/// platform's function at the interval's ends (with the extremes inside the interval for
/// `sin`, `cos`, `cosh`), each widened by `libmErrorUlps` units in the last place.
///
/// Widths apply to the numbers written in the expression itself, not to those inside the
/// definitions and functions it uses.
public struct IntervalEvaluator {
    /// The error assumed for the platform's `exp`, `log`, `sin`, `cos`, `tan`, `sinh`, `cosh`,
    /// `tanh`, `erf`, `log1p` (glibc documents at most 1–2 units in the last place on x86-64 and
    /// aarch64 for these): each result is widened by this many units on both sides.
    public static let libmErrorUlps = 4

    let context: Context
    /// Values of leaves: exact points.
    let values: [String: Double]
    /// Half-widths of written numbers, by the number's bit pattern.
    let widths: [UInt64: Double]
    private var definitions: [String: Interval] = [:]
    private var inProgress: [String] = []
    private let names = FreshNames()
    /// What made the enclosures wide so far.
    public private(set) var warnings: IntervalWarnings = []
    /// Which written numbers were widened so far (bit patterns).
    public private(set) var widened: Set<UInt64> = []

    /// An evaluator in `context` with the leaves at `values` (names missing there take the
    /// context's values) and the written numbers of `widths` widened.
    public init(context: Context, values: [String: Double] = [:], widths: [Double: Double] = [:]) {
        self.context = context
        self.values = values
        var table: [UInt64: Double] = [:]
        for (number, width) in widths { table[number.bitPattern] = width }
        self.widths = table
    }

    /// The enclosure of `expression`.
    public mutating func enclose(_ expression: Expression) -> Result<Interval, IntervalFailure> {
        do {
            return .success(try enclose(expression, scope: [:], written: true, depth: 0))
        } catch {
            return .failure(error)
        }
    }

    private mutating func enclose(
        _ e: Expression, scope: [String: Interval], written: Bool, depth: Int
    ) throws(IntervalFailure) -> Interval {
        guard depth <= 2 * Expression.maximumDepth else { throw .calculus(.tooDeep(limit: Expression.maximumDepth)) }
        let inner = depth + 1
        switch e {
        case .number(let value):
            if written, let width = widths[value.bitPattern] {
                widened.insert(value.bitPattern)
                return try Self.number(value).widened(by: Self.number(width))
            }
            return try Self.number(value)
        case .symbol(let name):
            if let interval = scope[name] { return interval }
            if let known = definitions[name] { return known }
            if let definition = context.definitions[name] {
                if inProgress.contains(name) { throw .calculus(.cycle(inProgress + [name])) }
                inProgress.append(name)
                let interval = try enclose(definition, scope: [:], written: false, depth: inner)
                inProgress.removeLast()
                definitions[name] = interval
                return interval
            }
            if let value = values[name] ?? context.values[name] { return try Self.number(value) }
            if let value = context.constantValue(of: name) {
                guard value.isFinite else { throw .noBounds("\(name) is not finite") }
                return Interval.around(value, ulps: 1)
            }
            throw .calculus(.undefinedSymbol(name))
        case .sum:
            // Nested sums are one sum, added exactly: `(x + 10^{20}) - 10^{20}` loses nothing.
            var intervals: [Interval] = []
            try flattenedSum(e, negated: false, scope: scope, written: written, depth: inner, into: &intervals)
            let total = Interval.sum(intervals)
            noteCancellation(total, from: intervals)
            return total
        case .product(let factors):
            var total = Interval(1)
            for factor in factors { total = total * (try enclose(factor, scope: scope, written: written, depth: inner)) }
            return total
        case .negation(let operand):
            return -(try enclose(operand, scope: scope, written: written, depth: inner))
        case .quotient(let numerator, let denominator):
            let top = try enclose(numerator, scope: scope, written: written, depth: inner)
            let bottom = try enclose(denominator, scope: scope, written: written, depth: inner)
            guard let quotient = Interval.dividing(top, by: bottom) else {
                throw .undefined("the divisor \(bottom) contains 0")
            }
            return quotient
        case .power(let base, let exponent):
            let b = try enclose(base, scope: scope, written: written, depth: inner)
            let x = try enclose(exponent, scope: scope, written: written, depth: inner)
            return try IntervalFunctions.power(b, x)
        case .apply(let name, let arguments):
            var intervals: [Interval] = []
            for argument in arguments {
                intervals.append(try enclose(argument, scope: scope, written: written, depth: inner))
            }
            let builtin: Int?
            do {
                builtin = try context.builtinPosition(applying: name, arity: arguments.count)
            } catch {
                throw .calculus(error)
            }
            if let position = builtin {
                return try IntervalFunctions.apply(Builtins.all[position].name, intervals)
            }
            let body: (parameters: [String], body: Expression)
            do {
                body = try context.preparedBody(of: name, names: names)
            } catch {
                throw .calculus(error)
            }
            var local: [String: Interval] = [:]
            for (parameter, interval) in zip(body.parameters, intervals) { local[parameter] = interval }
            return try enclose(body.body, scope: local, written: false, depth: inner)
        case .derivative(let name, let order, let argument):
            if order == 0 { return try enclose(.apply(name, [argument]), scope: scope, written: written, depth: inner) }
            let at = try enclose(argument, scope: scope, written: written, depth: inner)
            let derivative: (parameter: String, body: Expression)
            do throws(CalculusError) {
                if order < 0 { throw CalculusError.negativeOrder(order) }
                if let problem = context.checkDerivative(of: name) { throw problem }
                let parameter: String
                let body: Expression
                if context.functions[name] != nil {
                    let prepared = try context.preparedBody(of: name, names: names)
                    parameter = prepared.parameters[0]
                    body = prepared.body
                } else {
                    parameter = names.next(for: "u")
                    body = .apply(name, [.symbol(parameter)])
                }
                derivative = (parameter, try context.derivativeCanonical(of: body, withRespectTo: parameter, order: order, names: names))
            } catch {
                throw .calculus(error)
            }
            return try enclose(derivative.body, scope: [derivative.parameter: at], written: false, depth: inner)
        case .partial(let of, let variable, let order):
            let expanded: Expression
            do {
                expanded = try context.derivativeCanonical(
                    of: try context.expandingPartials(of, names: names, depth: inner),
                    withRespectTo: variable, order: order, names: names)
            } catch {
                throw .calculus(error)
            }
            return try enclose(expanded, scope: scope, written: false, depth: inner)
        case .comparison(let relation, let left, let right):
            let difference = try enclose(left, scope: scope, written: written, depth: inner)
                - (try enclose(right, scope: scope, written: written, depth: inner))
            return Self.holds(relation, difference)
        case .choice(let condition, let then, let otherwise):
            let holds = try enclose(condition, scope: scope, written: written, depth: inner)
            if holds.lower > 0 || holds.upper < 0 { return try enclose(then, scope: scope, written: written, depth: inner) }
            if holds == Interval(0) { return try enclose(otherwise, scope: scope, written: written, depth: inner) }
            throw .noBounds("which row of the cases holds is within rounding (\(condition))")
        }
    }

    /// The interval of a comparison whose sides differ by `difference` (left minus right): 1
    /// where it surely holds, 0 where it surely does not, [0, 1] where rounding cannot tell.
    private static func holds(_ relation: Comparison, _ difference: Interval) -> Interval {
        let (positive, negative) = (difference.lower > 0, difference.upper < 0)
        let (nonNegative, nonPositive) = (difference.lower >= 0, difference.upper <= 0)
        let zero = difference == Interval(0)
        let verdict: Bool?
        switch relation {
        case .greater: verdict = positive ? true : (nonPositive ? false : nil)
        case .greaterOrEqual: verdict = nonNegative ? true : (negative ? false : nil)
        case .less: verdict = negative ? true : (nonNegative ? false : nil)
        case .lessOrEqual: verdict = nonPositive ? true : (positive ? false : nil)
        case .equal: verdict = zero ? true : (positive || negative ? false : nil)
        case .notEqual: verdict = zero ? false : (positive || negative ? true : nil)
        }
        guard let verdict else { return Interval(lower: 0, upper: 1) }
        return Interval(verdict ? 1 : 0)
    }

    /// A number as the decimal it prints as: exact when it is an integer, else within one unit
    /// in its last place.
    static func number(_ value: Double) throws(IntervalFailure) -> Interval {
        guard value.isFinite else { throw .noBounds("\(value) is not finite") }
        if value == value.rounded(), Swift.abs(value) < 0x1p53 { return Interval(value) }
        return Interval.around(value, ulps: 1)
    }

    /// The terms of `e`, a sum whose terms may be sums or negated sums, enclosed.
    private mutating func flattenedSum(
        _ e: Expression, negated: Bool, scope: [String: Interval], written: Bool, depth: Int,
        into intervals: inout [Interval]
    ) throws(IntervalFailure) {
        guard depth <= 2 * Expression.maximumDepth else { throw .calculus(.tooDeep(limit: Expression.maximumDepth)) }
        switch e {
        case .sum(let terms):
            for term in terms {
                try flattenedSum(term, negated: negated, scope: scope, written: written, depth: depth + 1, into: &intervals)
            }
        case .negation(let operand) where { if case .sum = operand { return true } else { return false } }():
            try flattenedSum(operand, negated: !negated, scope: scope, written: written, depth: depth + 1, into: &intervals)
        default:
            let interval = try enclose(e, scope: scope, written: written, depth: depth + 1)
            intervals.append(negated ? -interval : interval)
        }
    }

    /// Notes a sum whose enclosure is much wider, relative to its size, than its terms'.
    private mutating func noteCancellation(_ sum: Interval, from terms: [Interval]) {
        let before = terms.map(\.relativeWidth).max() ?? 0
        let after = sum.relativeWidth
        if after > 1e-9, after > 1000 * before { warnings.insert(.cancellation) }
    }
}
