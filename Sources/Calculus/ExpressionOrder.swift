/// The canonical order of the simplifier: factors as `2*x*y^2*sigmoid(u)*(a + b)` (numbers,
/// symbols in natural order, applications, derivative nodes, sums; a power sorts by its base),
/// terms by falling degree and then by the same order, numbers last.
enum ExpressionOrder {
    /// -1, 0 or 1 as `a` sorts before, with or after `b` among factors.
    static func compare(_ a: Expression, _ b: Expression) -> Int {
        let (baseA, exponentA) = splitPower(a)
        let (baseB, exponentB) = splitPower(b)
        let order = compareBases(baseA, baseB)
        return order != 0 ? order : compareBases(exponentA, exponentB)
    }

    /// Whether factor `a` sorts before factor `b`.
    static func factorPrecedes(_ a: Expression, _ b: Expression) -> Bool {
        compare(a, b) < 0
    }

    /// Whether term `a` sorts before term `b` in a sum: higher degree first.
    static func termPrecedes(_ a: Expression, _ b: Expression) -> Bool {
        termPrecedes(TermKey(a), TermKey(b))
    }

    /// What the order of terms looks at, computed once per term rather than per comparison.
    struct TermKey {
        var coefficient: Double
        var rest: [Expression]
        var degree: Double

        init(_ term: Expression) {
            (coefficient, rest) = ExpressionOrder.splitCoefficient(term)
            degree = rest.reduce(0) { $0 + ExpressionOrder.degree($1) }
        }
    }

    /// `termPrecedes` on the keys of two terms.
    static func termPrecedes(_ a: TermKey, _ b: TermKey) -> Bool {
        if a.degree != b.degree { return a.degree > b.degree }
        let order = compareLists(a.rest, b.rest)
        return order != 0 ? order < 0 : a.coefficient < b.coefficient
    }

    /// A term as numeric coefficient times the other factors.
    static func splitCoefficient(_ term: Expression) -> (Double, [Expression]) {
        switch term {
        case .number(let value):
            return (value, [])
        case .product(let factors):
            if case .number(let value) = factors.first { return (value, Array(factors.dropFirst())) }
            return (1, factors)
        default:
            return (1, [term])
        }
    }

    /// A factor as base and exponent (exponent 1 when it is not a power).
    static func splitPower(_ factor: Expression) -> (Expression, Expression) {
        if case .power(let base, let exponent) = factor { return (base, exponent) }
        return (factor, one)
    }

    /// The exponent of a factor that is not a power, made once (every `.number` is a box).
    private static let one: Expression = .number(1)

    /// The polynomial degree used to order terms: symbols and applications count 1.
    static func degree(_ e: Expression) -> Double {
        switch e {
        case .number: 0
        case .power(let base, .number(let exponent)): exponent * degree(base)
        case .power(let base, _): degree(base)
        case .product(let factors): factors.reduce(0) { $0 + degree($1) }
        case .sum(let terms): terms.map(degree).max() ?? 0
        default: 1
        }
    }

    private static func rank(_ e: Expression) -> Int {
        switch e {
        case .number: 0
        case .symbol: 1
        case .apply: 2
        case .derivative: 3
        case .partial: 4
        case .sum: 5
        case .product: 6
        case .power: 7
        case .negation: 8
        case .quotient: 9
        case .comparison: 10
        case .choice: 11
        }
    }

    private static func compareBases(_ a: Expression, _ b: Expression) -> Int {
        let rankA = rank(a)
        let rankB = rank(b)
        if rankA != rankB { return rankA < rankB ? -1 : 1 }
        switch (a, b) {
        case (.number(let x), .number(let y)):
            if x < y || (y.isNaN && !x.isNaN) { return -1 }
            if y < x || (x.isNaN && !y.isNaN) { return 1 }
            return 0
        case (.symbol(let x), .symbol(let y)):
            return naturalCompare(x, y)
        case (.apply(let f, let xs), .apply(let g, let ys)):
            let order = naturalCompare(f, g)
            return order != 0 ? order : compareLists(xs, ys)
        case (.derivative(let f, let m, let u), .derivative(let g, let n, let v)):
            let order = naturalCompare(f, g)
            if order != 0 { return order }
            if m != n { return m < n ? -1 : 1 }
            return compare(u, v)
        case (.partial(let p, let x, let m), .partial(let q, let y, let n)):
            let order = naturalCompare(x, y)
            if order != 0 { return order }
            if m != n { return m < n ? -1 : 1 }
            return compare(p, q)
        case (.sum(let xs), .sum(let ys)), (.product(let xs), .product(let ys)):
            return compareLists(xs, ys)
        case (.power(let p, let x), .power(let q, let y)), (.quotient(let p, let x), .quotient(let q, let y)):
            let order = compare(p, q)
            return order != 0 ? order : compare(x, y)
        case (.negation(let x), .negation(let y)):
            return compare(x, y)
        case (.comparison(let r, _, _), .comparison(let s, _, _)) where r != s:
            return r.rawValue < s.rawValue ? -1 : 1
        case (.comparison, .comparison), (.choice, .choice):
            return compareLists(a.children, b.children)
        default:
            return 0
        }
    }

    private static func compareLists(_ xs: [Expression], _ ys: [Expression]) -> Int {
        for (x, y) in zip(xs, ys) {
            let order = compare(x, y)
            if order != 0 { return order }
        }
        return xs.count == ys.count ? 0 : (xs.count < ys.count ? -1 : 1)
    }
}
