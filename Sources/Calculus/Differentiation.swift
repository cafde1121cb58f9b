extension Context {
    /// The derivative of `expression` of the given order with respect to the node `variable`,
    /// simplified for reading.
    ///
    /// Meaning (docs/note-language.md §6): definitions inside the expression are expanded until
    /// `variable` is reached and `variable` itself is not expanded, so `∂a_1/∂h_1` treats `h_1`
    /// as an input of `a_1` even when `h_1` is defined. The result is written with the names of
    /// the graph (`x_1*sigmoid(n_1)*(1 - sigmoid(n_1))`, not the expansion of `n_1`) and
    /// evaluates in this context. A built-in's derivative is its rule from `Builtins`
    /// (`cos(u)` for `sin(u)`); a function of the context of one parameter gives `f'(u)`, one
    /// of several parameters is expanded. Order 0 gives the expression simplified.
    public func derivative(
        of expression: Expression, withRespectTo variable: String, order: Int = 1
    ) throws(CalculusError) -> Expression {
        Simplifier.present(try derivativeCanonical(of: expression, withRespectTo: variable, order: order, names: FreshNames()))
    }

    /// The partial derivatives of the definition of `name` with respect to each name it uses
    /// directly (docs/note-language.md §6), in order of first use; each in the meaning of
    /// `derivative(of:withRespectTo:)`. Known constants are not included. Throws
    /// `undefinedSymbol` when `name` has no definition, and `tooLarge` when the partials would
    /// together be larger than one derivative may be (`checkPartialsFit`).
    public func partials(ofDefinition name: String) throws(CalculusError) -> [Partial] {
        guard let definition = definitions[name] else { throw .undefinedSymbol(name) }
        let used = definition.symbols.filter { constantValue(of: $0) == nil }
        try Self.checkPartialsFit(of: definition, count: used.count)
        var partials: [Partial] = []
        for used in used {
            partials.append(Partial(name: used, derivative: try derivative(of: definition, withRespectTo: used)))
        }
        return partials
    }

    /// The partial derivatives of the function `name` with respect to each of its parameters,
    /// written with the parameter names (`f(x) = x^2` gives `x` ↦ `2*x`). Throws
    /// `undefinedFunction` when the context has no function `name`, and `tooLarge` as
    /// `partials(ofDefinition:)` does.
    public func partials(ofFunction name: String) throws(CalculusError) -> [Partial] {
        guard let function = functions[name] else { throw .undefinedFunction(name) }
        try Self.checkPartialsFit(of: function.body, count: function.parameters.count)
        let names = FreshNames()
        let body = try preparedBody(of: name, names: names)
        var back: [String: Expression] = [:]
        for (fresh, parameter) in zip(body.parameters, function.parameters) { back[fresh] = .symbol(parameter) }
        var partials: [Partial] = []
        for (fresh, parameter) in zip(body.parameters, function.parameters) {
            let slope = try derivativeCanonical(of: body.body, withRespectTo: fresh, order: 1, names: names)
            partials.append(Partial(name: parameter, derivative: Simplifier.present(try slope.substituting(back))))
        }
        return partials
    }

    /// Throws `tooLarge` when `count` partial derivatives of `body` may together exceed the
    /// size of one derivative (`Expression.maximumSize`). Each partial is about as large as the
    /// body (a product of n factors has n partials of n - 1 factors), so without this bound
    /// their work grows as the square of the body: 4000 factors took 38 s.
    private static func checkPartialsFit(of body: Expression, count: Int) throws(CalculusError) {
        if count > 1, body.hasMoreNodes(than: Expression.maximumSize / count) {
            throw .tooLarge(limit: Expression.maximumSize)
        }
    }

    /// The derivative in canonical (not yet presented) form.
    func derivativeCanonical(
        of expression: Expression, withRespectTo variable: String, order: Int, names: FreshNames
    ) throws(CalculusError) -> Expression {
        guard order >= 0 else { throw .negativeOrder(order) }
        guard order <= Expression.maximumDerivativeOrder else { throw .orderTooHigh(limit: Expression.maximumDerivativeOrder) }
        // `partial` nodes are expanded first, so that none is left standing in the result.
        var result = try Simplifier.canonical(try expandingPartials(expression, names: names, depth: 0))
        for _ in 0..<order {
            var differentiator = try Differentiator(context: self, variable: variable, root: result, names: names)
            result = try Simplifier.canonical(try checkedSize(try differentiator.derivative(of: result, depth: 0)))
        }
        return result
    }

    /// A function's body with its parameters renamed to fresh names and its `partial` nodes
    /// expanded, ready to be differentiated or compiled without name clashes.
    func preparedBody(of name: String, names: FreshNames) throws(CalculusError) -> (parameters: [String], body: Expression) {
        guard let function = functions[name] else { throw .undefinedFunction(name) }
        let fresh = function.parameters.map { names.next(for: $0) }
        var renaming: [String: Expression] = [:]
        for (parameter, new) in zip(function.parameters, fresh) { renaming[parameter] = .symbol(new) }
        let body = try function.body.substituting(renaming)
        return (fresh, try expandingPartials(body, names: names, depth: 0))
    }

    /// The expression with every `partial` node replaced by the derivative it stands for.
    func expandingPartials(_ e: Expression, names: FreshNames, depth: Int) throws(CalculusError) -> Expression {
        guard depth <= 2 * Expression.maximumDepth else { throw .tooDeep(limit: Expression.maximumDepth) }
        // Most expressions have no `partial` node: they come back as they are.
        if !e.hasPartial(orDeeperThan: 2 * Expression.maximumDepth - depth + 1) { return e }
        if case .partial(let of, let variable, let order) = e {
            let inner = try expandingPartials(of, names: names, depth: depth + 1)
            return try derivativeCanonical(of: inner, withRespectTo: variable, order: order, names: names)
        }
        if e.children.isEmpty { return e }
        var children: [Expression] = []
        for child in e.children { children.append(try expandingPartials(child, names: names, depth: depth + 1)) }
        return e.replacingChildren(children)
    }
}

