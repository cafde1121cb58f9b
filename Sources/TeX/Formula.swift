/// A parsed TeX formula: the tree, the diagnostics, and the source it came from.
///
/// ```swift
/// let formula = Formula.parse(#"\frac{\partial L}{\partial w_1} = x_1 \delta"#)
/// formula.nodes          // [.fraction(...), .atom(=), .scripts(x_1), .atom(δ)]
/// formula.diagnostics    // [] — or warnings for unknown commands, errors for unclosed braces...
/// ```
public struct Formula: Hashable, Sendable {
    /// The TeX source, as given (without `$` delimiters).
    public var source: String
    /// The top-level nodes, in order.
    public var nodes: [Node]
    /// Problems found while parsing, in source order of discovery. Parsing never fails: the
    /// tree holds `.error` nodes where something could not be read.
    public var diagnostics: [TeXDiagnostic]

    /// Makes a formula from parts (for tests and tools that build trees).
    public init(source: String, nodes: [Node], diagnostics: [TeXDiagnostic]) {
        self.source = source
        self.nodes = nodes
        self.diagnostics = diagnostics
    }

    /// Parses TeX math (the content between `$...$` or `$$...$$`). Never fails and never
    /// crashes: unknown commands become warnings, unbalanced braces and nesting deeper than
    /// 100 levels errors, and the tree keeps everything else.
    public static func parse(_ source: String) -> Formula {
        var parser = Parser(source: source)
        var nodes: [Node] = []
        while !parser.atEnd && !parser.aborted {
            // The top level holds most of a formula's nodes: room for a typical one at once
            // (a node takes a token or more), instead of growing 1, 2, 4, 8, 16.
            let list = parser.parseList([], capacity: min(parser.tokens.count - parser.position, 32))
            if nodes.isEmpty { nodes = list } else { nodes.append(contentsOf: list) }
            if let token = parser.peek, !parser.aborted {
                // A stop that nothing at top level expects: `&`, `]`, `$`, `\right`...
                parser.advance()
                switch token.kind {
                case .character("]"):
                    nodes.append(.atom(Atom(atomClass: .close, form: .operator, text: "]", range: token.range)))
                default:
                    let text = parser.text(token.range)
                    nodes.append(parser.errorNode(text, "misplaced \(text)", token.range))
                }
            }
        }
        if parser.aborted {
            let start = parser.abortOffset
            let range = start..<parser.bytes.count
            nodes.append(.error(ErrorNode(text: "…", message: "formula nested too deep", range: range)))
        }
        return Formula(source: source, nodes: nodes, diagnostics: parser.diagnostics)
    }
}
