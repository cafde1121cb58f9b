import Calculus
import Document

extension NoteEvaluation {
    /// Every one-parameter function the note defines, with its derivative when the note
    /// speaks of it (`f'(x)` somewhere in its statements).
    func plots() -> [FunctionPlot] {
        var mentionedDerivatives = Set<String>()
        let sited = statements.statements
        for index in sited.indices {
            // Resolving keeps derivative nodes and makes no others: a side without one is skipped.
            for side in sited[index].statement.sides where Self.containsDerivativeNode(side) {
                definitions.resolve(side, at: sited[index].site, in: context).visitAll { node in
                    if case .derivative(let name, _, _) = node { mentionedDerivatives.insert(name) }
                }
            }
        }
        var plots: [FunctionPlot] = []
        for definition in oneParameterFunctions().prefix(Self.maximumPlots) {
            guard case .function(let parameters) = definition.kind, let parameter = parameters.first else { continue }
            // The curve's variable is a name no note can write, so a parameter that the note
            // also defines elsewhere (`h(u)` beside `u = xy`) cannot leak into the plot.
            let applied = Expression.apply(definition.key, [.symbol(Self.plotVariable)])
            guard let function = curve(applied) else { continue }
            let derivative = mentionedDerivatives.contains(definition.key)
                ? curve(.derivative(definition.key, order: 1, argument: .symbol(Self.plotVariable)))
                : nil
            let exampleX = context.definitions[parameter] == nil ? context.values[parameter] : nil
            plots.append(FunctionPlot(formula: definition.site.formula, name: definition.name, parameter: parameter,
                                      exampleX: exampleX, function: function, derivative: derivative))
        }
        return plots
    }

    static let plotVariable = "⟨x⟩"

    /// The most functions a note plots: each plot samples its function's program, which holds
    /// every function it applies, so 3000 functions each applying the one before took minutes
    /// to plot (issue 15).
    static let maximumPlots = 100

    /// The one-parameter functions the note defines, in order.
    private func oneParameterFunctions() -> [Definition] {
        definitions.all.filter { definition in
            if case .function(let parameters) = definition.kind { return parameters.count == 1 }
            return false
        }
    }

    /// A warning at the first function past `maximumPlots`, whether or not a page is drawn.
    func plotLimitWarning() -> Diagnostic? {
        let functions = oneParameterFunctions()
        guard functions.count > Self.maximumPlots else { return nil }
        let first = functions[Self.maximumPlots]
        let entry = statements.statements[first.statement]
        return Diagnostic(.warning, "not plotted: a note plots at most \(Self.maximumPlots) functions, and this one "
                              + "defines \(functions.count) of one parameter", at: entry.position, length: entry.tex.count)
    }

    /// `x ↦ value of expression` with every other leaf at its example value (0 without one).
    private func curve(_ expression: Expression) -> Curve? {
        guard let program = try? context.compile([expression]) else { return nil }
        return Curve(program, variable: Self.plotVariable, values: context.values)
    }

    /// Whether the expression has a `derivative` node (`f'(u)`).
    static func containsDerivativeNode(_ expression: Expression) -> Bool {
        var found = false
        expression.visitAll { node in
            if case .derivative = node { found = true }
        }
        return found
    }
}
