import Calculus
import Document
import TeX

/// Runs the update rules of a note (docs/note-language.md §13): the rules of one section are
/// one step, applied in order (`StepBodies`), repeated T times from the example point.
///
/// Each run is two compiled programs over arrays of slots: the losses the rules differentiate
/// (their gradients by one reverse pass per loss and step), and the rules' right sides with
/// each `∂L/∂p` read from that pass. No dictionary is touched inside the loop.
struct LearningCycle {
    /// The most steps a run may take.
    static let maximumSteps = 1_000_000

    /// A rule of a section, resolved.
    struct Rule {
        var statement: Int
        var key: String
        var name: String
        /// The right side as written (resolved).
        var body: Calculus.Expression
        /// The right side as the step computes it, in the values from before the step
        /// (`StepBodies`).
        var step: Calculus.Expression
        var position: SourcePosition
        var tex: String
    }

    private(set) var runs: [LearningRun] = []
    private(set) var diagnostics: [Diagnostic] = []
    /// The values of the names `X^(T)` and `X^(k)` the note uses, by name.
    private(set) var finalValues: [String: Double] = [:]
    /// Each rule's right side as its step computes it, by statement, and the helper definitions
    /// those sides use (`StepBodies`): the value a rule shows is this side's at the example point.
    private(set) var stepSides: [Int: Calculus.Expression] = [:]
    private(set) var stepHelpers: [String: Calculus.Expression] = [:]

    /// Runs every section's rules. `wanted` are the names of the form `X^(…)` the note uses
    /// without defining them; `context` holds the example point.
    init(statements: [SitedStatement], resolvedSides: [[Calculus.Expression]], definitions: NoteDefinitions,
         context: Context, leafIndex: LeafIndex, frontMatterSteps: Int?, options: NotebookOptions, wanted: Set<String>)
    {
        var bySection: [(section: Int, rules: [Rule])] = []
        // Where each key the last section's rules update is first updated.
        var updatedInSection: [String: SourcePosition] = [:]
        for index in statements.indices where statements[index].statement.kind == .update {
            let entry = statements[index]
            guard let head = entry.statement.head, let body = resolvedSides[index].first else { continue }
            func fail(_ message: String, hint: String? = nil) {
                diagnostics.append(Diagnostic(.error, message, at: entry.position, length: entry.tex.count, hint: hint))
            }
            let key = definitions.resolver.resolve(head.name, at: entry.site).flatMap { definitions[$0] }
            if let found = key, case .symbol = found.kind {
                let line = statements[found.statement].position.line
                fail("\(head.name) cannot be updated: it is defined by a formula (line \(line)); an update rule changes a leaf, a name bound to a number",
                     hint: "update the leaves \(head.name) depends on instead")
                continue
            }
            if let found = key, case .function = found.kind {
                fail("\(head.name) cannot be updated: it is a function; an update rule changes a leaf, a name bound to a number")
                continue
            }
            let rule = Rule(statement: index, key: key?.key ?? head.name, name: head.name, body: body,
                            step: body, position: entry.position, tex: entry.tex)
            if let last = bySection.indices.last, bySection[last].section == entry.site.section {
                if let earlier = updatedInSection[rule.key] {
                    fail("\(head.name) is updated twice in one step (first at line \(earlier.line)); the rules of a section are one step")
                    continue
                }
                bySection[last].rules.append(rule)
            } else {
                bySection.append((entry.site.section, [rule]))
                updatedInSection = [:]
            }
            updatedInSection[rule.key] = rule.position
        }
        for (section, written) in bySection {
            guard let first = written.first else { continue }
            // In order: each rule reads the new values of those above it (§13).
            var rules = written
            let stepContext: Context
            do {
                let step = try StepBodies(written.map { ($0.key, $0.body) }, section: section, context: context,
                                          leafIndex: leafIndex)
                for index in rules.indices {
                    rules[index].step = step.sides[index]
                    stepSides[rules[index].statement] = step.sides[index]
                }
                stepHelpers.merge(step.helpers) { first, _ in first }
                stepContext = StepBodies.context(over: context, helpers: step.helpers)
            } catch {
                diagnostics.append(Diagnostic(.error, "the update rules cannot run: \(error)", at: first.position,
                                              length: first.tex.count))
                continue
            }
            guard let (steps, source) = stepCount(at: statements[first.statement], statements: statements,
                                                  definitions: definitions,
                                                  context: context, frontMatterSteps: frontMatterSteps, options: options)
            else { continue }
            var run = Runner(rules: rules, context: stepContext, names: definitions.names, steps: steps, wanted: wanted,
                             budget: options.runBudget)
            switch run.prepare() {
            case .failure(let message):
                diagnostics.append(Diagnostic(.error, "the update rules cannot run: \(message)", at: first.position,
                                              length: first.tex.count))
                continue
            case .success:
                break
            }
            var result = run.run(source: source)
            result.position = first.position
            result.formula = rules.last.map { statements[$0.statement].site.formula }
            if let stop = run.stop {
                let rule = rules[stop.rule]
                diagnostics.append(Diagnostic(.error, stop.message, at: rule.position, length: rule.tex.count))
            }
            runs.append(result)
            for (name, value) in run.finalValues { finalValues[name] = value }
        }
    }