/// The derivative of a definition or function with respect to one name it uses.
public struct Partial: Hashable, Sendable {
    /// The name differentiated with respect to.
    public var name: String
    /// The derivative, simplified.
    public var derivative: Expression

    /// A partial derivative with respect to `name`.
    public init(name: String, derivative: Expression) {
        self.name = name
        self.derivative = derivative
    }
}

/// Symbolic differentiation with respect to one variable, through definitions and functions.
struct Differentiator {
    private let context: Context
    private let variable: String
    private let names: FreshNames
    /// Defined symbols and functions whose value depends on `variable`.
    private let reaching: Set<GraphNode>
    /// Defined symbols and functions the graph walk covered (outside it, nothing is assumed).
    private let covered: Set<GraphNode>
    /// Canonical derivatives of defined symbols, computed once each.
    private var symbolDerivatives: [String: Expression] = [:]

    init(context: Context, variable: String, root: Expression, names: FreshNames) throws(CalculusError) {
        self.context = context
        self.variable = variable
        self.names = names
        let graph = try DependencyGraph(context: context, roots: [root], stoppingAt: variable)
        reaching = graph.nodesReachingStop()
        covered = Set(graph.order)
        // Dependencies first, so that the derivative of each definition only looks up those of
        // the definitions it uses: the recursion stays as deep as one formula, not the graph.
        for case .symbol(let name) in graph.order where reaching.contains(.symbol(name)) {
            _ = try derivativeOfSymbol(name, depth: 0)
        }
    }

