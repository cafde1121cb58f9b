// The Calculus benchmark: node evaluations per second and full gradients per second, on one
// core, for a 1000-node graph of definitions and for the 2-2-1 network. Run it with
// `scripts/bench-calculus` (release build). Everything but the timings is deterministic.
import Calculus

/// SplitMix64, so that the graph is the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// 16 leaves and 1000 definitions `v_i`, each using the one before and one drawn earlier,
/// through sums, products and squashing functions (so values stay finite); the sink is the last.
func graph() -> (context: Context, sink: Calculus.Expression) {
    var generator = SeededGenerator(state: 1000)
    var context = Context()
    var names: [String] = []
    for index in 0..<16 {
        let name = "x_\(index)"
        context.values[name] = Double.random(in: 0.1...0.9, using: &generator)
        names.append(name)
    }
    for index in 0..<1000 {
        let previous = Calculus.Expression.symbol(names[names.count - 1])
        let other = Calculus.Expression.symbol(names[Int.random(in: 0..<names.count, using: &generator)])
        let definition: Calculus.Expression
        switch index % 6 {
        case 0: definition = .call("sigmoid", previous + other)
        case 1: definition = previous * other
        case 2: definition = .call("tanh", previous - other)
        case 3: definition = previous * 0.5 + other
        case 4: definition = .call("sin", previous * other)
        default: definition = .power(previous, 2) + .call("exp", .negation(other))
        }
        let name = "v_\(index)"
        context.definitions[name] = definition
        names.append(name)
    }
    return (context, .symbol(names[names.count - 1]))
}

/// The 2-2-1 network of the tests: squared error of a sigmoid output over two sigmoid units.
func network() -> (context: Context, sink: Calculus.Expression) {
    func s(_ name: String) -> Calculus.Expression { .symbol(name) }
    var context = Context()
    context.definitions = [
        "n_1": s("x_1") * s("w_1") + s("x_2") * s("w_2") + s("b_1"),
        "n_2": s("x_1") * s("w_3") + s("x_2") * s("w_4") + s("b_1"),
        "h_1": .call("sigmoid", s("n_1")),
        "h_2": .call("sigmoid", s("n_2")),
        "o_1": s("h_1") * s("w_5") + s("h_2") * s("w_6") + s("b_2"),
        "a_1": .call("sigmoid", s("o_1")),
        "E": .power(s("y") - s("a_1"), 2) / 2,
    ]
    context.values = [
        "x_1": 0.05, "x_2": 0.10, "w_1": 0.15, "w_2": 0.20, "w_3": 0.25, "w_4": 0.30, "b_1": 0.35,
        "w_5": 0.40, "w_6": 0.45, "b_2": 0.60, "y": 0.01,
    ]
    return (context, s("E"))
}

/// Seconds of a duration.
func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

/// Runs `body(count)` with doubling counts until one run takes at least `minimum` seconds;
/// returns runs per second of the last run.
func rate(minimum: Double = 1, _ body: (Int) -> Void) -> Double {
    let clock = ContinuousClock()
    var count = 1
    while true {
        let elapsed = seconds(clock.measure { body(count) })
        if elapsed >= minimum { return Double(count) / elapsed }
        count *= elapsed < minimum / 8 ? 8 : 2
    }
}

func formatted(_ value: Double) -> String {
    if value >= 1e6 { return "\(Double(Int(value / 1e4)) / 100) M" }
    if value >= 1e3 { return "\(Double(Int(value / 10)) / 100) k" }
    return "\(Double(Int(value * 100)) / 100)"
}

/// Measures one graph and prints its figures; returns a checksum of the results, so that no
/// work can be optimised away.
func measure(_ title: String, context: Context, sink: Calculus.Expression) throws -> Double {
    var checksum = 0.0
    let program = try context.compile([sink])
    guard case .success(let base) = program.point(context.values) else { return .nan }
    var evaluator = Evaluator(program)
    var point = base
    let evaluations = rate { count in
        for index in 0..<count {
            point[0] = base[0] + Double(index & 1023) * 1e-6
            try? evaluator.evaluate(at: point)
            checksum += evaluator.value(ofOutput: 0)
        }
    }
    let gradients = rate { count in
        for index in 0..<count {
            point[0] = base[0] + Double(index & 1023) * 1e-6
            try? evaluator.differentiate(output: 0, at: point)
            checksum += evaluator.slope(ofLeaf: 0)
        }
    }
    let variable = program.leaves[0]
    var symbolicLine: String
    do {
        _ = try context.derivative(of: sink, withRespectTo: variable)
        let symbolic = rate(minimum: 0.5) { count in
            for _ in 0..<count {
                if let derivative = try? context.derivative(of: sink, withRespectTo: variable) {
                    checksum += Double(derivative.description.count)
                }
            }
        }
        symbolicLine = "\(formatted(symbolic))/s"
    } catch {
        symbolicLine = "not written out: \(error)"
    }
    let instructions = program.instructionCount
    print("\(title): \(program.leaves.count) leaves, \(instructions) tape instructions")
    print("  evaluations      \(formatted(evaluations))/s = \(formatted(evaluations * Double(instructions))) node evaluations/s")
    print("  full gradients   \(formatted(gradients))/s (forward + reverse pass, all \(program.leaves.count) leaves)")
    print("  symbolic ∂/∂\(variable) (differentiate + simplify)  \(symbolicLine)")
    return checksum
}

do {
    let (bigContext, bigSink) = graph()
    var checksum = try measure("1000-node graph", context: bigContext, sink: bigSink)
    let (smallContext, smallSink) = network()
    checksum += try measure("2-2-1 network (loss E)", context: smallContext, sink: smallSink)
    print("(checksum \(checksum.isFinite ? "finite" : "not finite"))")
} catch {
    print("error: \(error)")
}
