/// A set of small non-negative numbers as bits: the first 64 in one word, more in an array.
/// `LeafIndex` numbers leaves so; `DependencyGraph` keeps the leaves it meets by rank so.
public struct LeafSet: Sendable {
    @usableFromInline var first: UInt64 = 0
    @usableFromInline var rest: [UInt64] = []

    /// Whether the set has no member.
    @inlinable public var isEmpty: Bool { first == 0 && rest.allSatisfy { $0 == 0 } }

    /// The number of members.
    public var count: Int {
        rest.reduce(first.nonzeroBitCount) { $0 + $1.nonzeroBitCount }
    }

    @inlinable public init() {}

    @inlinable public mutating func insert(_ member: Int) {
        if member < 64 {
            first |= 1 << UInt64(member)
            return
        }
        let word = member / 64 - 1
        if rest.count <= word { rest.append(contentsOf: repeatElement(0, count: word + 1 - rest.count)) }
        rest[word] |= 1 << UInt64(member % 64)
    }

    @inlinable public func contains(_ member: Int) -> Bool {
        if member < 64 { return first & (1 << UInt64(member)) != 0 }
        let word = member / 64 - 1
        return word < rest.count && rest[word] & (1 << UInt64(member % 64)) != 0
    }

    @inlinable public mutating func formUnion(_ other: LeafSet) {
        first |= other.first
        if other.rest.isEmpty { return }
        if rest.count < other.rest.count { rest.append(contentsOf: repeatElement(0, count: other.rest.count - rest.count)) }
        for (index, word) in other.rest.enumerated() { rest[index] |= word }
    }

    /// Whether the two sets have a member in common.
    @inlinable public func intersects(_ other: LeafSet) -> Bool {
        if first & other.first != 0 { return true }
        for index in 0..<min(rest.count, other.rest.count) where rest[index] & other.rest[index] != 0 { return true }
        return false
    }

    /// Calls `body` with each member, in increasing order.
    public func forEachMember(_ body: (Int) -> Void) {
        Self.forEachBit(of: first, offset: 0, body)
        for (index, word) in rest.enumerated() { Self.forEachBit(of: word, offset: (index + 1) * 64, body) }
    }

    private static func forEachBit(of word: UInt64, offset: Int, _ body: (Int) -> Void) {
        var bits = word
        while bits != 0 {
            body(offset + bits.trailingZeroBitCount)
            bits &= bits - 1
        }
    }
}
