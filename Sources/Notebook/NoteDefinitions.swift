import Calculus
import TeX

/// What a statement defines: which definition of which name, and as what.
struct Definition {
    enum Kind { case binding, symbol, function([String]) }
    var identity: DefinitionName
    var kind: Kind
    var site: StatementSite
    /// The statement's position in `NoteStatements.statements`.
    var statement: Int

    /// The name as the note writes it.
    var name: String { identity.name }
    /// The name the calculus knows it by.
    var key: String { identity.key }
}

/// The second phase of checking: every definition of the note with its identity, and which
/// definition each use of a name takes (docs/note-language.md §4).
struct NoteDefinitions {
    /// The definitions in document order.
    private(set) var all: [Definition] = []
    /// The position in `all` of the definition made at each site.
    private var positions: [StatementSite: Int] = [:]
    private(set) var resolver: ScopeResolver
    private(set) var names = NoteNames()
    /// The keys of the bindings (names given a number by the note).
    private var bindingKeys = Set<String>()
    /// The names defined, as the note writes them (`all`'s names, made once).
    private(set) var definedNames = Set<String>()

    init(_ statements: [SitedStatement], sections: Sections) {
        resolver = ScopeResolver(sections: sections)
        var counts: [String: Int] = [:]
        // Every table sized once for as many definitions as statements: grown one insertion
        // at a time, a table rehashes every name at each growth.
        counts.reserveCapacity(statements.count)
        positions.reserveCapacity(statements.count)
        resolver.reserveCapacity(statements.count)
        names.reserveCapacity(statements.count)
        bindingKeys.reserveCapacity(statements.count)
        definedNames.reserveCapacity(statements.count)
        // The fields read in place: a copy of each statement costs more than the rest.
        for index in statements.indices {
            let statementKind = statements[index].statement.kind
            guard statementKind == .binding || statementKind == .definition, statements[index].naming == nil,
                let head = statements[index].statement.head
            else { continue }
            let count = (counts[head.name] ?? 0) + 1
            counts[head.name] = count
            let identity = DefinitionName(name: head.name, occurrence: count)
            let kind: Definition.Kind =
                statementKind == .binding ? .binding : (head.isFunction ? .function(head.parameters) : .symbol)
            let site = statements[index].site
            resolver.define(head.name, at: site)
            names.add(identity, at: statements[index].position)
            positions[site] = all.count
            all.append(Definition(identity: identity, kind: kind, site: site, statement: index))
            if statementKind == .binding { bindingKeys.insert(identity.key) }
            definedNames.insert(head.name)
        }
    }

    /// The definition made at `site`, if the statement there defines something.
    subscript(site: StatementSite) -> Definition? {
        positions[site].map { all[$0] }
    }

    /// The variable a prime on `body` (names resolved) differentiates by (docs/note-language.md
    /// §6): its only free variable; else the only one of `primeArguments(of:)`, or else of its
    /// free variables (`(\sigma(wx + b))'`), that the note does not bind to a number: the others
    /// are the example's constants. `nil` when that does not single one out.
    func primeVariable(of body: Expression, in context: Context) -> String? {
        let leaves = (try? context.leaves(of: body)) ?? []
        if leaves.count == 1 { return leaves[0] }
        let candidates = primeArguments(of: body) ?? leaves.filter { !bindingKeys.contains($0) }
        return candidates.count == 1 ? candidates[0] : nil
    }

    /// For a prime on a function applied to several names (`mse(y, \hat{y})'`): the arguments
    /// that the note does not bind to a number (ŷ, which it computes, beside the target y it
    /// binds); `nil` for any other body.
    func primeArguments(of body: Expression) -> [String]? {
        guard case .apply(_, let arguments) = body, arguments.count > 1 else { return nil }
        var names: [String] = []
        for argument in arguments {
            guard case .symbol(let name) = argument else { return nil }
            if !bindingKeys.contains(name) { names.append(name) }
        }
        return names
    }

