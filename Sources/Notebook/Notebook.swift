import Calculus
import Document
import TeX

/// Checks a note: reads every formula into statements, resolves names by section, fixes the
/// example point, evaluates definitions and their derivatives, and verifies every claim
/// (docs/note-language.md §2–§7).
public enum Notebook {
    /// Everything Derive computes about `document`, the note at `path`, with the parse tree of
    /// each of its formulas.
    ///
    /// Checking is a pipeline of values: the statements read from the formulas (each with its
    /// site), the definitions with their identities, the context and example point, then the
    /// results.
    ///
    /// `cellValues` are the values the note's cells' `let`s give names of its math
    /// (docs/note-language.md §12): they bind those names after the note's own bindings.
    ///
    /// `drawsPage`: whether the result holds what only a page shows: the plots of the note's
    /// functions (`NoteResult.plots`), the partial derivatives of its definitions and the
    /// gradients of its sinks, the readings of statements without a verdict
    /// (`StatementResult.reading`). A run that draws no page (`render --check`) leaves them out
    /// (the derivatives are still made for a note with diagnostics, whose names they help
    /// spell; a claim keeps its reading, its JUnit test case's name, unless `readsClaims` is
    /// false: no JUnit test case is made), and nothing else changes.
    ///
    /// `cache`: where formulas already parsed and read are found, the thread's by default (the
    /// same formula, in the same scope, reads the same in every note).
    public static func check(_ document: Document, path: String, options: NotebookOptions = NotebookOptions(),
                             cellValues: [CellValue] = [], drawsPage: Bool = true,
                             readsClaims: Bool = true, cache: FormulaCache = .current) -> CheckedNote
    {
        let formulas = document.formulas
        // Each formula parsed once (a formula the thread met before, not again: `cache`); the
        // reading and the pages' MathML both use the tree.
        let cuts = formulas.map { cache.cut($0.tex) }
        let trees = cuts.map(\.split.formula)
        let sections = Sections(document)
        // The values the front matter, then `--set`, give: a whole number among them is a bound
        // of sums and a layer (`m: 8` makes `\sum_{i=1}^{m}` go to 8).
        var frontMatterDiagnostics: [Diagnostic] = []
        let frontMatterValues = FrontMatterValues.read(document.frontMatter, diagnostics: &frontMatterDiagnostics)
        var given = Dictionary(frontMatterValues, uniquingKeysWith: { $1 })
        given.merge(options.values) { $1 }
        let statements = NoteStatements(formulas: formulas, cuts: cuts, cache: cache, sections: sections,
                                        prose: ProseSentences(document), hasData: DataTable.isPresent(in: document),
                                        given: given)
        let definitions = NoteDefinitions(statements.statements, sections: sections)
        let setting = NoteContext(statements: statements.statements, counts: statements.counts, definitions: definitions,
                                  frontMatter: document.frontMatter, frontMatterValues: frontMatterValues,
                                  frontMatterDiagnostics: frontMatterDiagnostics, options: options, path: path,
                                  document: document, cellValues: cellValues)
        let evaluation = NoteEvaluation(statements: statements, definitions: definitions, setting: setting,
                                        document: document, path: path, options: options, drawsPage: drawsPage)
        var result = evaluation.result().readingDiagrams(of: document)
        let disagreements = evaluation.diagramDisagreements(result.diagrams)
        NoteEvaluation.attach(disagreements, to: &result.statements)
        for diagnostic in disagreements { DiagramReading.insert(diagnostic, into: &result.diagnostics) }
        // The names the diagnostics mention are spelled among all the names the result speaks
        // of, those of the derivatives too (`NoteResult.names`).
        if !drawsPage {
            if readsClaims { evaluation.addReadings(to: &result.statements) }
            if !result.diagnostics.isEmpty { evaluation.addDerivatives(to: &result.statements) }
        }
        // With `--set` values, every name is spelled: a warning about a `--set` name no note
        // uses suggests the closest names as the notes write them.
        result.spellNames(in: trees, everyName: !options.values.isEmpty)
        let forSwift = NoteFormulas(definitions: definitions, statements: statements.statements, formulas: formulas,
                                    point: setting.point, context: setting.context, path: path, options: options)
        return CheckedNote(document: document, trees: trees, result: result, formulas: forSwift)
    }
}
