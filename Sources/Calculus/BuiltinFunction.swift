/// One built-in function: its names, arity, value and derivative rules side by side (the way
/// micrograd's `engine.py` gives each operation its forward value and local derivative).
///
/// Functions of one argument ignore the second `Double` of `value` and `slopes`.
public struct BuiltinFunction: Sendable {
    /// The names a formula may use; the first is the canonical one (`["sigmoid", "σ"]`).
    public let names: [String]
    /// The number of arguments, 1 or 2.
    public let arity: Int
    /// The value at the arguments: `(x, y) -> f(x, y)`, or `(x, _) -> f(x)`.
    public let value: @Sendable (Double, Double) -> Double
    /// The symbolic partial derivative with respect to each argument, written with the arguments
    /// (one expression per argument).
    public let derivative: @Sendable ([Expression]) -> [Expression]
    /// The numeric partial derivatives at the arguments, given also the function's value there
    /// (for reverse mode): `(x, y, value) -> (∂f/∂x, ∂f/∂y)`; the second is 0 for one argument.
    public let slopes: @Sendable (Double, Double, Double) -> (Double, Double)

    /// The canonical name.
    public var name: String { names[0] }

    /// A function of one argument.
    static func unary(
        _ names: [String],
        value: @escaping @Sendable (Double) -> Double,
        derivative: @escaping @Sendable (Expression) -> Expression,
        slope: @escaping @Sendable (_ x: Double, _ value: Double) -> Double
    ) -> BuiltinFunction {
        BuiltinFunction(
            names: names,
            arity: 1,
            value: { x, _ in value(x) },
            derivative: { arguments in [derivative(arguments[0])] },
            slopes: { x, _, y in (slope(x, y), 0) }
        )
    }

    /// A function of two arguments.
    static func binary(
        _ names: [String],
        value: @escaping @Sendable (Double, Double) -> Double,
        derivative: @escaping @Sendable (Expression, Expression) -> (Expression, Expression),
        slopes: @escaping @Sendable (_ x: Double, _ y: Double, _ value: Double) -> (Double, Double)
    ) -> BuiltinFunction {
        BuiltinFunction(
            names: names,
            arity: 2,
            value: value,
            derivative: { arguments in
                let (first, second) = derivative(arguments[0], arguments[1])
                return [first, second]
            },
            slopes: slopes
        )
    }
}