    /// The derivative (unsimplified, but without zero terms) of `e`.
    mutating func derivative(of e: Expression, depth: Int) throws(CalculusError) -> Expression {
        guard depth <= 2 * Expression.maximumDepth else { throw .tooDeep(limit: Expression.maximumDepth) }
        let inner = depth + 1
        switch e {
        case .number:
            return zero
        case .symbol(let name):
            return try derivativeOfSymbol(name, depth: inner)
        case .sum(let terms):
            var result: [Expression] = []
            for term in terms { result.append(try derivative(of: term, depth: inner)) }
            return add(result)
        case .product(let factors):
            var slopes: [(index: Int, slope: Expression)] = []
            for (index, factor) in factors.enumerated() {
                let slope = try derivative(of: factor, depth: inner)
                if !isZero(slope) { slopes.append((index, slope)) }
            }
            // The product rule writes every factor once per factor that has a slope: n² for a
            // product of n (`\prod_{i=1}^{8200} y^i` through a definition took seconds before
            // the size was checked).
            let (written, overflow) = slopes.count.multipliedReportingOverflow(by: factors.count)
            if overflow || written > Expression.maximumSize { throw .tooLarge(limit: Expression.maximumSize) }
            var result: [Expression] = []
            for (index, slope) in slopes {
                var others = factors
                others[index] = slope
                result.append(multiply(others))
            }
            return add(result)
        case .negation(let operand):
            let slope = try derivative(of: operand, depth: inner)
            return isZero(slope) ? zero : .negation(slope)
        case .quotient(let numerator, let denominator):
            let top = try derivative(of: numerator, depth: inner)
            let bottom = try derivative(of: denominator, depth: inner)
            let first: Expression = isZero(top) ? zero : .quotient(top, denominator)
            if isZero(bottom) { return first }
            return add([first, .negation(.quotient(multiply([numerator, bottom]), .power(denominator, 2)))])
        case .power(let base, let exponent):
            return try derivativeOfPower(base, exponent, depth: inner)
        case .apply(let name, let arguments):
            return try derivativeOfApplication(name, arguments, depth: inner)
        case .derivative(let name, let order, let argument):
            return try derivativeOfDerivative(name, order, argument, depth: inner)
        case .comparison:
            // A condition is constant where it is defined (its jumps are where it is not).
            return zero
        case .choice(let condition, let then, let otherwise):
            // The derivative of the branch taken, by the same condition: the rule of
            // `\begin{cases}`, one-sided at a row's boundary as `relu` at 0.
            let thenSlope = try derivative(of: then, depth: inner)
            let otherwiseSlope = try derivative(of: otherwise, depth: inner)
            if isZero(thenSlope), isZero(otherwiseSlope) { return zero }
            return .choice(condition, thenSlope, otherwiseSlope)
        case .partial(let of, let partialVariable, let order):
            let expanded = try context.derivativeCanonical(
                of: try context.expandingPartials(of, names: names, depth: inner),
                withRespectTo: partialVariable, order: order, names: names)
            var differentiator = try Differentiator(context: context, variable: variable, root: expanded, names: names)
            return try differentiator.derivative(of: expanded, depth: inner)
        }
    }

    private mutating func derivativeOfSymbol(_ name: String, depth: Int) throws(CalculusError) -> Expression {
        if name == variable { return one }
        guard let definition = context.definitions[name] else { return zero }
        if let known = symbolDerivatives[name] { return known }
        if covered.contains(.symbol(name)) && !reaching.contains(.symbol(name)) { return zero }
        let underWay = names.derivativesUnderWay
        if let start = underWay.firstIndex(where: { $0.name == name && $0.variable == variable }) {
            throw .cycle(underWay[start...].map(\.name) + [name])
        }
        names.derivativesUnderWay.append((name, variable))
        defer { names.derivativesUnderWay.removeLast() }
        let slope = try Simplifier.canonical(try checkedSize(try derivative(of: definition, depth: depth)))
        symbolDerivatives[name] = slope
        return slope
    }

    private mutating func derivativeOfPower(
        _ base: Expression, _ exponent: Expression, depth: Int
    ) throws(CalculusError) -> Expression {
        let baseSlope = try derivative(of: base, depth: depth)
        let exponentSlope = try derivative(of: exponent, depth: depth)
        if isZero(exponentSlope) {
            if isZero(baseSlope) { return zero }
            return multiply([exponent, .power(base, add([exponent, -1])), baseSlope])
        }
        // d(a^b) = a^b * (b' ln a + b a'/a); ln e is 1 when e is the constant.
        let logarithm: Expression =
            base == .symbol("e") && context.constantValue(of: "e") != nil ? 1 : .apply("ln", [base])
        let exponentPart = multiply([exponentSlope, logarithm])
        if isZero(baseSlope) { return multiply([.power(base, exponent), exponentPart]) }
        let basePart = multiply([exponent, baseSlope, .power(base, -1)])
        return multiply([.power(base, exponent), add([exponentPart, basePart])])
    }

