import Calculus
import Document

extension NoteEvaluation {
    // MARK: - Formulas against each other and against the diagrams

    /// The note's definitions of symbols as written, in document order.
    func writtenDefinitions() -> [WrittenDefinition] {
        definitions.all.compactMap { definition in
            guard case .symbol = definition.kind else { return nil }
            let sited = statements.statements[definition.statement]
            guard let body = sited.statement.sides.first else { return nil }
            return WrittenDefinition(name: definition.name, body: body, position: sited.position,
                                     length: sited.tex.count)
        }
    }

    /// A sum in a later formula that is a definition's body with two names swapped or one index
    /// changed (see `NearMiss`).
    func nearMisses() -> [Diagnostic] {
        var candidates: [NearMiss.Candidate] = []
        for sited in statements.statements {
            let statement = sited.statement
            var expressions: [Expression]
            switch statement.kind {
            case .claim, .expression:
                expressions = statement.sides
            case .definition:
                // The body itself defines; what it holds, and the sides it claims equal, restate.
                guard let body = statement.sides.first else { continue }
                expressions = Array(statement.sides.dropFirst())
                body.forEachChild { expressions.append($0) }
            case .binding, .declaration, .prose:
                continue
            }
            guard !expressions.isEmpty else { continue }
            candidates.append(NearMiss.Candidate(expressions: expressions, position: sited.position,
                                                 length: sited.tex.count))
        }
        return NearMiss.find(in: candidates, definitions: writtenDefinitions())
    }

    /// Where the note's diagrams of a network disagree with its formulas (see
    /// `DiagramAgreement`).
    func diagramDisagreements(_ diagrams: [NoteDiagram]) -> [Diagnostic] {
        guard diagrams.contains(where: { $0.diagram?.edges.contains { $0.label != nil } == true }) else { return [] }
        var names = Set<String>()
        for sited in statements.statements {
            if let head = sited.statement.head { names.insert(head.name) }
            for side in sited.statement.sides {
                side.visitAll { if case .symbol(let name) = $0 { names.insert(name) } }
            }
        }
        return DiagramAgreement.check(diagrams, definitions: writtenDefinitions(), names: names,
                                      lines: document.lines)
    }

    /// Adds each of `diagnostics` to the result of the statement it is about (the first one at
    /// its position), so that report.json lists it with the statement as it does the others.
    static func attach(_ diagnostics: [Diagnostic], to results: inout [StatementResult]) {
        for diagnostic in diagnostics {
            guard let index = results.firstIndex(where: { $0.position == diagnostic.position }),
                !results[index].diagnostics.contains(diagnostic)
            else { continue }
            results[index].diagnostics.append(diagnostic)
        }
    }
}
