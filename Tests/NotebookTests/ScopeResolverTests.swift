import Document
import Notebook
import Testing
import TestSupport

/// Which definition a use takes (docs/note-language.md §4), found by binary searches: the same
/// answer as looking at every definition of the name, on random notes of nested sections.
@Suite struct ScopeResolverTests {
    /// The rule, as written: in the smallest section holding the use and a definition, the last
    /// definition above the use, else the first; never the use's own.
    static func resolveByRule(_ sites: [StatementSite], at use: StatementSite, in sections: Sections) -> StatementSite? {
        var section: Int? = use.section
        while let current = section {
            let candidates = sites.filter { $0 != use && sections.contains(current, $0.section) }
            if let first = candidates.first { return candidates.last { $0 < use } ?? first }
            section = sections.sections[current].parent
        }
        return nil
    }

    @Test(arguments: 0..<40)
    func resolvesAsTheRuleSays(seed: Int) {
        var random = SeededGenerator(seed: UInt64(seed))
        // Headings of random levels, each followed by formulas defining or using a, b or c.
        var text = ""
        for _ in 0..<Int.random(in: 3...25, using: &random) {
            text += String(repeating: "#", count: Int.random(in: 1...4, using: &random)) + " S\n\n"
            for _ in 0..<Int.random(in: 0...4, using: &random) {
                text += "$$" + ["a", "b", "c"].randomElement(using: &random)! + " = 1$$\n\n"
            }
        }
        let document = MarkdownParser.parse(text)
        let sections = Sections(document)
        var resolver = ScopeResolver(sections: sections)
        var sites: [StatementSite] = []
        for (index, formula) in document.formulas.enumerated() {
            let site = StatementSite(formula: FormulaID(index), statement: 0,
                                     section: sections.innermost(containing: formula.position.line))
            sites.append(site)
            resolver.define(["a", "b", "c"][index % 3], at: site)
        }
        for name in ["a", "b", "c"] {
            let defined = resolver.sites(of: name)
            for use in sites {
                #expect(resolver.resolve(name, at: use) == Self.resolveByRule(defined, at: use, in: sections),
                        "\(name) at \(use) in\n\(text)")
            }
        }
    }
}
