import Calculus

/// The values of every defined symbol of a note at the example point, computed by one compiled
/// program instead of one per statement.
struct NoteProgram {
    private(set) var values: [String: Outcome] = [:]

    /// Compiles every symbol definition of the context into one program and runs it once;
    /// when the whole cannot be compiled (a cycle, an undefined function), each symbol falls
    /// back to its own evaluation, so one bad definition costs only its own value.
    init(context: Context) {
        let names = context.definitions.keys.sorted()
        values.reserveCapacity(names.count)
        if let program = try? context.compile(names.map { .symbol($0) }) {
            let outcomes = program.values(at: context.values)
            for (name, outcome) in zip(names, outcomes) { values[name] = outcome }
        } else {
            for name in names { values[name] = context.evaluate(.symbol(name)) }
        }
    }

    /// The outcome of a defined symbol.
    func value(of name: String) -> Outcome? { values[name] }
}