    private mutating func derivativeOfApplication(
        _ name: String, _ arguments: [Expression], depth: Int
    ) throws(CalculusError) -> Expression {
        if let problem = context.checkApplication(of: name, arity: arguments.count) { throw problem }
        var terms: [Expression] = []
        if let builtin = Builtins.function(named: name, arity: arguments.count) {
            var slopes = builtin.derivative(arguments)
            if name != builtin.name {
                for index in slopes.indices { slopes[index] = try slopes[index].renamingFunction(builtin.name, to: name) }
            }
            for (argument, slope) in zip(arguments, slopes) {
                let inner = try derivative(of: argument, depth: depth)
                if !isZero(inner) { terms.append(multiply([slope, inner])) }
            }
            return add(terms)
        }
        let body = try context.preparedBody(of: name, names: names)
        for (index, argument) in arguments.enumerated() {
            let inner = try derivative(of: argument, depth: depth)
            if isZero(inner) { continue }
            if arguments.count == 1 {
                terms.append(multiply([.derivative(name, order: 1, argument: argument), inner]))
            } else {
                let slope = try context.derivativeCanonical(
                    of: body.body, withRespectTo: body.parameters[index], order: 1, names: names)
                terms.append(multiply([try slope.substituting(binding(body.parameters, to: arguments)), inner]))
            }
        }
        if reachesVariable(.function(name)) {
            // The body itself uses the variable (through a global name): its direct part.
            var direct = try Differentiator(context: context, variable: variable, root: body.body, names: names)
            let slope = try direct.derivative(of: body.body, depth: depth)
            if !isZero(slope) { terms.append(try slope.substituting(binding(body.parameters, to: arguments))) }
        }
        return add(terms)
    }

    private mutating func derivativeOfDerivative(
        _ name: String, _ order: Int, _ argument: Expression, depth: Int
    ) throws(CalculusError) -> Expression {
        if order < 0 { throw .negativeOrder(order) }
        if order == 0 { return try derivativeOfApplication(name, [argument], depth: depth) }
        if let problem = context.checkDerivative(of: name) { throw problem }
        var terms: [Expression] = []
        let inner = try derivative(of: argument, depth: depth)
        if !isZero(inner) { terms.append(multiply([.derivative(name, order: order + 1, argument: argument), inner])) }
        if context.functions[name] != nil, reachesVariable(.function(name)) {
            let body = try context.preparedBody(of: name, names: names)
            let slope = try context.derivativeCanonical(of: body.body, withRespectTo: body.parameters[0], order: order, names: names)
            var direct = try Differentiator(context: context, variable: variable, root: slope, names: names)
            let directSlope = try direct.derivative(of: slope, depth: depth)
            if !isZero(directSlope) { terms.append(try directSlope.substituting(binding(body.parameters, to: [argument]))) }
        }
        return add(terms)
    }

    private func reachesVariable(_ node: GraphNode) -> Bool {
        !covered.contains(node) || reaching.contains(node)
    }

    private func binding(_ parameters: [String], to arguments: [Expression]) -> [String: Expression] {
        var binding: [String: Expression] = [:]
        for (parameter, argument) in zip(parameters, arguments) { binding[parameter] = argument }
        return binding
    }
}

/// The numbers 0 and 1, made once: every `.number` is a box, and derivatives are mostly zeros
/// and ones.
private let zero: Expression = .number(0)
private let one: Expression = .number(1)

/// `e`, or `tooLarge` when it has more than `Expression.maximumSize` nodes.
func checkedSize(_ e: Expression) throws(CalculusError) -> Expression {
    if e.hasMoreNodes(than: Expression.maximumSize) { throw .tooLarge(limit: Expression.maximumSize) }
    return e
}

/// Whether `e` is the number zero (structurally).
func isZero(_ e: Expression) -> Bool {
    if case .number(let value) = e { return value == 0 }
    return false
}

/// A sum without zero terms, nested sums spliced in (a single term is itself; no terms is 0).
func add(_ terms: [Expression]) -> Expression {
    var kept: [Expression] = []
    for term in terms where !isZero(term) {
        if case .sum(let inner) = term { kept += inner } else { kept.append(term) }
    }
    switch kept.count {
    case 0: return zero
    case 1: return kept[0]
    default: return .sum(kept)
    }
}

/// A product without factors 1, nested products spliced in, and 0 if a factor is 0.
func multiply(_ factors: [Expression]) -> Expression {
    var kept: [Expression] = []
    for factor in factors {
        if isZero(factor) { return zero }
        if case .number(let value) = factor, value == 1 { continue }
        if case .product(let inner) = factor { kept += inner } else { kept.append(factor) }
    }
    switch kept.count {
    case 0: return one
    case 1: return kept[0]
    default: return .product(kept)
    }
}
