import Document
import Notebook

/// `report.json`: every note's example point, statements, values, derivatives, verdicts and
/// diagnostics, and a summary; non-finite numbers as `"nan"`, `"inf"`, `"-inf"`.
public enum ReportJSON {
    public static let version = 1

    public static func text(for notes: [NoteResult]) -> String {
        assemble(notes.map(noteText), summary: notes.reduce(Summary()) { $0 + $1.summary })
    }

    /// One note's entry of the `notes` array, indented for its place in the file; notes can be
    /// written in parallel and then put together with `assemble`.
    public static func noteText(_ result: NoteResult) -> String {
        JSONText.indented(note(result), level: 2)
    }

    /// The whole file from the notes' entries (`noteText`) and the summary over them.
    public static func assemble(_ noteTexts: [String], summary: Summary) -> String {
        var out = "{\n  \"version\": \(version),\n  \"notes\": "
        if noteTexts.isEmpty {
            out += "[]"
        } else {
            out += "[\n"
            for (index, text) in noteTexts.enumerated() {
                out += "    " + text + (index + 1 < noteTexts.count ? ",\n" : "\n")
            }
            out += "  ]"
        }
        out += ",\n  \"summary\": " + JSONText.indented(summaryJSON(summary), level: 1) + "\n}\n"
        return out
    }

    private static func note(_ note: NoteResult) -> JSONText {
        .object([
            ("path", .string(note.path)),
            ("point", .object(note.point.map { value in
                (value.name, .object([("value", .number(value.value)), ("source", .string(value.source.word))]))
            })),
            ("statements", .array(note.statements.map(statement))),
        ])
    }

    private static func statement(_ statement: StatementResult) -> JSONText {
        var members: [(String, JSONText)] = [
            ("line", .integer(statement.position.line)),
            ("column", .integer(statement.position.column)),
            ("tex", .string(statement.tex)),
            ("kind", .string(statement.kind.rawValue)),
            ("name", statement.name.map { .string($0) } ?? .null),
            ("reading", statement.reading.map { .string($0) } ?? .null),
            ("value", statement.value.map { .number($0) } ?? .null),
            ("partials", .object(statement.partials.map { ($0.name, .number($0.value)) })),
            ("gradient", .object(statement.gradient.map { ($0.name, .number($0.value)) })),
        ]
        if let reason = statement.notEvaluated { members.append(("notEvaluated", .string(reason))) }
        members.append(("check", statement.check.map { check in
            .object([
                ("status", .string(check.status.rawValue)), ("points", .integer(check.points)),
                ("message", .string(check.message)),
            ])
        } ?? .null))
        members.append(("diagnostics", .array(statement.diagnostics.map(diagnostic))))
        return .object(members)
    }

    static func diagnostic(_ diagnostic: Diagnostic) -> JSONText {
        var members: [(String, JSONText)] = [
            ("severity", .string(diagnostic.severity.rawValue)),
            ("message", .string(diagnostic.message)),
            ("line", .integer(diagnostic.position.line)),
            ("column", .integer(diagnostic.position.column)),
        ]
        if let hint = diagnostic.hint { members.append(("hint", .string(hint))) }
        return .object(members)
    }

    private static func summaryJSON(_ summary: Summary) -> JSONText {
        .object([
            ("notes", .integer(summary.notes)), ("statements", .integer(summary.statements)),
            ("evaluated", .integer(summary.evaluated)), ("claims", .integer(summary.claims)),
            ("held", .integer(summary.held)), ("failed", .integer(summary.failed)),
            ("cannotTell", .integer(summary.cannotTell)), ("errors", .integer(summary.errors)),
            ("warnings", .integer(summary.warnings)),
        ])
    }
}
