import Foundation

/// The enclosures of powers and of the built-in functions (`Builtins`) over intervals, for
/// `IntervalEvaluator`.
enum IntervalFunctions {
    private static let ln2 = Interval(lower: M_LN2.nextDown, upper: M_LN2.nextUp)

    /// A platform function's result at one point, enclosed with the assumed error.
    private static func libm(_ value: Double, _ name: String) throws(IntervalFailure) -> Interval {
        guard value.isFinite else { throw .noBounds("\(name) is beyond the range of doubles here") }
        return Interval.around(value, ulps: IntervalEvaluator.libmErrorUlps)
    }

    /// The interval's ends as doubles, for a function that has no wide-range form; too large
    /// an argument has no bounds.
    private static func ends(_ x: Interval, _ name: String) throws(IntervalFailure) -> (Double, Double) {
        let (low, high) = x.doubleBounds
        guard low.isFinite, high.isFinite else { throw .noBounds("the argument of \(name) is beyond the range of doubles") }
        return (low, high)
    }

    /// An increasing function from its values at the ends.
    private static func increasing(_ x: Interval, _ name: String, _ f: (Double) -> Double) throws(IntervalFailure) -> Interval {
        let (low, high) = try ends(x, name)
        return try libm(f(low), name).hull(try libm(f(high), name))
    }

    static func power(_ base: Interval, _ exponent: Interval) throws(IntervalFailure) -> Interval {
        if exponent.isPoint {
            let (n, _) = exponent.doubleBounds
            if n == n.rounded(), Swift.abs(n) <= 0x1p40 {
                guard let result = base.power(Int(n)) else { throw .undefined("0 to a negative power") }
                return result
            }
        }
        // x^y = exp(y ln x) for x > 0; 0^y = 0 for y > 0.
        if base.isPositive { return try exp(exponent * (try ln(base))) }
        if base.isNonNegative, exponent.isPositive {
            if base.magnitude == 0 { return Interval(0) }
            let (_, high) = base.doubleBounds
            let top = try exp(exponent * (try ln(Interval(lower: high, upper: high).hull(Interval(1)))))
            return Interval(0).hull(top)
        }
        throw .undefined("a power of \(base), which reaches 0 or below, to \(exponent)")
    }

    /// `e^x` for any x: `e^x = 2^k e^r` with `r = x - k ln 2` small.
    static func exp(_ x: Interval) throws(IntervalFailure) -> Interval {
        func at(_ end: Double, exponent: Int) throws(IntervalFailure) -> Interval {
            let point = Interval(lower: end, upper: end, exponent: exponent)
            let (value, _) = point.doubleBounds
            if Swift.abs(value) < 700 { return try libm(Foundation.exp(value), "exp") }
            guard Swift.abs(value) < 0x1p50 else {
                throw .noBounds("e to the power \(value) is beyond any range")
            }
            let k = (value / M_LN2).rounded()
            let r = point - Interval(k) * ln2
            let (rl, ru) = r.doubleBounds
            let scaled = try libm(Foundation.exp(rl), "exp").hull(try libm(Foundation.exp(ru), "exp"))
            return scaled * Interval(lower: 1, upper: 1, exponent: Int(k))
        }
        let low = try at(x.lower, exponent: x.exponent)
        let high = try at(x.upper, exponent: x.exponent)
        return low.hull(high)
    }

    /// `ln x` for x > 0: `ln(m 2^k) = ln m + k ln 2`.
    static func ln(_ x: Interval) throws(IntervalFailure) -> Interval {
        guard x.isPositive else { throw .undefined("the logarithm of \(x), which reaches 0 or below") }
        func at(_ end: Double) throws(IntervalFailure) -> Interval {
            try libm(Foundation.log(end), "ln") + Interval(Double(x.exponent)) * ln2
        }
        return try at(x.lower).hull(try at(x.upper))
    }

    static func sqrt(_ x: Interval) throws(IntervalFailure) -> Interval {
        guard x.isNonNegative else { throw .undefined("the square root of \(x), which reaches below 0") }
        // sqrt(m 2^k) with k even.
        var lower = x.lower
        var upper = x.upper
        var k = x.exponent
        if k % 2 != 0 {
            lower *= 2
            upper *= 2
            k -= 1
        }
        return Interval(lower: Rounded.squareRoot(lower, up: false), upper: Rounded.squareRoot(upper, up: true), exponent: k / 2)
    }

