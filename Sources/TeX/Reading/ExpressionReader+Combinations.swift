import Calculus

/// Functions of the note combined before they are applied: `(f + g)'(x)`, `(fg)'(x)`,
/// `\left(\frac{f}{g}\right)'(x)`, `(f \circ g)'(x)` and `(f \circ g)(x)`. A combination of the
/// note's one-parameter functions, primed and applied at a name, is the derivative of that
/// function there: `(fg)'(x)` reads as `∂/∂x(f(x)*g(x))`.
extension ExpressionReader {
    /// `f \circ g \circ h` (the nodes between the parentheses): `f(g(h(□)))` with `□` the
    /// symbol `hole`; `nil` when the nodes hold no `\circ` at the top level.
    func composition(_ nodes: ArraySlice<Node>) throws(ReadError) -> Expression? {
        let meaningful = StatementSplitter.meaningful(nodes)
        guard meaningful.contains(where: Self.isCompose) else { return nil }
        var names: [String] = []
        var current: [Node] = []
        for node in meaningful {
            if Self.isCompose(node) {
                names.append(try composedName(current, at: node.range))
                current = []
            } else {
                current.append(node)
            }
        }
        names.append(try composedName(current, at: meaningful.last?.range ?? 0..<0))
        return names.reversed().reduce(Expression.symbol(Self.hole)) { inner, name in .apply(name, [inner]) }
    }

    /// The placeholder for the argument of a composition until it is applied.
    static let hole = "□"

    private static func isCompose(_ node: Node) -> Bool {
        if case .atom(let atom) = node { return atom.command == "circ" || isSymbol(atom.text, "\u{2218}") }
        return false
    }

    /// A part of `f \circ g`: one function of the note with one parameter, or a built-in.
    private func composedName(_ nodes: [Node], at range: SourceRange) throws(ReadError) -> String {
        var reader = self
        var cursor = Cursor(nodes)
        let name: String?
        switch cursor.peek {
        case .operatorName(let op)?:
            cursor.index += 1
            name = op.name
        default:
            if case .symbol(let symbol)? = try? reader.primary(&cursor) { name = Self.functionAlias(symbol) ?? symbol } else { name = nil }
        }
        guard let name, cursor.atEnd, scope.functions[name] == 1 || (scope.functions[name] == nil && isFunction(name)) else {
            throw ReadError("\\circ is evaluated between functions of one variable only", range)
        }
        return name
    }

    /// Whether `expression` names one of the note's functions bare (`f` in `(f + g)'`), or holds
    /// a composition's placeholder.
    func usesBareFunction(_ expression: Expression) -> Bool {
        var stack = [expression]
        while let node = stack.popLast() {
            if case .symbol(let name) = node, name == Self.hole || scope.functions[name] == 1 { return true }
            node.forEachChild { stack.append($0) }
        }
        return false
    }

    /// The combination applied to `argument`: each bare function `f` becomes `f(argument)`,
    /// the placeholder of a composition becomes `argument`.
    func applied(_ expression: Expression, to argument: Expression) -> Expression {
        switch expression {
        case .symbol(let name) where name == Self.hole: return argument
        case .symbol(let name) where scope.functions[name] == 1: return .apply(name, [argument])
        case .number, .symbol: return expression
        default: return expression.replacingChildren(expression.children.map { applied($0, to: argument) })
        }
    }

    /// A combination of functions followed by its argument: `(f \circ g)(x)`, or with primes
    /// `(fg)'(x)`, the derivative with respect to `x` of `f(x)g(x)`; `nil` when `combination`
    /// uses no function bare or no argument list follows.
    mutating func appliedCombination(_ combination: Expression, primes: Int, range: SourceRange, cursor: inout Cursor)
        throws(ReadError) -> Expression?
    {
        guard startsArgumentList(cursor.peek), usesBareFunction(combination) else { return nil }
        let (arguments, closing) = try argumentList(&cursor, function: "the combined function", range: range)
        guard arguments.count == 1 else {
            throw ReadError("a combination of functions of one variable takes one argument, not \(arguments.count)", range)
        }
        let argument = arguments[0]
        guard primes > 0 else { return try power(applied(combination, to: argument), closing: closing) }
        guard case .symbol(let variable) = argument else {
            throw ReadError("the derivative of a combination of functions is evaluated at a name (`(fg)'(x)`), "
                            + "not at an expression", range)
        }
        return try power(.partial(applied(combination, to: argument), variable: variable, order: primes), closing: closing)
    }
}
