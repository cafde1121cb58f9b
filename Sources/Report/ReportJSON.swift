import Cells
import Document
import Notebook

/// `report.json`: every note's example point, statements, values, derivatives, verdicts and
/// diagnostics (each statement's, and all of the note's), and a summary; non-finite numbers as
/// `"nan"`, `"inf"`, `"-inf"`.
public enum ReportJSON {
    public static let version = 1

    /// The whole file for `notes`.
    public static func text(for notes: [NoteResult]) -> String {
        String(decoding: Array(parts(notes.map { noteBytes($0) }, summary: notes.reduce(Summary()) { $0 + $1.summary }).joined()),
               as: UTF8.self)
    }

    /// One note's entry of the `notes` array, as UTF-8, indented for its place in the file;
    /// notes can be written in parallel and then put together with `parts`.
    /// `cells` (the note's Swift cells and what they printed) adds a `cells` member when not empty.
    public static func noteBytes(_ result: NoteResult, cells: [(cell: Cell, output: CellOutput)] = []) -> [UInt8] {
        var json = JSONWriter(level: 2, capacity: 1024 + 512 * result.statements.count)
        note(result, cells: cells, into: &json)
        return json.bytes
    }

    /// The whole file, as UTF-8, in consecutive pieces: the notes' entries (`noteBytes`)
    /// between the bits that join them, and the summary over them; written one after another
    /// without first copying every note into one buffer.
    public static func parts(_ notes: [[UInt8]], summary: Summary) -> [[UInt8]] {
        var parts: [[UInt8]] = []
        parts.reserveCapacity(2 * notes.count + 3)
        parts.append(Array("{\n  \"version\": \(version),\n  \"notes\": \(notes.isEmpty ? "[]" : "[\n")".utf8))
        for (index, note) in notes.enumerated() {
            parts.append(Array((index == 0 ? "    " : ",\n    ").utf8))
            parts.append(note)
        }
        var json = JSONWriter(level: 1)
        summaryJSON(summary, into: &json)
        parts.append(Array(((notes.isEmpty ? "" : "\n  ]") + ",\n  \"summary\": ").utf8) + json.bytes + Array("\n}\n".utf8))
        return parts
    }

    private static func note(_ note: NoteResult, cells: [(cell: Cell, output: CellOutput)], into json: inout JSONWriter) {
        json.openObject()
        json.member("path", note.path)
        json.key("point")
        json.openObject()
        for value in note.point {
            json.key(text: value.listedName)
            json.openObject()
            json.member("value", value.value)
            json.member("source", value.source.word)
            json.closeObject()
        }
        json.closeObject()
        json.key("statements")
        json.openArray()
        for statement in note.statements { self.statement(statement, into: &json) }
        json.closeArray()
        // Every diagnostic of the note, by position, those of its statements included: some
        // belong to no statement (a reference to no label, a diagram or a cell that disagrees
        // with the formulas, the front matter), and the summary counts them all.
        json.key("diagnostics")
        json.openArray()
        for diagnostic in note.diagnostics { self.diagnostic(diagnostic, into: &json) }
        json.closeArray()
        if !note.runs.isEmpty {
            json.key("runs")
            json.openArray()
            for run in note.runs {
                json.openObject()
                json.member("line", run.position.line)
                json.member("steps", run.steps)
                json.member("stepsFrom", run.stepsSource)
                json.member("parameters", strings: run.parameters)
                json.member("losses", strings: run.losses)
                json.key("table")
                json.openArray()
                for row in run.table {
                    json.openObject()
                    json.member("step", row.step)
                    json.member("parameters", numbers: row.parameters)
                    json.member("losses", numbers: row.losses)
                    json.closeObject()
                }
                json.closeArray()
                json.member("stopped", run.stopped)
                json.closeObject()
            }
            json.closeArray()
        }
        if !cells.isEmpty {
            json.key("cells")
            json.openArray()
            for entry in cells {
                json.openObject()
                json.member("line", entry.cell.firstLine)
                json.member("status", entry.output.status.rawValue)
                json.member("stdout", entry.output.stdout)
                json.member("stderr", entry.output.stderr)
                json.member("problem", entry.output.problem)
                json.closeObject()
            }
            json.closeArray()
        }
        if !note.cellChecks.isEmpty {
            json.key("cellChecks")
            json.openArray()
            for check in note.cellChecks {
                json.openObject()
                json.member("line", check.position.line)
                json.member("column", check.position.column)
                json.member("function", check.function)
                json.key("holds")
                json.boolean(check.holds)
                json.member("verdict", check.text)
                json.closeObject()
            }
            json.closeArray()
        }
        json.closeObject()
    }

    private static func statement(_ statement: StatementResult, into json: inout JSONWriter) {
        json.openObject()
        json.member("line", statement.position.line)
        json.member("column", statement.position.column)
        json.member("tex", statement.tex)
        json.member("kind", statement.kind.rawValue)
        json.member("name", statement.name)
        json.member("reading", statement.reading)
        json.member("value", statement.value)
        json.member("partials", statement.partials)
        if let reason = statement.partialsOmitted { json.member("partialsOmitted", reason) }
        json.member("gradient", statement.gradient)
        if let reason = statement.notEvaluated { json.member("notEvaluated", reason) }
        json.key("check")
        if let check = statement.check {
            json.openObject()
            json.member("status", check.status.rawValue)
            json.member("points", check.points)
            json.member("message", check.message)
            json.member("exampleSides", numbers: check.exampleSides)
            json.member("largestDifference", check.largestDifference)
            json.closeObject()
        } else {
            json.null()
        }
        json.key("diagnostics")
        json.openArray()
        for diagnostic in statement.diagnostics { self.diagnostic(diagnostic, into: &json) }
        json.closeArray()
        json.closeObject()
    }

    private static func diagnostic(_ diagnostic: Diagnostic, into json: inout JSONWriter) {
        json.openObject()
        json.member("severity", diagnostic.severity.rawValue)
        json.member("message", diagnostic.message)
        json.member("line", diagnostic.position.line)
        json.member("column", diagnostic.position.column)
        if let hint = diagnostic.hint { json.member("hint", hint) }
        if !diagnostic.related.isEmpty {
            json.key("notes")
            json.openArray()
            for note in diagnostic.related { self.diagnostic(note, into: &json) }
            json.closeArray()
        }
        json.closeObject()
    }

    private static func summaryJSON(_ summary: Summary, into json: inout JSONWriter) {
        json.openObject()
        let counts: [(StaticString, Int)] = [
            ("notes", summary.notes), ("statements", summary.statements), ("evaluated", summary.evaluated),
            ("claims", summary.claims), ("held", summary.held), ("failed", summary.failed),
            ("cannotTell", summary.cannotTell), ("errors", summary.errors), ("warnings", summary.warnings),
        ]
        for (name, value) in counts { json.member(name, value) }
        json.closeObject()
    }
}
