import Calculus

/// The note's functions as they apply one another (each applied with as many arguments as it
/// has parameters: `H(P, P) = H(P)` is no recursion): the cycles among them, each reported once,
/// and how many functions each applies, directly or not, up to a bound.
///
/// Made once per note: asking each function on its own whether its applications come back to
/// it, and counting all it applies, took time quadratic in a chain of functions (issue 15).
struct FunctionApplications {
    private let keys: [String]
    private let numbers: [String: Int]
    /// The functions each function's body applies, by number, in order of first use.
    private let applied: [[Int]]
    private let components: StronglyConnectedComponents
    /// The function first in the note of each cycle: the one that reports it.
    private let reporters: Set<Int>

    /// The functions of `context`; `keysInNoteOrder` are the keys of the note's definitions,
    /// first written first.
    init(context: Context, keysInNoteOrder: [String]) {
        let keys = context.functions.keys.sorted()
        var numbers: [String: Int] = [:]
        for (number, key) in keys.enumerated() { numbers[key] = number }
        applied = keys.map { key in
            var names: [Int] = []
            var stack = [context.functions[key]!.body]
            while let expression = stack.popLast() {
                if case .apply(let name, let arguments) = expression,
                    context.functions[name]?.parameters.count == arguments.count,
                    let number = numbers[name], !names.contains(number)
                {
                    names.append(number)
                }
                expression.forEachChildReversed { stack.append($0) }
            }
            return names
        }
        components = StronglyConnectedComponents(successors: applied)
        var reported = Set<Int>()
        var reporters = Set<Int>()
        for key in keysInNoteOrder {
            guard let number = numbers[key], components.isCycle[components.component[number]] else { continue }
            if reported.insert(components.component[number]).inserted { reporters.insert(number) }
        }
        self.keys = keys
        self.numbers = numbers
        self.reporters = reporters
    }

    /// A number for the function `key` lower than that of every function applying it (outside
    /// its cycle, if it is on one): an order in which each function comes after those it applies.
    func rank(of key: String) -> Int {
        numbers[key].map { components.component[$0] } ?? -1
    }

    /// Whether the function `key` applies itself, directly or through others.
    func isOnCycle(_ key: String) -> Bool {
        guard let number = numbers[key] else { return false }
        return components.isCycle[components.component[number]]
    }

    /// The cycle to report at the function `key`, from it back to it (`f → f`, `p → q → p`): a
    /// shortest one, when `key` is the member of its cycle first in the note.
    func cycleReported(at key: String) -> [String]? {
        guard let number = numbers[key], reporters.contains(number) else { return nil }
        return components.shortestCycle(through: number).map { keys[$0] }
    }

    /// How many other functions `key` applies, directly or not, counted up to `limit + 1`: a
    /// walk that stops there takes time bounded by the limit, not by the note.
    func countApplied(from key: String, upTo limit: Int) -> Int {
        guard let start = numbers[key] else { return 0 }
        var visited: Set<Int> = [start]
        var pending = [start]
        var count = 0
        while let number = pending.popLast() {
            for next in applied[number] where visited.insert(next).inserted {
                count += 1
                if count > limit { return count }
                pending.append(next)
            }
        }
        return count
    }
}
