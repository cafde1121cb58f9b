/// Why an expression cannot be evaluated, differentiated or compiled. Errors are values: every
/// operation of the Calculus target reports one of these instead of trapping.
public enum CalculusError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A leaf has no value at the point asked for.
    case undefinedSymbol(String)
    /// A function is neither a built-in nor a function of the context.
    case undefinedFunction(String)
    /// A function is applied to the wrong number of arguments.
    case wrongArity(function: String, expected: [Int], got: Int)
    /// `f'(u)` names a function that does not have exactly one parameter.
    case notOneParameter(function: String, parameters: Int)
    /// A function of the context has a built-in's name (`sigmoid`, `σ`, `exp`...); by
    /// docs/note-language.md §3 such a formula is a claim about the built-in, not a definition.
    case shadowsBuiltin(String)
    /// Definitions (or functions) that use each other in a circle, as a path that ends where it
    /// starts: `["a", "b", "a"]`.
    case cycle([String])
    /// An expression nests deeper than `Expression.maximumDepth`.
    case tooDeep(limit: Int)
    /// A derivative would have more than `Expression.maximumSize` nodes (a graph of definitions
    /// whose paths meet again and again); reverse mode (`gradient`) still gives its value.
    case tooLarge(limit: Int)
    /// An expression written out, the bodies of its functions put in place of each distinct
    /// application, has more than `Expression.maximumOperations` nodes (a chain of functions each
    /// applying the previous twice doubles at every link).
    case tooManyOperations(limit: Int)
    /// A derivative of negative order.
    case negativeOrder(Int)
    /// A derivative of an order above `Expression.maximumDerivativeOrder`.
    case orderTooHigh(limit: Int)
    /// A point has a different number of values than the program has leaves.
    case pointSize(expected: Int, got: Int)

    /// A one-line message for a diagnostic.
    public var description: String {
        switch self {
        case .undefinedSymbol(let name):
            "\(name) is undefined"
        case .undefinedFunction(let name):
            "\(name) is not a known function"
        case .wrongArity(let function, let expected, let got):
            "\(function) takes \(Self.count(expected)) argument\(expected == [1] ? "" : "s"), not \(got)"
        case .notOneParameter(let function, let parameters):
            "\(function)' needs a function of one parameter; \(function) has \(parameters)"
        case .shadowsBuiltin(let name):
            "\(name) is a built-in function and cannot be redefined"
        case .cycle(let path):
            "cyclic definitions: \(path.joined(separator: " → "))"
        case .tooDeep(let limit):
            "the formula nests deeper than \(limit) levels"
        case .tooLarge(let limit):
            "the derivative written out has more than \(limit) terms"
        case .tooManyOperations(let limit):
            "written out with its functions applied, it has more than \(limit) operations"
        case .negativeOrder(let order):
            "a derivative of order \(order) is not defined"
        case .orderTooHigh(let limit):
            "a derivative of order higher than \(limit) is not evaluated"
        case .pointSize(let expected, let got):
            "the point has \(got) values for \(expected) leaves"
        }
    }

    private static func count(_ arities: [Int]) -> String {
        arities.map(String.init).joined(separator: " or ")
    }
}
