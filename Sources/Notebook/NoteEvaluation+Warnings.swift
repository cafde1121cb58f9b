import Calculus
import Document

extension NoteEvaluation {
    // MARK: - Warnings about names

    /// A name defined twice in one section, and a leaf that looks like a typo of a family of
    /// defined names.
    func warningsAboutNames() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let sited = statements.statements
        let redefinitions = definitions.resolver.redefinitions()
        // Statements by site, looked up once per redefinition (a search each was quadratic).
        var bySite: [StatementSite: Int] = [:]
        if !redefinitions.isEmpty {
            for index in sited.indices where bySite[sited[index].site] == nil { bySite[sited[index].site] = index }
        }
        for (name, site, previous) in redefinitions {
            guard let entry = bySite[site].map({ sited[$0] }), let first = bySite[previous].map({ sited[$0] })
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
        let defined = definitions.definedNames
        // The defined names by family, built when the first leaf of a family is met (most
        // notes have none).
        var families: [String: [String]]?
        var considered = Set<String>()
        for index in sited.indices {
            for side in sited[index].statement.sides {
                // The names written that are leaves, not defined (few): the nodes are walked
                // without building the list of the side's distinct symbols, since a name met
                // twice is considered once all the same.
                var leaves: [String] = []
                side.visitAll { node in
                    if case .symbol(let name) = node, !defined.contains(name), context.isLeaf(name) {
                        leaves.append(name)
                    }
                }
                for name in leaves where considered.insert(name).inserted {
                    guard let family = Names.family(of: name) else { continue }
                    if families == nil { families = Self.families(of: defined) }
                    guard let siblings = families?[family], siblings.count >= 2 else { continue }
                    let listed = Self.list(siblings)
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
                        .warning, "\(name) is not defined, but \(listed) are; is it a typo?",
                        at: position, length: length,
                        hint: "define \(name), or use one of \(listed)"))
                }
            }
        }
        return diagnostics
    }

    /// The names of each family (`h` for `h_1`, `h_2`), each family in natural order.
    static func families(of names: Set<String>) -> [String: [String]] {
        var families: [String: [String]] = [:]
        for name in names {
            if let family = Names.family(of: name) { families[family, default: []].append(name) }
        }
        for family in families.keys { families[family]?.sort(by: Names.naturalOrder) }
        return families
    }

    /// The most sibling names a typo warning lists; a larger family is shown by its first
    /// three, its last and its size, so that a warning's length does not grow with the note
    /// (docs/note-language.md §8).
    static let maximumNamesListed = 5

    /// `h_1, h_2`, or `h_1, h_2, h_3, …, h_1600 (1600 names)`.
    static func list(_ names: [String]) -> String {
        guard names.count > maximumNamesListed, let last = names.last else { return names.joined(separator: ", ") }
        return names.prefix(3).joined(separator: ", ") + ", …, \(last) (\(names.count) names)"
    }

    // MARK: - Equation references

    /// `@eq-x` in the text must name a labelled formula; the hint names the close labels
    /// (`NearLabels`), once per label however often it is referred to.
    func referenceProblems() -> [Diagnostic] {
        let references = EquationReferences.find(in: document)
        guard !references.isEmpty else { return [] }
        var diagnostics: [Diagnostic] = []
        let labels = Set(document.formulas.compactMap(\.label))
        var near: NearLabels?
        var hints: [String: String] = [:]
        for reference in references where !labels.contains(reference.label) {
            let hint: String
            if let known = hints[reference.label] {
                hint = known
            } else {
                if near == nil { near = NearLabels(labels) }
                hint = near?.hint(for: reference.label) ?? ""
                hints[reference.label] = hint
            }
            diagnostics.append(Diagnostic(.error, "@\(reference.label) refers to no labelled formula",
                                          at: reference.position, length: reference.label.count + 1, hint: hint))
        }
        return diagnostics
    }
}
