import Foundation

/// Reads the statements of a mermaid `flowchart` / `graph`.
///
/// Statements: chains of node groups joined by links, `A[Text] -->|label| B & C --> D`.
/// Links: `-->`, `---`, `-.->`, `-.-`, `==>`, `===`, `~~~`, `--o`, `--x`, `<-->`, longer
/// forms (`--->`), and text forms `-- text -->`, `-. text .->`, `== text ==>`.
/// Shapes: `[ ]`, `( )`, `(( ))`, `{ }`, `([ ])`, `[[ ]]`, `[( )]`, `{{ }}`, `> ]`,
/// `[/ /]`, `[\ \]`. `subgraph` / `end` lines are skipped (their nodes are drawn ungrouped).
enum FlowchartParser {
    /// The diagram from `statements` (line number and text, header removed).
    static func parse(_ statements: [(number: Int, text: String)], direction: DiagramDirection)
        -> Result<MermaidDiagram, DiagramProblem>
    {
        var builder = GraphBuilder()
        var diagram = MermaidDiagram(kind: .flowchart, direction: direction)
        for statement in statements {
            for part in splitStatements(statement.text) {
                let text = part.trimmingCharacters(in: .whitespaces)
                if text.isEmpty { continue }
                let first = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
                switch first {
                case "classDef", "class", "style", "linkStyle", "click", "direction", "subgraph", "end", "interpolate":
                    continue
                case "accTitle:", "accTitle":
                    diagram.title = afterColon(text)
                    continue
                case "accDescr:", "accDescr":
                    diagram.accessibleDescription = afterColon(text)
                    continue
                default:
                    if first.hasPrefix("accTitle:") {
                        diagram.title = afterColon(text)
                        continue
                    }
                    if first.hasPrefix("accDescr:") {
                        diagram.accessibleDescription = afterColon(text)
                        continue
                    }
                }
                var line = LineReader(text, number: statement.number)
                if let problem = line.readChain(into: &builder) { return .failure(problem) }
            }
        }
        diagram.nodes = builder.nodes
        diagram.edges = builder.edges
        return .success(diagram)
    }

    private static func afterColon(_ text: String) -> String {
        guard let colon = text.firstIndex(of: ":") else { return "" }
        return text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }

