// Text inside math: \text \mbox \hbox \textrm \textbf \textit \textsf \texttt \emph, with
// $...$ or \(...\) math inside, and \TeX \LaTeX.

enum TextFonts {
    /// Accents in text (`\"o` is ö), by command, as combining characters.
    static let accents: [String: String] = [
        "\"": "\u{308}", "'": "\u{301}", "`": "\u{300}", ".": "\u{307}", "H": "\u{30B}", "r": "\u{30A}",
        "~": "\u{303}", "^": "\u{302}", "=": "\u{304}", "u": "\u{306}", "v": "\u{30C}", "c": "\u{327}",
    ]

    /// Font and size switches that text keeps the content of.
    static let switches: Set<String> = [
        "it", "bf", "rm", "sf", "tt", "em", "sl", "sc", "normalfont", "tiny", "Tiny", "scriptsize", "footnotesize",
        "small", "normalsize", "large", "Large", "LARGE", "huge", "Huge", "itshape", "bfseries", "upshape",
    ]

    static let commands: [String: MathFont] = [
        "text": .roman, "mbox": .roman, "hbox": .roman, "textrm": .roman, "textnormal": .roman,
        "textup": .roman, "textmd": .roman, "textbf": .bold, "textit": .italic, "textsl": .italic,
        "emph": .italic, "textsf": .sansSerif, "texttt": .monospace, "fbox": .roman, "makebox": .roman,
        "parbox": .roman,
    ]

    /// Commands that stand for characters in text.
    static let characters: [String: String] = [
        "$": "$", "%": "%", "&": "&", "#": "#", "_": "_", "{": "{", "}": "}", " ": "\u{A0}",
        "~": "~", "^": "^", ",": "\u{2009}", ";": "\u{2004}", ":": "\u{2005}", "!": "",
        "quad": "\u{2003}", "qquad": "\u{2003}\u{2003}", "ldots": "\u{2026}", "dots": "\u{2026}",
        "textbackslash": "\\", "textasciitilde": "~", "textasciicircum": "^", "textunderscore": "_",
        "textendash": "\u{2013}", "textemdash": "\u{2014}", "textbar": "|", "textless": "<",
        "textgreater": ">", "S": "\u{A7}", "P": "\u{B6}", "dag": "\u{2020}", "ddag": "\u{2021}",
        "copyright": "\u{A9}", "pounds": "\u{A3}", "AA": "\u{C5}", "aa": "\u{E5}", "ss": "\u{DF}",
        "i": "\u{131}", "j": "\u{237}", "o": "\u{F8}", "O": "\u{D8}", "ae": "\u{E6}", "AE": "\u{C6}",
        "oe": "\u{153}", "OE": "\u{152}", "l": "\u{142}", "L": "\u{141}", "\\": " ", "newline": " ",
        "nobreakspace": "\u{A0}", "space": " ", "enspace": "\u{2002}", "relax": "",
    ]
}

extension CommandFamily {
    /// `\text{...}` and the other text commands, and `\TeX`, `\LaTeX`.
    static let texts = CommandFamily(names: Array(TextFonts.commands.keys) + ["TeX", "LaTeX", "KaTeX"]) { parser, invocation in
        if invocation.name == "TeX" || invocation.name == "LaTeX" || invocation.name == "KaTeX" {
            return .text(Text(command: invocation.name, font: .roman,
                              parts: [.text(invocation.name, invocation.range)], range: invocation.range))
        }
        if invocation.name == "makebox" {
            _ = parser.parseOptionalRaw()
            _ = parser.parseOptionalRaw()
        }
        if invocation.name == "parbox" {
            _ = parser.parseRawArgument(for: "\\parbox", at: invocation.range)
        }
        let parts = parser.parseTextArgument(for: invocation)
        let font = TextFonts.commands[invocation.name] ?? .roman
        let text = Node.text(Text(command: invocation.name, font: font, parts: parts,
                                  range: invocation.range.lowerBound..<parser.previousEnd))
        if invocation.name == "fbox" {
            return .enclosure(Enclosure(command: "fbox", kind: .box, body: text, range: invocation.range.lowerBound..<parser.previousEnd))
        }
        return text
    }
}

extension Parser {
    /// Reads a text argument: `{...}` with text, spaces kept, and math in `$...$`; or a single
    /// character without braces.
    mutating func parseTextArgument(for invocation: Invocation) -> [Text.Part] {
        skipSpaces()
        guard let open = peek else {
            warn("missing argument for \\\(invocation.name)", invocation.range)
            return []
        }
        guard open.kind == .open else {
            advance()
            if case .character(let scalar) = open.kind {
                return [.text(String(scalar), open.range)]
            }
            return [.text(text(open.range), open.range)]
        }
        advance()
        return nested { $0.parseTextContent(open: open) } ?? []
    }

