/// The relation of a condition in `\begin{cases}` (`x > 0`, `|r| \le \delta`): an
/// `Expression.comparison` is 1 where it holds, 0 where it does not, and NaN where a side is
/// NaN.
public enum Comparison: UInt8, Hashable, Sendable, CaseIterable {
    case less, lessOrEqual, greater, greaterOrEqual, equal, notEqual

    /// The relation's sign in plain text (`<`, `≤`, ...), as reports print it.
    public var symbol: String {
        switch self {
        case .less: "<"
        case .lessOrEqual: "≤"
        case .greater: ">"
        case .greaterOrEqual: "≥"
        case .equal: "="
        case .notEqual: "≠"
        }
    }

    /// 1 where `x` and `y` are in the relation, 0 where they are not, NaN where either is NaN
    /// (a condition on an undefined value is itself undefined, never quietly false).
    @inline(__always)
    public func value(_ x: Double, _ y: Double) -> Double {
        if x.isNaN || y.isNaN { return .nan }
        let holds: Bool
        switch self {
        case .less: holds = x < y
        case .lessOrEqual: holds = x <= y
        case .greater: holds = x > y
        case .greaterOrEqual: holds = x >= y
        case .equal: holds = x == y
        case .notEqual: holds = x != y
        }
        return holds ? 1 : 0
    }

    /// The value of a choice between `then` and `otherwise` by a condition's value: `then`
    /// where the condition is not 0, `otherwise` where it is 0, NaN where it is NaN.
    @inline(__always)
    public static func choose(_ condition: Double, _ then: Double, _ otherwise: Double) -> Double {
        condition.isNaN ? .nan : (condition != 0 ? then : otherwise)
    }
}
