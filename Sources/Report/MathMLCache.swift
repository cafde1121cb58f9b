import Calculus
import Markup
import TeX

/// The MathML of formulas, kept for the pages a thread writes after, by their TeX and display:
/// a course says some formulas in many notes (the sigmoid, the loss, a layer's forward step),
/// and from the second time on they are typeset no more (formulas met once are not kept,
/// ``RepeatTable``). MathML is a function of the TeX alone (``MathML/write(_:display:into:)``),
/// so an entry never goes stale; it holds up to ``limit`` entries and ``byteLimit`` bytes of
/// MathML. Not thread-safe: each thread has its own (``current``, ``ThreadLocal``).
final class MathMLCache {
    /// The current thread's cache.
    static var current: MathMLCache {
        ThreadLocal.object("Derive.MathMLCache") { MathMLCache() }
    }

    /// How many formulas it holds before it empties.
    static let limit = 16384
    /// How many bytes of MathML it holds.
    static let byteLimit = 8 << 20

    private struct Key: Hashable {
        let tex: TeXKey
        let display: MathML.Display
    }

    private var markup = RepeatTable<Key, [UInt8]>(limit: MathMLCache.limit, costLimit: MathMLCache.byteLimit)

    /// Appends the MathML of the formula `tex` to `html`; `tree` is its parse tree, asked for
    /// only when the formula was not typeset before.
    func write(tex: String, display: MathML.Display, tree: () -> Formula, into html: inout MarkupBuffer) {
        let key = Key(tex: TeXKey(tex), display: display)
        let bytes: [UInt8]
        if let known = markup[key] {
            bytes = known
        } else {
            var made: [UInt8] = []
            MathML.write(tree(), display: display, into: &made)
            bytes = made
            markup.store(bytes, for: key, cost: bytes.count)
        }
        bytes.withUnsafeBufferPointer { html.append($0) }
    }
}
