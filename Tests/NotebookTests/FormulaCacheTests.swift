import Document
import Testing

@testable import Notebook

/// Issue 17: notes of one process share the formulas they have in common (FormulaCache), parsed
/// and read once. The same TeX reads differently in notes that define different things; a note
/// checked after others must read exactly as it does alone.
@Suite struct FormulaCacheTests {
    /// `f` is a function here: `f(x + 1)` applies it.
    static let function = """
        # Applied

        Let $f(t) = 2t$ and $x = 1$.

        $$
        y = f(x + 1)
        $$

        Then $y = 4$.
        """

    /// `f` is a number here: `f(x + 1)` is a product.
    static let number = """
        # Multiplied

        Let $f = 3$ and $x = 1$.

        $$
        y = f(x + 1)
        $$

        Then $y = 6$.
        """

    static func dump(_ note: String, cache: FormulaCache) -> String {
        NoteDump.text(Notebook.check(MarkdownParser.parse(note), path: "note.md", cache: cache).result)
    }

    @Test func theSameFormulaReadsByEachNotesOwnScope() {
        let alone = [Self.function, Self.number].map { Self.dump($0, cache: FormulaCache()) }
        // Each claim holds by its own note's reading of `y = f(x + 1)`.
        for text in alone {
            #expect(text.contains("✓ holds"), "\(text)")
            #expect(!text.contains("error"), "\(text)")
        }
        // Checked one after the other through one cache, in both orders, the first note twice
        // (a formula is kept from its second time): as alone.
        for order in [[0, 0, 1], [1, 1, 0]] {
            let shared = FormulaCache()
            let notes = [Self.function, Self.number]
            for index in order {
                #expect(Self.dump(notes[index], cache: shared) == alone[index])
            }
        }
    }

    /// A note checked again and again through one cache (from the third time, every formula is
    /// known) reads the same, diagnostics included.
    @Test func aNoteReadFromTheCacheIsTheNoteReadAnew() {
        let shared = FormulaCache()
        #expect(Self.dump(Self.wrongSlope, cache: shared).contains("error: claim does not hold"))
        for note in [Self.function, Self.number, Self.wrongSlope] {
            let first = Self.dump(note, cache: shared)
            for _ in 1...2 { #expect(Self.dump(note, cache: shared) == first) }
            #expect(Self.dump(note, cache: FormulaCache()) == first)
        }
    }

    /// `é` as one scalar and as `e` with a combining accent: equal Swift strings, different
    /// formulas (the diagnostic after it is a column further right in the second).
    @Test func aFormulaIsKnownByItsBytesNotByCanonicalEquivalence() {
        let composed = "# Café\n\n$$\ny = \\text{caf\u{E9}} + \\undefinedcommand\n$$\n"
        let decomposed = "# Café\n\n$$\ny = \\text{cafe\u{301}} + \\undefinedcommand\n$$\n"
        #expect(composed == decomposed)
        let alone = Self.dump(decomposed, cache: FormulaCache())
        #expect(alone.contains("4:20"), "\(alone)")
        let shared = FormulaCache()
        for _ in 1...2 { #expect(Self.dump(composed, cache: shared).contains("4:19")) }
        #expect(Self.dump(decomposed, cache: shared) == alone)
    }

    /// A wrong claim, so that a diagnostic goes through the cache too.
    static let wrongSlope = """
        # Sigmoid

        $$
        f(z) = \\frac{1}{1 + e^{-z}}
        $$

        Its slope is $f'(z) = f(z)(1 + f(z))$.
        """
}
