import SwiftParser
import SwiftSyntax

/// The top-level `let`/`var` and `func` declarations of a note's cells, read by swift-syntax's
/// parser: what ties cells to the math (a `let` binding a note name, a `func` checked against a
/// formula; docs/note-language.md §12).
///
/// Each cell is parsed by itself (a cell is whole statements). What is not read: declarations
/// inside `#if` or in a `do { }` at top level, and patterns (`let (a, b) = ...`).
public struct CellDeclaration: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// `let name[: Type] = value` (or `var`): `expression` is the value's text, its tokens
        /// joined by single spaces where the source has any space or line break.
        case value(type: String?, expression: String, constant: Bool)
        /// `func name(parameters) -> result`.
        case function(parameters: [Parameter], result: String?)
    }

    /// One parameter: its argument label (`nil` for `_`), its name and its type's text.
    public struct Parameter: Sendable, Equatable {
        public var label: String?
        public var name: String
        public var type: String
        public var hasDefault: Bool

        public init(label: String?, name: String, type: String, hasDefault: Bool) {
            self.label = label
            self.name = name
            self.type = type
            self.hasDefault = hasDefault
        }
    }

    public var name: String
    public var kind: Kind
    /// The cell it is in (from 0), and the note's line and column of its name.
    public var cell: Int
    public var line: Int
    public var column: Int

    /// The top-level declarations of `cells`, in order.
    public static func find(in cells: [Cell]) -> [CellDeclaration] {
        cells.flatMap { find(in: $0) }
    }

    static func find(in cell: Cell) -> [CellDeclaration] {
        let tree = Parser.parse(source: cell.code)
        let converter = SourceLocationConverter(fileName: "", tree: tree)
        var result: [CellDeclaration] = []
        func position(_ node: some SyntaxProtocol) -> (line: Int, column: Int) {
            let location = node.startLocation(converter: converter)
            return (cell.firstLine + location.line - 1, location.column)
        }
        for statement in tree.statements {
            guard case .decl(let declaration) = statement.item else { continue }
            if let variable = declaration.as(VariableDeclSyntax.self) {
                let constant = variable.bindingSpecifier.tokenKind == .keyword(.let)
                for binding in variable.bindings {
                    guard let pattern = binding.pattern.as(IdentifierPatternSyntax.self),
                          let value = binding.initializer?.value
                    else { continue }
                    let at = position(pattern.identifier)
                    result.append(CellDeclaration(
                        name: pattern.identifier.text,
                        kind: .value(type: binding.typeAnnotation.map { text(of: $0.type) }, expression: text(of: value),
                                     constant: constant),
                        cell: cell.index, line: at.line, column: at.column))
                }
            } else if let function = declaration.as(FunctionDeclSyntax.self) {
                let parameters = function.signature.parameterClause.parameters.map { parameter in
                    Parameter(label: parameter.firstName.tokenKind == .wildcard ? nil : parameter.firstName.text,
                              name: (parameter.secondName ?? parameter.firstName).text,
                              type: text(of: parameter.type), hasDefault: parameter.defaultValue != nil)
                }
                let at = position(function.name)
                result.append(CellDeclaration(
                    name: function.name.text,
                    kind: .function(parameters: parameters, result: function.signature.returnClause.map { text(of: $0.type) }),
                    cell: cell.index, line: at.line, column: at.column))
            }
        }
        return result
    }

    /// A node's tokens, one space where the source has trivia (space, a line break, a comment).
    static func text(of node: some SyntaxProtocol) -> String {
        var out = ""
        var spaceAfterPrevious = false
        for token in node.tokens(viewMode: .sourceAccurate) {
            if !out.isEmpty, spaceAfterPrevious || !token.leadingTrivia.isEmpty { out += " " }
            out += token.text
            spaceAfterPrevious = !token.trailingTrivia.isEmpty
        }
        return out
    }
}
