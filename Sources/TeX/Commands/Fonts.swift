// Math fonts: \mathbf \mathrm \mathit \mathcal \mathbb \mathsf \mathtt \mathfrak \mathscr
// \boldsymbol \bm, the unicode-math names (\symbf...), and the switches \rm \bf \it \cal ...

enum Fonts {
    /// Commands that take the text to set as an argument.
    static let commands: [String: MathFont] = [
        "mathrm": .roman, "mathup": .roman, "symrm": .roman, "symup": .roman,
        "mathit": .italic, "symit": .italic,
        "mathbf": .bold, "mathbfup": .bold, "symbf": .bold, "symbfup": .bold,
        "boldsymbol": .boldItalic, "bm": .boldItalic, "pmb": .boldItalic, "mathbfit": .boldItalic, "symbfit": .boldItalic,
        "mathcal": .script, "symcal": .script, "mathscr": .script, "symscr": .script,
        "mathbfcal": .boldScript, "mathbfscr": .boldScript, "symbfcal": .boldScript, "symbfscr": .boldScript,
        "mathfrak": .fraktur, "symfrak": .fraktur, "mathbffrak": .boldFraktur, "symbffrak": .boldFraktur,
        "mathbb": .doubleStruck, "Bbb": .doubleStruck, "symbb": .doubleStruck,
        "mathsf": .sansSerif, "mathsfup": .sansSerif, "symsf": .sansSerif, "symsfup": .sansSerif,
        "mathbfsf": .boldSansSerif, "mathbfsfup": .boldSansSerif, "symbfsf": .boldSansSerif,
        "symbfsfup": .boldSansSerif, "mathsfit": .sansSerifItalic, "symsfit": .sansSerifItalic,
        "mathbfsfit": .boldSansSerifItalic, "symbfsfit": .boldSansSerifItalic,
        "mathtt": .monospace, "symtt": .monospace, "mathnormal": .normal, "symnormal": .normal,
    ]

    /// Switches that set the font for the rest of the group.
    static let switches: [String: MathFont] = [
        "rm": .roman, "it": .italic, "bf": .bold, "cal": .script, "scr": .script, "frak": .fraktur,
        "sf": .sansSerif, "tt": .monospace, "mit": .italic, "bbFont": .doubleStruck, "oldstyle": .normal,
        "boldmath": .boldItalic, "unboldmath": .normal,
    ]
}

extension CommandFamily {
    /// `\mathbf{x}` and the other font commands with an argument.
    static let fonts = CommandFamily(names: Array(Fonts.commands.keys)) { parser, invocation in
        let body = parser.parseArgument(for: "\\" + invocation.name, at: invocation.range)
        return .font(FontChange(command: invocation.name, font: Fonts.commands[invocation.name] ?? .normal,
                                body: body, range: invocation.range.lowerBound..<parser.previousEnd))
    }

    /// `\bf`, `\rm`, `\cal`...: the font of the rest of the group.
    static let fontSwitches = CommandFamily(names: Array(Fonts.switches.keys)) { parser, invocation in
        parser.advance()
        let start = parser.offset
        let body = parser.parseRest(invocation.stops)
        let end = body.last?.range.upperBound ?? invocation.range.upperBound
        return .font(FontChange(
            command: invocation.name, font: Fonts.switches[invocation.name] ?? .normal,
            body: .group(Group(children: body, braced: false, range: start..<max(start, end))),
            range: invocation.range.lowerBound..<end))
    }
}

extension MathMLBuilder {
    /// The body built in the font (letters become Unicode math alphanumerics).
    func fontChange(_ change: FontChange) -> MathMLElement {
        var inner = self
        inner.font = change.font
        if change.command == "boldsymbol" || change.command == "bm" || change.command == "boldmath" {
            inner.font = .boldItalic
        }
        return inner.build(change.body)
    }
}
