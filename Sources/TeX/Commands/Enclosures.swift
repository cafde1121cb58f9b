// Things drawn around or instead of their body: \boxed \framebox, \phantom \hphantom
// \vphantom \mathstrut \strut, \smash, \llap \rlap \clap, \cancel \bcancel \xcancel, and
// class changes \mathord \mathop \mathbin \mathrel \mathopen \mathclose \mathpunct \mathinner.

enum Enclosures {
    static let kinds: [String: Enclosure.Kind] = [
        "boxed": .box, "framebox": .box, "phantom": .phantom, "hphantom": .horizontalPhantom,
        "vphantom": .verticalPhantom, "smash": .smash, "llap": .lap, "rlap": .lap, "clap": .lap,
        "mathllap": .lap, "mathrlap": .lap, "mathclap": .lap, "cancel": .strike, "bcancel": .strike,
        "xcancel": .strike, "mathord": .atomClass(.ord), "mathop": .atomClass(.op),
        "mathbin": .atomClass(.bin), "mathrel": .atomClass(.rel), "mathopen": .atomClass(.open),
        "mathclose": .atomClass(.close), "mathpunct": .atomClass(.punct), "mathinner": .atomClass(.inner),
        "vcenter": .atomClass(.ord), "vbox": .atomClass(.ord), "vtop": .atomClass(.ord),
    ]
}

extension CommandFamily {
    /// Every enclosure, and `\mathstrut` / `\strut` (a phantom parenthesis).
    static let enclosures = CommandFamily(names: Array(Enclosures.kinds.keys) + ["mathstrut", "strut"]) { parser, invocation in
        let name = invocation.name
        if name == "mathstrut" || name == "strut" {
            let paren = Node.atom(Atom(atomClass: .open, form: .operator, text: "(", range: invocation.range))
            return .enclosure(Enclosure(command: name, kind: .verticalPhantom, body: paren, range: invocation.range))
        }
        var command = name
        if name == "smash" || name == "framebox" {
            let option = parser.parseOptionalRaw()
            if name == "framebox" { _ = parser.parseOptionalRaw() }
            if name == "smash", let option, option.text == "t" || option.text == "b" { command = "smash" + option.text }
        }
        let body: Node
        if name == "framebox" {
            let parts = parser.parseTextArgument(for: invocation)
            body = .text(Text(command: name, font: .roman, parts: parts, range: invocation.range.lowerBound..<parser.previousEnd))
        } else {
            body = parser.parseArgument(for: "\\" + name, at: invocation.range)
        }
        return .enclosure(Enclosure(command: command, kind: Enclosures.kinds[name] ?? .box, body: body,
                                    range: invocation.range.lowerBound..<parser.previousEnd))
    }
}

extension MathMLBuilder {
    /// `<menclose>`, `<mphantom>`, `<mpadded>`, or a class-changed row.
    func enclosure(_ enclosure: Enclosure) -> MathMLElement {
        let body = build(enclosure.body)
        switch enclosure.kind {
        case .box:
            return MathMLElement("menclose", [("notation", "box")], children: [body])
        case .phantom:
            return MathMLElement("mphantom", children: [body])
        case .horizontalPhantom:
            return MathMLElement("mpadded", [("height", "0"), ("depth", "0")],
                                 children: [MathMLElement("mphantom", children: [body])])
        case .verticalPhantom:
            return MathMLElement("mpadded", [("width", "0")], children: [MathMLElement("mphantom", children: [body])])
        case .smash:
            switch enclosure.command {
            case "smasht": return MathMLElement("mpadded", [("height", "0")], children: [body])
            case "smashb": return MathMLElement("mpadded", [("depth", "0")], children: [body])
            default: return MathMLElement("mpadded", [("height", "0"), ("depth", "0")], children: [body])
            }
        case .lap:
            return MathMLElement("mpadded", [("width", "0")], children: [body])
        case .strike:
            let notation = enclosure.command == "bcancel" ? "downdiagonalstrike"
                : enclosure.command == "xcancel" ? "updiagonalstrike downdiagonalstrike" : "updiagonalstrike"
            return MathMLElement("menclose", [("notation", notation)], children: [body])
        case .atomClass(let atomClass):
            return classed(body, atomClass, enclosure.body)
        }
    }

    /// The body as an atom of another class: a lone operator gets the class's spacing via
    /// `lspace`/`rspace`; other material gets spaces around it for relations and binaries.
    private func classed(_ body: MathMLElement, _ atomClass: AtomClass, _ node: Node) -> MathMLElement {
        var element = body
        let spacing: String?
        switch atomClass {
        case .rel: spacing = "0.278em"
        case .bin: spacing = "0.222em"
        case .op: spacing = nil
        default: spacing = "0em"
        }
        if element.isNamed("mo") {
            if let spacing {
                element.set("lspace", spacing)
                element.set("rspace", spacing)
            }
            if atomClass != .op { element.set("stretchy", "false") }
            return element
        }
        if atomClass == .op {
            return element
        }
        guard let spacing, spacing != "0em" else { return element }
        return MathMLElement("mrow", children: [
            MathMLElement("mspace", [("width", spacing)]), element, MathMLElement("mspace", [("width", spacing)]),
        ])
    }
}
