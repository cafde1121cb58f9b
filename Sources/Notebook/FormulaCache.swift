import Calculus
import TeX

/// What reading a formula makes, kept for the notes a thread checks after: each formula's
/// parse tree cut into statements (with the heads it declares) by its TeX, and its reading by
/// its TeX and the note's reading scope. A course says some formulas in many notes (the
/// sigmoid, the loss, a layer's forward step): from the second time on they are parsed and
/// read no more. Formulas met once are not kept (``RepeatTable``).
///
/// Both are functions of their keys alone (``Formula/parse(_:)``, ``FormulaReader``), so an
/// entry never goes stale; each table holds up to ``limit`` entries and ``texLimit`` bytes of
/// their TeX (a parse tree or a reading takes some hundred times its TeX's bytes: 64 KB of TeX,
/// some megabytes). Not thread-safe: each thread has its own (``current``, ``ThreadLocal``),
/// which lives as long as the thread (a run's note workers).
public final class FormulaCache {
    /// The current thread's cache.
    public static var current: FormulaCache {
        ThreadLocal.object("Derive.FormulaCache") { FormulaCache() }
    }

    /// How many entries each table holds before it empties.
    static let limit = 16384
    /// How many bytes of TeX each table's entries may have together.
    static let texLimit = 64 << 10
    /// How many reading scopes are numbered before the numbering forgets them (a scope holds
    /// every name of a note; a course whose notes share theirs needs one).
    static let scopeLimit = 256

    /// A formula parsed and cut, with the heads it declares (``FormulaReader/heads(in:)``), and
    /// its key (its reading's key too: the TeX is hashed once).
    struct Cut {
        let key: TeXKey
        let split: SplitFormula
        let heads: [HeadDeclaration]

        /// Whether the TeX writes a `\sum` or a `\prod` (a test on the text, no walk of the tree).
        var writesSumOrProduct: Bool { key.text.contains("\\sum") || key.text.contains("\\prod") }
    }

    /// A formula's TeX read in one reading scope (by its number in `scopes`).
    private struct ReadingKey: Hashable {
        let tex: TeXKey
        let scope: Int
    }

    /// A reading scope hashed once (its names are many strings), for the lookup and the
    /// insertion.
    private struct ScopeKey: Hashable {
        let scope: ReadingScope
        let scopeHash: Int

        init(_ scope: ReadingScope) {
            self.scope = scope
            scopeHash = scope.hashValue
        }

        static func == (left: ScopeKey, right: ScopeKey) -> Bool {
            left.scopeHash == right.scopeHash && left.scope == right.scope
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(scopeHash)
        }
    }

    private var cuts = RepeatTable<TeXKey, Cut>(limit: FormulaCache.limit, costLimit: FormulaCache.texLimit)
    /// The number of each reading scope met. Numbers are never used twice, so a reading made
    /// in a scope the table has forgotten is never found again.
    private var scopes: [ScopeKey: Int] = [:]
    private var scopeCount = 0
    private var readings = RepeatTable<ReadingKey, FormulaReading>(limit: FormulaCache.limit,
                                                                  costLimit: FormulaCache.texLimit)

    /// An empty cache (tests; a note is checked with the thread's, ``current``).
    public init() {}

    /// `tex` parsed and cut into statements.
    func cut(_ tex: String) -> Cut {
        let key = TeXKey(tex)
        if let known = cuts[key] { return known }
        let split = FormulaReader.split(Formula.parse(tex))
        let cut = Cut(key: key, split: split, heads: FormulaReader.heads(in: split))
        cuts.store(cut, for: key, cost: tex.utf8.count)
        return cut
    }

    /// The number of `scope`, to key the readings made in it (one hash of the scope per note,
    /// not one per formula).
    func number(of scope: ReadingScope) -> Int {
        let key = ScopeKey(scope)
        if let known = scopes[key] { return known }
        if scopes.count >= Self.scopeLimit { scopes.removeAll() }
        scopeCount += 1
        scopes[key] = scopeCount
        return scopeCount
    }

    /// The reading of the formula `cut` in `scope`, whose number is `scopeNumber`.
    func reading(of cut: Cut, scope: ReadingScope, scopeNumber: Int) -> FormulaReading {
        let key = ReadingKey(tex: cut.key, scope: scopeNumber)
        if let known = readings[key] { return known }
        let reading = FormulaReader.read(cut.split, scope: scope)
        readings.store(reading, for: key, cost: cut.key.text.utf8.count)
        return reading
    }
}
