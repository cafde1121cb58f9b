/// One output of a compiled program as a function of one of its leaves, every other leaf held
/// at a fixed value: what a plot samples.
///
/// Equal curves compute the same numbers: two are equal when their programs have the same
/// instructions and constants, the same output and variable, and the other leaves the same
/// values bit for bit (two notes defining the same function the same way compile to the same
/// program). A plot keyed by its curves can then be computed once for a whole run.
///
/// Sample with `sampler()`: one evaluator, its slots written in place at each point.
public struct Curve: Sendable, Hashable {
    /// The program, evaluated whole at each point.
    public let program: Program
    /// The value of every leaf, in `program.leaves` order (the variable's is 0 until sampled).
    let point: [Double]
    /// The variable's position in `program.leaves`; `nil` when the output does not depend on it.
    let variable: Int?
    /// Which output of the program is the curve's value.
    let output: Int
    /// Computed once: curves are keys of a run-wide table.
    private let hash: Int

    /// Output `output` of `program` as a function of its leaf `variable`, the other leaves at
    /// their values in `values` (0 for a leaf without one); a constant when `variable` is not
    /// a leaf of the program. `nil` when `output` is not one of the program's outputs.
    public init?(_ program: Program, output: Int = 0, variable: String, values: [String: Double]) {
        guard program.outputs.indices.contains(output) else { return nil }
        let position = program.leaves.firstIndex(of: variable)
        self.program = program
        self.variable = position
        self.output = output
        var point = program.leaves.map { values[$0] ?? 0 }
        if let position { point[position] = 0 }
        self.point = point
        var hasher = Hasher()
        hasher.combine(position ?? -1)
        hasher.combine(program.outputs[output])
        hasher.combine(program.instructions.count)
        for instruction in program.instructions {
            hasher.combine(instruction.operation.rawValue)
            hasher.combine(instruction.function)
            hasher.combine(instruction.a)
            hasher.combine(instruction.b)
            hasher.combine(instruction.result)
        }
        hasher.combine(program.initialSlots.count)
        for value in program.initialSlots { hasher.combine(value.bitPattern) }
        for value in point { hasher.combine(value.bitPattern) }
        hash = hasher.finalize()
    }

    /// The curve's value at `x`. Sampling many points, use `sampler()`.
    public func value(at x: Double) -> Double {
        var sampler = sampler()
        return sampler.value(at: x)
    }

    /// An evaluator of the curve that keeps its slots from point to point.
    public func sampler() -> Sampler { Sampler(self) }

    /// Evaluates a `Curve` at one point after another without allocating: the variable's slot
    /// is set and the program's instructions run over the same slots.
    public struct Sampler {
        private var evaluator: Evaluator
        private let variable: Int?
        private let output: Int

        init(_ curve: Curve) {
            evaluator = Evaluator(curve.program)
            // Sets every leaf once; the point has the right size by construction.
            try? evaluator.evaluate(at: curve.point)
            variable = curve.variable
            output = curve.output
        }

        /// The curve's value at `x`: the same number as the program's output at a point whose
        /// variable is `x`.
        public mutating func value(at x: Double) -> Double {
            if let variable { evaluator.evaluate(leaf: variable, value: x) }
            return evaluator.value(ofOutput: output)
        }
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(hash) }

    public static func == (a: Curve, b: Curve) -> Bool {
        guard a.hash == b.hash, a.variable == b.variable, a.output == b.output,
            a.program.outputs[a.output] == b.program.outputs[b.output],
            a.program.instructions.count == b.program.instructions.count,
            a.program.initialSlots.count == b.program.initialSlots.count, a.point.count == b.point.count
        else { return false }
        for (x, y) in zip(a.program.instructions, b.program.instructions) {
            guard x.operation == y.operation, x.function == y.function, x.a == y.a, x.b == y.b,
                x.result == y.result
            else { return false }
        }
        return zip(a.program.initialSlots, b.program.initialSlots).allSatisfy { $0.bitPattern == $1.bitPattern }
            && zip(a.point, b.point).allSatisfy { $0.bitPattern == $1.bitPattern }
    }
}
