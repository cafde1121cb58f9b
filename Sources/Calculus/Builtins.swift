import Foundation

/// The table of built-in functions. Adding a function is adding one entry here.
///
/// `log` has two entries: `log(x)` is the natural logarithm, as `ln(x)` (the reader writes
/// `\log x` as `ln`), and `log(x, b)` is base `b`; `root(x, n)` is the
/// real n-th root (negative `x` with odd integer `n` allowed). `step` (Heaviside, 0 at 0) and
/// `sign` exist because derivatives of `relu`, `abs`, `max` and `min` are written with them.
/// A function that is not smooth at a point (`relu` at 0) takes the one-sided derivative the
/// table gives there.
public enum Builtins {
    /// Every built-in function.
    public static let all: [BuiltinFunction] = [
        .unary(
            ["exp"],
            value: { Foundation.exp($0) },
            derivative: { u in .call("exp", u) },
            slope: { _, y in y }
        ),
        .unary(
            ["ln"],
            value: { Foundation.log($0) },
            derivative: { u in 1 / u },
            slope: { x, _ in 1 / x }
        ),
        .unary(
            ["log"],
            value: { Foundation.log($0) },
            derivative: { u in 1 / u },
            slope: { x, _ in 1 / x }
        ),
        .binary(
            ["log"],
            value: { x, b in Foundation.log(x) / Foundation.log(b) },
            derivative: { u, b in
                (1 / (u * .call("ln", b)), -.call("ln", u) / (b * .power(.call("ln", b), 2)))
            },
            slopes: { x, b, y in (1 / (x * Foundation.log(b)), -y / (b * Foundation.log(b))) }
        ),
        .unary(
            ["sqrt"],
            value: { Foundation.sqrt($0) },
            derivative: { u in 1 / (2 * .call("sqrt", u)) },
            slope: { _, y in 1 / (2 * y) }
        ),
        .binary(
            ["root"],
            value: { x, n in realRoot(x, n) },
            derivative: { u, n in
                let root = Expression.call("root", u, n)
                return (root / (n * u), -root * .call("ln", u) / .power(n, 2))
            },
            slopes: { x, n, y in (y / (n * x), -y * Foundation.log(x) / (n * n)) }
        ),
        .unary(
            ["sin"],
            value: { Foundation.sin($0) },
            derivative: { u in .call("cos", u) },
            slope: { x, _ in Foundation.cos(x) }
        ),
        .unary(
            ["cos"],
            value: { Foundation.cos($0) },
            derivative: { u in -.call("sin", u) },
            slope: { x, _ in -Foundation.sin(x) }
        ),
        .unary(
            ["tan"],
            value: { Foundation.tan($0) },
            derivative: { u in 1 / .power(.call("cos", u), 2) },
            slope: { _, y in 1 + y * y }
        ),
        .unary(
            ["sinh"],
            value: { Foundation.sinh($0) },
            derivative: { u in .call("cosh", u) },
            slope: { x, _ in Foundation.cosh(x) }
        ),
        .unary(
            ["cosh"],
            value: { Foundation.cosh($0) },
            derivative: { u in .call("sinh", u) },
            slope: { x, _ in Foundation.sinh(x) }
        ),
        .unary(
            ["tanh"],
            value: { Foundation.tanh($0) },
            derivative: { u in 1 - .power(.call("tanh", u), 2) },
            slope: { _, y in 1 - y * y }
        ),
        .unary(
            // The error function: Φ(x) = (1 + erf(x/√2))/2 is the standard normal CDF (GELU).
            ["erf"],
            value: { Foundation.erf($0) },
            derivative: { u in 2 / .call("sqrt", .symbol("π")) * .call("exp", -.power(u, 2)) },
            slope: { x, _ in 2 / Double.pi.squareRoot() * Foundation.exp(-x * x) }
        ),
        .unary(
            ["sigmoid", "σ"],
            value: { sigmoid($0) },
            derivative: { u in .call("sigmoid", u) * (1 - .call("sigmoid", u)) },
            slope: { _, y in y * (1 - y) }
        ),
        .unary(
            ["relu", "ReLU"],
            value: { x in x > 0 || x.isNaN ? x : 0 },
            derivative: { u in .call("step", u) },
            slope: { x, _ in x > 0 ? 1 : 0 }
        ),
        .unary(
            ["softplus"],
            value: { x in x > 0 ? x + Foundation.log1p(Foundation.exp(-x)) : Foundation.log1p(Foundation.exp(x)) },
            derivative: { u in .call("sigmoid", u) },
            slope: { x, _ in sigmoid(x) }
        ),
        .binary(
            ["max"],
            value: { a, b in a.isNaN || b.isNaN ? .nan : (a >= b ? a : b) },
            derivative: { a, b in (.call("step", a - b), 1 - .call("step", a - b)) },
            slopes: { a, b, _ in a > b ? (1, 0) : (0, 1) }
        ),
        .binary(
            ["min"],
            value: { a, b in a.isNaN || b.isNaN ? .nan : (a <= b ? a : b) },
            derivative: { a, b in (.call("step", b - a), 1 - .call("step", b - a)) },
            slopes: { a, b, _ in a < b ? (1, 0) : (0, 1) }
        ),
        .unary(
            ["abs"],
            value: { Swift.abs($0) },
            derivative: { u in .call("sign", u) },
            slope: { x, _ in signValue(x) }
        ),
        .unary(
            ["sign", "sgn"],
            value: { signValue($0) },
            derivative: { _ in 0 },
            slope: { _, _ in 0 }
        ),
        .unary(
            ["step", "heaviside"],
            value: { x in x.isNaN ? x : (x > 0 ? 1 : 0) },
            derivative: { _ in 0 },
            slope: { _, _ in 0 }
        ),
    ]

