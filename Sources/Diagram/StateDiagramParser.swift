import Foundation

/// Reads the statements of a mermaid `stateDiagram` / `stateDiagram-v2`.
///
/// Statements: transitions `A --> B` and `A --> B : label` (chains `A --> B --> C` too),
/// `[*]` as start (source) or end (target), `state "Long name" as S`, `S : description`,
/// `state S <<choice>>` / `<<fork>>` / `<<join>>`, `direction LR`. Composite states
/// (`state S { … }`) are drawn flattened, each with its own start and end. Notes,
/// concurrency separators (`--`) and styling statements are skipped.
enum StateDiagramParser {
    /// The diagram from `statements` (line number and text, header removed).
    static func parse(_ statements: [(number: Int, text: String)]) -> Result<MermaidDiagram, DiagramProblem> {
        var builder = GraphBuilder()
        var diagram = MermaidDiagram(kind: .stateDiagram, direction: .topToBottom)
        var scopes: [String] = []
        var inNote = false
        var descriptions: [String: [String]] = [:]
        for statement in statements {
            let text = statement.text
            let number = statement.number
            func problem(_ message: String) -> DiagramProblem {
                DiagramProblem(reason: .malformed, line: number, detail: message)
            }
            if inNote {
                if text.hasPrefix("end note") { inNote = false }
                continue
            }
            let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            let first = words.first ?? ""
            switch first {
            case "note":
                if !text.contains(":") { inNote = true }
                continue
            case "direction":
                if words.count > 1, let direction = DiagramDirection(mermaid: words[1]) {
                    if scopes.isEmpty { diagram.direction = direction }
                    continue
                }
                return .failure(problem("unknown direction '\(words.dropFirst().first ?? "")' (use LR, RL, TB or BT)"))
            case "classDef", "class", "style", "hide", "scale", "linkStyle", "click":
                continue
            case "--":
                if words.count == 1 { continue }
            case "}":
                if scopes.isEmpty { return .failure(problem("'}' closes no composite state")) }
                scopes.removeLast()
                continue
            case "state":
                switch readStateDeclaration(text, line: number, scopes: &scopes, builder: &builder) {
                case .some(let message): return .failure(problem(message))
                case .none: continue
                }
            default:
                if first.hasPrefix("accTitle") {
                    diagram.title = afterColon(text)
                    continue
                }
                if first.hasPrefix("accDescr") {
                    diagram.accessibleDescription = afterColon(text)
                    continue
                }
            }
            if text.contains("-->") {
                if let message = readTransition(text, line: number, scope: scopes.last, builder: &builder) {
                    return .failure(problem(message))
                }
                continue
            }
            if let colon = text.firstIndex(of: ":") {
                // `S : description`.
                let id = stripClass(text[..<colon].trimmingCharacters(in: .whitespaces))
                guard isStateID(id) else { return .failure(problem("'\(id)' is not a state name")) }
                let description = MermaidParser.displayText(String(text[text.index(after: colon)...]))
                builder.touch(id, shape: .rounded, line: number)
                descriptions[id, default: []].append(description)
                continue
            }
            let id = stripClass(text)
            if isStateID(id) {
                builder.touch(id, shape: .rounded, line: number)
                continue
            }
            return .failure(problem("cannot read '\(text.prefix(40))' (expected a transition such as A --> B : label)"))
        }
        if !scopes.isEmpty {
            return .failure(DiagramProblem(
                reason: .malformed, line: statements.last?.number,
                detail: "the composite state '\(scopes.last ?? "")' is never closed by '}'"))
        }
        var nodes = builder.nodes
        for index in nodes.indices {
            if let lines = descriptions[nodes[index].id] {
                nodes[index].label = ([nodes[index].label] + lines).joined(separator: "\n")
            }
        }
        diagram.nodes = nodes
        diagram.edges = builder.edges
        return .success(diagram)
    }

    private static func afterColon(_ text: String) -> String {
        guard let colon = text.firstIndex(of: ":") else { return "" }
        return text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }

    private static func stripClass(_ text: String) -> String {
        if let range = text.range(of: ":::") { return String(text[..<range.lowerBound]).trimmingCharacters(in: .whitespaces) }
        return text
    }

