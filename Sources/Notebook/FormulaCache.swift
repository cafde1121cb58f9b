import Foundation
import TeX

/// What reading a formula makes, shared by the notes of this process: each formula's parse
/// tree cut into statements (with the heads it declares) by its TeX, and its reading by its TeX
/// and the note's reading scope. A course says the same formula in many notes (the sigmoid,
/// the loss, a layer's forward step): it is parsed and read once.
///
/// Both are functions of their keys alone (``Formula/parse(_:)``, ``FormulaReader``), so an
/// entry never goes stale: `render --watch` and `render serve` keep it across runs, each table
/// up to ``limit`` entries. Safe to use from the parallel note workers.
public final class FormulaCache: @unchecked Sendable {
    /// The one cache of the process.
    public static let shared = FormulaCache()

    /// How many entries each table holds before it empties.
    static let limit = 16384

    /// A formula parsed and cut, with the heads it declares (``FormulaReader/heads(in:)``).
    struct Cut {
        let split: SplitFormula
        let heads: [HeadDeclaration]
    }

    /// A formula's TeX read in one reading scope (by its number in `scopes`).
    private struct ReadingKey: Hashable {
        let tex: TeXKey
        let scope: Int
    }

    private let lock = NSLock()
    private var cuts: [TeXKey: Cut] = [:]
    /// The number of each reading scope met. Numbers are never used twice, so a reading made
    /// in a scope the table has forgotten is never found again.
    private var scopes: [ReadingScope: Int] = [:]
    private var scopeCount = 0
    private var readings: [ReadingKey: FormulaReading] = [:]

    /// A cache of its own (tests; the pipeline uses ``shared``).
    public init() {}

    /// `tex` parsed and cut into statements.
    func cut(_ tex: String) -> Cut {
        let key = TeXKey(tex)
        if let known = lock.withLock({ cuts[key] }) { return known }
        let split = FormulaReader.split(Formula.parse(tex))
        let cut = Cut(split: split, heads: FormulaReader.heads(in: split))
        lock.withLock {
            if cuts.count >= Self.limit { cuts.removeAll() }
            cuts[key] = cut
        }
        return cut
    }

    /// The number of `scope`, to key the readings made in it (one hash of the scope per note,
    /// not one per formula).
    func number(of scope: ReadingScope) -> Int {
        lock.withLock {
            if let known = scopes[scope] { return known }
            if scopes.count >= Self.limit { scopes.removeAll() }
            scopeCount += 1
            scopes[scope] = scopeCount
            return scopeCount
        }
    }

    /// The reading of `cut`, the formula `tex`, in `scope`, whose number is `scopeNumber`.
    func reading(of cut: Cut, tex: String, scope: ReadingScope, scopeNumber: Int) -> FormulaReading {
        let key = ReadingKey(tex: TeXKey(tex), scope: scopeNumber)
        if let known = lock.withLock({ readings[key] }) { return known }
        let reading = FormulaReader.read(cut.split, scope: scope)
        lock.withLock {
            if readings.count >= Self.limit { readings.removeAll() }
            readings[key] = reading
        }
        return reading
    }
}
