/// A formula as a value: numbers, names, function applications, arithmetic, powers,
/// derivative nodes, and conditions with the choices they make (`\begin{cases}`).
///
/// Names are opaque strings (`"w_1"`, `"y_true"`, `"η"`); what a name means (a leaf with a
/// value, a defined symbol, a known constant) is decided by the `Context` an expression is
/// evaluated or differentiated in. Absolute value is the built-in function `abs`, subtraction is
/// a sum with a `negation` term, and `description` is the plain-text form used in reports.
///
/// `Hashable` compares structure: `x + y` and `y + x` differ, and `.number(.nan)` is not equal to
/// itself (as for `Double`). Use `simplified()` to compare forms up to simple algebra.
public indirect enum Expression: Hashable, Sendable {
    /// A number written in the formula (or produced by simplification).
    case number(Double)
    /// A name: a leaf, a defined symbol, a function parameter or a known constant (`Constants`).
    case symbol(String)
    /// A function applied to arguments: a built-in of `Builtins` or a function of the context.
    case apply(String, [Expression])
    /// The sum of the terms, in order; `a - b` is `.sum([a, .negation(b)])`.
    case sum([Expression])
    /// The product of the factors, in order.
    case product([Expression])
    /// Unary minus.
    case negation(Expression)
    /// Numerator divided by denominator.
    case quotient(Expression, Expression)
    /// Base raised to the exponent.
    case power(Expression, Expression)
    /// `∂ⁿA/∂xⁿ`: the derivative of order `order` of the expression with respect to the node named
    /// `variable`, in the backprop meaning of docs/note-language.md §6: definitions inside the expression
    /// are expanded until `variable` is reached; `variable` itself is not expanded.
    case partial(Expression, variable: String, order: Int)
    /// `f⁽ⁿ⁾(u)`: the derivative of order `order` of the one-parameter function named by the
    /// string (a built-in or a function of the context), evaluated at `argument`.
    case derivative(String, order: Int, argument: Expression)
    /// 1 where the two sides are in the relation, 0 where they are not, NaN where a side is NaN:
    /// a condition of `\begin{cases}` (`x > 0`). Its derivative is 0 wherever it is defined.
    case comparison(Comparison, Expression, Expression)
    /// The second expression where the first (a condition) is not 0, the third where it is 0,
    /// NaN where it is NaN: `\begin{cases}`, its first row and the rows below it as the third.
    /// Only the branch taken is computed into the value and its derivatives: a branch undefined
    /// where it is not taken (`\frac{\sin x}{x}` at `x = 0`) does not make the choice undefined.
    case choice(Expression, Expression, Expression)
}

extension Expression {
    /// The deepest nesting an expression (or an expression computed from it) may have; deeper
    /// input gives `CalculusError.tooDeep` instead of exhausting the stack.
    public static let maximumDepth = 400

    /// The most nodes a derivative may have before simplification; a larger one gives
    /// `CalculusError.tooLarge` instead of taking unbounded time.
    public static let maximumSize = 20_000

    /// The most nodes a definition or an expression may have written out, with the body of a
    /// function in place of each distinct application (the same function applied to the same
    /// values is computed once); a larger one gives `CalculusError.tooManyOperations` instead of
    /// taking unbounded time (docs/note-language.md §8).
    public static let maximumOperations = 100_000

    /// The highest order of a derivative: each order is one more differentiation, so a higher
    /// one gives `CalculusError.orderTooHigh` (docs/note-language.md §8).
    public static let maximumDerivativeOrder = 100

    /// `|e|`, the built-in function `abs` applied to `e`.
    public static func absoluteValue(_ e: Expression) -> Expression {
        .apply("abs", [e])
    }

    /// The function named `name` applied to the arguments.
    public static func call(_ name: String, _ arguments: Expression...) -> Expression {
        .apply(name, arguments)
    }

    /// `left + right`; a sum on the left is extended rather than nested.
    public static func + (left: Expression, right: Expression) -> Expression {
        if case .sum(let terms) = left { return .sum(terms + [right]) }
        return .sum([left, right])
    }

    /// `left - right`, that is `left + (-right)`; a sum on the left is extended.
    public static func - (left: Expression, right: Expression) -> Expression {
        left + .negation(right)
    }

    /// `left * right`; a product on the left is extended rather than nested.
    public static func * (left: Expression, right: Expression) -> Expression {
        if case .product(let factors) = left { return .product(factors + [right]) }
        return .product([left, right])
    }

    /// `left / right`.
    public static func / (left: Expression, right: Expression) -> Expression {
        .quotient(left, right)
    }

    /// `-operand`.
    public static prefix func - (operand: Expression) -> Expression {
        .negation(operand)
    }

