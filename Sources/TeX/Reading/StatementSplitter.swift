import Foundation

/// Cuts a formula's top-level nodes into statements (docs/note-language.md §2): at `,` and `;`
/// outside parentheses, at `\quad`, `\qquad` and `\\`, and row by row in an `aligned` or
/// `align` environment, where a row that starts with a relation continues the previous
/// statement (`a &= b \\ &= c`). A leading `label:` is split off.
enum StatementSplitter {
    /// The nodes of one statement, and its label.
    struct Piece {
        var nodes: [Node]
        var label: String?
        /// The word of the text command that separated this statement from the one before
        /// (`if` in `a = b \quad \text{if } c = 1`), lowercased.
        var introducedBy: String?
    }

    static func split(_ nodes: [Node], source: [UInt8]) -> [Piece] {
        let flat = flattenAlignment(nodes)
        var pieces: [Piece] = []
        // The current statement is `flat[start..<index]` until a node inside it is dropped;
        // only then are its nodes copied (most formulas are one statement: no copy at all).
        var start = 0
        var copied: [Node]?
        var word: String?
        func flush(_ end: Int) {
            var current = copied ?? (start == 0 && end == flat.count ? flat : Array(flat[start..<end]))
            // A formula may end with sentence punctuation: `x = 1.` (not `!`, a factorial: `n!`).
            if case .atom(let atom)? = current.last, atom.text == "." { current.removeLast() }
            if !current.isEmpty {
                var piece = splitLabel(current, source: source)
                piece.introducedBy = word
                pieces.append(piece)
                word = nil
            }
            start = end + 1
            copied = nil
        }
        var depth = 0
        for (index, node) in flat.enumerated() {
            if isSeparator(node, depth: depth) {
                flush(index)
                if case .text(let text) = node, case let separating = separatingWord(text), !separating.isEmpty {
                    // `\text{if } y_1 = 1 \text{ and } y_2 = 0`: "and" continues what the word
                    // before it began (both are conditions), else it is the word itself.
                    word = separating == "and" ? pieces.last?.introducedBy ?? separating : separating
                }
                continue
            }
            // Ignorable nodes are dropped from the statements (after serving as separators).
            if isIgnorable(node) {
                if copied == nil, start == index {
                    start = index + 1
                } else if copied == nil {
                    copied = Array(flat[start..<index])
                }
                continue
            }
            switch ExpressionReader.bareAtomClass(node) {
            case .open: depth += 1
            case .close: depth = max(0, depth - 1)
            default: break
            }
            copied?.append(node)
        }
        flush(flat.count)
        return pieces
    }

    /// Whether a node only affects looks: spaces, tags, labels, style switches with no body.
    static func isIgnorable(_ node: Node) -> Bool {
        switch node {
        case .space, .tag: true
        case .style(let style): style.body.isEmpty
        default: false
        }
    }

    /// `nodes` without the ignorable ones (the same array or slice when there are none: no copy).
    static func meaningful<Nodes: RangeReplaceableCollection<Node>>(_ nodes: Nodes) -> Nodes {
        nodes.contains(where: isIgnorable) ? nodes.filter { !isIgnorable($0) } : nodes
    }

    private static func isSeparator(_ node: Node, depth: Int) -> Bool {
        switch node {
        case .atom(let atom):
            return depth == 0 && atom.atomClass == .punct && (atom.text == "," || atom.text == ";")
        case .space(let space):
            return space.command == "quad" || space.command == "qquad"
        case .lineBreak:
            return true
        case .text(let text):
            // `a = 1 \text{ and } b = 2`: words between formulas join statements, like `,`.
            return depth == 0 && joiningWords.contains(separatingWord(text))
        default:
            return false
        }
    }

    /// The word of a text command, trimmed and lowercased (`\text{ if }` gives `if`).
    private static func separatingWord(_ text: Text) -> String {
        text.plainText.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// Words that, written as text at the top level of a formula, separate statements.
    static let joiningWords: Set<String> = [
        "and", "or", "for", "where", "with", "if", "so", "then", "hence", "thus", "since", "when", "as", "but",
        "while", "i.e.", "e.g.", "since", "because", "whereas", "otherwise", "whenever", "provided",
        "for all", "for every", "for any", "for each", "",
    ]

    /// An `aligned`-like environment standing alone becomes its rows; a row that starts with a
    /// relation joins the previous row.
    private static func flattenAlignment(_ nodes: [Node]) -> [Node] {
        guard let environment = loneEnvironment(nodes), alignments.contains(environment.name) else { return nodes }
        var result: [Node] = []
        for row in environment.rows {
            let cells = row.cells.flatMap(\.children).filter { !isIgnorable($0) }
            guard let first = cells.first else { continue }
            if !result.isEmpty, !startsWithRelation(first) {
                result.append(.lineBreak(LineBreak(command: "\\", range: first.range.lowerBound..<first.range.lowerBound)))
            }
            result.append(contentsOf: cells)
        }
        return result
    }

    /// Environments whose rows are statements.
    private static let alignments: Set<String> = [
        "aligned", "align", "align*", "gathered", "gather", "gather*", "split", "alignedat",
    ]

    /// The environment that is the only meaningful node of `nodes`, if that is the case.
    private static func loneEnvironment(_ nodes: [Node]) -> Environment? {
        var lone: Environment?
        var meaningful = 0
        for node in nodes where !isIgnorable(node) {
            meaningful += 1
            guard meaningful == 1, case .environment(let environment) = node else { return nil }
            lone = environment
        }
        return lone
    }

    private static func startsWithRelation(_ node: Node) -> Bool {
        if case .atom(let atom) = node { return ExpressionReader.relation(of: atom) != nil }
        return false
    }

    /// `n1: x_1 w_1 + b` → label `n1`, when a top-level `:` comes before any relation.
    private static func splitLabel(_ nodes: [Node], source: [UInt8]) -> Piece {
        for (index, node) in nodes.enumerated() {
            guard case .atom(let atom) = node else { continue }
            if ExpressionReader.relation(of: atom) != nil { break }
            if atom.text == ":" || atom.command == "colon" {
                guard index > 0, index + 1 < nodes.count else { break }
                // `w := …` is an update rule (§13), not a label.
                if case .atom(let next) = nodes[index + 1], next.text == "=", atom.command == nil { break }
                let start = nodes[0].range.lowerBound
                let end = nodes[index - 1].range.upperBound
                let range = max(0, start)..<min(source.count, max(start, end))
                let label = String(decoding: source[range], as: UTF8.self)
                return Piece(nodes: Array(nodes[(index + 1)...]), label: label)
            }
        }
        return Piece(nodes: nodes, label: nil)
    }
}
