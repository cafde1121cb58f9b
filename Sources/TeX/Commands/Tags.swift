// Equation tags and labels: \tag{1} \tag*{A} \label{eq} \notag \nonumber, and references
// \eqref{eq} \ref{eq} (shown as their name: labels are numbered by the page, not here).

extension CommandFamily {
    /// `\tag`, `\label`, `\notag`, `\nonumber`, `\eqref`, `\ref`.
    static let tags = CommandFamily(names: ["tag", "label", "notag", "nonumber", "eqref", "ref"]) { parser, invocation in
        let name = invocation.name
        switch name {
        case "notag", "nonumber":
            return .tag(Tag(command: name, kind: .noTag, range: invocation.range))
        case "tag":
            var parenthesized = true
            if let star = parser.peek, parser.isCharacter(star, "*") {
                parser.advance()
                parenthesized = false
            }
            let text = parser.parseRawArgument(for: "\\tag", at: invocation.range)
            return .tag(Tag(command: name, kind: .tag(text.text, parenthesized: parenthesized),
                            range: invocation.range.lowerBound..<parser.previousEnd))
        case "label":
            let text = parser.parseRawArgument(for: "\\label", at: invocation.range)
            return .tag(Tag(command: name, kind: .label(text.text), range: invocation.range.lowerBound..<parser.previousEnd))
        default:
            let text = parser.parseRawArgument(for: "\\" + name, at: invocation.range)
            let shown = name == "eqref" ? "(" + text.text + ")" : text.text
            let range = invocation.range.lowerBound..<parser.previousEnd
            return .text(Text(command: name, font: .roman, parts: [.text(shown, range)], range: range))
        }
    }
}

extension MathMLBuilder {
    /// A tag is shown after the formula, set off by a quad; labels show nothing.
    func tag(_ tag: Tag) -> MathMLElement {
        guard case .tag(let text, let parenthesized) = tag.kind else {
            return MathMLElement("mrow")
        }
        return MathMLElement("mrow", [("class", "tex-tag")], children: [
            MathMLElement("mspace", [("width", "2em")]),
            MathMLElement("mtext", text: parenthesized ? "(" + text + ")" : text),
        ])
    }
}