    /// T: `--steps`, else a binding of `T` the first rule sees, else the front matter's
    /// `steps:`, else 1 (with a warning). An error (and nil) when a bad one is given.
    private mutating func stepCount(at rule: SitedStatement, statements: [SitedStatement],
                                    definitions: NoteDefinitions, context: Context,
                                    frontMatterSteps: Int?, options: NotebookOptions) -> (Int, String)?
    {
        var value: Double?
        var source = ""
        if let steps = options.steps {
            value = Double(steps)
            source = "--steps"
        } else if let site = definitions.resolver.resolve("T", at: rule.site), let found = definitions[site],
            case .binding = found.kind, let bound = context.values[found.key]
        {
            value = bound
            source = "T = \(NumberText.format(bound)), line \(statements[found.statement].position.line)"
        } else if let steps = frontMatterSteps {
            value = Double(steps)
            source = "front matter steps"
        }
        func fail(_ message: String, hint: String? = nil) -> (Int, String)? {
            diagnostics.append(Diagnostic(.error, message, at: rule.position, length: rule.tex.count, hint: hint))
            return nil
        }
        guard let value else {
            // "One gradient step gives $w := w - \alpha g$": the step the note states.
            diagnostics.append(Diagnostic(.warning, "the update rules have no number of steps: one step is run",
                                          at: rule.position, length: rule.tex.count,
                                          hint: "bind T in their section ($T = 100$), write steps: 100 in the front matter, or give --steps"))
            return (1, "no T given")
        }
        guard value >= 0, value == value.rounded() else {
            return fail("the number of steps (\(source)) must be a whole number, not \(NumberText.format(value))")
        }
        guard value <= Double(Self.maximumSteps) else {
            return fail("the number of steps (\(source)) is more than \(Self.maximumSteps), the most a run may take")
        }
        return (Int(value), source)
    }
}

/// One run of one section's rules.
private struct Runner {
    let rules: [LearningCycle.Rule]
    let context: Context
    let names: NoteNames
    let steps: Int
    let wanted: Set<String>
    let budget: Double

    private(set) var stop: (rule: Int, message: String)?
    private(set) var finalValues: [String: Double] = [:]

    /// The rules' right sides and the losses they differentiate (and the defined names wanted at
    /// a step), compiled.
    private var gradients: RuleGradients?
    /// Each parameter's position in the leaves of each program (-1: not a leaf there).
    private var lossPositions: [Int] = []
    private var rulePositions: [Int] = []
    private var lossPoint: [Double] = []
    private var rulePoint: [Double] = []
    /// Names `X^(k)` wanted: (name, base key, step, output in the losses' program or -1 for a parameter).
    private var wantedValues: [(name: String, parameter: Int, output: Int, step: Int)] = []

    init(rules: [LearningCycle.Rule], context: Context, names: NoteNames, steps: Int, wanted: Set<String>,
         budget: Double)
    {
        self.rules = rules
        self.context = context
        self.names = names
        self.steps = steps
        self.wanted = wanted
        self.budget = budget
    }

    /// Compiles both programs and fills both points from the example point.
    mutating func prepare() -> Result<Void, CalculusError> {
        // The names `X^(k)`: X a parameter or a defined name, k T or a whole number up to T.
        var extra: [String] = []
        var extraNumbers: [String: Int] = [:]
        // Each rule by its key and by its name (the first rule of either).
        var ruleNumbers: [String: Int] = [:]
        for (index, rule) in rules.enumerated().reversed() {
            ruleNumbers[rule.name] = index
            ruleNumbers[rule.key] = index
        }
        for name in wanted.sorted() {
            guard let (written, step) = Self.split(name, steps: steps) else { continue }
            var base = written
            if context.definitions[base] == nil, ruleNumbers[base] == nil,
                let copy = DataTable.rowCopyKey(of: base, in: context)
            {
                base = copy
            }
            if let parameter = ruleNumbers[base] {
                wantedValues.append((name, parameter, -1, step))
            } else if context.definitions[base] != nil {
                if extraNumbers[base] == nil {
                    extraNumbers[base] = extra.count
                    extra.append(base)
                }
                wantedValues.append((name, -1, -2 - extraNumbers[base]!, step))
            }
        }
        do {
            let gradients = try RuleGradients(bodies: rules.map(\.step), extra: extra, context: context)
            self.gradients = gradients
            for index in wantedValues.indices where wantedValues[index].output <= -2 {
                wantedValues[index].output = gradients.losses.count + (-2 - wantedValues[index].output)
            }
            let lossLeaves = RuleGradients.positions(gradients.lossProgram)
            let ruleLeaves = RuleGradients.positions(gradients.ruleProgram)
            lossPositions = rules.map { lossLeaves[$0.key] ?? -1 }
            rulePositions = rules.map { ruleLeaves[$0.key] ?? -1 }
            lossPoint = try gradients.point(of: gradients.lossProgram, values: context.values)
            rulePoint = try gradients.point(of: gradients.ruleProgram, values: context.values)
            return .success(())
        } catch {
            return .failure(error)
        }
    }

