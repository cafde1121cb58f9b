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
                                     tex: sited.tex)
        }
    }

    /// A sum in a later formula that is a definition's body with two names swapped or one index
    /// changed (see `NearMiss`).
    func nearMisses() -> [Diagnostic] {
        let written = writtenDefinitions()
        guard NearMiss.hasTargets(written) else { return [] }
        var candidates: [NearMiss.Candidate] = []
        // The statements read in place: a copy of each costs more than the rest.
        let sited = statements.statements
        for index in sited.indices {
            let kind = sited[index].statement.kind
            guard kind == .claim || kind == .expression || kind == .definition, !sited[index].statement.sides.isEmpty,
                NearMiss.mayHoldSum(sited[index].tex)
            else { continue }
            // A definition's body defines; what it holds, and the sides it claims equal, restate.
            candidates.append(NearMiss.Candidate(
                expressions: sited[index].statement.sides, firstDefines: kind == .definition,
                position: sited[index].position, tex: sited[index].tex))
        }
        return NearMiss.find(in: candidates, definitions: written)
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
