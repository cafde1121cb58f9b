import Markup
import TeX
import Testing

@testable import Report

/// Issue 17: a formula many notes share is typeset once (MathMLCache), and every page gets the
/// MathML of its own TeX, byte for byte.
@Suite struct MathMLCacheTests {
    static func typeset(_ tex: String, _ display: MathML.Display, cache: MathMLCache) -> [UInt8] {
        var html = MarkupBuffer()
        cache.write(tex: tex, display: display, tree: { Formula.parse(tex) }, into: &html)
        return html.bytes
    }

    static func direct(_ tex: String, _ display: MathML.Display) -> [UInt8] {
        var bytes: [UInt8] = []
        MathML.write(Formula.parse(tex), display: display, into: &bytes)
        return bytes
    }

    @Test func aFormulaTypesetAgainIsTheSameMathMLInItsOwnDisplay() {
        let cache = MathMLCache()
        let tex = #"f(z) = \frac{1}{1 + e^{-z}}"#
        for display in [MathML.Display.block, .inline, .block, .inline, .block] {
            #expect(Self.typeset(tex, display, cache: cache) == Self.direct(tex, display))
        }
        #expect(Self.direct(tex, .block) != Self.direct(tex, .inline))
    }

    /// `é` as one scalar and as `e` with a combining accent: equal Swift strings, each page its
    /// own bytes.
    @Test func aFormulaIsKnownByItsBytes() {
        let cache = MathMLCache()
        let composed = "\\text{caf\u{E9}} = x"
        let decomposed = "\\text{cafe\u{301}} = x"
        #expect(composed == decomposed)
        for _ in 1...2 { #expect(Self.typeset(composed, .inline, cache: cache) == Self.direct(composed, .inline)) }
        #expect(Self.typeset(decomposed, .inline, cache: cache) == Self.direct(decomposed, .inline))
        #expect(Self.direct(composed, .inline) != Self.direct(decomposed, .inline))
    }
}
