/// Which leaves expressions depend on through the definitions and functions of a context,
/// remembered per definition so that many questions walk each definition once. (The leaves
/// of `Context.leaves(of:)`, as a set and without building a dependency graph per question;
/// a definition in a cycle or a function that cannot be applied adds no leaves here, where
/// `leaves(of:)` throws.)
///
/// Leaves (and the defined symbols a definition reaches) are numbered as they are met and sets
/// of them kept as bits, so that joining the leaves of a definition into those of its users
/// costs a few word operations, not a hash per name.
public final class LeafIndex {
    private let context: Context
    /// The number of every name met: leaves, and defined symbols that `reached` holds.
    private var numbers: [String: Int] = [:]
    private var names: [String] = []
    /// What each symbol met stands for, so that a symbol met again costs one lookup: a leaf
    /// (its number), a definition (its leaves), or a constant (no leaf).
    private var symbols: [String: Symbol] = [:]
    private var functionLeaves: [String: LeafSet] = [:]
    private var visitingSymbols: Set<String> = []
    private var visitingFunctions: Set<String> = []
    private var visitingReached: Set<String> = []
    /// The defined symbols each definition reaches, directly or not.
    private var reached: [String: LeafSet] = [:]

    public init(context: Context) {
        self.context = context
        // Sized once for the names the context knows (and some leaves without a value yet):
        // tables grown one insertion at a time rehash every name at each growth.
        let definitions = context.definitions.count
        let known = definitions + context.values.count
        if known > 0 {
            numbers.reserveCapacity(known + 16)
            names.reserveCapacity(known + 16)
        }
        if known > 0 { symbols.reserveCapacity(known + 16) }
        reached.reserveCapacity(definitions)
        functionLeaves.reserveCapacity(context.functions.count)
    }

    /// The leaves of `expression`, names in `parameters` excepted.
    public func leaves(of expression: Expression, parameters: Set<String> = []) -> Set<String> {
        names(in: leafSet(of: expression, parameters: parameters))
    }

    /// The leaves of all the expressions together, each with the names it excepts.
    public func leaves(ofAll expressions: [(expression: Expression, parameters: Set<String>)]) -> Set<String> {
        var found = LeafSet()
        for (expression, parameters) in expressions { collect(expression, parameters: parameters, into: &found) }
        return names(in: found)
    }

    /// The leaves of `expression` as numbers (`names(in:)` names them), names in `parameters`
    /// excepted.
    public func leafSet(of expression: Expression, parameters: Set<String> = []) -> LeafSet {
        var found = LeafSet()
        collect(expression, parameters: parameters, into: &found)
        return found
    }

    /// The names of the numbers in `set`.
    public func names(in set: LeafSet) -> Set<String> {
        var result = Set<String>(minimumCapacity: set.count)
        set.forEachMember { result.insert(names[$0]) }
        return result
    }

    /// Whether the definition of one of `names` reaches one of `names`: as a defined symbol it
    /// uses, directly or not, or as one of its leaves (one lookup per name, not one per pair).
    public func definitionsReachAnyOf(_ names: [String]) -> Bool {
        var reach = LeafSet()
        for name in names {
            guard let definition = context.definitions[name] else { continue }
            reach.formUnion(leaves(ofDefinition: name, definition))
            reach.formUnion(definitionsReached(from: name))
        }
        // A name numbered only after the sets were made is in none of them.
        return !reach.isEmpty && names.contains { numbers[$0].map(reach.contains) ?? false }
    }

    /// How many defined symbols the definition of `name` reaches, directly or not (0 for a
    /// name without a definition).
    public func countOfDefinitionsReached(from name: String) -> Int {
        definitionsReached(from: name).count
    }

    private func number(of name: String) -> Int {
        if let known = numbers[name] { return known }
        numbers[name] = names.count
        names.append(name)
        return names.count - 1
    }

    private func collect(_ expression: Expression, parameters: Set<String>, into found: inout LeafSet) {
        switch expression {
        case .number:
            return
        case .symbol(let name):
            if !parameters.isEmpty, parameters.contains(name) { return }
            // A name met before is answered by one lookup.
            switch symbols[name] {
            case .leaf(let number)?:
                found.insert(number)
            case .definition(let leaves)?:
                found.formUnion(leaves)
            case .constant?:
                return
            case nil:
                if let definition = context.definitions[name] {
                    found.formUnion(leaves(ofDefinition: name, definition))
                } else if context.constantValue(of: name) == nil {
                    let number = number(of: name)
                    symbols[name] = .leaf(number)
                    found.insert(number)
                } else {
                    symbols[name] = .constant
                }
            }
        case .apply(let name, let arguments):
            found.formUnion(leaves(ofFunction: name))
            for argument in arguments { collect(argument, parameters: parameters, into: &found) }
        case .derivative(let name, _, let argument):
            found.formUnion(leaves(ofFunction: name))
            collect(argument, parameters: parameters, into: &found)
        case .sum(let children), .product(let children):
            for child in children { collect(child, parameters: parameters, into: &found) }
        case .negation(let operand), .partial(let operand, _, _):
            collect(operand, parameters: parameters, into: &found)
        case .quotient(let first, let second), .power(let first, let second), .comparison(_, let first, let second):
            collect(first, parameters: parameters, into: &found)
            collect(second, parameters: parameters, into: &found)
        case .choice(let condition, let then, let otherwise):
            collect(condition, parameters: parameters, into: &found)
            collect(then, parameters: parameters, into: &found)
            collect(otherwise, parameters: parameters, into: &found)
        }
    }

    private func leaves(ofDefinition name: String, _ definition: Expression) -> LeafSet {
        if case .definition(let known)? = symbols[name] { return known }
        guard visitingSymbols.insert(name).inserted else { return LeafSet() }  // a cycle: reported elsewhere
        var found = LeafSet()
        collect(definition, parameters: [], into: &found)
        visitingSymbols.remove(name)
        symbols[name] = .definition(found)
        return found
    }

    private func leaves(ofFunction name: String) -> LeafSet {
        if let known = functionLeaves[name] { return known }
        guard let function = context.functions[name], visitingFunctions.insert(name).inserted else { return LeafSet() }
        var found = LeafSet()
        collect(function.body, parameters: Set(function.parameters), into: &found)
        visitingFunctions.remove(name)
        functionLeaves[name] = found
        return found
    }

    /// What a symbol met stands for.
    private enum Symbol {
        case leaf(Int)
        case definition(LeafSet)
        case constant
    }

    /// The defined symbols the definition of `name` reaches, directly or not.
    private func definitionsReached(from name: String) -> LeafSet {
        if let known = reached[name] { return known }
        guard let definition = context.definitions[name], visitingReached.insert(name).inserted else { return LeafSet() }
        var found = LeafSet()
        for used in definition.symbols where context.definitions[used] != nil {
            found.insert(number(of: used))
            found.formUnion(definitionsReached(from: used))
        }
        visitingReached.remove(name)
        reached[name] = found
        return found
    }
}
