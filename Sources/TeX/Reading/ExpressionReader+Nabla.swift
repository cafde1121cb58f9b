import Calculus

/// `\nabla` in `ExpressionReader`: the gradient of a function of one number, which is its
/// derivative (`\nabla_\theta J(\theta_t)` is `J'(θ_t)`), and `\nabla_w L` by one name, which is
/// `∂L/∂w`. A gradient of a function of several numbers is a vector, which Derive does not
/// evaluate.
extension ExpressionReader {
    /// The gradient the cursor is at, just after `\nabla` (`scripts`, when it has them: its
    /// variable as the subscript).
    mutating func gradient(_ scripts: Scripts?, range: SourceRange, cursor: inout Cursor) throws(ReadError) -> Expression {
        if let scripts, scripts.sup != nil || scripts.primes > 0 {
            throw ReadError("\\nabla with a superscript or a prime is not evaluated", scripts.range)
        }
        var variable: String?
        if let sub = scripts?.sub {
            var probe = self
            guard case .symbol(let name)? = try? probe.expression([sub]) else {
                throw ReadError("the variable of \\nabla_{…} is not a name", sub.range)
            }
            variable = name
        }
        guard !cursor.atEnd else { throw ReadError("\\nabla needs something to differentiate after it", range) }
        let operand = try operand(&cursor)
        switch operand {
        case .apply(let function, let arguments) where definesFunction(function) || Builtins.isBuiltin(function):
            guard arguments.count == 1 else {
                throw ReadError("the gradient of \(function), a function of \(arguments.count) numbers, is a vector, which "
                                + "Derive does not evaluate; write \\frac{\\partial}{\\partial …} for one component", range)
            }
            return .derivative(function, order: 1, argument: arguments[0])
        case .symbol(let name):
            // `\nabla_w L`, or `\nabla_\theta J` with J a function used bare (its parameters).
            if let variable { return .partial(.symbol(name), variable: variable, order: 1) }
            fallthrough
        default:
            throw ReadError("\\nabla is evaluated before a function of one number (\\nabla J(\\theta)) or, with its "
                            + "variable below (\\nabla_w L), a name", range)
        }
    }
}
