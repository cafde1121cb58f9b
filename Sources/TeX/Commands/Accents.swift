// Accents and marks over or under a base: \hat \vec \bar \tilde \dot \ddot \overline
// \underline \widehat \overbrace \underbrace \overrightarrow ...; and stacks: \overset
// \underset \stackrel \xrightarrow \xleftarrow.

/// How each accent command is drawn.
struct AccentInfo {
    let mark: String
    let under: Bool
    let stretchy: Bool
    let isBrace: Bool
    /// Drawn at 70% size (`\vec`: the font's arrow is too big for an accent).
    var small = false

    static let commands: [String: AccentInfo] = [
        "hat": AccentInfo(mark: "\u{2C6}", under: false, stretchy: false, isBrace: false),
        "widehat": AccentInfo(mark: "\u{302}", under: false, stretchy: true, isBrace: false),
        "check": AccentInfo(mark: "\u{2C7}", under: false, stretchy: false, isBrace: false),
        "widecheck": AccentInfo(mark: "\u{2C7}", under: false, stretchy: true, isBrace: false),
        "tilde": AccentInfo(mark: "\u{2DC}", under: false, stretchy: false, isBrace: false),
        "widetilde": AccentInfo(mark: "~", under: false, stretchy: true, isBrace: false),
        "acute": AccentInfo(mark: "\u{B4}", under: false, stretchy: false, isBrace: false),
        "grave": AccentInfo(mark: "`", under: false, stretchy: false, isBrace: false),
        "dot": AccentInfo(mark: "\u{2D9}", under: false, stretchy: false, isBrace: false),
        "ddot": AccentInfo(mark: "\u{A8}", under: false, stretchy: false, isBrace: false),
        "dddot": AccentInfo(mark: "\u{20DB}", under: false, stretchy: false, isBrace: false),
        "ddddot": AccentInfo(mark: "\u{20DC}", under: false, stretchy: false, isBrace: false),
        "breve": AccentInfo(mark: "\u{2D8}", under: false, stretchy: false, isBrace: false),
        "bar": AccentInfo(mark: "\u{AF}", under: false, stretchy: false, isBrace: false),
        "vec": AccentInfo(mark: "\u{2192}", under: false, stretchy: false, isBrace: false, small: true),
        "mathring": AccentInfo(mark: "\u{2DA}", under: false, stretchy: false, isBrace: false),
        "overline": AccentInfo(mark: "\u{2015}", under: false, stretchy: true, isBrace: false),
        "underline": AccentInfo(mark: "\u{2015}", under: true, stretchy: true, isBrace: false),
        "overbrace": AccentInfo(mark: "\u{23DE}", under: false, stretchy: true, isBrace: true),
        "underbrace": AccentInfo(mark: "\u{23DF}", under: true, stretchy: true, isBrace: true),
        "overparen": AccentInfo(mark: "\u{23DC}", under: false, stretchy: true, isBrace: false),
        "underparen": AccentInfo(mark: "\u{23DD}", under: true, stretchy: true, isBrace: false),
        "overbracket": AccentInfo(mark: "\u{23B4}", under: false, stretchy: true, isBrace: true),
        "underbracket": AccentInfo(mark: "\u{23B5}", under: true, stretchy: true, isBrace: true),
        "overgroup": AccentInfo(mark: "\u{23E0}", under: false, stretchy: true, isBrace: false),
        "undergroup": AccentInfo(mark: "\u{23E1}", under: true, stretchy: true, isBrace: false),
        "overrightarrow": AccentInfo(mark: "\u{2192}", under: false, stretchy: true, isBrace: false),
        "overleftarrow": AccentInfo(mark: "\u{2190}", under: false, stretchy: true, isBrace: false),
        "overleftrightarrow": AccentInfo(mark: "\u{2194}", under: false, stretchy: true, isBrace: false),
        "underrightarrow": AccentInfo(mark: "\u{2192}", under: true, stretchy: true, isBrace: false),
        "underleftarrow": AccentInfo(mark: "\u{2190}", under: true, stretchy: true, isBrace: false),
        "underleftrightarrow": AccentInfo(mark: "\u{2194}", under: true, stretchy: true, isBrace: false),
        "utilde": AccentInfo(mark: "~", under: true, stretchy: true, isBrace: false),
    ]
}

