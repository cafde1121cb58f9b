import Foundation

/// A closed interval of real numbers with a wide exponent range: every real `v · 2^exponent`
/// with `v` in `[lower, upper]`. The arithmetic rounds outward (each result encloses every
/// exact result of the operands' members), and a shared exponent keeps the endpoints near 1,
/// so neither `10^{-400}` nor `e^{1000}` leaves the range (docs/note-language.md §11).
///
/// Made by `IntervalEvaluator`; the endpoints are finite doubles.
public struct Interval: Hashable, Sendable, CustomStringConvertible {
    /// The lower end, scaled by `2^exponent`.
    public private(set) var lower: Double
    /// The upper end, scaled by `2^exponent`.
    public private(set) var upper: Double
    /// The power of two shared by both ends.
    public private(set) var exponent: Int

    /// The interval `[lower, upper] · 2^exponent`, normalized. The ends must be finite and
    /// ordered.
    public init(lower: Double, upper: Double, exponent: Int = 0) {
        guard lower.isFinite, upper.isFinite, lower <= upper, Swift.abs(exponent) < Self.exponentLimit else {
            // Never made by the evaluator; a bad interval becomes every number rather than a trap.
            self.lower = -1
            self.upper = 1
            self.exponent = Self.exponentLimit
            return
        }
        self.lower = lower
        self.upper = upper
        self.exponent = exponent
        normalize()
    }

    /// The exponents stay within ±2^50 (far beyond any number a note can write), so that
    /// their sums cannot overflow; an interval beyond is every number.
    static let exponentLimit = 1 << 50

    /// The one number `value` (finite).
    public init(_ value: Double) {
        self.init(lower: value, upper: value)
    }

    /// A double computed with at most `ulps` units in the last place of error, enclosed.
    public static func around(_ value: Double, ulps: Int) -> Interval {
        var low = value
        var high = value
        for _ in 0..<ulps {
            low = low.nextDown
            high = high.nextUp
        }
        return Interval(lower: low, upper: high)
    }

    /// Whether the interval is one number.
    public var isPoint: Bool { lower == upper }

    /// The ends as doubles, rounded outward: a double end may be infinite (beyond the double
    /// range) or 0 (below it).
    public var doubleBounds: (lower: Double, upper: Double) {
        (Self.scale(lower, by: exponent, up: false), Self.scale(upper, by: exponent, up: true))
    }

    /// A double inside the interval (its midpoint, as near as doubles allow).
    public var midpoint: Double {
        Self.scale(lower / 2 + upper / 2, by: exponent, up: false)
    }

    /// The largest |v| of the interval, scaled by `2^exponent`, and the smallest.
    var magnitude: Double { max(Swift.abs(lower), Swift.abs(upper)) }
    var mignitude: Double { lower > 0 ? lower : (upper < 0 ? -upper : 0) }

    /// The width of the interval relative to its largest magnitude (0 for a point, 2 for an
    /// interval around 0).
    var relativeWidth: Double {
        let m = magnitude
        return m == 0 ? 0 : (upper - lower) / m
    }

    public var description: String {
        let (low, high) = doubleBounds
        if low.isFinite, high.isFinite, (low != 0 || lower == 0), (high != 0 || upper == 0) {
            return "[\(low), \(high)]"
        }
        return "[\(lower), \(upper)]·2^\(exponent)"
    }

    // MARK: Normal form

    /// Keeps the larger end's magnitude in [1, 2) (an interval [0, 0] has exponent 0).
    private mutating func normalize() {
        let m = magnitude
        guard m != 0 else {
            exponent = 0
            lower = 0
            upper = 0
            return
        }
        let shift = Int(m.exponent)
        guard shift != 0 else { return }
        lower = Self.scale(lower, by: -shift, up: false)
        upper = Self.scale(upper, by: -shift, up: true)
        exponent += shift
    }

    /// `value · 2^power`, rounded down or up when it is not exact (below the double range).
    static func scale(_ value: Double, by power: Int, up: Bool) -> Double {
        if value == 0 || power == 0 { return value }
        let clamped = max(-3000, min(3000, power))
        let scaled = Foundation.scalbn(value, clamped)
        if scaled.isInfinite { return up ? (scaled > 0 ? scaled : -Double.greatestFiniteMagnitude) : (scaled < 0 ? scaled : Double.greatestFiniteMagnitude) }
        if clamped == power, Foundation.scalbn(scaled, -clamped) == value { return scaled }
        return up ? scaled.nextUp : scaled.nextDown
    }