    /// sin or cos: the ends, and ±1 where the interval reaches a peak (cos peaks at 2kπ, sin at
    /// π/2 + 2kπ; troughs π further).
    private static func periodic(_ x: Interval, _ name: String, peakOffset: Double, _ f: (Double) -> Double) throws(IntervalFailure) -> Interval {
        let (low, high) = try ends(x, name)
        if high - low >= 2 * Double.pi || Swift.abs(low) > 1e9 || Swift.abs(high) > 1e9 {
            return Interval(lower: -1, upper: 1)
        }
        var result = try libm(f(low), name).hull(try libm(f(high), name))
        // Whether [low, high] reaches peakOffset + 2kπ, tested with a little slack.
        func reaches(_ offset: Double) -> Bool {
            let a = ((low - offset) / (2 * Double.pi)) - 1e-9
            let b = ((high - offset) / (2 * Double.pi)) + 1e-9
            return a.rounded(.up) <= b.rounded(.down)
        }
        if reaches(peakOffset) { result = result.hull(Interval(1)) }
        if reaches(peakOffset + Double.pi) { result = result.hull(Interval(-1)) }
        return result
    }

    static func apply(_ name: String, _ arguments: [Interval]) throws(IntervalFailure) -> Interval {
        let x = arguments[0]
        switch (name, arguments.count) {
        case ("exp", 1): return try exp(x)
        case ("ln", 1), ("log", 1): return try ln(x)
        case ("log", 2):
            guard let result = Interval.dividing(try ln(x), by: try ln(arguments[1])) else {
                throw .undefined("a logarithm to a base that may be 1")
            }
            return result
        case ("sqrt", 1): return try sqrt(x)
        case ("root", 2):
            guard arguments[1].isPoint else { throw .noBounds("root with a degree that is not one number") }
            let (n, _) = arguments[1].doubleBounds
            guard n.isFinite, n != 0 else { throw .undefined("a root of degree 0") }
            guard let inverse = Interval.dividing(Interval(1), by: Interval(n)) else { throw .undefined("a root of degree 0") }
            if x.isNegative, n == n.rounded(), Swift.abs(n.truncatingRemainder(dividingBy: 2)) == 1 {
                return -(try power(-x, inverse))
            }
            return try power(x, inverse)
        case ("sin", 1): return try periodic(x, "sin", peakOffset: Double.pi / 2, Foundation.sin)
        case ("cos", 1): return try periodic(x, "cos", peakOffset: 0, Foundation.cos)
        case ("tan", 1):
            let (low, high) = try ends(x, "tan")
            // A pole π/2 + kπ inside the interval, tested with a little slack.
            let a = ((low - Double.pi / 2) / Double.pi) - 1e-9
            let b = ((high - Double.pi / 2) / Double.pi) + 1e-9
            if a.rounded(.up) <= b.rounded(.down) || high - low >= Double.pi {
                throw .undefined("tan has a pole in \(x)")
            }
            return try increasing(x, "tan", Foundation.tan)
        case ("sinh", 1): return try increasing(x, "sinh", Foundation.sinh)
        case ("tanh", 1): return try increasing(x, "tanh", Foundation.tanh)
        case ("erf", 1): return try increasing(x, "erf", Foundation.erf)
        case ("cosh", 1):
            let (low, high) = try ends(x, "cosh")
            var result = try libm(Foundation.cosh(low), "cosh").hull(try libm(Foundation.cosh(high), "cosh"))
            if low <= 0, high >= 0 { result = result.hull(Interval(1)) }
            return result
        case ("sigmoid", 1):
            // 1 / (1 + e^{-x}), each operation enclosed.
            guard let result = Interval.dividing(Interval(1), by: Interval(1) + (try exp(-x))) else {
                throw .undefined("sigmoid")
            }
            return result
        case ("softplus", 1):
            return try ln(Interval(1) + (try exp(x)))
        case ("relu", 1):
            return Interval(lower: max(0, x.lower), upper: max(0, x.upper), exponent: x.exponent)
        case ("abs", 1): return x.absolute
        case ("sign", 1):
            if x.isPositive { return Interval(1) }
            if x.isNegative { return Interval(-1) }
            if x.magnitude == 0 { return Interval(0) }
            return Interval(lower: x.isNonNegative ? 0 : -1, upper: x.isNonPositive ? 0 : 1)
        case ("step", 1):
            if x.isPositive { return Interval(1) }
            if x.isNonPositive { return Interval(0) }
            return Interval(lower: 0, upper: 1)
        case ("max", 2), ("min", 2):
            let y = arguments[1]
            let (xl, xu) = x.doubleBounds
            let (yl, yu) = y.doubleBounds
            guard xl.isFinite, xu.isFinite, yl.isFinite, yu.isFinite else { throw .noBounds("\(name) beyond the range of doubles") }
            return name == "max"
                ? Interval(lower: max(xl, yl), upper: max(xu, yu)) : Interval(lower: min(xl, yl), upper: min(xu, yu))
        default:
            throw .noBounds("\(name) has no rigorous bounds")
        }
    }
}
