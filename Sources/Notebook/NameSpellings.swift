import Document
import TeX

/// The TeX in which a note first writes each of some names (`y_pred` as `y_{pred}`, `η` as
/// `\eta`, `ŷ` as `\hat{y}`), so that the terminal and the Markdown report show a name in a
/// diagnostic as the note wrote it.
enum NameSpellings {
    /// For each name of `wanted` whose first spelling in the formulas differs from the name, that
    /// spelling: the source of the first node of a parse tree (a letter with scripts, an accent,
    /// a font, a command such as `\eta`) that reads as the name by itself. A name written only
    /// where its reading depends on the note (`w^2` as a layer name) gets none.
    static func find(_ wanted: Set<String>, in trees: [Formula]) -> [String: String] {
        var missing = wanted.filter { NamesInText.isMarked($0) }
        guard !missing.isEmpty else { return [:] }
        var spellings: [String: String] = [:]
        var tried = Set<String>()
        // A letter with scripts is read only when a missing name starts with that letter.
        let letters = Set(missing.compactMap { $0.unicodeScalars.first }.filter(\.isASCII).map { String($0) })
        func visit(_ node: Node, source: [UInt8]) {
            guard !missing.isEmpty else { return }
            if case .scripts(let scripts) = node, case .atom(let atom)? = scripts.base, atom.command == nil,
               !letters.contains(atom.text)
            {
                // Not a name wanted here; its children (a subscript) may still hold one.
            } else if isCandidate(node) {
                let range = node.range.clamped(to: 0..<source.count)
                // A node's range may take in the blanks after it (`b_1 ` before `=`).
                let text = PlainText.trimmed(String(decoding: source[range], as: UTF8.self))
                if tried.insert(text).inserted {
                    let name = SetValues.canonicalName(text)
                    if missing.remove(name) != nil, text != name { spellings[name] = text }
                }
            }
            for child in node.children { visit(child, source: source) }
        }
        for tree in trees where !missing.isEmpty {
            let source = Array(tree.source.utf8)
            for node in tree.nodes { visit(node, source: source) }
        }
        return spellings
    }

    /// Whether a node can be a whole name: a letter with scripts, an accent, a font, or a
    /// command atom (`\eta`).
    private static func isCandidate(_ node: Node) -> Bool {
        switch node {
        case .scripts, .accent, .font: return true
        case .atom(let atom): return atom.command != nil
        default: return false
        }
    }
}

extension NoteResult {
    /// The names the note's results speak of: the example point's leaves, the names statements
    /// define, bind or differentiate by, and the runs' parameters and losses.
    public var names: Set<String> {
        var names = Set(point.lazy.map(\.name))
        for index in statements.indices {
            if let name = statements[index].name { names.insert(name) }
            for partial in statements[index].partials { names.insert(partial.name) }
            for entry in statements[index].gradient { names.insert(entry.name) }
        }
        for run in runs { names.formUnion(run.parameters + run.losses) }
        return names
    }

    /// `writtenNames` for the names the diagnostics mention, found in `trees`; with
    /// `everyName`, for every name of `names`. A name's spelling is its first in the trees
    /// either way, so the diagnostics' names read the same.
    mutating func spellNames(in trees: [Formula], everyName: Bool = false) {
        if everyName {
            writtenNames = NameSpellings.find(names, in: trees)
            return
        }
        guard !diagnostics.isEmpty else { return }
        let finder = NamesInText(names)
        var mentioned = Set<String>()
        func collect(_ diagnostic: Diagnostic) {
            mentioned.formUnion(finder.names(in: diagnostic.message))
            if let hint = diagnostic.hint { mentioned.formUnion(finder.names(in: hint)) }
            for note in diagnostic.related { collect(note) }
        }
        for diagnostic in diagnostics { collect(diagnostic) }
        writtenNames = NameSpellings.find(mentioned, in: trees)
    }
}
