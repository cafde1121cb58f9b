/// What the names of a note mean: definitions of symbols, functions defined by the note, and
/// the values of leaves. Every question about an expression (its value, its derivatives, the
/// leaves it depends on) is asked of a context.
///
/// A symbol name resolves, in this order, to: a parameter (inside a function body), a
/// definition, a leaf with a value in `values`, a known constant (`Constants`), and otherwise a
/// leaf without a value. So a note shadows `e` or `π` by defining or binding it. A function name
/// resolves to a built-in, else to `functions`; a function of the context may not take a
/// built-in's name (`CalculusError.shadowsBuiltin`).
///
/// A context asked many questions (a note's statements, claims and derivatives) answers them
/// faster once `indexDependencies()` has walked its definitions; any change drops the index.
public struct Context: Hashable, Sendable {
    // Every change drops the index. `_modify` changes the dictionaries in place: an observer
    // (`didSet`) would copy a dictionary at every `context.values[name] = value`.

    /// Symbol definitions: name → expression (`n_1` → `x_1*w_1 + x_2*w_2 + b_1`).
    public var definitions: [String: Expression] {
        get { storedDefinitions }
        set {
            dependencyIndex = nil
            storedDefinitions = newValue
        }
        _modify {
            dependencyIndex = nil
            yield &storedDefinitions
        }
    }
    /// Functions defined by the note: name → parameters and body.
    public var functions: [String: UserFunction] {
        get { storedFunctions }
        set {
            dependencyIndex = nil
            storedFunctions = newValue
        }
        _modify {
            dependencyIndex = nil
            yield &storedFunctions
        }
    }
    /// Values of leaves: name → number (bindings, front matter, `--set`, sampled values).
    public var values: [String: Double] {
        get { storedValues }
        set {
            dependencyIndex = nil
            storedValues = newValue
        }
        _modify {
            dependencyIndex = nil
            yield &storedValues
        }
    }
    private var storedDefinitions: [String: Expression]
    private var storedFunctions: [String: UserFunction]
    private var storedValues: [String: Double]
    /// The walks of the definitions and functions, when `indexDependencies()` made them for
    /// the context as it is now.
    private(set) var dependencyIndex: DependencyIndex?

    /// A context with the given definitions, functions and values.
    public init(
        definitions: [String: Expression] = [:],
        functions: [String: UserFunction] = [:],
        values: [String: Double] = [:]
    ) {
        storedDefinitions = definitions
        storedFunctions = functions
        storedValues = values
    }

    /// Walks every definition and function once, so that the dependency graphs of later
    /// compiles and derivatives reuse the walks. Answers are the same with or without the
    /// index; a context that will be asked many questions gets them faster.
    public mutating func indexDependencies() {
        dependencyIndex = DependencyIndex(context: self)
    }

    /// Contexts are equal when their definitions, functions and values are (the index is a
    /// cache, not part of the meaning).
    public static func == (left: Context, right: Context) -> Bool {
        left.definitions == right.definitions && left.functions == right.functions && left.values == right.values
    }

    /// Hashes the definitions, functions and values.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(definitions)
        hasher.combine(functions)
        hasher.combine(values)
    }

    /// The value of `name` as a known constant in this context: `nil` when `name` is not a
    /// constant or when the context defines or binds it.
    public func constantValue(of name: String) -> Double? {
        // Most names are no constant: asked first, that answer needs no lookup.
        guard let value = Constants.value(of: name), storedDefinitions[name] == nil, storedValues[name] == nil
        else { return nil }
        return value
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
