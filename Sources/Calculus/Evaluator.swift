import Foundation

/// Runs a `Program` at many points reusing its buffers: the fast path for sampling and for
/// benchmarks. After `evaluate(at:)` read `value(ofOutput:)` or `outcome(ofOutput:)`; after
/// `differentiate(output:at:)` (or `evaluate(at:)` then `backpropagate(output:)`) also
/// `slope(ofLeaf:)` and `slope(ofNode:)`.
public struct Evaluator: Sendable {
    /// The program run.
    public let program: Program
    private var slots: [Double]
    private var adjoints: [Double]
    /// The slot the adjoints are the slopes of, at the point of the last evaluation (none
    /// before a reverse pass, or after a new evaluation): outputs that are the same slot (the
    /// claims `∂L/∂h_9 = …` and `∂L/∂h_8 = …` differentiate one L) share one reverse pass.
    private var differentiatedSlot: Int?
    /// The adjoints the last reverse pass may have written, zeroed before the next one: all of
    /// them, or those of one output's own instructions (`Program.reverseStarts`).
    private var written = Written.none

    private enum Written {
        case none, all
        case instructions(Range<Int>, output: Int)
    }

    /// An evaluator for `program`.
    public init(_ program: Program) {
        self.program = program
        self.slots = program.initialSlots
        self.adjoints = [Double](repeating: 0, count: program.initialSlots.count)
    }

    /// Evaluates every output at `point` (values of `program.leaves`, in order). Throws
    /// `pointSize` when the point has the wrong number of values.
    public mutating func evaluate(at point: [Double]) throws(CalculusError) {
        guard point.count == program.leaves.count else {
            throw .pointSize(expected: program.leaves.count, got: point.count)
        }
        slots.withUnsafeMutableBufferPointer { slots in
            for index in point.indices { slots[index] = point[index] }
        }
        runInstructions()
    }

    /// Sets the leaf at `position` (in `program.leaves`) to `value` and evaluates every output,
    /// the other leaves keeping their values from the last evaluation: one slot written, no
    /// point built. The fast path for sampling along one leaf (`Curve`).
    @inline(__always)
    public mutating func evaluate(leaf position: Int, value: Double) {
        precondition(program.leaves.indices.contains(position), "no leaf at \(position)")
        slots[position] = value
        runInstructions()
    }

    /// Runs the program's instructions over the slots, the leaves' slots already set.
    @inline(__always)
    private mutating func runInstructions() {
        differentiatedSlot = nil
        let program = self.program
        slots.withUnsafeMutableBufferPointer { slots in
            program.instructions.withUnsafeBufferPointer { instructions in
                program.functions.withUnsafeBufferPointer { functions in
                    for instruction in instructions {
                        if instruction.operation == .select {
                            slots[Int(instruction.result)] = Comparison.choose(
                                slots[Int(instruction.function)], slots[Int(instruction.a)], slots[Int(instruction.b)])
                            continue
                        }
                        slots[Int(instruction.result)] = instruction.operation.apply(
                            slots[Int(instruction.a)], slots[Int(instruction.b)],
                            function: instruction.function, functions: functions)
                    }
                }
            }
        }
    }

    /// Evaluates at `point` and then, by one reverse pass, the derivatives of output `index`
    /// with respect to every slot. An output index out of range leaves every slope 0.
    public mutating func differentiate(output index: Int, at point: [Double]) throws(CalculusError) {
        try evaluate(at: point)
        backpropagate(output: index)
    }

