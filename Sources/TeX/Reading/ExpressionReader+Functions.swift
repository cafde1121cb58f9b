import Calculus

/// Function application in `ExpressionReader`: `f(a, b)`, `\sin x`, `\max(0, z)`, and the
/// argument lists they read.
extension ExpressionReader {
    /// A function applied to its arguments: `f(a, b)`, `\sin x`, `\max(0, z)`.
    mutating func function(named rawName: String, range: SourceRange, base: Expression?, cursor: inout Cursor)
        throws(ReadError) -> Expression
    {
        let name = Self.functionAlias(rawName) ?? rawName
        guard isFunction(name) else {
            throw ReadError("\(rawName) is not a known function", range)
        }
        // A function of the note used bare stands for itself applied to its parameters
        // (§4); the Notebook, which knows the parameters, does the applying.
        if definesFunction(name), !startsArgumentList(cursor.peek) {
            return .symbol(name)
        }
        let (arguments, closing) = try argumentList(&cursor, function: rawName, range: range)
        return try power(try application(name, arguments, range: range), closing: closing)
    }

    /// `name` applied to `arguments`: `\max(a, b, c)` nests as `max(max(a, b), c)`, `\log x` is
    /// `ln(x)`; a built-in
    /// given a number of arguments it does not take is not evaluated.
    func application(_ name: String, _ arguments: [Expression], range: SourceRange) throws(ReadError)
        -> Expression
    {
        guard !definesFunction(name), let first = arguments.first else { return .apply(name, arguments) }
        // `\log x` is the natural logarithm (as in analysis, ML texts and SymPy): read as `ln`
        // so that the reading shows it; `\log_{10} x`, `\log_2 x` write their base.
        if arguments.count == 1, name.utf8.count == 3, name == "log" { return .apply("ln", arguments) }
        let arities = Builtins.arities(of: name)
        if name == "max" || name == "min", arguments.count > 2 {
            return arguments.dropFirst().reduce(first) { .apply(name, [$0, $1]) }
        }
        if !arities.isEmpty, !arities.contains(arguments.count) {
            let counts = arities.map(String.init).joined(separator: " or ")
            throw ReadError("\(name) takes \(counts) argument\(arities == [1] ? "" : "s"), not \(arguments.count)", range)
        }
        return .apply(name, arguments)
    }

    /// `f(x)^2` and `g(x)'`: scripts on the parenthesis that closes the arguments. A prime on
    /// a function of one argument that is a name (`f(x)'`) is the derivative with respect to
    /// that name, `∂/∂x(f(x))`, as the reading then shows.
    func power(_ value: Expression, closing: Scripts?) throws(ReadError) -> Expression {
        guard let closing else { return value }
        if closing.primes > 0, closing.sub == nil, case .apply(_, let arguments) = value, arguments.count == 1,
            case .symbol(let variable) = arguments[0], variable != Self.hole
        {
            let derivative = Expression.partial(value, variable: variable, order: closing.primes)
            guard let sup = closing.sup else { return derivative }
            var reader = self
            return .power(derivative, try reader.expression([sup]))
        }
        return try applyScripts(closing, to: value, baseIsName: false)
    }

    /// `(a, b)` after a function name, or a single factor (`\sin x`, `\ln 2`); and the scripts
    /// on the closing parenthesis, if any (`f(x)^2`).
    mutating func argumentList(_ cursor: inout Cursor, function: String, range: SourceRange)
        throws(ReadError) -> ([Expression], Scripts?)
    {
        guard let node = cursor.peek else { throw ReadError("\(function) needs an argument", range) }
        if case .atom(let atom) = node, atom.atomClass == .open, atom.text == "(" || atom.text == "[" {
            cursor.index += 1
            let (inner, closing) = try collectUntilClose(opening: atom, cursor: &cursor)
            var scripts: Scripts?
            if case .scripts(let value)? = closing { scripts = value }
            var arguments: [Expression] = []
            for nodes in splitArguments(inner) { arguments.append(try expression(nodes)) }
            return (arguments, scripts)
        }
        if case .fenced(let fenced) = node, fenced.left.text == "(" {
            cursor.index += 1
            var arguments: [Expression] = []
            for nodes in splitArguments(fenced.body[...]) { arguments.append(try expression(nodes)) }
            return (arguments, nil)
        }
        // `\sigma + 1`, `\sin - x`: an operator after a function name is not the sign of its
        // argument (it read as sigmoid(+1)); a name meant as a number is bound to one (§3).
        if case .atom(let atom) = node, Self.additive(atom) != nil || Self.multiplicative(atom) || Self.divides(atom) {
            throw ReadError("\(function) needs an argument: the \(atom.text) after it is an operator; "
                            + "write its argument in parentheses", range.lowerBound..<atom.range.upperBound)
        }
        let operand = try unary(&cursor)
        // `\log P(j)`: the name and the parenthesis right after it are the argument together,
        // as they are everywhere else (`\frac{1}{P(j)}`), not log(P)·j.
        if case .symbol = operand, let next = cursor.peek, startsArgumentList(next), cursor.index > cursor.nodes.startIndex,
            cursor.nodes[cursor.index - 1].range.upperBound == next.range.lowerBound
        {
            return ([.product([operand, try unary(&cursor)])], nil)
        }
        return ([operand], nil)
    }

    func startsArgumentList(_ node: Node?) -> Bool {
        switch node {
        case .atom(let atom)?: return atom.atomClass == .open && (atom.text == "(" || atom.text == "[")
        case .fenced(let fenced)?: return fenced.left.text == "("
        default: return false
        }
    }

    /// Arguments separated by top-level commas: slices of `nodes`.
    private func splitArguments(_ nodes: ArraySlice<Node>) -> [ArraySlice<Node>] {
        let commas = argumentCommas(nodes)
        guard !commas.isEmpty else { return [nodes] }
        var arguments: [ArraySlice<Node>] = []
        var start = nodes.startIndex
        for comma in commas {
            arguments.append(nodes[start..<comma])
            start = comma + 1
        }
        arguments.append(nodes[start...])
        return arguments
    }

    /// The indices of the commas at the top level of `nodes` (outside parentheses).
    func argumentCommas(_ nodes: ArraySlice<Node>) -> [Int] {
        var commas: [Int] = []
        var depth = 0
        for (position, node) in zip(nodes.indices, nodes) {
            switch Self.bareAtomClass(node) {
            case .open: depth += 1
            case .close: depth -= 1
            case nil: continue
            default: break
            }
            if depth == 0, case .atom(let atom) = node, Self.onlyByte(atom.text) == UInt8(ascii: ",") {
                commas.append(position)
            }
        }
        return commas
    }
}
