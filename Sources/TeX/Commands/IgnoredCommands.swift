// Commands that produce nothing (\relax, \limits where nothing takes it) and
// commands that are out of place (\end, \hline, \cr outside an environment).

extension CommandFamily {
    /// Commands that change nothing in MathML Core: line-breaking hints, `\relax`, ...
    static let ignored = CommandFamily(
        names: ["relax", "nonscript", "shoveleft", "leftroot", "uproot",
                "shoveright", "displaybreak", "ensuremath", "mathchoice", "limits", "nolimits", "protect",
                "raise", "lower", "moveleft", "moveright"]
    ) { parser, invocation in
        switch invocation.name {
        case "limits", "nolimits":
            parser.warn("\\\(invocation.name) belongs after a large operator", invocation.range)
            return nil
        case "raise", "lower", "moveleft", "moveright":
            if let token = parser.peekSkippingSpaces(), token.kind == .open {
                _ = parser.parseRawArgument(for: "\\" + invocation.name, at: invocation.range)
            } else {
                _ = parser.parseBareDimension()
            }
            return parser.parseArgument(for: "\\" + invocation.name, at: invocation.range)
        case "leftroot", "uproot":
            _ = parser.parseRawArgument(for: "\\" + invocation.name, at: invocation.range)
            return nil
        case "ensuremath":
            return parser.parseArgument(for: "\\ensuremath", at: invocation.range)
        default:
            return nil
        }
    }

    /// `\end`, `\hline`, `\cr`, `\\` where they do not belong.
    static let misplaced = CommandFamily(names: ["end", "hline", "hdashline", "cr", "\\", "newline"]) { parser, invocation in
        switch invocation.name {
        case "end":
            let name = parser.parseRawArgument(for: "\\end", at: invocation.range)
            let range = invocation.range.lowerBound..<parser.previousEnd
            return parser.errorNode("\\end{\(name.text)}", "\\end{\(name.text)} without \\begin{\(name.text)}", range)
        case "hline", "hdashline":
            parser.warn("\\\(invocation.name) outside an array", invocation.range)
            return nil
        default:
            // A line break outside an environment: a statement separator.
            if let star = parser.peek, parser.isCharacter(star, "*") { parser.advance() }
            _ = parser.parseOptionalRaw()
            return .lineBreak(LineBreak(command: invocation.name, range: invocation.range.lowerBound..<parser.previousEnd))
        }
    }
}
