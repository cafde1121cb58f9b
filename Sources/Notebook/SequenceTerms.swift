import Calculus
import TeX

/// Sequences a note defines by their index as a value (`\eta_t = \eta_{min} + \frac{1}{2}(\eta_{max}
/// - \eta_{min})(1 + \cos\frac{t\pi}{T})`): a term written with a number (`\eta_0 = \eta_{max}`,
/// `\eta_{50} = 0.0505`) is the claim that the definition at that index has that value, not a
/// name of its own (docs/note-language.md §2). Not a recurrence (`v_t = \rho v_{t-1} + …`: `t`
/// only in subscripts, `v_0 = 0` its start), and not a term some formula uses as a name
/// (`\eta_t = \frac{\eta_0}{1 + kt}` with `\eta_0 = 0.1`).
struct SequenceTerms {
    /// Base → the index letter and the definition's body.
    private var definitions: [Substring: (letter: String, body: Expression)] = [:]
    /// Names the note's formulas use (only gathered when there is a sequence).
    private var used: Set<String> = []

    init(_ readings: [FormulaReading]) {
        var seen: Set<Substring> = []
        for reading in readings {
            for statement in reading.statements where statement.kind == .definition && statement.sides.count == 1 {
                guard let head = statement.head, !head.isFunction else { continue }
                let (base, indices) = GeneralForm.parts(head.name)
                guard indices.count == 1, indices[0].first == "_" else { continue }
                let letter = String(indices[0].dropFirst())
                guard letter.count == 1, letter.first?.isLetter == true,
                    statement.sides[0].symbols.contains(letter)
                else { continue }
                // Two definitions of one base: which one a term means is not clear.
                if !seen.insert(base).inserted {
                    definitions[base] = nil
                    continue
                }
                definitions[base] = (letter, statement.sides[0])
            }
        }
        guard !definitions.isEmpty else { return }
        for reading in readings {
            for statement in reading.statements {
                for side in statement.sides { used.formUnion(side.symbols) }
            }
        }
    }

    /// Makes `statement`, a binding or definition of a term of a sequence (`\eta_{50} =
    /// 0.0505`), the claim that the sequence's definition at that index has that value.
    func claimIfTerm(_ statement: inout Statement) {
        guard !definitions.isEmpty, statement.kind == .binding || statement.kind == .definition,
            let head = statement.head, !head.isFunction, !used.contains(head.name)
        else { return }
        let (base, indices) = GeneralForm.parts(head.name)
        guard indices.count == 1, indices[0].first == "_", let value = Int(indices[0].dropFirst()),
            let sequence = definitions[base],
            let term = try? sequence.body.substituting([sequence.letter: .number(Double(value))])
        else { return }
        var claim = NoteStatements.claim(restating: statement, left: term)
        claim.instance = "\(sequence.letter) = \(value)"
        statement = claim
    }
}
