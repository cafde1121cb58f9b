import Calculus
import Document
import TeX

/// A statement of the note with where it is.
struct SitedStatement {
    var site: StatementSite
    var statement: Statement
    /// Where the statement starts in the note.
    var position: SourcePosition
    /// The statement's TeX (a part of its formula's TeX when the formula holds several).
    var tex: String
}

/// The first phase of checking: every formula read into statements, each with its site, in
/// document order, and the problems the reading found.
struct NoteStatements {
    var statements: [SitedStatement] = []
    var diagnostics: [Diagnostic] = []

    /// Reads `formulas` (their parse trees in `trees`, by position).
    init(formulas: [Math], trees: [Formula], sections: Sections) {
        // Pass 1: the heads of definitions and bindings, so that pass 2 knows which names are
        // functions, which multi-letter names exist and which built-ins are bound to numbers.
        var scope = ReadingScope()
        let splitFormulas = trees.map(FormulaReader.split)
        for split in splitFormulas {
            for declaration in FormulaReader.heads(in: split) {
                let head = declaration.head
                if head.isFunction { scope.functions[head.name] = head.parameters.count }
                if Names.isMultiLetter(head.name) { scope.multiLetterNames.insert(head.name) }
                if Names.isBuiltinOrConstant(head.name), declaration.isBinding { scope.shadowed.insert(head.name) }
                scope.names.insert(head.name)
            }
        }
        let readings = splitFormulas.map { FormulaReader.read($0, scope: scope) }
        // Names defined by a formula (not just bound to a number): `n_1 = 0.3775` about such a
        // name states its value at the example, a claim, not a second definition.
        var definedNames = Set<String>()
        for reading in readings {
            for statement in reading.statements where statement.kind == .definition {
                if let name = statement.head?.name { definedNames.insert(name) }
            }
        }
        for (index, math) in formulas.enumerated() {
            let reading = readings[index]
            for problem in reading.diagnostics {
                diagnostics.append(
                    Diagnostic(problem.severity == .error ? .error : .warning, problem.message,
                               at: math.position(ofTeXOffset: problem.range.lowerBound),
                               length: max(1, problem.range.count)))
            }
            let section = sections.innermost(containing: math.position.line)
            for (order, read) in reading.statements.enumerated() {
                let statement = Self.claimIfRedefinedByNumber(read, definedNames: definedNames)
                let bytes = Array(math.tex.utf8)
                let range = statement.range.clamped(to: 0..<bytes.count)
                statements.append(
                    SitedStatement(site: StatementSite(formula: math.id, statement: order, section: section),
                                   statement: statement,
                                   position: math.position(ofTeXOffset: range.lowerBound),
                                   tex: String(decoding: bytes[range], as: UTF8.self)))
            }
        }
    }

    /// A binding of a name that a formula defines becomes the claim that the name has that value.
    static func claimIfRedefinedByNumber(_ statement: Statement, definedNames: Set<String>) -> Statement {
        guard statement.kind == .binding, let head = statement.head, head.parameters.isEmpty,
            definedNames.contains(head.name)
        else { return statement }
        let headRange = statement.range.lowerBound..<(statement.sideRanges.first?.lowerBound ?? statement.range.lowerBound)
        return Statement(kind: .claim, label: statement.label, sides: [.symbol(head.name)] + statement.sides,
                         relations: [.equal] + statement.relations, sideRanges: [headRange] + statement.sideRanges,
                         range: statement.range, index: statement.index)
    }
}