    /// Whether `id` can name a state: letters, digits, `_`, `-`, `.`; no spaces.
    private static func isStateID(_ id: String) -> Bool {
        !id.isEmpty && id.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }
            && !id.hasPrefix("-")
    }

    /// Reads `state …`; returns a message when it cannot.
    private static func readStateDeclaration(
        _ text: String, line: Int, scopes: inout [String], builder: inout GraphBuilder
    ) -> String? {
        var rest = text.dropFirst("state".count).trimmingCharacters(in: .whitespaces)
        var opensScope = false
        if rest.hasSuffix("{") {
            opensScope = true
            rest = String(rest.dropLast()).trimmingCharacters(in: .whitespaces)
        }
        var label: String?
        var id: String
        var shape = DiagramNode.Shape.rounded
        if rest.hasPrefix("\"") {
            // state "Long name" as S
            let afterQuote = rest.dropFirst()
            guard let close = afterQuote.firstIndex(of: "\"") else { return "the quoted state name is never closed" }
            label = MermaidParser.displayText(String(afterQuote[..<close]))
            let tail = afterQuote[afterQuote.index(after: close)...].trimmingCharacters(in: .whitespaces)
            guard tail.hasPrefix("as ") else { return "expected 'as NAME' after the quoted state name" }
            id = stripClass(tail.dropFirst(3).trimmingCharacters(in: .whitespaces))
        } else {
            let words = rest.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard let name = words.first else { return "'state' needs a name" }
            id = stripClass(name)
            if words.count >= 3 && words[1] == "as" {
                // state S as "Long name" (accepted for symmetry)
                label = MermaidParser.displayText(words.dropFirst(2).joined(separator: " "))
            } else if words.count >= 2 {
                switch words[1].lowercased() {
                case "<<choice>>": shape = .choice
                case "<<fork>>", "<<join>>": shape = .bar
                case "<<end>>": shape = .end
                default: return "cannot read '\(words.dropFirst().joined(separator: " ").prefix(30))' after 'state \(id)'"
                }
            }
        }
        guard isStateID(id) else { return "'\(id)' is not a state name" }
        builder.touch(id, label: shape == .rounded ? label : "", shape: shape, line: line)
        if opensScope {
            guard scopes.count < 50 else { return "composite states are nested too deeply" }
            scopes.append(id)
        }
        return nil
    }

    /// Reads `A --> B --> C : label`; returns a message when it cannot.
    private static func readTransition(
        _ text: String, line: Int, scope: String?, builder: inout GraphBuilder
    ) -> String? {
        var body = Substring(text)
        var label: String?
        if let lastArrow = text.range(of: "-->", options: .backwards),
            let colon = text[lastArrow.upperBound...].firstIndex(of: ":")
        {
            let raw = MermaidParser.displayText(String(text[text.index(after: colon)...]))
            label = raw.isEmpty ? nil : raw
            body = text[..<colon]
        }
        let parts = body.components(separatedBy: "-->").map { $0.trimmingCharacters(in: .whitespaces) }
        var ids: [String] = []
        for (index, part) in parts.enumerated() {
            let name = stripClass(part)
            if name.isEmpty {
                return index == 0 ? "the transition has no source state" : "the transition has no target state"
            }
            if name == "[*]" {
                let isSource = index < parts.count - 1 && index == 0
                let isTarget = index > 0
                let prefix = scope.map { $0 + "/" } ?? ""
                if isSource && !isTarget {
                    ids.append(prefix + "[*]start")
                    builder.touch(prefix + "[*]start", label: "", shape: .start, line: line)
                } else {
                    ids.append(prefix + "[*]end")
                    builder.touch(prefix + "[*]end", label: "", shape: .end, line: line)
                }
                continue
            }
            guard isStateID(name) else { return "'\(name.prefix(30))' is not a state name" }
            if builder.node(name) == nil { builder.touch(name, shape: .rounded, line: line) }
            ids.append(name)
        }
        for index in 0..<(ids.count - 1) {
            let isLast = index == ids.count - 2
            builder.add(DiagramEdge(from: ids[index], to: ids[index + 1], label: isLast ? label : nil, sourceLine: line))
        }
        return nil
    }
}
