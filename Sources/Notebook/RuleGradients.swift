import Calculus

/// Update rules' right sides compiled with each `∂L/∂p` (L a defined loss, p a leaf) as a leaf
/// of their program, and the losses compiled apart: one reverse pass over a loss gives its
/// slope with respect to every parameter at once, where a symbolic derivative of the whole loss
/// for each rule made n rules over a loss of n terms quadratic (docs/note-language.md §13).
/// A run of the rules (`LearningCycle`) and the value each rule shows (`NoteContext`) both read
/// their gradients so.
struct RuleGradients {
    /// The losses differentiated, by key, in order of first use: the first outputs of
    /// `lossProgram`.
    let losses: [String]
    /// The losses, then the `extra` defined symbols asked for.
    let lossProgram: Program
    /// The rules' right sides, one output each, every `∂L/∂p` a leaf.
    let ruleProgram: Program
    /// For each gradient leaf of `ruleProgram`: (its position there, the loss's output, the
    /// parameter's position in `lossProgram`'s leaves or -1 when the loss does not use it).
    let links: [(rulePosition: Int, loss: Int, lossPosition: Int)]
    /// The names of the gradient leaves of `ruleProgram`.
    private let gradientLeaves: Set<String>

    /// Compiles `bodies` (the rules' right sides, resolved) and the losses they differentiate,
    /// with `extra` after the losses.
    init(bodies: [Calculus.Expression], extra: [String] = [], context: Context) throws(CalculusError) {
        var gradients: [(name: String, loss: String, variable: String)] = []
        var gradientNames = Set<String>()
        var losses: [String] = []
        var lossNumbers: [String: Int] = [:]
        func replacingGradients(_ expression: Calculus.Expression) -> Calculus.Expression {
            if case .partial(.symbol(let loss), let variable, 1) = expression, context.definitions[loss] != nil,
                context.isLeaf(variable)
            {
                let name = "\u{1}∂\(loss)/∂\(variable)"
                if gradientNames.insert(name).inserted { gradients.append((name, loss, variable)) }
                if lossNumbers[loss] == nil {
                    lossNumbers[loss] = losses.count
                    losses.append(loss)
                }
                return .symbol(name)
            }
            return expression.mapChildren(replacingGradients)
        }
        let replaced = bodies.map(replacingGradients)
        lossProgram = try context.compile((losses + extra).map { .symbol($0) })
        ruleProgram = try context.compile(replaced)
        self.losses = losses
        gradientLeaves = gradientNames
        let lossLeaves = Self.positions(lossProgram)
        let ruleLeaves = Self.positions(ruleProgram)
        // By loss, so that each loss is passed through once.
        links = gradients.compactMap { gradient in
            guard let position = ruleLeaves[gradient.name], let loss = lossNumbers[gradient.loss] else { return nil }
            return (position, loss, lossLeaves[gradient.variable] ?? -1)
        }.sorted { $0.loss < $1.loss }
    }

    /// Each leaf of `program` by name, its position.
    static func positions(_ program: Program) -> [String: Int] {
        var result: [String: Int] = [:]
        for (position, leaf) in program.leaves.enumerated() { result[leaf] = position }
        return result
    }

    /// The point of `program` (`lossProgram` or `ruleProgram`) where the leaves have `values`,
    /// the gradient leaves 0 until `fillGradients` writes them.
    func point(of program: Program, values: [String: Double]) throws(CalculusError) -> [Double] {
        try program.leaves.map { (leaf: String) throws(CalculusError) -> Double in
            if gradientLeaves.contains(leaf) { return 0 }
            guard let value = values[leaf] else { throw CalculusError.undefinedSymbol(leaf) }
            return value
        }
    }

    /// Writes each gradient into `rulePoint`, by one reverse pass per loss of `lossEvaluator`,
    /// which has just evaluated `lossProgram`.
    func fillGradients(_ rulePoint: inout [Double], from lossEvaluator: inout Evaluator) {
        var lastLoss = -1
        for link in links {
            if link.loss != lastLoss {
                lossEvaluator.backpropagate(output: link.loss)
                lastLoss = link.loss
            }
            rulePoint[link.rulePosition] = link.lossPosition >= 0 ? lossEvaluator.slope(ofLeaf: link.lossPosition) : 0
        }
    }

    /// The value of each rule's right side where the leaves have `values`: the losses
    /// evaluated, their gradients taken, then the rules.
    func values(at values: [String: Double]) -> [Outcome] {
        do {
            var lossEvaluator = Evaluator(lossProgram)
            try lossEvaluator.evaluate(at: try point(of: lossProgram, values: values))
            var rulePoint = try point(of: ruleProgram, values: values)
            fillGradients(&rulePoint, from: &lossEvaluator)
            return ruleProgram.values(at: rulePoint)
        } catch {
            return Array(repeating: .failure(error), count: ruleProgram.outputCount)
        }
    }
}