    /// The sub-expressions, left to right, as they appear in the plain-text form.
    public var children: [Expression] {
        switch self {
        case .number, .symbol: []
        case .apply(_, let arguments): arguments
        case .sum(let terms): terms
        case .product(let factors): factors
        case .negation(let operand): [operand]
        case .quotient(let numerator, let denominator): [numerator, denominator]
        case .power(let base, let exponent): [base, exponent]
        case .partial(let of, _, _): [of]
        case .derivative(_, _, let argument): [argument]
        case .comparison(_, let left, let right): [left, right]
        case .choice(let condition, let then, let otherwise): [condition, then, otherwise]
        }
    }

    /// The nesting depth (a number or a symbol has depth 1), computed without recursion so that
    /// it is safe on any input.
    public var depth: Int {
        var deepest = 0
        var stack: [(Expression, Int)] = [(self, 1)]
        while let (expression, level) = stack.popLast() {
            deepest = max(deepest, level)
            expression.forEachChild { stack.append(($0, level + 1)) }
        }
        return deepest
    }

    /// The symbol names the expression mentions, in order of first appearance (left to right).
    /// The variable of a `partial` node is not a use; function names are not symbols.
    public var symbols: [String] {
        var names: [String] = []
        // Few names are searched one by one; many are indexed.
        var seen: Set<String>?
        forEachNode { node in
            guard case .symbol(let name) = node else { return }
            if seen != nil {
                if seen?.insert(name).inserted == true { names.append(name) }
            } else if !names.contains(name) {
                names.append(name)
                if names.count > 16 { seen = Set(names) }
            }
        }
        return names
    }

    /// The function names the expression applies or differentiates (`f` in `f(x)` and in
    /// `f'(x)`), in order of first appearance.
    public var functionNames: [String] {
        var seen = Set<String>()
        var names: [String] = []
        forEachNode { node in
            switch node {
            case .apply(let name, _), .derivative(let name, _, _):
                if seen.insert(name).inserted { names.append(name) }
            default: break
            }
        }
        return names
    }

    /// Whether the expression has a `partial` node or nests deeper than `limit` levels (a number
    /// or a symbol is one level).
    func hasPartial(orDeeperThan limit: Int) -> Bool {
        var stack: [(Expression, Int)] = [(self, 1)]
        while let (node, level) = stack.popLast() {
            if level > limit { return true }
            if case .partial = node { return true }
            node.forEachChild { stack.append(($0, level + 1)) }
        }
        return false
    }

    /// Whether the expression has more than `limit` nodes (counting stops there).
    public func hasMoreNodes(than limit: Int) -> Bool {
        var count = 0
        var stack: [Expression] = [self]
        while let node = stack.popLast() {
            count += 1
            if count > limit { return true }
            node.forEachChild { stack.append($0) }
        }
        return false
    }

    /// Visits every node in pre-order, left to right, without recursion.
    public func forEachNode(_ visit: (Expression) -> Void) {
        var stack: [Expression] = [self]
        while let node = stack.popLast() {
            visit(node)
            node.forEachChildReversed { stack.append($0) }
        }
    }

    /// Calls `body` with each child, left to right (as `children`, without making an array).
    @inlinable
    public func forEachChild(_ body: (Expression) -> Void) {
        switch self {
        case .number, .symbol:
            break
        case .apply(_, let list), .sum(let list), .product(let list):
            for child in list { body(child) }
        case .negation(let child), .partial(let child, _, _), .derivative(_, _, let child):
            body(child)
        case .quotient(let first, let second), .power(let first, let second), .comparison(_, let first, let second):
            body(first)
            body(second)
        case .choice(let condition, let then, let otherwise):
            body(condition)
            body(then)
            body(otherwise)
        }
    }

    /// Calls `body` with each child, right to left.
    @inlinable
    public func forEachChildReversed(_ body: (Expression) -> Void) {
        switch self {
        case .number, .symbol:
            break
        case .apply(_, let list), .sum(let list), .product(let list):
            for child in list.reversed() { body(child) }
        case .negation(let child), .partial(let child, _, _), .derivative(_, _, let child):
            body(child)
        case .quotient(let first, let second), .power(let first, let second), .comparison(_, let first, let second):
            body(second)
            body(first)
        case .choice(let condition, let then, let otherwise):
            body(otherwise)
            body(then)
            body(condition)
        }
    }
}

extension Expression: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
    /// An integer literal is a `number`.
    public init(integerLiteral value: Int) {
        self = .number(Double(value))
    }

    /// A floating-point literal is a `number`.
    public init(floatLiteral value: Double) {
        self = .number(value)
    }
}
