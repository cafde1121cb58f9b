import Document
import Foundation
import Notebook
import Testing
import TestSupport

/// Linear time for whole notes through the checker on the math patterns of
/// `DocumentTests/PathologicalTests` (issue 15): `n` and `8n` copies, ratio under 16.
@Suite(.serialized) struct PathologicalCheckTests {
    /// Many `@eq-` references in one paragraph, through the parser and the checker.
    @Test func manyEquationReferencesCheckInLinearTime() {
        let pathology = Pathology("many @eq- references", n: 4_000) { "$$x = 1$$ {#eq-a}\n\n" + String(repeating: "@eq-a ", count: $0) }
        // A cache of its own for each check: the shared one keeps the formulas of the n case
        // (repeated 8 times) and not all those of the 8n case, which a ratio would count.
        let measured = pathology.measure { text in
            _ = Notebook.check(MarkdownParser.parse(text), path: "pathological.md", cache: FormulaCache())
        }
        Pathology.report(measured)
        #expect(measured.ratio < Pathology.maximumRatio, "\(measured)")
    }

    /// n labelled formulas and n references to labels that are not there (`@eq-q7` beside
    /// `eq-7`): each hint listed every label, n labels in each of n hints; it names the closest
    /// three, and the hints take linear time.
    @Test func unknownReferencesStayShortWithManyLabels() {
        let make: @Sendable (Int) -> String = { n in
            (0..<n).map { "$$x_{\($0)} = 1$$ {#eq-\($0)}\n\nSee @eq-q\($0).\n\n" }.joined()
        }
        let pathology = Pathology("references to missing labels", n: 200, make: make)
        // A cache of its own for each check: the shared one keeps the formulas of the n case
        // (repeated 8 times) and not all those of the 8n case, which a ratio would count.
        let measured = pathology.measure { text in
            _ = Notebook.check(MarkdownParser.parse(text), path: "pathological.md", cache: FormulaCache())
        }
        Pathology.report(measured)
        #expect(measured.ratio < Pathology.maximumRatio, "\(measured)")
        let result = Notebook.check(MarkdownParser.parse(make(1_600)), path: "pathological.md").result
        let unknown = result.diagnostics.filter { $0.message.hasSuffix("refers to no labelled formula") }
        #expect(unknown.count == 1_600)
        #expect(unknown.allSatisfy { ($0.hint?.utf8.count ?? 0) < 100 })
        #expect(unknown.first?.hint == "did you mean @eq-0, @eq-10, @eq-20?")
    }

    /// n definitions, each using an undefined name of their family (`h_1 = x h_{n+1}`): each
    /// typo warning listed every defined sibling, n names for each of n uses.
    @Test func typoWarningsStayShortForALargeFamily() {
        let make: @Sendable (Int) -> String = { n in (1...n).map { "$h_{\($0)} = x h_{\($0 + n)}$\n\n" }.joined() }
        let pathology = Pathology("definitions using undefined siblings", n: 200, make: make)
        // A cache of its own for each check: the shared one keeps the formulas of the n case
        // (repeated 8 times) and not all those of the 8n case, which a ratio would count.
        let measured = pathology.measure { text in
            _ = Notebook.check(MarkdownParser.parse(text), path: "pathological.md", cache: FormulaCache())
        }
        Pathology.report(measured)
        #expect(measured.ratio < Pathology.maximumRatio, "\(measured)")
        let result = Notebook.check(MarkdownParser.parse(make(1_600)), path: "pathological.md").result
        let typos = result.diagnostics.filter { $0.message.hasSuffix("is it a typo?") }
        #expect(typos.count == 1_600)
        #expect(typos.allSatisfy { $0.message.utf8.count < 100 && ($0.hint?.utf8.count ?? 0) < 100 })
        #expect(typos.first?.message == "h_1601 is not defined, but h_1, h_2, h_3, …, h_1600 (1600 names) are; is it a typo?")
    }

