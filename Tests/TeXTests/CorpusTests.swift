import Foundation
import Testing

@testable import TeX

/// Renders the public corpora and compares with MathJax. The counts can only go up: raise
/// the constants when the renderer improves.
@Suite struct CorpusTests {
    /// MathJax Base+AMS cases (that MathJax renders without error) we render without `<merror>`.
    static let mathJaxWithoutErrorAtLeast = 924
    /// MathJax Base+AMS cases whose normalised MathML equals MathJax's.
    static let mathJaxMatchingAtLeast = 609
    /// KaTeX and Temml formulas we render without `<merror>`. (texmath's formulas, GPL-2.0, are
    /// not in the repository: see `Tests/Corpora/latex-math/SOURCE.md`.)
    static let otherCorporaWithoutErrorAtLeast = 409

    struct Outcome {
        var total = 0
        var withoutError = 0
        var matching = 0
        var slowest: (name: String, seconds: Double) = ("", 0)
        var failures: [String] = []
        var mismatches: [String] = []
    }

    static func run(_ cases: [Corpus.Case]) -> Outcome {
        var outcome = Outcome()
        let clock = ContinuousClock()
        for item in cases where !item.expectsError {
            outcome.total += 1
            var markup = ""
            let elapsed = clock.measure {
                markup = MathML.render(tex: item.tex, display: item.display ? .block : .inline)
            }
            let seconds = Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds)
            if seconds > outcome.slowest.seconds { outcome.slowest = (item.name, seconds) }
            if markup.contains("<merror>") {
                outcome.failures.append("\(item.name): \(item.tex)")
            } else {
                outcome.withoutError += 1
            }
            if let expected = item.expectedMathML {
                let ours = MathMLNormalizer.canonical(markup)
                let theirs = MathMLNormalizer.canonical(expected)
                if ours != nil, ours == theirs {
                    outcome.matching += 1
                } else {
                    outcome.mismatches.append("\(item.name)\n  tex:  \(item.tex)\n  ours: \(ours ?? "?")\n  mjx:  \(theirs ?? "?")")
                }
            }
        }
        if let path = ProcessInfo.processInfo.environment["TEX_CORPUS_REPORT"] {
            let report = (["# without <merror> failures"] + outcome.failures + ["", "# mismatches"] + outcome.mismatches)
                .joined(separator: "\n")
            _ = FileManager.default.createFile(atPath: path, contents: Data(report.utf8))
        }
        return outcome
    }

    @Test func mathJaxBaseAndAMSCasesRenderAndMatchMathJax() throws {
        let cases = try Corpus.mathJax()
        #expect(cases.count == 963, "expected the 963 MathJax Base+AMS cases")
        let outcome = CorpusTests.run(cases)
        let percent = Double(outcome.withoutError) / Double(max(outcome.total, 1)) * 100
        print("""
            MathJax Base+AMS: \(outcome.total) cases MathJax renders without error; \
            \(outcome.withoutError) rendered without <merror> (\(String(format: "%.1f", percent))%); \
            \(outcome.matching) match MathJax's MathML after normalising; \
            slowest case \(String(format: "%.3f", outcome.slowest.seconds * 1000)) ms (\(outcome.slowest.name))
            """)
        #expect(outcome.withoutError >= CorpusTests.mathJaxWithoutErrorAtLeast)
        #expect(outcome.matching >= CorpusTests.mathJaxMatchingAtLeast)
    }

    @Test func kaTeXAndTemmlFormulasRender() throws {
        let cases = try Corpus.katex() + Corpus.temml()
        let outcome = CorpusTests.run(cases)
        print("""
            KaTeX+Temml: \(outcome.total) formulas; \(outcome.withoutError) rendered without <merror>; \
            slowest case \(String(format: "%.3f", outcome.slowest.seconds * 1000)) ms (\(outcome.slowest.name))
            """)
        #expect(outcome.withoutError >= CorpusTests.otherCorporaWithoutErrorAtLeast)
    }
}
