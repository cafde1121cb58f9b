import Calculus

/// Which leaves an expression depends on through the note's definitions and functions,
/// remembered per definition so that a note with many statements walks each definition once.
/// (The same answer as `Context.leaves(of:)`, without building a dependency graph per question.)
final class LeafIndex {
    private let context: Context
    private var symbolLeaves: [String: Set<String>] = [:]
    private var functionLeaves: [String: Set<String>] = [:]
    private var visiting: Set<String> = []
    private var reached: [String: Set<String>] = [:]

    init(context: Context) {
        self.context = context
    }

    func leaves(of expression: Expression, parameters: Set<String> = []) -> Set<String> {
        switch expression {
        case .number:
            return []
        case .symbol(let name):
            if parameters.contains(name) { return [] }
            if let definition = context.definitions[name] { return leaves(ofDefinition: name, definition) }
            return context.constantValue(of: name) == nil ? [name] : []
        case .apply(let name, let arguments):
            return arguments.reduce(leaves(ofFunction: name)) { $0.union(leaves(of: $1, parameters: parameters)) }
        case .derivative(let name, _, let argument):
            return leaves(ofFunction: name).union(leaves(of: argument, parameters: parameters))
        default:
            return expression.children.reduce(into: Set<String>()) { $0.formUnion(leaves(of: $1, parameters: parameters)) }
        }
    }

    private func leaves(ofDefinition name: String, _ definition: Expression) -> Set<String> {
        if let known = symbolLeaves[name] { return known }
        guard visiting.insert("s:" + name).inserted else { return [] }  // a cycle: reported elsewhere
        let found = leaves(of: definition)
        visiting.remove("s:" + name)
        symbolLeaves[name] = found
        return found
    }

    private func leaves(ofFunction name: String) -> Set<String> {
        if let known = functionLeaves[name] { return known }
        guard let function = context.functions[name], visiting.insert("f:" + name).inserted else { return [] }
        let found = leaves(of: function.body, parameters: Set(function.parameters))
        visiting.remove("f:" + name)
        functionLeaves[name] = found
        return found
    }

    /// The defined symbols the definition of `name` reaches, directly or not.
    func definitionsReached(from name: String) -> Set<String> {
        if let known = reached[name] { return known }
        guard let definition = context.definitions[name], visiting.insert("r:" + name).inserted else { return [] }
        var found = Set<String>()
        for used in definition.symbols where context.definitions[used] != nil {
            found.insert(used)
            found.formUnion(definitionsReached(from: used))
        }
        visiting.remove("r:" + name)
        reached[name] = found
        return found
    }
}
