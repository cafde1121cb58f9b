/// A formula's TeX as a dictionary key, compared and hashed by its UTF-8 bytes.
///
/// Swift's `==` on strings is canonical equivalence: `é` as one scalar and as `e` with a
/// combining accent are equal strings. They are different formulas (byte offsets into them,
/// where diagnostics point, differ, and each page shows its own), so a cache of what a formula
/// makes is keyed by this, never by the `String`.
///
/// The bytes are hashed once, when the key is made: a table's lookup, its note that the key was
/// met (``RepeatTable``) and the insertion then hash one integer.
public struct TeXKey: Hashable, Sendable {
    /// The TeX.
    public let text: String
    private let bytesHash: Int

    public init(_ text: String) {
        var hasher = Hasher()
        text.withBytes { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        self.text = text
        bytesHash = hasher.finalize()
    }

    public static func == (left: TeXKey, right: TeXKey) -> Bool {
        // Over the two buffers, not the UTF-8 views (their iterators cost several times more).
        guard left.bytesHash == right.bytesHash else { return false }
        return left.text.withBytes { left in right.text.withBytes { right in left.elementsEqual(right) } }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(bytesHash)
    }
}
