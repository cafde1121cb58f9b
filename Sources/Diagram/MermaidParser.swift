import Foundation

/// Reads mermaid text into a ``MermaidDiagram``: the header decides the kind, then the
/// flowchart or state-diagram reader takes the statements.
///
/// Comments (`%%`), directives (`%%{init}%%`), front matter (`---` … `---`, whose `title:` is
/// kept) and styling statements (`classDef`, `class`, `style`, `linkStyle`, `click`) are
/// skipped. Any other text that cannot be read gives a ``DiagramProblem`` naming the line.
public enum MermaidParser {
    /// Inputs beyond these sizes are refused (never slow, never a crash).
    static let maximumLines = 5000
    /// The longest line read.
    static let maximumLineLength = 20_000

    /// Diagram kinds mermaid knows but Derive does not draw.
    static let otherKinds: Set<String> = [
        "sequenceDiagram", "classDiagram", "classDiagram-v2", "erDiagram", "journey", "gantt", "pie",
        "quadrantChart", "requirementDiagram", "gitGraph", "mindmap", "timeline", "sankey-beta", "sankey",
        "xychart-beta", "xychart", "block-beta", "block", "packet-beta", "packet", "C4Context",
        "C4Container", "C4Component", "C4Dynamic", "C4Deployment", "zenuml", "kanban",
        "architecture-beta", "architecture", "radar-beta", "treemap-beta", "treemap", "info",
    ]

    /// The diagram in `source`, or why it cannot be drawn.
    public static func parse(_ source: String) -> Result<MermaidDiagram, DiagramProblem> {
        var lines: [(number: Int, text: String)] = []
        var frontMatterTitle: String?
        let rawLines = source.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        guard rawLines.count <= maximumLines else {
            return .failure(DiagramProblem(
                reason: .tooLarge, detail: "the diagram has more than \(maximumLines) lines"))
        }
        var index = 0
        // Front matter: `---` on the first non-blank line, up to the next `---`.
        while index < rawLines.count && rawLines[index].trimmingCharacters(in: .whitespaces).isEmpty { index += 1 }
        if index < rawLines.count && rawLines[index].trimmingCharacters(in: .whitespaces) == "---" {
            var end = index + 1
            while end < rawLines.count && rawLines[end].trimmingCharacters(in: .whitespaces) != "---" {
                let text = rawLines[end].trimmingCharacters(in: .whitespaces)
                if text.hasPrefix("title:") {
                    frontMatterTitle = unquote(String(text.dropFirst("title:".count)).trimmingCharacters(in: .whitespaces))
                }
                end += 1
            }
            guard end < rawLines.count else {
                return .failure(DiagramProblem(
                    reason: .malformed, line: index + 1, detail: "the front matter opened by --- is never closed"))
            }
            index = end + 1
        }
        while index < rawLines.count {
            let line = String(rawLines[index])
            guard line.utf8.count <= maximumLineLength else {
                return .failure(DiagramProblem(
                    reason: .tooLarge, line: index + 1, detail: "line \(index + 1) is too long"))
            }
            let text = line.trimmingCharacters(in: .whitespaces)
            if !text.isEmpty && !text.hasPrefix("%%") {
                lines.append((index + 1, text))
            }
            index += 1
        }
        guard let header = lines.first else {
            return .failure(DiagramProblem(reason: .empty, detail: "the diagram is empty"))
        }
        // The header may carry statements after `;` (`graph LR; A-->B`).
        let headerParts = header.text.split(separator: ";", maxSplits: 1).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        let words = (headerParts.first ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let keyword = words.first ?? ""
        var body = Array(lines.dropFirst())
        if headerParts.count > 1 && !headerParts[1].isEmpty {
            body.insert((header.number, headerParts[1]), at: 0)
        }
        var result: Result<MermaidDiagram, DiagramProblem>
        switch keyword {
        case "flowchart", "graph", "flowchart-elk", "flowchart-v2":
            var direction = DiagramDirection.topToBottom
            if words.count > 1 {
                guard let parsed = DiagramDirection(mermaid: words[1]) else {
                    return .failure(DiagramProblem(
                        reason: .malformed, line: header.number,
                        detail: "unknown direction '\(words[1])' (use LR, RL, TB, TD or BT)"))
                }
                direction = parsed
            }
            result = FlowchartParser.parse(body, direction: direction)
        case "stateDiagram", "stateDiagram-v2":
            result = StateDiagramParser.parse(body)
        default:
            if otherKinds.contains(keyword) {
                return .failure(DiagramProblem(
                    reason: .unsupportedKind(keyword), line: header.number,
                    detail: "\(keyword) diagrams are not supported"))
            }
            let shown = keyword.count > 40 ? String(keyword.prefix(40)) + "…" : keyword
            return .failure(DiagramProblem(
                reason: .malformed, line: header.number,
                detail: "'\(shown)' is not a mermaid diagram type "
                    + "(expected flowchart, graph, stateDiagram or another mermaid kind)"))
        }
        if case .success(var diagram) = result {
            if diagram.title == nil { diagram.title = frontMatterTitle }
            if diagram.nodes.isEmpty {
                return .failure(DiagramProblem(reason: .empty, detail: "the diagram has no nodes"))
            }
            result = .success(diagram)
        }
        return result
    }

    /// Node or edge text as shown: quotes removed, `<br>` as a line break, `#quot;`-style
    /// entities and markdown-string backticks resolved.
    static func displayText(_ raw: String) -> String {
        var text = raw.trimmingCharacters(in: .whitespaces)
        text = unquote(text)
        if text.hasPrefix("`") && text.hasSuffix("`") && text.count >= 2 {
            text = String(text.dropFirst().dropLast())
        }
        for breakTag in ["<br/>", "<br />", "<br>", "<BR>", "<BR/>", "\\n"] {
            text = text.replacingOccurrences(of: breakTag, with: "\n")
        }
        text = decodeEntities(text)
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\n")
    }

    /// `text` without one pair of surrounding double quotes.
    static func unquote(_ text: String) -> String {
        if text.count >= 2 && text.hasPrefix("\"") && text.hasSuffix("\"") {
            return String(text.dropFirst().dropLast())
        }
        return text
    }

    /// Resolves mermaid's `#name;` and `#123;` entity codes.
    private static func decodeEntities(_ text: String) -> String {
        guard text.contains("#") else { return text }
        let named = ["quot": "\"", "amp": "&", "lt": "<", "gt": ">", "apos": "'", "nbsp": "\u{A0}"]
        var out = ""
        var rest = Substring(text)
        while let hash = rest.firstIndex(of: "#") {
            out += rest[..<hash]
            let after = rest[rest.index(after: hash)...]
            if let semicolon = after.firstIndex(of: ";"), after.distance(from: after.startIndex, to: semicolon) <= 8 {
                let name = String(after[..<semicolon])
                if let replacement = named[name] {
                    out += replacement
                    rest = after[after.index(after: semicolon)...]
                    continue
                }
                if let code = UInt32(name), let scalar = Unicode.Scalar(code) {
                    out.unicodeScalars.append(scalar)
                    rest = after[after.index(after: semicolon)...]
                    continue
                }
            }
            out += "#"
            rest = after
        }
        return out + rest
    }
}