    /// The reverse pass of `differentiate(output:at:)` alone, at the point of the last
    /// `evaluate(at:)`: the same slopes, without evaluating the point again (several outputs
    /// differentiated at one point need one forward pass).
    ///
    /// The pass starts at the instruction that writes the output: every slot is written once,
    /// so no later instruction feeds the output, and all their slopes would be 0 (a program
    /// of many outputs, the sides of a note's claims, differentiates one by a fraction of it).
    ///
    /// An output whose instructions read nothing computed before them (`Program.reverseStarts`)
    /// is differentiated through its own instructions alone, and only the adjoints the last
    /// pass wrote are zeroed: n outputs of a program compiled apart take time linear in it.
    public mutating func backpropagate(output index: Int) {
        let program = self.program
        let output = program.outputs.indices.contains(index) ? Int(program.outputs[index]) : nil
        // The slopes of that slot at this point already.
        if let output, output == differentiatedSlot { return }
        differentiatedSlot = output
        let slots = self.slots
        let written = self.written
        let lowest = output == nil ? 0 : program.reverseStarts[index]
        // -1 for an output that is a leaf or a constant (or none): no instruction feeds it.
        let producer = output.map { Int(program.producers[$0]) } ?? -1
        adjoints.withUnsafeMutableBufferPointer { adjoints in
            program.instructions.withUnsafeBufferPointer { instructions in
                switch written {
                case .none:
                    break
                case .all:
                    for slot in adjoints.indices { adjoints[slot] = 0 }
                case .instructions(let range, let output):
                    adjoints[output] = 0
                    for position in range {
                        adjoints[Int(instructions[position].a)] = 0
                        adjoints[Int(instructions[position].b)] = 0
                        adjoints[Int(instructions[position].result)] = 0
                    }
                }
                guard let output else { return }
                adjoints[output] = 1
                slots.withUnsafeBufferPointer { slots in
                    program.functions.withUnsafeBufferPointer { functions in
                        var position = producer
                        while position >= lowest {
                            Evaluator.propagate(instructions[position], slots: slots, adjoints: adjoints,
                                                functions: functions)
                            position -= 1
                        }
                    }
                }
            }
        }
        if let output, lowest > 0, producer >= lowest {
            self.written = .instructions(lowest..<(producer + 1), output: output)
        } else if output == nil || producer < 0 {
            // Only the output's own adjoint was set.
            self.written = output.map { .instructions(0..<0, output: $0) } ?? .none
        } else {
            self.written = .all
        }
    }

    /// The value of output `index` after `evaluate`; NaN for an index out of range.
    public func value(ofOutput index: Int) -> Double {
        guard program.outputs.indices.contains(index) else { return .nan }
        return slots[Int(program.outputs[index])]
    }

    /// The value of output `index` after `evaluate`, with the origin of a NaN or infinity.
    public func outcome(ofOutput index: Int) -> Outcome {
        guard program.outputs.indices.contains(index) else { return .finite(.nan) }
        var origins: [Int32: Int32] = [:]
        return outcome(ofSlot: program.outputs[index], origins: &origins)
    }

    /// The outcome of every output after `evaluate`, in order. Each non-finite one is followed
    /// back to its origin once for all: a chain of 2000 infinite definitions, each followed back
    /// on its own, was quadratic.
    public func outcomes() -> [Outcome] {
        var origins: [Int32: Int32] = [:]
        return program.outputs.map { outcome(ofSlot: $0, origins: &origins) }
    }

    private func outcome(ofSlot slot: Int32, origins: inout [Int32: Int32]) -> Outcome {
        let value = slots[Int(slot)]
        if value.isFinite { return .finite(value) }
        return .nonFinite(value, reason(ofOrigin: origin(of: slot, known: &origins)))
    }

    /// ∂output/∂leaf for the leaf at `position` in `program.leaves`, after `differentiate`.
    public func slope(ofLeaf position: Int) -> Double {
        guard program.leaves.indices.contains(position) else { return 0 }
        return adjoints[position]
    }

    /// ∂output/∂node for the defined symbol `name` taken as an input, after `differentiate`;
    /// nil when the program has no such definition.
    public func slope(ofNode name: String) -> Double? {
        program.slot(ofDefinition: name).map(slope(ofSlot:))
    }

    /// ∂output/∂node for the defined symbol in `slot` (`Program.slot(ofDefinition:)`), after
    /// `differentiate`: a slope read at many points without looking its name up each time.
    public func slope(ofSlot slot: Int) -> Double {
        adjoints[slot]
    }