    /// The built-in named `name` (any of its names) that takes `arity` arguments.
    public static func function(named name: String, arity: Int) -> BuiltinFunction? {
        guard let overloads = byName[name], let index = overloads.arities.lastIndex(of: arity) else { return nil }
        return all[overloads.positions[index]]
    }

    /// The numbers of arguments the built-in named `name` accepts (`[1, 2]` for `log`); empty if
    /// `name` is not a built-in.
    public static func arities(of name: String) -> [Int] {
        byName[name]?.arities ?? []
    }

    /// The arities of the built-ins named `name` with their positions in `all`, in the order of
    /// `all`; nil when no built-in has that name. One lookup answers both what a name may be
    /// applied to and which entry computes it.
    static func overloads(of name: String) -> Overloads? {
        byName[name]
    }

    /// The built-ins of one name: `positions[i]` is the position in `all` of the one taking
    /// `arities[i]` arguments.
    struct Overloads {
        var arities: [Int] = []
        var positions: [Int] = []
    }

    /// Whether `name` is a name of a built-in function.
    public static func isBuiltin(_ name: String) -> Bool {
        // Readers ask about every run of letters; most are ruled out by their first byte or
        // their length before any hashing. (No built-in's name has another spelling in Unicode.)
        guard let first = name.utf8.first, firstBytes[Int(first)], name.utf8.count <= longestName else { return false }
        return byName[name] != nil
    }

    /// Whether some built-in's name starts with each byte.
    private static let firstBytes: [Bool] = {
        var bytes = [Bool](repeating: false, count: 256)
        for function in all {
            for name in function.names { if let first = name.utf8.first { bytes[Int(first)] = true } }
        }
        return bytes
    }()

    /// The length in bytes of the longest built-in's name.
    private static let longestName = all.flatMap(\.names).map(\.utf8.count).max() ?? 0

    /// The overloads of each name, in the order of `all` (looked up instead of searched: names
    /// are asked about for every application read, checked and compiled).
    private static let byName: [String: Overloads] = {
        var overloads: [String: Overloads] = [:]
        for (position, function) in all.enumerated() {
            for name in function.names {
                overloads[name, default: Overloads()].arities.append(function.arity)
                overloads[name, default: Overloads()].positions.append(position)
            }
        }
        return overloads
    }()
}

/// The logistic function 1/(1+e^-x), computed without overflow for large |x|.
func sigmoid(_ x: Double) -> Double {
    if x >= 0 { return 1 / (1 + Foundation.exp(-x)) }
    let e = Foundation.exp(x)
    return e / (1 + e)
}

/// -1, 0 or 1 by the sign of x; NaN for NaN.
func signValue(_ x: Double) -> Double {
    x.isNaN ? x : (x > 0 ? 1 : (x < 0 ? -1 : 0))
}

/// The real n-th root: `x^(1/n)`, and `-(|x|^(1/n))` for negative x and odd integer n.
func realRoot(_ x: Double, _ n: Double) -> Double {
    if x < 0, n == n.rounded(), Swift.abs(n.truncatingRemainder(dividingBy: 2)) == 1 {
        return -Foundation.pow(-x, 1 / n)
    }
    return Foundation.pow(x, 1 / n)
}
