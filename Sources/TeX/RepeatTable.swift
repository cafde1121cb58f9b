/// A table of what formulas make (parse trees, readings, MathML) that keeps only what was asked
/// for more than once: a course repeats some formulas in many notes (the sigmoid, the loss)
/// and says most others once. Keeping every formula met held memory that a course of mostly
/// different formulas paid for in page faults and cache misses (a third more time, and 60 MB,
/// for 1000 notes where two formulas in three are their own), for nothing.
///
/// So the first time a key is stored only its hash is noted; the second time its value is
/// kept. It empties when it would hold more than `limit` values or more than `costLimit` of
/// their costs (what a caller says a value weighs: its TeX's bytes for a parse tree, its own
/// bytes for MathML), so that a few huge formulas said twice cannot hold much memory either.
/// Not thread-safe: its owner keeps it to one thread. Inlinable, so that the caches' modules
/// specialize it for their keys (unspecialized, each call went through type metadata: 1.5% of
/// `--check` on a course of few repeated formulas).
public struct RepeatTable<Key: Hashable, Value> {
    /// How many values it holds before it empties (and how many hashes, four times that).
    public let limit: Int
    /// How much the values it holds may cost together.
    public let costLimit: Int
    @usableFromInline var values: [Key: Value] = [:]
    @usableFromInline var cost = 0
    @usableFromInline var seen: Set<Int> = []

    @inlinable
    public init(limit: Int, costLimit: Int) {
        self.limit = limit
        self.costLimit = costLimit
    }

    /// The value kept for `key`, if any.
    @inlinable
    public subscript(key: Key) -> Value? {
        values[key]
    }

    /// Keeps `value`, which costs `cost`, for `key` when `key` was stored before (or another key
    /// of the same hash: then one value too many is kept, nothing else) and it costs no more
    /// than `costLimit`.
    @inlinable
    public mutating func store(_ value: Value, for key: Key, cost: Int) {
        guard !seen.insert(key.hashValue).inserted else {
            if seen.count > 4 * limit { seen.removeAll() }
            return
        }
        guard cost <= costLimit else { return }
        if values.count >= limit || self.cost + cost > costLimit {
            values.removeAll()
            self.cost = 0
        }
        values[key] = value
        self.cost += cost
    }
}
