/// The result of evaluating an expression at a point.
///
/// `Equatable` compares the doubles as `Double` does, so two NaN outcomes are not equal; compare
/// `reason` or `value?.isNaN` instead.
public enum Outcome: Equatable, Sendable, CustomStringConvertible {
    /// A finite number.
    case finite(Double)
    /// NaN or ±∞, with the first operation that produced it from finite operands.
    case nonFinite(Double, NonFiniteReason)
    /// The expression cannot be evaluated: an undefined name, a cycle, a wrong arity...
    case failure(CalculusError)

    /// The number, finite or not; `nil` on failure.
    public var value: Double? {
        switch self {
        case .finite(let value), .nonFinite(let value, _): value
        case .failure: nil
        }
    }

    /// Whether the outcome is a finite number.
    public var isFinite: Bool {
        if case .finite = self { return true }
        return false
    }

    /// The number, or what went wrong.
    public var description: String {
        switch self {
        case .finite(let value): Expression.text(of: value)
        case .nonFinite(let value, let reason): "\(Expression.text(of: value)) (\(reason))"
        case .failure(let error): "cannot evaluate: \(error)"
        }
    }
}

/// Where a NaN or an infinity came from: the first operation whose operands were finite (or the
/// leaf whose value was not).
public struct NonFiniteReason: Hashable, Sendable, CustomStringConvertible {
    /// What kind of trouble.
    public enum Kind: Hashable, Sendable {
        /// NaN from finite operands: `ln(-2)`, `sqrt(-1)`, `0/0`, `(-8)^0.5`.
        case undefined
        /// ±∞ from finite operands one of which is zero: `1/0`, `ln(0)`, `0^-1`.
        case pole
        /// ±∞ from finite, non-zero operands: `exp(1000)`, `10^400`.
        case overflow
        /// The value given for a leaf (or a number in the formula) is NaN or ±∞.
        case nonFiniteInput
        /// No row's condition of a `\begin{cases}` without an `otherwise` row holds.
        case noCase
    }

    /// What kind of trouble.
    public var kind: Kind
    /// The operation (`ln`, `/`, `^`, `exp`...) or, for `nonFiniteInput`, the leaf's name.
    public var operation: String
    /// The operands' values (empty for `nonFiniteInput`).
    public var operands: [Double]

    /// Creates a reason.
    public init(kind: Kind, operation: String, operands: [Double]) {
        self.kind = kind
        self.operation = operation
        self.operands = operands
    }

    /// A short phrase: `ln(-2) is undefined`, `1 / 0 divides by zero`, `exp(1000) overflows`.
    public var description: String {
        let operandText = operands.map(Expression.text(of:))
        let call: String
        switch (operation, operandText.count) {
        case ("+", 2), ("-", 2), ("*", 2), ("/", 2), ("^", 2):
            call = "\(operandText[0]) \(operation) \(operandText[1])"
        case ("-", 1):
            call = "-(\(operandText[0]))"
        default:
            call = "\(operation)(\(operandText.joined(separator: ", ")))"
        }
        switch kind {
        case .undefined: return "\(call) is undefined"
        case .pole: return operation == "/" ? "\(call) divides by zero" : "\(call) is infinite"
        case .overflow: return "\(call) overflows"
        case .nonFiniteInput: return "\(operation) is not a finite number"
        case .noCase: return "no row of the cases holds"
        }
    }
}