    @inline(__always)
    private static func propagate(
        _ instruction: Instruction, slots: UnsafeBufferPointer<Double>,
        adjoints: UnsafeMutableBufferPointer<Double>, functions: UnsafeBufferPointer<BuiltinFunction>
    ) {
        let g = adjoints[Int(instruction.result)]
        if g == 0 { return }
        let a = Int(instruction.a)
        let b = Int(instruction.b)
        let x = slots[a]
        let y = slots[b]
        switch instruction.operation {
        case .copy:
            adjoints[a] += g
        case .add:
            adjoints[a] += g
            adjoints[b] += g
        case .subtract:
            adjoints[a] += g
            adjoints[b] -= g
        case .multiply:
            adjoints[a] += g * y
            adjoints[b] += g * x
        case .divide:
            adjoints[a] += g / y
            adjoints[b] -= g * slots[Int(instruction.result)] / y
        case .negate:
            adjoints[a] -= g
        case .square:
            adjoints[a] += 2 * g * x
        case .powerConstant:
            adjoints[a] += g * y * Foundation.pow(x, y - 1)
        case .power:
            adjoints[a] += g * y * Foundation.pow(x, y - 1)
            if x != 0 { adjoints[b] += g * slots[Int(instruction.result)] * Foundation.log(x) }
        case .call1:
            adjoints[a] += g * functions[Int(instruction.function)].slopes(x, y, slots[Int(instruction.result)]).0
        case .call2:
            let (p, q) = functions[Int(instruction.function)].slopes(x, y, slots[Int(instruction.result)])
            adjoints[a] += g * p
            adjoints[b] += g * q
        case .compare:
            break
        case .select:
            // Only the branch taken: the other may be undefined here (its slopes NaN).
            let condition = slots[Int(instruction.function)]
            if condition.isNaN {
                adjoints[a] += .nan
            } else {
                adjoints[condition != 0 ? a : b] += g
            }
        }
    }

    /// The slot where a non-finite value starts, following non-finite operands back from `slot`:
    /// a leaf, a slot no instruction produces, or one whose operation had finite operands.
    /// `known` holds the origins found before, and takes those of the slots passed on the way.
    private func origin(of slot: Int32, known: inout [Int32: Int32]) -> Int32 {
        var current = slot
        var passed: [Int32] = []
        for _ in 0...program.instructions.count {
            if let origin = known[current] {
                current = origin
                break
            }
            guard Int(current) >= program.leaves.count, program.producers[Int(current)] >= 0 else { break }
            let instruction = program.instructions[Int(program.producers[Int(current)])]
            let inputs = inputs(of: instruction)
            guard let bad = inputs.first(where: { !slots[Int($0)].isFinite }) else { break }
            passed.append(current)
            current = bad
        }
        for slot in passed { known[slot] = current }
        return current
    }

    /// The slots whose values an instruction's value came from: its operands; for `select`, the
    /// condition where it is NaN, else the branch taken.
    private func inputs(of instruction: Instruction) -> [Int32] {
        switch instruction.operation {
        case .select:
            let condition = slots[Int(instruction.function)]
            if condition.isNaN { return [instruction.function] }
            let taken = condition != 0 ? instruction.a : instruction.b
            // The NaN of cases without `otherwise` starts here, where no row held.
            if program.producers[Int(taken)] < 0, Int(taken) >= program.leaves.count, slots[Int(taken)].isNaN { return [] }
            return [taken]
        default:
            return instruction.operation.isUnary ? [instruction.a] : [instruction.a, instruction.b]
        }
    }

    /// Why the value at `slot`, the origin of a non-finite value (see `origin(of:known:)`), is
    /// not finite.
    private func reason(ofOrigin slot: Int32) -> NonFiniteReason {
        let current = Int(slot)
        if current < program.leaves.count {
            return NonFiniteReason(kind: .nonFiniteInput, operation: program.leaves[current], operands: [])
        }
        let producer = Int(program.producers[current])
        guard producer >= 0 else {
            return NonFiniteReason(kind: .nonFiniteInput, operation: Expression.text(of: slots[current]), operands: [])
        }
        let instruction = program.instructions[producer]
        let inputs = inputs(of: instruction)
        var operands = inputs.map { slots[Int($0)] }
        let value = slots[current]
        let kind: NonFiniteReason.Kind =
            instruction.operation == .select ? .noCase
            : value.isNaN ? .undefined : (operands.contains(0) ? .pole : .overflow)
        let name: String
        switch instruction.operation {
        case .copy: name = "copy"
        case .add: name = "+"
        case .subtract, .negate: name = "-"
        case .multiply: name = "*"
        case .divide: name = "/"
        case .square:
            name = "^"
            operands.append(2)
        case .powerConstant, .power: name = "^"
        case .call1, .call2: name = program.functions[Int(instruction.function)].name
        case .compare:
            name = Comparison(rawValue: UInt8(truncatingIfNeeded: instruction.function))?.symbol ?? "compare"
        case .select: name = "cases"
        }
        return NonFiniteReason(kind: kind, operation: name, operands: operands)
    }
}
