import Cells
import Document
import Notebook

/// A note with Swift cells, checked in the order the cells need (docs/note-language.md §12):
/// the note is checked by itself; its formulas are written as Swift before the cells and the
/// harness after them; the program is run (or read from the cache); then the note is checked
/// again with the values the cells' `let`s gave its names, and the cells' functions are
/// compared with the formulas they implement.
enum NoteCells {
    static func check(_ document: Document, path: String, options: NotebookOptions, cells: [Cell],
                      runner: CellRunner) -> (note: CheckedNote, outputs: [CellOutput])
    {
        let first = Notebook.check(document, path: path, options: options)
        let declarations = CellDeclaration.find(in: cells)
        let generated = first.formulas.swift(omitting: Set(declarations.map(\.name)),
                                             fallback: SourcePosition(line: cells[0].firstLine, column: 1))
        let probes = first.formulas.probes(for: declarations)
        let run = runner.run(cells, notePath: path, formulas: generated.source, harness: probes.harness)
        let values = first.formulas.cellValues(from: run.checks, probes: probes)
        var note = values.isEmpty ? first : Notebook.check(document, path: path, options: options, cellValues: values)
        // No line from the harness: the program did not get that far (not run, not compiled,
        // stopped); the functions are not compared, and that is said by the cell's own problem.
        var checkDiagnostics: [Diagnostic] = []
        if !run.checks.isEmpty {
            let checked = note.formulas.checks(from: run.checks, probes: probes)
            note.result.cellChecks = checked.checks
            checkDiagnostics = checked.diagnostics
        }
        let added = generated.diagnostics + probes.diagnostics + run.diagnostics + checkDiagnostics
        // Kept sorted by position, as the checker's own are; a stable sort keeps each line's order.
        note.result.diagnostics = (note.result.diagnostics + added).enumerated()
            .sorted { ($0.element.position, $0.offset) < ($1.element.position, $1.offset) }.map(\.element)
        return (note, run.outputs)
    }
}
