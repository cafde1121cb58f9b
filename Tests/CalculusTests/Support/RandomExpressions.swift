import Calculus
import TestSupport

/// Random expressions and contexts for the property tests, from a seeded generator.
///
/// A case is a context with a definition `u` (over the leaves `x`, `y`, `z`), a one-parameter
/// function `f(t)` whose body also uses the leaf `y`, a two-parameter function `g(p, q)`, and a
/// root expression over the leaves, `u`, `f` and `g` that nests at least `minimumDepth` deep.
/// Every built-in of `Builtins.all` is drawn, along with sums, products, quotients, powers,
/// negations, `f'(·)`, built-in derivative nodes and `partial` nodes.
struct RandomExpressions {
    var generator: SeededGenerator
    let minimumDepth = 6

    /// Arguments of these are kept mostly positive, so that most points are in the domain.
    private static let positiveArgument: Set<String> = ["ln", "log", "sqrt", "root"]

    init(seed: UInt64) {
        generator = SeededGenerator(seed: seed)
    }

    /// A context and a root expression.
    mutating func nextCase() -> (context: Context, root: Expression) {
        var context = Context()
        context.definitions["u"] = expression(depth: 3, leaves: ["x", "y", "z"], calls: false)
        context.functions["f"] = UserFunction(
            parameters: ["t"], body: expression(depth: 3, leaves: ["t", "y"], calls: false))
        context.functions["g"] = UserFunction(
            parameters: ["p", "q"], body: expression(depth: 2, leaves: ["p", "q"], calls: false))
        let depth = minimumDepth + Int.random(in: 0...1, using: &generator)
        let root = expression(depth: depth, leaves: ["x", "y", "z", "u"], calls: true, spine: true)
        return (context, root)
    }

    /// A random point for the leaves x, y, z: mostly in (0.2, 1.5), sometimes negative.
    mutating func nextPoint() -> [String: Double] {
        var point: [String: Double] = [:]
        for leaf in ["x", "y", "z"] {
            let magnitude = Double.random(in: 0.2...1.5, using: &generator)
            point[leaf] = Double.random(in: 0..<1, using: &generator) < 0.15 ? -magnitude : magnitude
        }
        return point
    }

    /// An expression of at most `depth` levels; with `spine`, exactly `depth` levels.
    private mutating func expression(depth: Int, leaves: [String], calls: Bool, spine: Bool = false) -> Expression {
        if depth <= 1 { return leaf(leaves) }
        if !spine, chance(0.2) { return leaf(leaves) }
        // One child continues the spine (depth - 1); the others are free to be shallower.
        func child(_ index: Int, spineChild: Int) -> Expression {
            expression(depth: depth - 1, leaves: leaves, calls: calls, spine: spine && index == spineChild)
        }
        let kind = Int.random(in: 0..<(calls ? 12 : 9), using: &generator)
        switch kind {
        case 0:
            let count = Int.random(in: 2...3, using: &generator)
            let spineChild = Int.random(in: 0..<count, using: &generator)
            return .sum((0..<count).map { index in
                let term = child(index, spineChild: spineChild)
                return chance(0.3) ? .negation(term) : term
            })
        case 1:
            let spineChild = Int.random(in: 0..<2, using: &generator)
            return .product([child(0, spineChild: spineChild), child(1, spineChild: spineChild)])
        case 2:
            // A denominator kept away from zero.
            let spineChild = Int.random(in: 0..<2, using: &generator)
            let bottom = child(1, spineChild: spineChild)
            return .quotient(child(0, spineChild: spineChild), .sum([1.5, .power(bottom, 2)]))
        case 3:
            let exponent: Expression = chance(0.5) ? .number(Double(Int.random(in: -2...3, using: &generator))) : 0.5
            return .power(child(0, spineChild: 0), exponent)
        case 4:
            return .negation(child(0, spineChild: 0))
        case 5, 6, 7, 8:
            return builtin(depth: depth, leaves: leaves, calls: calls, spine: spine)
        case 9:
            return .call("f", child(0, spineChild: 0))
        case 10:
            let spineChild = Int.random(in: 0..<2, using: &generator)
            return .call("g", child(0, spineChild: spineChild), child(1, spineChild: spineChild))
        default:
            if chance(0.5) {
                return .derivative("f", order: Int.random(in: 1...2, using: &generator), argument: child(0, spineChild: 0))
            }
            let smooth = ["sin", "cos", "tanh", "sigmoid", "exp", "softplus", "erf"]
            let name = smooth[Int.random(in: 0..<smooth.count, using: &generator)]
            if chance(0.5) {
                return .derivative(name, order: Int.random(in: 1...2, using: &generator), argument: child(0, spineChild: 0))
            }
            let variable = leaves[Int.random(in: 0..<leaves.count, using: &generator)]
            return .partial(child(0, spineChild: 0), variable: variable, order: 1)
        }
    }

    private mutating func builtin(depth: Int, leaves: [String], calls: Bool, spine: Bool) -> Expression {
        let function = Builtins.all[Int.random(in: 0..<Builtins.all.count, using: &generator)]
        let name = function.names[Int.random(in: 0..<function.names.count, using: &generator)]
        // The base of log and the degree of root are replaced below: the spine goes through x.
        let spineChild = function.name == "root" || function.name == "log" ? 0 : Int.random(in: 0..<function.arity, using: &generator)
        var arguments: [Expression] = []
        for index in 0..<function.arity {
            var argument = expression(depth: depth - 1, leaves: leaves, calls: calls, spine: spine && index == spineChild)
            if Self.positiveArgument.contains(function.name), chance(0.8) {
                argument = .sum([0.5, .power(argument, 2)])
            }
            if function.name == "exp" || function.name == "sinh" || function.name == "cosh" {
                argument = .call("tanh", argument)
            }
            arguments.append(argument)
        }
        if function.name == "log", function.arity == 2 {
            arguments[1] = .sum([1.5, .power(arguments[1], 2)])
        }
        if function.name == "root" {
            arguments[1] = .number(Double(Int.random(in: 2...5, using: &generator)))
        }
        return .apply(name, arguments)
    }

    private mutating func leaf(_ leaves: [String]) -> Expression {
        if chance(0.15) { return .number(Double(Int.random(in: 1...9, using: &generator)) / 4) }
        return .symbol(leaves[Int.random(in: 0..<leaves.count, using: &generator)])
    }

    private mutating func chance(_ probability: Double) -> Bool {
        Double.random(in: 0..<1, using: &generator) < probability
    }
}
