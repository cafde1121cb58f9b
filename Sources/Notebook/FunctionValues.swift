import Calculus

/// The value each function definition of a note shows: the function applied to its parameters'
/// values, computed for all the note's functions by one program.
///
/// One program per function compiled every function it applies, directly or not, again: a
/// chain of 3000 functions, each applying the one before, took 9 s (issue 15). In one program a
/// function applied to the same values is computed once.
struct FunctionValues {
    private var values: [StatementSite: Double] = [:]

    init(definitions: NoteDefinitions, context: Context, functions: FunctionApplications) {
        var sites: [StatementSite] = []
        var applications: [Expression] = []
        // Each after the functions it applies: applied to the same values (`f_k(x)` applying
        // `f_{k-1}(x)`), each is then compiled once, not once per function applying it (in a
        // chain written last function first, each compile went down the whole chain again).
        let ordered = definitions.all.enumerated().sorted { a, b in
            (functions.rank(of: a.element.key), a.offset) < (functions.rank(of: b.element.key), b.offset)
        }
        for (_, definition) in ordered {
            guard case .function(let parameters) = definition.kind, context.functions[definition.key] != nil,
                !functions.isOnCycle(definition.key)
            else { continue }
            sites.append(definition.site)
            applications.append(Self.application(of: definition.key, parameters: parameters, at: definition.site,
                                                  definitions: definitions, in: context).expression)
        }
        guard !applications.isEmpty else { return }
        if let program = try? context.compile(applications) {
            for (site, outcome) in zip(sites, program.values(at: context.values)) { values[site] = outcome.value }
        } else {
            // One that cannot be compiled (a wrong number of arguments in a body) must not
            // spoil the others: each on its own.
            for (site, application) in zip(sites, applications) { values[site] = context.evaluate(application).value }
        }
    }

    /// The value shown for the function defined at `site`, if it has one.
    subscript(site: StatementSite) -> Double? { values[site] }

    /// The function `key` applied at its parameters' values: a leaf's, or, for a parameter the
    /// note also defines (`h_1` in `o_1(h_1, h_2)` beside `h_1 = \sigma(n_1)`), that
    /// definition's; with the arguments that are not the parameter itself.
    static func application(
        of key: String, parameters: [String], at site: StatementSite, definitions: NoteDefinitions, in context: Context
    ) -> (expression: Expression, arguments: [String: Expression]) {
        var arguments: [String: Expression] = [:]
        for parameter in parameters where context.definitions[parameter] != nil || !context.isLeaf(parameter) {
            arguments[parameter] = definitions.resolve(.symbol(parameter), at: site, in: context)
        }
        return (.apply(key, parameters.map { arguments[$0] ?? .symbol($0) }), arguments)
    }
}
