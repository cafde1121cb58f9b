/// A table of what formulas make (parse trees, readings, MathML) that keeps only what was asked
/// for more than once: a course repeats some formulas in many notes (the sigmoid, the loss)
/// and says most others once. Keeping every formula met held memory that a course of mostly
/// different formulas paid for in page faults and cache misses (a third more time, and 60 MB,
/// for 1000 notes where two formulas in three are their own), for nothing.
///
/// So the first time a key is stored only its hash is noted; the second time its value is
/// kept. Not thread-safe: its owner locks it.
public struct RepeatTable<Key: Hashable, Value> {
    /// How many values it holds before it empties (and how many hashes, four times that).
    public let limit: Int
    private var values: [Key: Value] = [:]
    private var seen: Set<Int> = []

    public init(limit: Int) {
        self.limit = limit
    }

    /// The value kept for `key`, if any.
    public subscript(key: Key) -> Value? {
        values[key]
    }

    /// Keeps `value` for `key` when `key` was stored before (or another key of the same hash:
    /// then one value too many is kept, nothing else).
    public mutating func store(_ value: Value, for key: Key) {
        guard !seen.insert(key.hashValue).inserted else {
            if seen.count > 4 * limit { seen.removeAll() }
            return
        }
        if values.count >= limit { values.removeAll() }
        values[key] = value
    }
}
