/// Values gathered by key, keys kept in order of first appearance: what the simplifier uses to
/// collect like terms (by the rest of a term) and like factors (by base).
///
/// It answers as a `Dictionary` would, `==` deciding which keys are the same (so a key holding
/// NaN, not equal to itself, is never found again). A few keys are searched one by one:
/// hashing an expression walks all of it, while comparing two different ones usually stops at
/// their first node. Past `smallCount` keys a dictionary indexes them.
struct LikeTerms<Key: Hashable, Value> {
    /// The keys, in order of first appearance (a key never found again appears each time).
    private(set) var keys: [Key] = []
    private var values: [Value] = []
    private var index: [Key: Int]?

    static var smallCount: Int { 16 }

    /// Changes the value of `key` (starting from `initial` when the key is new).
    mutating func update(_ key: Key, default initial: Value, _ change: (inout Value) -> Void) {
        if let position = position(of: key) {
            change(&values[position])
            return
        }
        var value = initial
        change(&value)
        keys.append(key)
        values.append(value)
        if index != nil {
            index?[key] = keys.count - 1
        } else if keys.count > Self.smallCount {
            var built: [Key: Int] = [:]
            for (position, key) in keys.enumerated() where built[key] == nil { built[key] = position }
            index = built
        }
    }

    /// The value of `key`, or `nil` when no key equal to it was updated.
    func value(of key: Key) -> Value? {
        position(of: key).map { values[$0] }
    }

    private func position(of key: Key) -> Int? {
        if let index { return index[key] }
        return keys.firstIndex(of: key)
    }
}
