extension MathMLBuilder {
    /// `msub`/`msup`/`msubsup`, or `munder`/`mover`/`munderover` for the limits of a large
    /// operator (`\sum_{i=1}^n`, `\lim_{x\to 0}`), which MathML moves to the side inline.
    func scripts(_ scripts: Scripts) -> MathMLElement {
        var base = scripts.base.map { build($0) } ?? MathMLElement("mi", text: "")
        var over = scripts.sup.map { script.build($0) }
        let under = scripts.sub.map { script.build($0) }
        if scripts.primes > 0 {
            // The prime glyphs of OpenType math fonts are already raised: at full size after
            // the base (f′), not shrunk in a superscript. With a subscript, the primes sit in
            // the superscript position at the base's size (x′₁).
            let primes = MathMLElement("mo", text: MathMLBuilder.primes(scripts.primes))
            if under == nil {
                base = MathMLElement("mrow", children: [base, primes])
            } else {
                let raised = MathMLElement("mpadded", [("voffset", "-0.35em")], children: [
                    MathMLElement("mstyle", [("scriptlevel", "-1")], children: [primes]),
                ])
                over = over.map { MathMLBuilder.row([raised, $0]) } ?? raised
            }
        }

        var limitsAbove = false
        switch scripts.limits {
        case .above?:
            limitsAbove = true
            if MathMLBuilder.hasMovableLimits(scripts.base) {
                MathMLBuilder.setOnCore(&base, "movablelimits", "false")
            }
        case .side?:
            limitsAbove = false
        case nil:
            limitsAbove = MathMLBuilder.hasMovableLimits(scripts.base) || MathMLBuilder.isBrace(scripts.base)
        }
        // Primes always go to the side.
        if scripts.primes > 0 { limitsAbove = false }

        switch (under, over) {
        case (let under?, let over?):
            return MathMLElement(limitsAbove ? "munderover" : "msubsup", children: [base, under, over])
        case (let under?, nil):
            return MathMLElement(limitsAbove ? "munder" : "msub", children: [base, under])
        case (nil, let over?):
            return MathMLElement(limitsAbove ? "mover" : "msup", children: [base, over])
        case (nil, nil):
            return base
        }
    }

    /// `′`, `″`, `‴`, `⁗`, and more primes beyond four.
    static func primes(_ count: Int) -> String {
        switch count {
        case 1: return "\u{2032}"
        case 2: return "\u{2033}"
        case 3: return "\u{2034}"
        case 4: return "\u{2057}"
        default: return String(repeating: "\u{2032}", count: count)
        }
    }

    /// Whether a node is a large operator whose limits go above and below in display style.
    static func hasMovableLimits(_ node: Node?) -> Bool {
        switch node {
        case .atom(let atom): return atom.atomClass == .op && atom.limits
        case .operatorName(let name): return name.limits
        case .enclosure(let enclosure): return enclosure.kind == .atomClass(.op)
        default: return false
        }
    }

    /// Whether a node is `\overbrace` or `\underbrace`, whose scripts are labels on the brace.
    static func isBrace(_ node: Node?) -> Bool {
        if case .accent(let accent)? = node { return accent.isBrace }
        return false
    }
}
