import Calculus

/// The values of every defined symbol of a note at the example point, computed by one compiled
/// program instead of one per statement, and the cycles among its definitions.
struct NoteProgram {
    private(set) var values: [String: Outcome] = [:]
    /// The defined symbols that report a cycle on their card: in each cycle holding a symbol,
    /// its symbol first in the note.
    private let reporters: Set<String>
    /// The key of the definition that reports each cycle (by `DefinitionFailures`' number): a
    /// symbol of `reporters`, or for a cycle of functions alone its function first in the note.
    private let reporterOfCycle: [Int: String]
    private let failures: DefinitionFailures?

    /// Compiles every symbol definition of the context into one program and runs it once.
    /// When that fails (a cycle, an undefined function), the symbols that fail are found in one
    /// pass over the graph of definitions (`DefinitionFailures`) and the others compiled
    /// together, so one bad definition costs only its own value, and a cycle or a chain
    /// through thousands of definitions takes time linear in them (issue 15). `keysInNoteOrder`
    /// are the keys of the note's definitions, first written first.
    init(context: Context, keysInNoteOrder: [String]) {
        let names = context.definitions.keys.sorted()
        values.reserveCapacity(names.count)
        if let program = try? context.compile(names.map { .symbol($0) }) {
            let outcomes = program.values(at: context.values)
            for (name, outcome) in zip(names, outcomes) { values[name] = outcome }
            reporters = []
            reporterOfCycle = [:]
            failures = nil
            return
        }
        let failures = context.definitionFailures()
        let sound = names.filter { failures.failures[$0] == nil }
        if let program = try? context.compile(sound.map { .symbol($0) }) {
            let outcomes = program.values(at: context.values)
            for (name, outcome) in zip(sound, outcomes) { values[name] = outcome }
        } else {
            // A problem only compiling finds (too many operations in one definition): each on
            // its own.
            for name in sound { values[name] = context.evaluate(.symbol(name)) }
        }
        for (name, failure) in failures.failures { values[name] = .failure(failure) }
        // A cycle with a defined symbol is reported at its symbol first in the note; one of
        // functions alone, at its function first in the note (by that function's card).
        var reporterOfCycle: [Int: String] = [:]
        for key in keysInNoteOrder {
            if let cycle = failures.cycleOfSymbol[key], reporterOfCycle[cycle] == nil { reporterOfCycle[cycle] = key }
        }
        reporters = Set(reporterOfCycle.values)
        for key in keysInNoteOrder {
            if let cycle = failures.cycleOfFunction[key], reporterOfCycle[cycle] == nil { reporterOfCycle[cycle] = key }
        }
        self.reporterOfCycle = reporterOfCycle
        self.failures = failures
    }

    /// The outcome of a defined symbol.
    func value(of name: String) -> Outcome? { values[name] }

    /// For the definition of `key`, failing with `.cycle(path)`: the key of the definition that
    /// reports that cycle (its member first in the note), and whether `key` is caught in the
    /// cycle (or only uses it).
    func cycle(at key: String, failingWith path: [String]) -> (reporter: String, caught: Bool)? {
        guard let first = path.first, let failures,
            let cycle = failures.cycleOfSymbol[first] ?? failures.cycleOfFunction[first],
            let reporter = reporterOfCycle[cycle]
        else { return nil }
        return (reporter, failures.cycleOfSymbol[key] == cycle)
    }

    /// The keys of the definitions that report a cycle, a symbol's or a function's.
    var cycleReporters: Set<String> { Set(reporterOfCycle.values) }

    /// The cycle to report at the definition of `key`, from it back to it: a shortest one,
    /// when `key` is the member of its cycle first in the note (a cycle is reported once).
    func cycleReported(at key: String) -> [String]? {
        guard reporters.contains(key) else { return nil }
        return failures?.cycle(throughSymbol: key)
    }
}