extension CommandFamily {
    /// Every accent command, plus `\skew{n}\hat A` (the skew is ignored).
    static let accents = CommandFamily(names: Array(AccentInfo.commands.keys) + ["skew"]) { parser, invocation in
        if invocation.name == "skew" {
            _ = parser.parseRawArgument(for: "\\skew", at: invocation.range)
            return parser.parseArgument(for: "\\skew", at: invocation.range)
        }
        guard let info = AccentInfo.commands[invocation.name] else { return nil }
        let base = parser.parseArgument(for: "\\" + invocation.name, at: invocation.range)
        return .accent(Accent(
            command: invocation.name, mark: info.mark, base: base, under: info.under,
            stretchy: info.stretchy, isBrace: info.isBrace,
            range: invocation.range.lowerBound..<parser.previousEnd))
    }

    /// `\overset{a}{b}`, `\underset{a}{b}`, `\overunderset{a}{b}{c}`, `\stackrel{a}{b}`,
    /// `\stackbin{a}{b}`, `\buildrel a \over b`, and the extensible arrows `\xrightarrow[below]{above}`.
    static let overUnder = CommandFamily(
        names: ["overset", "underset", "overunderset", "stackrel", "stackbin", "buildrel"] + Array(ExtensibleArrows.commands.keys)
    ) { parser, invocation in
        let name = invocation.name
        let display = "\\" + name
        if let arrow = ExtensibleArrows.commands[name] {
            let below = parser.parseOptionalMath()
            let above = parser.parseArgument(for: display, at: invocation.range)
            let base = Node.atom(Atom(atomClass: .rel, form: .operator, text: arrow, command: name, range: invocation.range))
            return .overUnder(OverUnder(command: name, base: base, over: above, under: below, atomClass: .rel,
                                        range: invocation.range.lowerBound..<parser.previousEnd))
        }
        switch name {
        case "underset":
            let under = parser.parseArgument(for: display, at: invocation.range)
            let base = parser.parseArgument(for: display, at: invocation.range)
            return .overUnder(OverUnder(command: name, base: base, over: nil, under: under,
                                        atomClass: OverUnder.atomClass(of: base),
                                        range: invocation.range.lowerBound..<parser.previousEnd))
        case "overunderset":
            let over = parser.parseArgument(for: display, at: invocation.range)
            let under = parser.parseArgument(for: display, at: invocation.range)
            let base = parser.parseArgument(for: display, at: invocation.range)
            return .overUnder(OverUnder(command: name, base: base, over: over, under: under,
                                        atomClass: OverUnder.atomClass(of: base),
                                        range: invocation.range.lowerBound..<parser.previousEnd))
        case "buildrel":
            let overStart = parser.offset
            let over = parser.nested { $0.parseList([.close, .cell, .end, .over]) } ?? []
            if parser.isCommand(parser.peek, "over") {
                parser.advance()
            } else {
                parser.warn("\\buildrel without \\over", invocation.range)
            }
            let base = parser.parseArgument(for: display, at: invocation.range)
            return .overUnder(OverUnder(
                command: name, base: base,
                over: .group(Group(children: over, braced: false, range: overStart..<(over.last?.range.upperBound ?? overStart))),
                under: nil, atomClass: .rel, range: invocation.range.lowerBound..<parser.previousEnd))
        default:
            let over = parser.parseArgument(for: display, at: invocation.range)
            let base = parser.parseArgument(for: display, at: invocation.range)
            let atomClass: AtomClass = name == "stackrel" ? .rel : name == "stackbin" ? .bin : OverUnder.atomClass(of: base)
            return .overUnder(OverUnder(command: name, base: base, over: over, under: nil, atomClass: atomClass,
                                        range: invocation.range.lowerBound..<parser.previousEnd))
        }
    }
}

extension OverUnder {
    /// `\overset{!}{=}` is a relation because `=` is.
    static func atomClass(of base: Node) -> AtomClass {
        switch base {
        case .atom(let atom): return atom.atomClass
        case .group(let group) where group.children.count == 1: return atomClass(of: group.children[0])
        default: return .ord
        }
    }
}

