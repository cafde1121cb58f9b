import Calculus

/// Foundation (swift-foundation) has its own `Expression`; a module that imports both names
/// ours this way.
typealias Expression = Calculus.Expression

/// A symbol.
func s(_ name: String) -> Expression {
    .symbol(name)
}

/// The classic 2-2-1 network (Matt Mazur, "A Step by Step Backpropagation Example", first
/// output only): two inputs, two sigmoid hidden units sharing bias b_1, one sigmoid output,
/// squared-error loss E against target y.
func network() -> Context {
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
        "x_1": 0.05, "x_2": 0.10,
        "w_1": 0.15, "w_2": 0.20, "w_3": 0.25, "w_4": 0.30, "b_1": 0.35,
        "w_5": 0.40, "w_6": 0.45, "b_2": 0.60,
        "y": 0.01,
    ]
    return context
}

/// The value of `expression` in `context`, or nil when it is not a finite number.
func finiteValue(_ expression: Expression, in context: Context) -> Double? {
    if case .finite(let value) = context.evaluate(expression) { return value }
    return nil
}
