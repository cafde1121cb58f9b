import Calculus
import TeX

extension NoteEvaluation {
    /// The hint at a failing claim with a derivative `∂y/∂x` of a defined `y` by a defined `x`
    /// that `y` does not use, though the two share leaves: `∂o/∂s_1 = α_1 (v_1 - o)` where
    /// `s_i = q k_i` is defined after `α_i` was written with `q k_i`. The derivative is 0 by the
    /// note's definitions, which is rarely what the author meant; nil for any other claim.
    func unusedVariableHint(_ statement: Statement) -> String? {
        for side in statement.sides {
            guard case .partial(.symbol(let output), let variable, _) = side,
                context.definitions[output] != nil, context.definitions[variable] != nil,
                let uses = try? context.dependencies(of: [.symbol(output)]),
                !uses.definitions.contains(variable),
                let variableLeaves = try? context.leaves(of: .symbol(variable)),
                !Set(variableLeaves).isDisjoint(with: uses.leaves)
            else { continue }
            return "\(output) does not use \(variable), so ∂\(output)/∂\(variable) is 0 by the note's definitions; "
                + "write \(output) (or a name it uses) in terms of \(variable)"
        }
        return nil
    }
}
