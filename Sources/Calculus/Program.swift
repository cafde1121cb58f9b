import Foundation

/// Expressions compiled against a context into a flat tape of instructions over numbered slots,
/// for fast evaluation at many points and for reverse-mode gradients.
///
/// Slots `0..<leaves.count` hold the leaves' values; the other slots hold constants and the
/// results of instructions, in evaluation order. Definitions are evaluated once each however
/// many times they are used; functions of the context are inlined at each call. Make one with
/// `Context.compile(_:)`; run it with `values(at:)`, `gradient(of:at:)` or, to reuse buffers
/// across many points, an `Evaluator`.
public struct Program: Sendable {
    /// The leaves, in natural order: a point gives their values in this order.
    public let leaves: [String]
    /// The number of expressions compiled (outputs), in the order given to `compile`.
    public var outputCount: Int { outputs.count }
    /// The number of instructions (node evaluations) one evaluation of every output performs.
    public var instructionCount: Int { instructions.count }

    let instructions: [Instruction]
    /// Slot values before a run: constants set, the rest zero.
    let initialSlots: [Double]
    let outputs: [Int32]
    /// The index of the instruction that writes each slot, or -1 (leaves and constants).
    let producers: [Int32]
    /// The slot of each defined symbol.
    let definitionSlots: [String: Int32]
    let functions: [BuiltinFunction]
    /// For each output, the first instruction its reverse pass must visit: the first of its own
    /// when its instructions read nothing computed before them (only leaves and constants), as
    /// each output of a program compiled apart from a context without definitions; else 0.
    let reverseStarts: [Int]

    /// `outputStarts`: the number of instructions emitted before each output was compiled.
    init(
        leaves: [String], instructions: [Instruction], initialSlots: [Double], outputs: [Int32],
        outputStarts: [Int], definitionSlots: [String: Int32]
    ) {
        self.leaves = leaves
        self.instructions = instructions
        self.initialSlots = initialSlots
        self.outputs = outputs
        self.definitionSlots = definitionSlots
        self.functions = Builtins.all
        var producers = [Int32](repeating: -1, count: initialSlots.count)
        for (index, instruction) in instructions.enumerated() { producers[Int(instruction.result)] = Int32(index) }
        self.producers = producers
        // Each output's own instructions checked once: a reverse pass per output that went down
        // to the first instruction made the partials of n definitions n^2 (issue 15).
        reverseStarts = outputs.indices.map { index in
            let start = outputStarts[index]
            let end = index + 1 < outputStarts.count ? outputStarts[index + 1] : instructions.count
            let producer = Int(producers[Int(outputs[index])])
            guard start > 0, producer >= start, producer < end else { return 0 }
            for position in start...producer {
                let instruction = instructions[position]
                if producers[Int(instruction.a)] >= 0 && producers[Int(instruction.a)] < start { return 0 }
                if producers[Int(instruction.b)] >= 0 && producers[Int(instruction.b)] < start { return 0 }
            }
            return start
        }
    }

    /// The slot of the defined symbol `name`, where `Evaluator.slope(ofSlot:)` reads its slope;
    /// nil when the program has no such definition.
    public func slot(ofDefinition name: String) -> Int? {
        definitionSlots[name].map(Int.init)
    }

    /// The value of every output at `point` (values of `leaves`, in order).
    public func values(at point: [Double]) -> [Outcome] {
        var evaluator = Evaluator(self)
        do {
            try evaluator.evaluate(at: point)
        } catch {
            return Array(repeating: .failure(error), count: outputCount)
        }
        return evaluator.outcomes()
    }

    /// The value of every output at the point given by name; a leaf missing from `point` makes
    /// every outcome `failure(.undefinedSymbol(leaf))`.
    public func values(at point: [String: Double]) -> [Outcome] {
        switch self.point(point) {
        case .success(let values): return self.values(at: values)
        case .failure(let error): return Array(repeating: .failure(error), count: outputCount)
        }
    }