    /// `h_i = σ(w h_{i-1})`, one weight through every layer: reverse mode cannot take a
    /// layer's partials (its inputs, `w` and `h_{i-1}`, depend on one another), and deriving them
    /// symbolically through every layer below grew as the cube of the depth (300 layers, 91 s;
    /// found by trying the pathological patterns wider). A layer whose definition reaches more
    /// than 32 others shows none; the layers below it still show theirs.
    @Test func aDeepChainOfOneWeightShowsPartialsOnlyNearItsStartAndSaysWhy() {
        let text = "$$h_{0} = 0.5$$\n\n" + (1...40).map { "$$h_{\($0)} = \\sigma(w h_{\($0 - 1)})$$\n\n" }.joined()
        let result = Notebook.check(MarkdownParser.parse(text), path: "deep.md").result
        let layers = result.statements.filter { $0.kind == .definition }
        // h_0 is a binding: layers[k] is h_{k+1}, which reaches the k definitions below it.
        #expect(layers.count == 40)
        #expect(layers[1].partials.map(\.name).sorted() == ["h_1", "w"])
        #expect(layers[32].partials.count == 2)
        #expect(layers[32].partialsOmitted == nil)
        #expect(layers[33].partials.isEmpty)
        #expect(layers[39].partials.isEmpty)
        #expect(layers[39].value != nil)
        // Not left blank: the page says why (issue 15).
        #expect(layers[33].partialsOmitted?.contains("computed through 33 definitions") == true)
        #expect(layers[39].partialsOmitted?.contains("at most 32") == true)
    }

    /// `f_k(x) = f_{k-1}(x) + 1`: a function's partials are derived through every function it
    /// applies (a chain of 500 took a minute); past 32 they are not shown, and the card says why.
    @Test func aChainOfFunctionsShowsPartialsOnlyNearItsStartAndSaysWhy() {
        let text = "$$f_{0}(x) = x$$\n\n" + (1...40).map { "$$f_{\($0)}(x) = f_{\($0 - 1)}(x) + 1$$\n\n" }.joined()
        let result = Notebook.check(MarkdownParser.parse(text), path: "chain.md").result
        let functions = result.statements.filter { $0.kind == .definition }
        // functions[k] is f_k, which applies the k functions below it.
        #expect(functions.count == 41)
        #expect(functions[32].partials.map(\.name) == ["x"])
        #expect(functions[32].partials.first?.value == 1)
        #expect(functions[32].partialsOmitted == nil)
        #expect(functions[33].partials.isEmpty)
        #expect(functions[33].partialsOmitted?.contains("it applies more than 32 functions") == true)
        #expect(functions[40].partialsOmitted?.contains("at most 32") == true)
    }

    /// Each plot samples its function's program: a note plots its first 100 functions of one
    /// parameter and says so at the first it leaves out, whether or not a page is drawn.
    @Test func aNotePlotsAtMostAHundredFunctionsAndSaysSo() {
        let text = (0...100).map { "$$f_{\($0)}(x) = x + \($0)$$\n\n" }.joined()
        for drawsPage in [true, false] {
            let result = Notebook.check(MarkdownParser.parse(text), path: "many.md", drawsPage: drawsPage).result
            #expect(result.plots.count == (drawsPage ? 100 : 0))
            let warnings = result.diagnostics.filter { $0.message.hasPrefix("not plotted") }
            #expect(warnings.map(\.message) == ["not plotted: a note plots at most 100 functions, and this one defines 101 of one parameter"])
            #expect(warnings.first?.position.line == 201)
        }
    }

    /// A note of 1600 warnings: the names of each were respelled (as the note writes them) by
    /// a finder made for each, of all the note's names.
    @Test func warningsAreRespelledInLinearTime() {
        let pathology = Pathology("warnings respelled", n: 200) { n in
            "$$x = 1000$$\n\n$$h_{0} = e^{x}$$\n\n" + (1...n).map { "$$h_{\($0)} = h_{\($0 - 1)} + 1$$\n\n" }.joined()
        }
        let measured = pathology.measure { text in
            let result = Notebook.check(MarkdownParser.parse(text), path: "pathological.md").result
            precondition(result.diagnostics.count >= 200)
            _ = Diagnostic.respellingNames(in: result.diagnostics, result.writtenNames)
        }
        Pathology.report(measured)
        #expect(measured.ratio < Pathology.maximumRatio, "\(measured)")
    }

    @Test(arguments: Pathology.notes)
    func noteChecksInLinearTime(_ pathology: Pathology) {
        // A cache of its own for each check: the shared one keeps the formulas of the n case
        // (repeated 8 times) and not all those of the 8n case, which a ratio would count.
        let measured = pathology.measure { text in
            _ = Notebook.check(MarkdownParser.parse(text), path: "pathological.md", cache: FormulaCache())
        }
        Pathology.report(measured)
        #expect(measured.ratio < Pathology.maximumRatio, "\(measured)")
    }
}
