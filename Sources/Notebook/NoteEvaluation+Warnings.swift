import Calculus
import Document

extension NoteEvaluation {
    // MARK: - Warnings about names

    /// A name defined twice in one section, and a leaf that looks like a typo of a family of
    /// defined names.
    func warningsAboutNames() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let sited = statements.statements
        for (name, site, previous) in definitions.resolver.redefinitions() {
            guard let entry = sited.first(where: { $0.site == site }),
                let first = sited.first(where: { $0.site == previous })
            else { continue }
            // Two bindings to different numbers: say both, since one of them is perhaps a
            // place or a condition ("when $\epsilon = 0$", docs/note-language.md §5).
            if let new = definitions[site], let old = definitions[previous],
                case .binding = new.kind, case .binding = old.kind,
                let newValue = context.values[new.key], let oldValue = context.values[old.key], newValue != oldValue
            {
                diagnostics.append(Diagnostic(
                    .warning, "\(name) is bound to \(NumberText.format(newValue)) here and to "
                        + "\(NumberText.format(oldValue)) at line \(first.position.line) of this section; "
                        + "from here on \(NumberText.format(newValue)) is used", at: entry.position, length: entry.tex.count,
                    hint: "if one of them is a place or a condition, write it after 'when', 'if', 'for', 'at' or 'near'"))
                continue
            }
            diagnostics.append(Diagnostic(
                .warning, "\(name) is defined twice in this section (first at line \(first.position.line)); "
                    + "from here on the new definition is used", at: entry.position, length: entry.tex.count))
        }
        // A leaf like h_5 when h_1 and h_2 are defined looks like a typo.
        let defined = Set(definitions.all.map(\.name))
        var reported = Set<String>()
        for index in sited.indices {
            for side in sited[index].statement.sides {
                // The names written that are leaves, not defined (few): the nodes are walked
                // without building the list of the side's distinct symbols, since a name met
                // twice is reported once all the same.
                var leaves: [String] = []
                side.visitAll { node in
                    if case .symbol(let name) = node, !defined.contains(name), context.isLeaf(name) {
                        leaves.append(name)
                    }
                }
                for name in leaves {
                    guard let family = Names.family(of: name), !reported.contains(name) else { continue }
                    let siblings = defined.filter { Names.family(of: $0) == family }.sorted(by: Names.naturalOrder)
                    guard siblings.count >= 2 else { continue }
                    reported.insert(name)
                    // The caret under the name as written (`h_{5..6}`), else under the statement.
                    var position = sited[index].position
                    var length = sited[index].tex.count
                    let math = document.formulas[sited[index].site.formula.index]
                    let tex = Array(math.tex.utf8)
                    if let written = WrittenName.find(name, in: tex, within: sited[index].statement.range) {
                        position = math.position(ofTeXOffset: written.lowerBound)
                        length = String(decoding: tex[written], as: UTF8.self).count
                    }
                    diagnostics.append(Diagnostic(
                        .warning, "\(name) is not defined, but \(siblings.joined(separator: ", ")) are; is it a typo?",
                        at: position, length: length,
                        hint: "define \(name), or use one of \(siblings.joined(separator: ", "))"))
                }
            }
        }
        return diagnostics
    }

    // MARK: - Equation references

    /// `@eq-x` in the text must name a labelled formula.
    func referenceProblems() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let labels = Set(document.formulas.compactMap(\.label))
        for reference in EquationReferences.find(in: document) where !labels.contains(reference.label) {
            diagnostics.append(Diagnostic(.error, "@\(reference.label) refers to no labelled formula",
                                          at: reference.position, length: reference.label.count + 1,
                                          hint: labels.isEmpty ? "label a display formula: $$ ... $$ {#\(reference.label)}"
                                              : "labels in this note: " + labels.sorted().joined(separator: ", ")))
        }
        return diagnostics
    }
}
