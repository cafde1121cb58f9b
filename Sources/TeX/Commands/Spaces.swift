// Horizontal space: \, \: \> \; \! \quad \qquad \enspace \thinspace ... \hspace{1em} \kern
// \mkern \hskip \mskip \hfill, and "\ " (a text space).

enum Spaces {
    /// Fixed spaces, by command, as CSS lengths (TeX's 3mu, 4mu, 5mu = 3/18 em...).
    static let widths: [String: String] = [
        ",": "0.167em", "thinspace": "0.167em", ":": "0.222em", ">": "0.222em", "medspace": "0.222em",
        ";": "0.278em", "thickspace": "0.278em", "!": "-0.167em", "negthinspace": "-0.167em",
        "negmedspace": "-0.222em", "negthickspace": "-0.278em", "enspace": ".5em", "enskip": ".5em",
        "quad": "1em", "qquad": "2em",
    ]

    /// Line-breaking hints, by command, with their MathML `linebreak` value ("" for none).
    static let breaks: [String: String] = [
        "allowbreak": "", "goodbreak": "goodbreak", "badbreak": "badbreak", "nobreak": "nobreak", "break": "newline",
    ]

    /// The largest length written, in its unit: far beyond any page, and a whole number of
    /// thousandths of it still fits an `Int` (an infinite or 10^20 em length trapped in `format`).
    static let largestLength = 1e6

    /// A TeX length as a CSS length: `mu` (1/18 em) converted, the rest kept; `nil` for no
    /// length or one larger than `largestLength`.
    static func cssLength(_ text: String) -> String? {
        var number = ""
        var unit = ""
        for scalar in text.unicodeScalars where scalar != " " {
            let isNumeric = (scalar >= "0" && scalar <= "9") || scalar == "." || scalar == "," || scalar == "-" || scalar == "+"
            if isNumeric && unit.isEmpty {
                if scalar != "+" { number.unicodeScalars.append(scalar == "," ? "." : scalar) }
            } else {
                unit.unicodeScalars.append(scalar)
            }
        }
        guard let value = Double(number), abs(value) <= largestLength else { return nil }
        switch unit {
        case "mu": return format(value / 18) + "em"
        case "em", "ex", "pt", "pc", "cm", "mm", "in", "px": return format(value) + unit
        case "bp": return format(value) + "pt"
        case "dd": return format(value * 1.07) + "pt"
        case "sp": return format(value / 65536) + "pt"
        default: return nil
        }
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(rounded)
    }
}

extension CommandFamily {
    /// Every space command.
    static let spaces = CommandFamily(
        names: Array(Spaces.widths.keys) + [" ", "\u{A0}", "space", "nobreakspace", "hspace", "hskip", "kern", "mkern",
                                            "mskip", "mspace", "hfill", "hfil", "hfilll"] + Array(Spaces.breaks.keys)
    ) { parser, invocation in
        let name = invocation.name
        if let width = Spaces.widths[name] {
            return .space(Space(command: name, width: width, range: invocation.range))
        }
        switch name {
        case _ where Spaces.breaks[name] != nil:
            return .space(Space(command: name, width: nil, range: invocation.range))
        case " ", "\u{A0}", "space", "nobreakspace":
            return .space(Space(command: name, width: nil, isTextSpace: true, range: invocation.range))
        case "hfill", "hfil", "hfilll":
            return .space(Space(command: name, width: nil, range: invocation.range))
        default:
            var length: String?
            if name == "hspace", let star = parser.peek, parser.isCharacter(star, "*") { parser.advance() }
            if let token = parser.peekSkippingSpaces(), token.kind == .open {
                length = parser.parseRawArgument(for: "\\" + name, at: invocation.range).text
            } else {
                length = parser.parseBareDimension()
            }
            guard let length, let width = Spaces.cssLength(length) else {
                parser.warn("\\\(name) needs a length such as 1em", invocation.range)
                return .space(Space(command: name, width: "0em", range: invocation.range.lowerBound..<parser.previousEnd))
            }
            return .space(Space(command: name, width: width, range: invocation.range.lowerBound..<parser.previousEnd))
        }
    }
}

extension MathMLBuilder {
    /// `<mspace width="...">`, or a no-break space in `<mtext>` for text spaces.
    func space(_ space: Space) -> MathMLElement {
        if space.isTextSpace {
            return MathMLElement("mtext", text: "\u{A0}")
        }
        if let hint = Spaces.breaks[space.command] {
            if hint.isEmpty { return MathMLElement("mspace") }
            return MathMLElement("mspace", [("linebreak", hint)])
        }
        guard let width = space.width else {
            return MathMLElement("mspace", [("width", "0em")])
        }
        return MathMLElement("mspace", [("width", width)])
    }

    /// A TeX length as a CSS length.
    static func cssLength(_ text: String) -> String? { Spaces.cssLength(text) }
}
