/// The derivatives of functions that use nothing of their note: the built-ins (`\sigma'`), and
/// functions of the note whose bodies use only their parameters, built-in functions and
/// unshadowed constants (the sigmoid written out, `f(z) = 1/(1 + e^{-z})`, or a softplus
/// `g(z) = \ln(1 + e^z)`). Such a derivative is the same in every note that says it, and a
/// course claims `\sigma'(z) = \sigma(z)(1 - \sigma(z))` or `f'(z) = f(z)(1 - f(z))` in note
/// after note: each thread differentiates and simplifies it once (40,000 to 70,000
/// instructions) instead of once a note.
///
/// A function whose body names anything else (a defined symbol, another function, a `∂` or a
/// `'`) depends on its note's definitions and is never kept. Failures are not kept either:
/// they are made again, with their diagnostics, where they happen.
final class SharedDerivatives {
    /// The current thread's table.
    static var current: SharedDerivatives {
        ThreadLocal.object("Derive.SharedDerivatives") { SharedDerivatives() }
    }

    /// At most this many derivatives are kept a thread; past it, new ones are not kept.
    static let limit = 1024

    private struct Key: Hashable {
        var function: Subject
        var order: Int
    }

    private enum Subject: Hashable {
        case user(UserFunction)
        case builtin(String)
    }

    private var table: [Key: (parameters: [String], body: Expression)] = [:]

    /// The `order`-th derivative of `function` as `make` gives it, made once when the function
    /// uses nothing of `context` (see above), else made each time.
    func derivative(
        of function: UserFunction, order: Int, in context: Context,
        make: () throws(CalculusError) -> (parameters: [String], body: Expression)
    ) throws(CalculusError) -> (parameters: [String], body: Expression) {
        guard Self.isSelfContained(function, in: context) else { return try make() }
        return try derivative(for: Key(function: .user(function), order: order), make: make)
    }

    /// The `order`-th derivative of the function `name`, which the note does not define, as
    /// `make` gives it: made once when `name` is a built-in, else (an error to come) each time.
    func derivative(
        ofBuiltin name: String, order: Int,
        make: () throws(CalculusError) -> (parameters: [String], body: Expression)
    ) throws(CalculusError) -> (parameters: [String], body: Expression) {
        guard Builtins.overloads(of: name) != nil else { return try make() }
        return try derivative(for: Key(function: .builtin(name), order: order), make: make)
    }

    private func derivative(
        for key: Key, make: () throws(CalculusError) -> (parameters: [String], body: Expression)
    ) throws(CalculusError) -> (parameters: [String], body: Expression) {
        if let known = table[key] { return known }
        let made = try make()
        if table.count < Self.limit { table[key] = made }
        return made
    }

    /// Whether the body names only its parameters, built-in functions no function of the
    /// context shadows, and constants the context does not shadow.
    static func isSelfContained(_ function: UserFunction, in context: Context) -> Bool {
        var contained = true
        function.body.forEachNode { node in
            switch node {
            case .symbol(let name):
                if !function.parameters.contains(name), context.constantValue(of: name) == nil { contained = false }
            case .apply(let name, _):
                if Builtins.overloads(of: name) == nil || context.functions[name] != nil { contained = false }
            case .partial, .derivative:
                contained = false
            default:
                break
            }
        }
        return contained
    }
}