/// The arrows of `\xrightarrow` and its relatives.
enum ExtensibleArrows {
    static let commands: [String: String] = [
        "xrightarrow": "\u{2192}", "xleftarrow": "\u{2190}", "xleftrightarrow": "\u{2194}",
        "xRightarrow": "\u{21D2}", "xLeftarrow": "\u{21D0}", "xLeftrightarrow": "\u{21D4}",
        "xmapsto": "\u{21A6}", "xhookleftarrow": "\u{21A9}", "xhookrightarrow": "\u{21AA}",
        "xrightharpoonup": "\u{21C0}", "xrightharpoondown": "\u{21C1}", "xleftharpoonup": "\u{21BC}",
        "xleftharpoondown": "\u{21BD}", "xrightleftharpoons": "\u{21CC}", "xleftrightharpoons": "\u{21CB}",
        "xtwoheadrightarrow": "\u{21A0}", "xtwoheadleftarrow": "\u{219E}", "xlongequal": "=",
    ]
}

extension MathMLBuilder {
    /// Marks that the operator dictionary makes stretchy horizontally.
    static let horizontallyStretchy: Set<String> = [
        "^", "~", "\u{AF}", "\u{2C7}", "\u{2C6}", "\u{2DC}", "\u{302}", "\u{203E}", "\u{2015}", "_", "\u{23DE}", "\u{23DF}",
        "\u{23DC}", "\u{23DD}", "\u{23E0}", "\u{23E1}", "\u{23B4}", "\u{23B5}", "\u{2192}", "\u{2190}", "\u{2194}",
    ]

    /// `<mover accent="true">` for accents, a plain `<mover>`/`<munder>` for braces.
    func accent(_ accent: Accent) -> MathMLElement {
        let base = build(accent.base)
        var mark = MathMLElement("mo", text: accent.mark)
        if MathMLBuilder.isSingleCharacter(accent.base), accent.command == "widehat" || accent.command == "widetilde" {
            // Latin Modern Math's wide accents start at a width that misplaces them over one letter.
            let narrow = accent.command == "widehat" ? "hat" : "tilde"
            return self.accent(Accent(command: narrow, mark: AccentInfo.commands[narrow]?.mark ?? accent.mark,
                                      base: accent.base, under: false, stretchy: false, range: accent.range))
        }
        let stretchesByDefault = MathMLBuilder.horizontallyStretchy.contains(accent.mark)
        if accent.stretchy != stretchesByDefault {
            mark.set("stretchy", accent.stretchy ? "true" : "false")
        }
        if AccentInfo.commands[accent.command]?.small == true {
            mark.set("mathsize", "0.7em")
        }
        if accent.isBrace {
            return MathMLElement(accent.under ? "munder" : "mover", children: [base, mark])
        }
        return MathMLElement(accent.under ? "munder" : "mover",
                             [(accent.under ? "accentunder" : "accent", "true")], children: [base, mark])
    }

    /// Whether a node is one character (`x`, `{x}`, `\alpha`).
    static func isSingleCharacter(_ node: Node) -> Bool {
        switch node {
        case .atom(let atom): return atom.text.unicodeScalars.count == 1
        case .group(let group): return group.children.count == 1 && isSingleCharacter(group.children[0])
        case .font(let change): return isSingleCharacter(change.body)
        default: return false
        }
    }

    /// `<mover>`/`<munder>`/`<munderover>`; extensible arrows stretch over padded labels.
    func overUnder(_ overUnder: OverUnder) -> MathMLElement {
        var base = build(overUnder.base)
        var over = overUnder.over.map { script.build($0) }
        var under = overUnder.under.map { script.build($0) }
        if ExtensibleArrows.commands[overUnder.command] != nil {
            // The arrow stretches to its labels, padded by 0.3em on each side.
            base.set("stretchy", "true")
            func padded(_ element: MathMLElement) -> MathMLElement {
                let space = MathMLElement("mspace", [("width", "0.3em")])
                return MathMLElement("mrow", children: [space, element, space])
            }
            over = over.map(padded)
            under = under.map(padded)
            if over == nil { over = MathMLElement("mspace", [("width", "1.5em")]) }
        }
        switch (under, over) {
        case (let under?, let over?): return MathMLElement("munderover", children: [base, under, over])
        case (let under?, nil): return MathMLElement("munder", children: [base, under])
        case (nil, let over?): return MathMLElement("mover", children: [base, over])
        case (nil, nil): return base
        }
    }
}