    private mutating func parseTextContent(open: Token) -> [Text.Part] {
        var parts: [Text.Part] = []
        var buffer = ""
        var bufferStart = offset
        var braces = 0
        func flush(_ parts: inout [Text.Part], _ buffer: inout String, _ start: Int, _ end: Int) {
            if !buffer.isEmpty { parts.append(.text(buffer, start..<end)) }
            buffer = ""
        }
        while let token = peek, !aborted {
            switch token.kind {
            case .close:
                if braces == 0 {
                    flush(&parts, &buffer, bufferStart, token.range.lowerBound)
                    advance()
                    return parts
                }
                braces -= 1
                advance()
            case .open:
                braces += 1
                advance()
            case .space:
                buffer += " "
                advance()
            case .caret:
                buffer += "^"
                advance()
            case .underscore:
                buffer += "_"
                advance()
            case .character("$"):
                flush(&parts, &buffer, bufferStart, token.range.lowerBound)
                advance()
                let math = nested { $0.parseList([.dollar, .close]) } ?? []
                if let close = peek, isCharacter(close, "$") {
                    advance()
                } else if !aborted {
                    warn("$ in text is not closed", token.range)
                }
                parts.append(.math(math, token.range.lowerBound..<previousEnd))
                bufferStart = offset
            case .character("~"):
                buffer += "\u{A0}"
                advance()
            case .character(let scalar):
                buffer.unicodeScalars.append(scalar)
                advance()
            case .command("("):
                flush(&parts, &buffer, bufferStart, token.range.lowerBound)
                advance()
                let math = nested { $0.parseList([.closeParen, .close]) } ?? []
                if isCommand(peek, ")") { advance() } else if !aborted { warn("\\( in text is not closed", token.range) }
                parts.append(.math(math, token.range.lowerBound..<previousEnd))
                bufferStart = offset
            case .command(let name):
                advance()
                if let mark = TextFonts.accents[name] {
                    // `\"o`, `\'{e}`: the next letter with a combining accent.
                    skipSpaces()
                    var braced = false
                    if let open = peek, open.kind == .open {
                        braced = true
                        advance()
                    }
                    if let letter = peek, case .character(let scalar) = letter.kind {
                        advance()
                        buffer.unicodeScalars.append(scalar)
                    } else if let letter = peek, case .command(let letterName) = letter.kind,
                              let character = TextFonts.characters[letterName]
                    {
                        advance()
                        buffer += character
                    }
                    buffer += mark
                    if braced, let close = peek, close.kind == .close { advance() }
                } else if TextFonts.switches.contains(name) {
                    // A font or size switch inside text: the content is kept, the style is not.
                } else if let character = TextFonts.characters[name] {
                    buffer += character
                } else if name == "eqref" || name == "ref" {
                    let label = parseRawArgument(for: "\\" + name, at: token.range).text
                    buffer += name == "eqref" ? "(" + label + ")" : label
                } else if TextFonts.commands[name] != nil || ["textcolor", "color"].contains(name) {
                    // Font changes inside text: the content is kept, the font is not.
                    if name == "textcolor" || name == "color" { _ = parseRawArgument(for: "\\" + name, at: token.range) }
                } else if let symbol = Symbols.commands[name] {
                    buffer += symbol.text
                } else {
                    flush(&parts, &buffer, bufferStart, token.range.lowerBound)
                    let shown = "\\" + name
                    parts.append(.math([errorNode(shown, "unknown command \(shown) in text", token.range)], token.range))
                    bufferStart = offset
                }
            }
        }
        flush(&parts, &buffer, bufferStart, offset)
        if !aborted {
            unbalanced("unbalanced brace: { is not closed; closed at the end of the formula", open.range)
        }
        return parts
    }
}

extension MathMLBuilder {
    /// `<mtext>` for text runs (spaces at the ends kept as no-break spaces, which MathML
    /// would otherwise drop), math parts in between.
    func text(_ text: Text) -> MathMLElement {
        var elements: [MathMLElement] = []
        for part in text.parts {
            switch part {
            case .text(let string, _):
                var element = MathMLElement("mtext", text: MathMLBuilder.keepingEdgeSpaces(string))
                switch text.font {
                case .bold: element.set("mathvariant", "bold")
                case .italic: element.set("mathvariant", "italic")
                case .sansSerif: element.set("mathvariant", "sans-serif")
                case .monospace: element.set("mathvariant", "monospace")
                default: break
                }
                elements.append(element)
            case .math(let nodes, _):
                var inner = self
                inner.font = nil
                elements.append(inner.row(nodes))
            }
        }
        if elements.isEmpty { return MathMLElement("mtext", text: "") }
        return MathMLBuilder.row(elements)
    }

    /// Turns leading and trailing spaces into no-break spaces.
    static func keepingEdgeSpaces(_ string: String) -> String {
        var scalars = Array(string.unicodeScalars)
        var index = 0
        while index < scalars.count, scalars[index] == " " {
            scalars[index] = "\u{A0}"
            index += 1
        }
        var back = scalars.count - 1
        while back >= 0, scalars[back] == " " {
            scalars[back] = "\u{A0}"
            back -= 1
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