    /// Splits a line at `;` outside quotes, brackets and `|labels|`.
    static func splitStatements(_ text: String) -> [String] {
        guard text.contains(";") else { return [text] }
        var parts: [String] = []
        var current = ""
        var depth = 0
        var inQuotes = false
        var inPipe = false
        for character in text {
            if character == "\"" {
                inQuotes.toggle()
            } else if !inQuotes {
                if character == "[" || character == "(" || character == "{" {
                    depth += 1
                } else if character == "]" || character == ")" || character == "}" {
                    depth = max(0, depth - 1)
                } else if character == "|" && depth == 0 {
                    inPipe.toggle()
                }
            }
            if character == ";" && !inQuotes && depth == 0 && !inPipe {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        return parts
    }
}

/// Collects nodes in order of first appearance and the edges between them.
struct GraphBuilder {
    private(set) var nodes: [DiagramNode] = []
    private(set) var edges: [DiagramEdge] = []
    private var indexByID: [String: Int] = [:]

    /// Adds the node `id` if new (first seen on `line`); a given label or shape replaces the
    /// current one.
    mutating func touch(_ id: String, label: String? = nil, shape: DiagramNode.Shape? = nil, line: Int?) {
        if let index = indexByID[id] {
            if let label { nodes[index].label = label }
            if let shape { nodes[index].shape = shape }
        } else {
            indexByID[id] = nodes.count
            nodes.append(DiagramNode(id: id, label: label ?? id, shape: shape ?? .rectangle, sourceLine: line))
        }
    }

    /// The node `id`, if present.
    func node(_ id: String) -> DiagramNode? { indexByID[id].map { nodes[$0] } }

    /// Adds an edge (both nodes must have been touched).
    mutating func add(_ edge: DiagramEdge) { edges.append(edge) }
}

/// A cursor over one flowchart statement.
private struct LineReader {
    let characters: [Character]
    let number: Int
    var position = 0

    init(_ text: String, number: Int) {
        self.characters = Array(text)
        self.number = number
    }

    private var atEnd: Bool { position >= characters.count }
    private func peek(_ offset: Int = 0) -> Character? {
        position + offset < characters.count ? characters[position + offset] : nil
    }

    private func problem(_ message: String) -> DiagramProblem {
        DiagramProblem(reason: .malformed, line: number, detail: message)
    }

    private mutating func skipSpaces() {
        while let c = peek(), c == " " || c == "\t" { position += 1 }
    }

    private func starts(with text: String, at index: Int) -> Bool {
        var i = index
        for c in text {
            guard i < characters.count, characters[i] == c else { return false }
            i += 1
        }
        return true
    }

    /// Reads `group (link group)*`, adding nodes and edges; a problem when it cannot.
    mutating func readChain(into builder: inout GraphBuilder) -> DiagramProblem? {
        skipSpaces()
        var previous: [String]
        switch readGroup(into: &builder) {
        case .failure(let problem): return problem
        case .success(let ids): previous = ids
        }
        while true {
            skipSpaces()
            if atEnd { return nil }
            let linkStart = position
            guard let link = readLink() else {
                let rest = String(characters[linkStart...].prefix(20))
                return problem("expected an arrow such as --> after '\(previous.last ?? "")', found '\(rest)'")
            }
            if case .failure(let problem) = link { return problem }
            guard case .success(let edge) = link else { return nil }
            skipSpaces()
            if atEnd {
                return problem("the arrow after '\(previous.last ?? "")' has no target node")
            }
            let targets: [String]
            switch readGroup(into: &builder) {
            case .failure(let problem): return problem
            case .success(let ids): targets = ids
            }
            for source in previous {
                for target in targets {
                    var made = edge
                    made.from = source
                    made.to = target
                    made.sourceLine = number
                    builder.add(made)
                }
            }
            previous = targets
        }
    }

    /// Reads `node (& node)*`.
    private mutating func readGroup(into builder: inout GraphBuilder) -> Result<[String], DiagramProblem> {
        var ids: [String] = []
        while true {
            skipSpaces()
            switch readNode(into: &builder) {
            case .failure(let problem): return .failure(problem)
            case .success(let id): ids.append(id)
            }
            skipSpaces()
            if peek() == "&" {
                position += 1
                continue
            }
            return .success(ids)
        }
    }

    private static func isIDCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "_" || c == "$" || c == "'"
    }

    /// Reads an identifier with an optional shape and `:::class`.
    private mutating func readNode(into builder: inout GraphBuilder) -> Result<String, DiagramProblem> {
        let start = position
        while let c = peek() {
            if Self.isIDCharacter(c) {
                position += 1
            } else if c == "-" || c == ".", let next = peek(1), Self.isIDCharacter(next), position > start {
                // `node-1` and `a.b` are identifiers; `a-->b` and `a-.->b` are links.
                position += 1
            } else {
                break
            }
        }
        guard position > start else {
            let found = atEnd ? "end of line" : "'" + String(characters[position...].prefix(12)) + "'"
            return .failure(problem("expected a node name, found \(found)"))
        }
        let id = String(characters[start..<position])
        var label: String?
        var shape: DiagramNode.Shape?
        let openers: [(open: String, close: [String], shape: DiagramNode.Shape)] = [
            ("(((", [")))"], .circle), ("((", ["))"], .circle), ("([", ["])"], .stadium),
            ("[[", ["]]"], .subroutine), ("[(", [")]"], .cylinder), ("{{", ["}}"], .hexagon),
            ("[/", ["/]", "\\]"], .slanted), ("[\\", ["\\]", "/]"], .slanted), ("(", [")"], .rounded),
            ("[", ["]"], .rectangle), ("{", ["}"], .diamond), (">", ["]"], .slanted),
        ]
        for opener in openers where starts(with: opener.open, at: position) {
            // `>` right after an id would otherwise be read as part of `-->`-less text; it is a shape here.
            position += opener.open.count
            switch readText(until: opener.close, opener: opener.open, node: id) {
            case .failure(let problem): return .failure(problem)
            case .success(let text):
                label = MermaidParser.displayText(text)
                shape = opener.shape
            }
            break
        }
        if starts(with: ":::", at: position) {
            position += 3
            while let c = peek(), Self.isIDCharacter(c) || c == "-" { position += 1 }
        }
        builder.touch(id, label: label, shape: shape, line: number)
        return .success(id)
    }

    /// Reads shape text up to the first of `closers` (a quoted text may hold any closer).
    private mutating func readText(until closers: [String], opener: String, node: String)
        -> Result<String, DiagramProblem>
    {
        skipSpaces()
        if peek() == "\"" {
            let start = position + 1
            var end = start
            while end < characters.count && characters[end] != "\"" { end += 1 }
            guard end < characters.count else {
                return .failure(problem("the quoted text of node '\(node)' is never closed"))
            }
            position = end + 1
            skipSpaces()
            for closer in closers where starts(with: closer, at: position) {
                position += closer.count
                return .success(String(characters[start..<end]))
            }
            return .failure(problem("node '\(node)': expected '\(closers[0])' after the quoted text"))
        }
        let start = position
        while position < characters.count {
            for closer in closers where starts(with: closer, at: position) {
                let text = String(characters[start..<position])
                position += closer.count
                return .success(text)
            }
            position += 1
        }
        return .failure(problem("node '\(node)': '\(opener)' is never closed by '\(closers[0])'"))
    }

    /// Reads a link and its optional `|label|`; `nil` when there is no link here.
    private mutating func readLink() -> Result<DiagramEdge, DiagramProblem>? {
        let start = position
        var tail = DiagramEdge.End.none
        if let c = peek(), let next = peek(1), next == "-" || next == "=" || next == "." {
            if c == "<" {
                tail = .arrow
                position += 1
            } else if c == "o" || c == "x" {
                tail = c == "o" ? .circle : .cross
                position += 1
            }
        }
        // Invisible link.
        if peek() == "~" {
            var count = 0
            while peek() == "~" {
                count += 1
                position += 1
            }
            guard count >= 3 else {
                position = start
                return nil
            }
            var edge = DiagramEdge(from: "", to: "", line: .invisible, head: .none, tail: .none, length: max(1, count - 2))
            if let problem = readPipeLabel(into: &edge) { return .failure(problem) }
            return .success(edge)
        }
        let bodyStart = position
        while let c = peek(), c == "-" || c == "=" || c == "." { position += 1 }
        let body = String(characters[bodyStart..<position])
        guard !body.isEmpty else {
            position = start
            return nil
        }
        if let head = readHead() {
            var edge = Self.edge(body: body, head: head, tail: tail)
            if let problem = readPipeLabel(into: &edge) { return .failure(problem) }
            return .success(edge)
        }
        let isOpen = (body.count >= 3 && (body.allSatisfy { $0 == "-" } || body.allSatisfy { $0 == "=" }))
            || (body.count >= 3 && body.first == "-" && body.last == "-" && body.contains("."))
        if isOpen {
            var edge = Self.edge(body: body, head: .none, tail: tail)
            if let problem = readPipeLabel(into: &edge) { return .failure(problem) }
            return .success(edge)
        }
        // Text form: `-- text -->`, `-. text .->`, `== text ==>`.
        guard body == "--" || body == "==" || body == "-." else {
            return .failure(problem("'\(body)' is not a mermaid arrow (use -->, ---, -.->, ==> or -- text -->)"))
        }
        let textStart = position
        var index = position
        while index < characters.count {
            let c = characters[index]
            let closes: Bool
            switch body {
            case "--": closes = c == "-" && index + 1 < characters.count && characters[index + 1] == "-"
            case "==": closes = c == "=" && index + 1 < characters.count && characters[index + 1] == "="
            default: closes = c == "." && index + 1 < characters.count
                && (characters[index + 1] == "-" || characters[index + 1] == ".")
            }
            if closes {
                let text = String(characters[textStart..<index])
                position = index
                let closeStart = position
                while let c = peek(), c == "-" || c == "=" || c == "." { position += 1 }
                let closing = String(characters[closeStart..<position])
                let head = readHead() ?? .none
                if head == .none && closing.count < 3 {
                    return .failure(problem("the edge text '\(text.trimmingCharacters(in: .whitespaces))' is not closed by an arrow such as -->"))
                }
                var edge = Self.edge(body: closing, head: head, tail: tail)
                let label = MermaidParser.displayText(text)
                edge.label = label.isEmpty ? nil : label
                if let problem = readPipeLabel(into: &edge) { return .failure(problem) }
                return .success(edge)
            }
            index += 1
        }
        let text = String(characters[textStart...]).trimmingCharacters(in: .whitespaces)
        return .failure(problem("the edge text after '\(body)' ('\(text.prefix(30))') is never closed by an arrow such as -->"))
    }

    /// Reads an arrow end `>`, `o` or `x` (the latter two only when not starting a name).
    private mutating func readHead() -> DiagramEdge.End? {
        guard let c = peek() else { return nil }
        if c == ">" {
            position += 1
            return .arrow
        }
        if c == "o" || c == "x" {
            let next = peek(1)
            if next == nil || next == " " || next == "\t" || next == "|" {
                position += 1
                return c == "o" ? .circle : .cross
            }
        }
        return nil
    }

    private mutating func readPipeLabel(into edge: inout DiagramEdge) -> DiagramProblem? {
        skipSpaces()
        guard peek() == "|" else { return nil }
        let start = position + 1
        var end = start
        while end < characters.count && characters[end] != "|" { end += 1 }
        guard end < characters.count else { return problem("the edge label opened by '|' is never closed") }
        let label = MermaidParser.displayText(String(characters[start..<end]))
        edge.label = label.isEmpty ? nil : label
        position = end + 1
        return nil
    }

    /// An edge whose line style and length come from the link's characters.
    private static func edge(body: String, head: DiagramEdge.End, tail: DiagramEdge.End) -> DiagramEdge {
        let line: DiagramEdge.Line
        let length: Int
        if body.contains(".") {
            line = .dotted
            length = body.filter { $0 == "." }.count
        } else if body.contains("=") {
            line = .thick
            length = body.count - (head == .none ? 2 : 1)
        } else {
            line = .solid
            length = body.count - (head == .none ? 2 : 1)
        }
        return DiagramEdge(from: "", to: "", line: line, head: head, tail: tail, length: min(max(1, length), 6))
    }
}
