/// What the names of a note mean: definitions of symbols, functions defined by the note, and
/// the values of leaves. Every question about an expression (its value, its derivatives, the
/// leaves it depends on) is asked of a context.
///
/// A symbol name resolves, in this order, to: a parameter (inside a function body), a
/// definition, a leaf with a value in `values`, a known constant (`Constants`), and otherwise a
/// leaf without a value. So a note shadows `e` or `π` by defining or binding it. A function name
/// resolves to a built-in, else to `functions`; a function of the context may not take a
/// built-in's name (`CalculusError.shadowsBuiltin`).
public struct Context: Hashable, Sendable {
    /// Symbol definitions: name → expression (`n_1` → `x_1*w_1 + x_2*w_2 + b_1`).
    public var definitions: [String: Expression]
    /// Functions defined by the note: name → parameters and body.
    public var functions: [String: UserFunction]
    /// Values of leaves: name → number (bindings, front matter, `--set`, sampled values).
    public var values: [String: Double]

    /// A context with the given definitions, functions and values.
    public init(
        definitions: [String: Expression] = [:],
        functions: [String: UserFunction] = [:],
        values: [String: Double] = [:]
    ) {
        self.definitions = definitions
        self.functions = functions
        self.values = values
    }

    /// The value of `name` as a known constant in this context: `nil` when `name` is not a
    /// constant or when the context defines or binds it.
    public func constantValue(of name: String) -> Double? {
        guard definitions[name] == nil, values[name] == nil else { return nil }
        return Constants.value(of: name)
    }

    /// Whether `name` is a leaf here: not defined and not an unshadowed constant (it may or may
    /// not have a value).
    public func isLeaf(_ name: String) -> Bool {
        definitions[name] == nil && constantValue(of: name) == nil
    }
}

/// A function defined by a note: `f(x) = sigmoid(x)` is parameters `["x"]`, body
/// `sigmoid(x)`. Inside the body the parameters shadow every other meaning of their names;
/// other names in the body resolve in the context.
public struct UserFunction: Hashable, Sendable {
    /// The parameter names, in order.
    public var parameters: [String]
    /// The body, written with the parameters.
    public var body: Expression

    /// A function with the given parameters and body.
    public init(parameters: [String], body: Expression) {
        self.parameters = parameters
        self.body = body
    }
}