    /// The two intervals' ends at one exponent (the larger one); the other's ends are scaled
    /// outward.
    private static func aligned(_ a: Interval, _ b: Interval) -> (Double, Double, Double, Double, Int) {
        if a.magnitude == 0 { return (0, 0, b.lower, b.upper, b.exponent) }
        if b.magnitude == 0 { return (a.lower, a.upper, 0, 0, a.exponent) }
        let e = max(a.exponent, b.exponent)
        return (scale(a.lower, by: a.exponent - e, up: false), scale(a.upper, by: a.exponent - e, up: true),
                scale(b.lower, by: b.exponent - e, up: false), scale(b.upper, by: b.exponent - e, up: true), e)
    }

    // MARK: Arithmetic

    public static func + (a: Interval, b: Interval) -> Interval {
        let (al, au, bl, bu, e) = aligned(a, b)
        return Interval(lower: Rounded.add(al, bl, up: false), upper: Rounded.add(au, bu, up: true), exponent: e)
    }

    /// The sum of the intervals, each end summed exactly and rounded once (up to 64 terms;
    /// longer sums add pairwise): `x + 10^{20} - 10^{20}` is `x`, with no cancellation.
    public static func sum(_ terms: [Interval]) -> Interval {
        guard terms.count > 1, terms.count <= 64 else { return terms.reduce(Interval(0), +) }
        let e = terms.filter { $0.magnitude != 0 }.map(\.exponent).max() ?? 0
        let lowers = terms.map { scale($0.lower, by: $0.exponent - e, up: false) }
        let uppers = terms.map { scale($0.upper, by: $0.exponent - e, up: true) }
        return Interval(lower: Rounded.exactSum(lowers, up: false), upper: Rounded.exactSum(uppers, up: true), exponent: e)
    }

    public static prefix func - (a: Interval) -> Interval {
        Interval(lower: -a.upper, upper: -a.lower, exponent: a.exponent)
    }

    public static func - (a: Interval, b: Interval) -> Interval {
        a + (-b)
    }

    public static func * (a: Interval, b: Interval) -> Interval {
        let products = [(a.lower, b.lower), (a.lower, b.upper), (a.upper, b.lower), (a.upper, b.upper)]
        let low = products.map { Rounded.multiply($0.0, $0.1, up: false) }.min() ?? 0
        let high = products.map { Rounded.multiply($0.0, $0.1, up: true) }.max() ?? 0
        return Interval(lower: low, upper: high, exponent: a.exponent + b.exponent)
    }

    /// `a / b`, or nil when `b` contains 0.
    public static func dividing(_ a: Interval, by b: Interval) -> Interval? {
        guard b.lower > 0 || b.upper < 0 else { return nil }
        let quotients = [(a.lower, b.lower), (a.lower, b.upper), (a.upper, b.lower), (a.upper, b.upper)]
        let low = quotients.map { Rounded.divide($0.0, $0.1, up: false) }.min() ?? 0
        let high = quotients.map { Rounded.divide($0.0, $0.1, up: true) }.max() ?? 0
        return Interval(lower: low, upper: high, exponent: a.exponent - b.exponent)
    }

    /// `{|v|}`.
    public var absolute: Interval {
        if lower >= 0 { return self }
        if upper <= 0 { return -self }
        return Interval(lower: 0, upper: magnitude, exponent: exponent)
    }

    /// The smallest interval holding both.
    public func hull(_ other: Interval) -> Interval {
        let (al, au, bl, bu, e) = Self.aligned(self, other)
        return Interval(lower: min(al, bl), upper: max(au, bu), exponent: e)
    }

    /// The interval widened by `radius` on both sides.
    public func widened(by radius: Interval) -> Interval {
        self + Interval(lower: -radius.upper, upper: radius.upper, exponent: radius.exponent)
    }

    /// Every member is > 0, ≥ 0, < 0, ≤ 0.
    public var isPositive: Bool { lower > 0 }
    public var isNonNegative: Bool { lower >= 0 }
    public var isNegative: Bool { upper < 0 }
    public var isNonPositive: Bool { upper <= 0 }