    /// Rewrites the names of `expression` to the keys of the definitions a use at `site`
    /// takes; a function used bare becomes the function applied to its parameters. `context`
    /// answers which variable a prime (`(expr)'`) differentiates by.
    func resolve(_ expression: Expression, at site: StatementSite, parameters: Set<String> = [],
                 in context: Context) -> Expression
    {
        resolving(expression, at: site, parameters: parameters, in: context).expression
    }

    /// `resolve(_:at:parameters:in:)`, and whether the answer asked `context` (which variable a
    /// prime differentiates by): one that did not is the same in any context.
    func resolving(_ expression: Expression, at site: StatementSite, parameters: Set<String> = [],
                   in context: Context) -> (expression: Expression, askedContext: Bool)
    {
        var askedContext = false
        func definition(_ name: String) -> Definition? {
            guard parameters.isEmpty || !parameters.contains(name), let found = resolver.resolve(name, at: site)
            else { return nil }
            return self[found]
        }
        func rename(_ node: Expression) -> Expression { renamed(node) ?? node }
        // `node` with its names resolved, or nil when no name in it changes (most leaves): an
        // unchanged subtree is kept as it is, not rebuilt node by node.
        func renamed(_ node: Expression) -> Expression? {
            switch node {
            case .number:
                return nil
            case .symbol(let name):
                guard let found = definition(name) else { return nil }
                if case .function(let parameterNames) = found.kind {
                    return .apply(found.key, parameterNames.map(argument))
                }
                return found.key == name ? nil : .symbol(found.key)
            case .apply(let name, let arguments):
                let target = definition(name).map(\.key) ?? name
                let renamedArguments = renamedList(arguments)
                if target == name, renamedArguments == nil { return nil }
                return .apply(target, renamedArguments ?? arguments)
            case .sum(let terms):
                return renamedList(terms).map { .sum($0) }
            case .product(let factors):
                return renamedList(factors).map { .product($0) }
            case .negation(let operand):
                return renamed(operand).map { .negation($0) }
            case .quotient(let numerator, let denominator):
                let top = renamed(numerator)
                let bottom = renamed(denominator)
                if top == nil, bottom == nil { return nil }
                return .quotient(top ?? numerator, bottom ?? denominator)
            case .power(let base, let exponent):
                let newBase = renamed(base)
                let newExponent = renamed(exponent)
                if newBase == nil, newExponent == nil { return nil }
                return .power(newBase ?? base, newExponent ?? exponent)
            case .partial(let of, let variable, let order):
                let body = rename(of)
                if variable == PrimeNotation.onlyFreeVariable {
                    // `(expr)'`: the derivative with respect to the only free variable, or to the
                    // one the note gives no number.
                    askedContext = true
                    return .partial(body, variable: primeVariable(of: body, in: context) ?? variable, order: order)
                }
                return .partial(body, variable: definition(variable)?.key ?? variable, order: order)
            case .derivative(let name, let order, let argument):
                return .derivative(definition(name)?.key ?? name, order: order, argument: rename(argument))
            case .comparison, .choice:
                return renamedList(node.children).map { node.replacingChildren($0) }
            }
        }
        // A parameter of a function used bare, as the argument it is applied to: the name
        // resolved, but a parameter named like a function (`h(h)`, or `s(h)` beside `h(s)`)
        // stays a name, since applying that function to its parameters again would never end.
        func argument(_ parameter: String) -> Expression {
            guard let found = definition(parameter) else { return .symbol(parameter) }
            if case .function = found.kind { return .symbol(parameter) }
            return .symbol(found.key)
        }
        // The list with its elements resolved, or nil when none changes.
        func renamedList(_ list: [Expression]) -> [Expression]? {
            var result: [Expression]?
            for (index, element) in list.enumerated() {
                guard let new = renamed(element) else { continue }
                if result == nil { result = list }
                result?[index] = new
            }
            return result
        }
        let resolved = rename(expression)
        return (resolved, askedContext)
    }
}