    /// `w_1^(T)` → (`w_1`, T); `L^(3)` → (`L`, 3) when 3 ≤ T.
    static func split(_ name: String, steps: Int) -> (String, Int)? {
        guard let base = NoteStatements.runBase(name) else { return nil }
        if name.hasSuffix("^(T)") { return (base, steps) }
        let inner = name.dropFirst(base.count + 2).dropLast()
        guard let step = Int(inner), step >= 0, step <= steps else { return nil }
        return (base, step)
    }

    /// Runs the steps; `stop` says why when it ends early.
    mutating func run(source: String) -> LearningRun {
        var result = LearningRun(position: SourcePosition(line: 0, column: 0), steps: steps, stepsSource: source,
                                 parameters: rules.map(\.name), losses: (gradients?.losses ?? []).map(names.noteName))
        guard let gradients else { return result }
        let losses = gradients.losses
        var lossEvaluator = Evaluator(gradients.lossProgram)
        var ruleEvaluator = Evaluator(gradients.ruleProgram)
        var parameters = rules.map { rule in context.values[rule.key] ?? .nan }
        var lossValues = [Double](repeating: .nan, count: losses.count)
        var next = parameters
        let tableSteps = Self.tableSteps(steps)
        let stride = max(1, steps / 500)
        let wantedSteps = Set(wantedValues.map(\.step))
        var parametersAt: [Int: [Double]] = [:]
        let clock = ContinuousClock()
        let start = clock.now
        let limit = Duration.milliseconds(Int64(budget * 1000))
        var step = 0
        func record(_ step: Int) {
            let row = LearningRun.Row(step: step, parameters: parameters, losses: lossValues)
            if tableSteps.contains(step) { result.table.append(row) }
            if step % stride == 0 || step == steps { result.curve.append(row) }
        }
        while true {
            // The losses at the current parameters, and their gradients.
            do {
                try lossEvaluator.evaluate(at: lossPoint)
            } catch {
                break
            }
            for index in losses.indices { lossValues[index] = lossEvaluator.value(ofOutput: index) }
            if wantedSteps.contains(step) { parametersAt[step] = parameters }
            if step == steps {
                record(step)
                break
            }
            gradients.fillGradients(&rulePoint, from: &lossEvaluator)
            do {
                try ruleEvaluator.evaluate(at: rulePoint)
            } catch {
                break
            }
            record(step)
            for index in rules.indices {
                let value = ruleEvaluator.value(ofOutput: index)
                if !value.isFinite {
                    let outcome = ruleEvaluator.outcome(ofOutput: index)
                    var why = ""
                    if case .nonFinite(_, let reason) = outcome { why = " (\(reason))" }
                    let message = "the run stops at step \(step + 1) of \(steps): \(rules[index].name) ← \(rules[index].body) "
                        + "gives \(NumberText.format(value))\(why)"
                    stop = (index, message)
                    result.stopped = message
                    break
                }
                next[index] = value
            }
            if stop != nil { break }
            // All at once: every side is written in the values from before the step (`StepBodies`).
            swap(&parameters, &next)
            for index in rules.indices {
                if lossPositions[index] >= 0 { lossPoint[lossPositions[index]] = parameters[index] }
                if rulePositions[index] >= 0 { rulePoint[rulePositions[index]] = parameters[index] }
            }
            step += 1
            if step % 256 == 0, clock.now - start > limit {
                let message = "the run stops at step \(step) of \(steps): it took more than \(NumberText.format(budget)) s"
                stop = (0, message)
                result.stopped = message
                break
            }
        }
        if result.curve.last?.step != step, stop == nil { record(step) }
        // The steps reached have their names, also when the run stopped before T.
        do {
            for wanted in wantedValues {
                guard let values = parametersAt[wanted.step] else { continue }
                if wanted.parameter >= 0 {
                    finalValues[wanted.name] = values[wanted.parameter]
                } else {
                    for index in rules.indices where lossPositions[index] >= 0 { lossPoint[lossPositions[index]] = values[index] }
                    if (try? lossEvaluator.evaluate(at: lossPoint)) != nil {
                        finalValues[wanted.name] = lossEvaluator.value(ofOutput: wanted.output)
                    }
                }
            }
        }
        return result
    }

    /// The steps the table shows: 0 to 3, five between, the last.
    static func tableSteps(_ steps: Int) -> Set<Int> {
        var chosen = Set((0...min(3, steps)).map { $0 })
        chosen.insert(steps)
        if steps > 8 {
            for part in 1...5 { chosen.insert(steps * part / 6) }
        }
        return chosen
    }
}
