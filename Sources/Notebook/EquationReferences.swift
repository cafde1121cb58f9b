import Document

/// `@eq-label` references in a note's text (Quarto's syntax), as the Document read them
/// (`Inline.equationReference`; what counts as one is `EquationReferenceSyntax`).
public enum EquationReferences {
    public struct Reference: Sendable, Equatable {
        public var label: String
        public var position: SourcePosition
    }

    /// Every `@eq-...` in the note's text (not in code, math or an image's alt text), in
    /// document order, with its position.
    public static func find(in document: Document) -> [Reference] {
        var references: [Reference] = []
        for block in document.blocks { collect(block, into: &references) }
        return references
    }

    private static func collect(_ block: Block, into references: inout [Reference]) {
        switch block {
        case .paragraph(let inlines), .heading(_, let inlines, _):
            collect(inlines, into: &references)
        case .blockQuote(let blocks):
            for child in blocks { collect(child, into: &references) }
        case .list(let list):
            for item in list.items { for child in item.blocks { collect(child, into: &references) } }
        case .table(let table):
            for row in table.rows { for cell in row.cells { collect(cell, into: &references) } }
        case .footnoteDefinition(let definition):
            for child in definition.blocks { collect(child, into: &references) }
        case .thematicBreak, .codeBlock, .htmlBlock, .math:
            break
        }
    }

    private static func collect(_ inlines: [Inline], into references: inout [Reference]) {
        for inline in inlines {
            switch inline {
            case .equationReference(let label, let position):
                references.append(Reference(label: label, position: position))
            case .emphasis(let children), .strong(let children), .strikethrough(let children),
                .link(_, _, let children):
                collect(children, into: &references)
            default:
                break
            }
        }
    }
}