    /// `self^n` for an integer `n` (0^0 is 1), or nil for a negative power of an interval
    /// containing 0.
    public func power(_ n: Int) -> Interval? {
        if n == 0 { return Interval(1) }
        if n < 0 {
            guard let positive = power(-n) else { return nil }
            return Interval.dividing(Interval(1), by: positive)
        }
        if n % 2 == 0 { return Self.positivePower(absolute, n) }
        // Odd: increasing, so each end on its own.
        let low = Self.positivePower(Interval(lower: lower, upper: lower, exponent: exponent), n)
        let high = Self.positivePower(Interval(lower: upper, upper: upper, exponent: exponent), n)
        return Interval(lower: low.lower, upper: low.upper, exponent: low.exponent).hull(high)
    }

    /// `base^n` for n ≥ 1 by repeated squaring.
    private static func positivePower(_ base: Interval, _ n: Int) -> Interval {
        var result = Interval(1)
        var square = base
        var k = n
        while k > 0 {
            if k & 1 == 1 { result = result * square }
            k >>= 1
            if k > 0 { square = square * square }
        }
        return result
    }
}

/// Double operations rounded down or up: the exact result is computed as a double and its
/// error (by an error-free transformation), and the double is stepped when the error says the
/// exact result lies beyond it.
enum Rounded {
    static func add(_ a: Double, _ b: Double, up: Bool) -> Double {
        let s = a + b
        if !s.isFinite { return up ? (s.isNaN ? .infinity : s) : (s.isNaN ? -.infinity : s) }
        let t = s - a
        let error = (a - (s - t)) + (b - t)
        if up { return error > 0 ? s.nextUp : s }
        return error < 0 ? s.nextDown : s
    }

    /// The sum of `values`, rounded once in the direction asked: the exact sum is kept as
    /// non-overlapping doubles (Shewchuk's expansion, by error-free additions), then added
    /// smallest first with directed rounding. The values must be far from overflow.
    static func exactSum(_ values: [Double], up: Bool) -> Double {
        var components: [Double] = []
        for value in values {
            var carry = value
            var next: [Double] = []
            for component in components {
                let s = carry + component
                let t = s - carry
                let error = (carry - (s - t)) + (component - t)
                if error != 0 { next.append(error) }
                carry = s
            }
            if carry != 0 { next.append(carry) }
            components = next
        }
        var total = 0.0
        for component in components.sorted(by: { Swift.abs($0) < Swift.abs($1) }) {
            total = add(total, component, up: up)
        }
        return total
    }

    static func multiply(_ a: Double, _ b: Double, up: Bool) -> Double {
        if a == 0 || b == 0 { return 0 }
        let p = a * b
        if !p.isFinite { return p }
        if p == 0, a != 0, b != 0 {
            // Underflow to zero: the sign of the exact product decides.
            let positive = (a > 0) == (b > 0)
            return up ? (positive ? Double.leastNonzeroMagnitude : 0) : (positive ? 0 : -Double.leastNonzeroMagnitude)
        }
        // Near the bottom of the range the error term is not exact: step outward.
        if Swift.abs(p) < 0x1p-960 { return up ? p.nextUp : p.nextDown }
        let error = Foundation.fma(a, b, -p)
        if up { return error > 0 ? p.nextUp : p }
        return error < 0 ? p.nextDown : p
    }

    static func divide(_ a: Double, _ b: Double, up: Bool) -> Double {
        if a == 0 { return 0 }
        let q = a / b
        if !q.isFinite { return q }
        // a = q·b + r exactly; the exact quotient is q + r/b.
        let r = Foundation.fma(-q, b, a)
        let beyond = r == 0 ? 0 : ((r > 0) == (b > 0) ? 1 : -1)
        if q == 0, a != 0 {
            let positive = (a > 0) == (b > 0)
            return up ? (positive ? Double.leastNonzeroMagnitude : 0) : (positive ? 0 : -Double.leastNonzeroMagnitude)
        }
        if Swift.abs(q) < 0x1p-960 { return up ? q.nextUp : q.nextDown }
        if up { return beyond > 0 ? q.nextUp : q }
        return beyond < 0 ? q.nextDown : q
    }

    static func squareRoot(_ a: Double, up: Bool) -> Double {
        let s = Foundation.sqrt(a)
        let r = Foundation.fma(-s, s, a)
        if up { return r > 0 ? s.nextUp : s }
        return r < 0 ? s.nextDown : s
    }
}