    /// The value of output `index` and its derivatives, by reverse mode, with respect to every
    /// leaf and every defined symbol it uses, at `point` (values of `leaves`, in order).
    public func gradient(of index: Int = 0, at point: [Double]) -> Gradient {
        var evaluator = Evaluator(self)
        do {
            try evaluator.differentiate(output: index, at: point)
        } catch {
            return Gradient(value: .failure(error), leaves: [:], nodes: [:])
        }
        var leafSlopes: [String: Double] = [:]
        for (position, leaf) in leaves.enumerated() { leafSlopes[leaf] = evaluator.slope(ofLeaf: position) }
        var nodeSlopes: [String: Double] = [:]
        for name in definitionSlots.keys { nodeSlopes[name] = evaluator.slope(ofNode: name) }
        return Gradient(value: evaluator.outcome(ofOutput: index), leaves: leafSlopes, nodes: nodeSlopes)
    }

    /// `gradient(of:at:)` at the point given by name.
    public func gradient(of index: Int = 0, at point: [String: Double]) -> Gradient {
        switch self.point(point) {
        case .success(let values): return gradient(of: index, at: values)
        case .failure(let error): return Gradient(value: .failure(error), leaves: [:], nodes: [:])
        }
    }

    /// The values of `leaves` taken from a point given by name.
    public func point(_ values: [String: Double]) -> Result<[Double], CalculusError> {
        var point: [Double] = []
        point.reserveCapacity(leaves.count)
        for leaf in leaves {
            guard let value = values[leaf] else { return .failure(.undefinedSymbol(leaf)) }
            point.append(value)
        }
        return .success(point)
    }
}

/// The value of one output and its reverse-mode derivatives.
public struct Gradient: Equatable, Sendable {
    /// The output's value.
    public var value: Outcome
    /// ∂output/∂leaf for every leaf of the program.
    public var leaves: [String: Double]
    /// ∂output/∂node for every defined symbol of the program, the node taken as an input
    /// (docs/note-language.md §6; 0 for a node the output does not use).
    public var nodes: [String: Double]

    /// A gradient with the given parts.
    public init(value: Outcome, leaves: [String: Double], nodes: [String: Double]) {
        self.value = value
        self.leaves = leaves
        self.nodes = nodes
    }
}

/// One step of a program: `slots[result] = operation(slots[a], slots[b])`.
struct Instruction: Sendable {
    var operation: Operation
    /// For calls, the position of the built-in in `Builtins.all`; for `compare`, the raw value
    /// of the `Comparison`; for `select`, the slot of the condition.
    var function: Int32
    var a: Int32
    /// Equal to `a` for operations of one operand.
    var b: Int32
    var result: Int32
}

/// The operations of the tape.
enum Operation: UInt8, Sendable {
    case copy, add, subtract, multiply, divide, negate, square
    /// `a^b` where `b` is a constant (no derivative with respect to it).
    case powerConstant
    case power
    case call1, call2
    /// 1 where `a` and `b` are in the relation `function` (a `Comparison`), 0 where they are
    /// not, NaN where either is NaN; no slope.
    case compare
    /// `a` where the condition in slot `function` is not 0, `b` where it is 0, NaN where it is
    /// NaN: the slope goes to the branch taken alone. Run by the evaluator, which reads the
    /// condition's slot (`apply` gives `a`).
    case select

    /// Whether the operation reads only its first operand.
    var isUnary: Bool {
        switch self {
        case .copy, .negate, .square, .call1: true
        default: false
        }
    }

    /// The value of the operation; `functions` is `Builtins.all`.
    @inline(__always)
    func apply(_ x: Double, _ y: Double, function: Int32, functions: UnsafeBufferPointer<BuiltinFunction>) -> Double {
        switch self {
        case .copy: x
        case .add: x + y
        case .subtract: x - y
        case .multiply: x * y
        case .divide: x / y
        case .negate: -x
        case .square: x * x
        case .powerConstant, .power: Foundation.pow(x, y)
        case .call1, .call2: functions[Int(function)].value(x, y)
        case .compare: Comparison(rawValue: UInt8(truncatingIfNeeded: function))?.value(x, y) ?? .nan
        case .select: x
        }
    }
}
