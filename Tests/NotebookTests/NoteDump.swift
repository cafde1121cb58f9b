import Document
import Notebook

/// A note's results as lines of text, the form the spec examples are written in:
///
///     point: x_1 = 0.05 (note), w = 0.42 (sampled)
///     3:1 binding x_1 = 0.05 → 0.05
///     5:1 definition n_1 = x_1*w_1 → 0.0075; ∂x_1 = 0.15, ∂w_1 = 0.05
///     7:1 claim f'(x) = f(x)*(1 - f(x)) ✓ holds at 9 points
///     ! 7:1 error: claim does not hold: computed 1, claimed 0.5 at x = 0.3
enum NoteDump {
    static func text(_ result: NoteResult) -> String {
        var lines: [String] = []
        if !result.point.isEmpty {
            lines.append("point: " + result.point.map { "\($0.name) = \(NumberText.format($0.value)) (\($0.source.word))" }
                .joined(separator: ", "))
        }
        for statement in result.statements {
            var line = "\(statement.position) \(statement.kind.rawValue) "
            line += statement.reading ?? statement.tex
            if let value = statement.value { line += " → \(NumberText.format(value))" }
            if !statement.partials.isEmpty {
                line += "; " + statement.partials.map { "∂\($0.name) = \(NumberText.format($0.value))" }
                    .joined(separator: ", ")
            }
            if let reason = statement.partialsOmitted { line += "; ∂ \(reason)" }
            if !statement.gradient.isEmpty {
                line += "; gradient " + statement.gradient.map { "∂\($0.name) = \(NumberText.format($0.value))" }
                    .joined(separator: ", ")
            }
            if let check = statement.check {
                switch check.status {
                case .holds: line += " ✓ \(check.message)"
                case .fails: line += " ✗ \(check.message)"
                case .cannotTell: line += " ? \(check.message)"
                }
            }
            if let reason = statement.notEvaluated { line += " (not evaluated: \(reason))" }
            lines.append(line)
        }
        for run in result.runs {
            // `run 7:1 T = 50 (line 3): step 0: x = 3, L = 9 | step 1: …`: the table's rows.
            let names = run.parameters + run.losses
            let rows = run.table.map { row in
                "step \(row.step): " + zip(names, row.parameters + row.losses)
                    .map { "\($0) = \(NumberText.format($1))" }.joined(separator: ", ")
            }
            lines.append("run \(run.position) \(run.steps) steps (\(run.stepsSource)): " + rows.joined(separator: " | ")
                         + (run.stopped.map { " (stopped: \($0))" } ?? ""))
        }
        for diagnostic in result.diagnostics {
            lines.append("! \(diagnostic.position) \(diagnostic.severity.rawValue): \(diagnostic.message)"
                         + (diagnostic.hint.map { " (hint: \($0))" } ?? ""))
            for note in diagnostic.related {
                lines.append("!   \(note.position) \(note.severity.rawValue): \(note.message)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
