import Foundation
import Markup
import TeX

/// The MathML of formulas in this process, by their TeX and display: a course says the same
/// formula in many notes (the sigmoid, the loss, a layer's forward step), and it is typeset
/// once. MathML is a function of the TeX alone (``MathML/write(_:display:into:)``), so an entry
/// never goes stale: `render --watch` and `render serve` keep it across runs, up to ``limit``
/// entries. Safe to use from the parallel note workers.
final class MathMLCache: @unchecked Sendable {
    /// The one cache of the process.
    static let shared = MathMLCache()

    /// How many formulas it holds before it empties.
    static let limit = 16384

    private struct Key: Hashable {
        let tex: TeXKey
        let display: MathML.Display
    }

    private let lock = NSLock()
    private var markup: [Key: [UInt8]] = [:]

    /// Appends the MathML of the formula `tex` to `html`; `tree` is its parse tree, asked for
    /// only when the formula was not typeset before.
    func write(tex: String, display: MathML.Display, tree: () -> Formula, into html: inout MarkupBuffer) {
        let key = Key(tex: TeXKey(tex), display: display)
        let bytes: [UInt8]
        if let known = lock.withLock({ markup[key] }) {
            bytes = known
        } else {
            var made: [UInt8] = []
            MathML.write(tree(), display: display, into: &made)
            bytes = made
            lock.withLock {
                if markup.count >= Self.limit { markup.removeAll() }
                markup[key] = bytes
            }
        }
        bytes.withUnsafeBufferPointer { html.append($0) }
    }
}
