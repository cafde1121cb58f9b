// Named operators and functions: \sin \cos \log \exp \tanh ... (limits to the side) and
// \lim \max \min \sup \inf \det \Pr ... (limits above and below in display), \operatorname.

enum OperatorNames {
    /// Function names whose scripts go to the side, by command.
    static let functions: [String: String] = [
        "arcsin": "arcsin", "arccos": "arccos", "arctan": "arctan", "arccot": "arccot", "arg": "arg",
        "cos": "cos", "cosh": "cosh", "cot": "cot", "coth": "coth", "csc": "csc", "csch": "csch",
        "deg": "deg", "dim": "dim", "exp": "exp", "hom": "hom", "ker": "ker", "lg": "lg", "ln": "ln",
        "log": "log", "sec": "sec", "sech": "sech", "sin": "sin", "sinh": "sinh", "tan": "tan",
        "tanh": "tanh", "sgn": "sgn", "tr": "tr", "Tr": "Tr",
    ]

    /// Operator names whose limits go above and below in display style, by command.
    static let limitOperators: [String: String] = [
        "lim": "lim", "liminf": "lim\u{2009}inf", "limsup": "lim\u{2009}sup", "max": "max", "min": "min",
        "sup": "sup", "inf": "inf", "det": "det", "gcd": "gcd", "Pr": "Pr", "injlim": "inj\u{2009}lim",
        "projlim": "proj\u{2009}lim", "varliminf": "lim\u{2009}inf", "varlimsup": "lim\u{2009}sup",
        "varinjlim": "lim", "varprojlim": "lim", "argmax": "arg\u{2009}max", "argmin": "arg\u{2009}min",
    ]
}

extension CommandFamily {
    /// The built-in names and `\operatorname{...}` / `\operatorname*{...}`.
    static let operatorNames = CommandFamily(
        names: Array(OperatorNames.functions.keys) + Array(OperatorNames.limitOperators.keys) + ["operatorname", "operatornamewithlimits"]
    ) { parser, invocation in
        let name = invocation.name
        if let text = OperatorNames.functions[name] {
            return .operatorName(OperatorName(command: name, name: text, limits: false, range: invocation.range))
        }
        if let text = OperatorNames.limitOperators[name] {
            return .operatorName(OperatorName(command: name, name: text, limits: true, range: invocation.range))
        }
        var limits = name == "operatornamewithlimits"
        if let star = parser.peek, parser.isCharacter(star, "*"), star.range.lowerBound == invocation.range.upperBound {
            parser.advance()
            limits = true
        }
        var body = parser.parseArgument(for: "\\" + name, at: invocation.range)
        body = .font(FontChange(command: "operatorname", font: .roman, body: body, range: body.range))
        return .operatorName(OperatorName(command: name, name: OperatorNames.plainName(of: body), body: body,
                                          limits: limits, range: invocation.range.lowerBound..<parser.previousEnd))
    }
}

extension OperatorNames {
    /// The characters of a name written in math (`arg\,max` is `arg max`).
    static func plainName(of node: Node) -> String {
        switch node {
        case .atom(let atom): return atom.text
        case .space: return "\u{2009}"
        case .text(let text): return text.plainText
        default: return node.children.map(plainName).joined()
        }
    }

    /// Whether a node is only letters, digits and spaces (written as one `<mi>`).
    static func isPlain(_ node: Node) -> Bool {
        switch node {
        case .atom(let atom): return atom.form != .operator || atom.text == "-" || atom.text == "\u{2212}"
        case .space, .text: return true
        case .group, .font: return node.children.allSatisfy(isPlain)
        default: return false
        }
    }
}

extension MathMLBuilder {
    /// `<mi>sin</mi>`; `<mo movablelimits="true">lim</mo>` for names with limits, so that
    /// inline they go to the side.
    func operatorName(_ name: OperatorName) -> MathMLElement {
        if let body = name.body, !OperatorNames.isPlain(body) {
            var inner = self
            inner.font = .roman
            return inner.build(body)
        }
        let text = name.name.replacing("\u{2212}", with: "-")
        if name.limits {
            return MathMLElement("mo", text: text, [("movablelimits", "true")])
        }
        if text.unicodeScalars.count == 1 {
            return MathMLElement("mi", text: text, [("mathvariant", "normal")])
        }
        return MathMLElement("mi", text: text)
    }
}
