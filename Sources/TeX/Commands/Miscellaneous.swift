// Commands that need little: \bmod \pmod \mod \pod, commands that produce nothing (\relax,
// \nobreak, \limits where nothing takes it), and commands that are out of place (\end, \hline,
// \cr outside an environment).

extension CommandFamily {
    /// `a \bmod b`, `a \pmod{n}`, `a \mod n`, `\pod{n}`.
    static let modulo = CommandFamily(names: ["bmod", "pmod", "mod", "pod"]) { parser, invocation in
        let range = invocation.range
        let mod = Node.operatorName(OperatorName(command: invocation.name, name: "mod", limits: false, range: range))
        if invocation.name == "bmod" {
            return .atom(Atom(atomClass: .bin, form: .operator, text: "mod", command: "bmod", range: range))
        }
        let argument = parser.parseArgument(for: "\\" + invocation.name, at: range)
        let whole = range.lowerBound..<parser.previousEnd
        let open = Node.atom(Atom(atomClass: .open, form: .operator, text: "(", range: range))
        let close = Node.atom(Atom(atomClass: .close, form: .operator, text: ")", range: range))
        let quad = Node.space(Space(command: "quad", width: "1em", range: range))
        let six = Node.space(Space(command: "mkern", width: "0.333em", range: range))
        switch invocation.name {
        case "pmod":
            return .group(Group(children: [quad, open, mod, six, argument, close], braced: false, range: whole))
        case "pod":
            return .group(Group(children: [quad, open, argument, close], braced: false, range: whole))
        default:
            return .group(Group(children: [quad, mod, six, argument], braced: false, range: whole))
        }
    }

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
