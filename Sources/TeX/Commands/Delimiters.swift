// Delimiters: \left ... \middle ... \right, and \big \Big \bigg \Bigg with their l/r/m forms.

/// The delimiters that `\left`, `\right`, `\middle` and `\big` accept.
enum Delimiters {
    /// Delimiters written as characters.
    static let characters: [Unicode.Scalar: String] = [
        "(": "(", ")": ")", "[": "[", "]": "]", "|": "|", "/": "/", ".": "",
        "<": "\u{27E8}", ">": "\u{27E9}", "\u{27E8}": "\u{27E8}", "\u{27E9}": "\u{27E9}",
        "\u{2016}": "\u{2016}", "\u{230A}": "\u{230A}", "\u{230B}": "\u{230B}", "\u{2308}": "\u{2308}",
        "\u{2309}": "\u{2309}", "\u{2191}": "\u{2191}", "\u{2193}": "\u{2193}",
    ]

    /// Delimiters written as commands, by name without backslash.
    static let commands: [String: String] = [
        "{": "{", "}": "}", "|": "\u{2016}", "lbrace": "{", "rbrace": "}", "langle": "\u{27E8}",
        "rangle": "\u{27E9}", "lt": "\u{27E8}", "gt": "\u{27E9}", "lfloor": "\u{230A}",
        "rfloor": "\u{230B}", "lceil": "\u{2308}", "rceil": "\u{2309}", "vert": "|", "Vert": "\u{2016}",
        "lvert": "|", "rvert": "|", "lVert": "\u{2016}", "rVert": "\u{2016}", "lbrack": "[",
        "rbrack": "]", "backslash": "\\", "\\": "\\", "uparrow": "\u{2191}", "downarrow": "\u{2193}",
        "updownarrow": "\u{2195}", "Uparrow": "\u{21D1}", "Downarrow": "\u{21D3}",
        "Updownarrow": "\u{21D5}", "ulcorner": "\u{231C}", "urcorner": "\u{231D}",
        "llcorner": "\u{231E}", "lrcorner": "\u{231F}", "lgroup": "\u{27EE}", "rgroup": "\u{27EF}",
        "lmoustache": "\u{23B0}", "rmoustache": "\u{23B1}", "arrowvert": "\u{23D0}",
        "Arrowvert": "\u{2016}", "bracevert": "\u{23AA}",
    ]

    /// The delimiter for a piece of source such as `(`, `\{` or `\langle` (for `\genfrac`).
    static func text(ofSource source: String) -> String? {
        let trimmed = source.trimmingSpaces
        if trimmed.isEmpty { return nil }
        if trimmed.hasPrefix("\\") { return commands[String(trimmed.dropFirst())] }
        if let scalar = trimmed.unicodeScalars.first, trimmed.unicodeScalars.count == 1 {
            return characters[scalar]
        }
        return nil
    }
}

extension Parser {
    /// Reads the delimiter after `\left`, `\right`, `\middle` or `\big`; warns and returns
    /// nil if there is none.
    mutating func parseDelimiter(after command: String) -> Delimiter? {
        skipSpaces()
        guard let token = peek else {
            warn("missing delimiter after \(command)", (previousEnd - 1)..<previousEnd)
            return nil
        }
        switch token.kind {
        case .character(let scalar):
            if let text = Delimiters.characters[scalar] {
                advance()
                return Delimiter(text: text, command: nil, range: token.range)
            }
        case .command(let name):
            if let text = Delimiters.commands[name] {
                advance()
                return Delimiter(text: text, command: name, range: token.range)
            }
        case .open:
            // `\Big{\{}`: a delimiter in braces.
            let start = position
            advance()
            skipSpaces()
            if let inner = parseDelimiter(after: command) {
                skipSpaces()
                if let close = peek, close.kind == .close {
                    advance()
                    return Delimiter(text: inner.text, command: inner.command,
                                     range: token.range.lowerBound..<close.range.upperBound)
                }
            }
            position = start
        default:
            break
        }
        warn("missing or unknown delimiter after \(command)", token.range)
        return nil
    }
}

extension CommandFamily {
    /// `\left ... \right`, and `\middle` (inside them) and a stray `\right`.
    static let leftRight = CommandFamily(names: ["left", "right", "middle"]) { parser, invocation in
        switch invocation.name {
        case "left":
            return parser.parseFenced(invocation)
        case "middle":
            let delimiter = parser.parseDelimiter(after: "\\middle")
                ?? Delimiter(text: "", command: nil, range: invocation.range.upperBound..<invocation.range.upperBound)
            if parser.openLefts == 0 {
                parser.warn("\\middle outside \\left...\\right", invocation.range)
            }
            return .sizedDelimiter(SizedDelimiter(
                command: "middle", size: .middle, atomClass: .rel, delimiter: delimiter,
                range: invocation.range.lowerBound..<delimiter.range.upperBound))
        default:
            parser.warn("\\right without \\left", invocation.range)
            let delimiter = parser.parseDelimiter(after: "\\right")
                ?? Delimiter(text: "", command: nil, range: invocation.range.upperBound..<invocation.range.upperBound)
            return .atom(Atom(atomClass: .close, form: .operator, text: delimiter.text, command: "right",
                              range: invocation.range.lowerBound..<delimiter.range.upperBound))
        }
    }

    /// `\big(` `\Bigl[` `\biggr\}` `\Biggm|`: delimiters of fixed size.
    static let sizedDelimiters = CommandFamily(
        names: ["big", "Big", "bigg", "Bigg", "bigl", "Bigl", "biggl", "Biggl", "bigr", "Bigr", "biggr",
                "Biggr", "bigm", "Bigm", "biggm", "Biggm"]
    ) { parser, invocation in
        let name = invocation.name
        var stem = name
        var atomClass = AtomClass.ord
        if let last = name.last, "lrm".contains(last) {
            stem = String(name.dropLast())
            atomClass = last == "l" ? .open : last == "r" ? .close : .rel
        }
        let size = SizedDelimiter.Size(rawValue: stem) ?? .big
        guard let delimiter = parser.parseDelimiter(after: "\\" + name) else {
            return nil
        }
        return .sizedDelimiter(SizedDelimiter(
            command: name, size: size, atomClass: atomClass, delimiter: delimiter,
            range: invocation.range.lowerBound..<delimiter.range.upperBound))
    }
}

extension Parser {
    mutating func parseFenced(_ invocation: Invocation) -> Node {
        let left = parseDelimiter(after: "\\left")
            ?? Delimiter(text: "", command: nil, range: invocation.range.upperBound..<invocation.range.upperBound)
        openLefts += 1
        let body = nested { $0.parseList([.right, .close, .cell, .end, .dollar, .closeParen]) } ?? []
        openLefts -= 1
        var right = Delimiter(text: "", command: nil, range: previousEnd..<previousEnd)
        if let token = peek, isCommand(token, "right") {
            advance()
            right = parseDelimiter(after: "\\right")
                ?? Delimiter(text: "", command: nil, range: token.range.upperBound..<token.range.upperBound)
        } else if !aborted {
            warn("\\left without \\right; closed with an invisible delimiter", invocation.range)
        }
        return .fenced(Fenced(left: left, body: body, right: right,
                              range: invocation.range.lowerBound..<max(previousEnd, invocation.range.upperBound)))
    }
}

extension MathMLBuilder {
    /// Opening and closing brackets: fences that stretch symmetrically in every form.
    static let brackets: Set<String> = [
        "(", ")", "[", "]", "{", "}", "\u{27E8}", "\u{27E9}", "\u{230A}", "\u{230B}", "\u{2308}", "\u{2309}",
        "\u{27EE}", "\u{27EF}", "\u{23B0}", "\u{23B1}",
    ]

    /// Delimiters that the operator dictionary does not make stretchy by default.
    private static let needsStretchy: Set<String> = ["/", "\\", "\u{231C}", "\u{231D}", "\u{231E}", "\u{231F}", "\u{23D0}", "\u{23AA}"]

    /// One stretchy fence of a `\left...\right` group.
    private func fence(_ delimiter: Delimiter) -> MathMLElement {
        if delimiter.text.isEmpty {
            return MathMLElement("mo", text: "", [("fence", "true"), ("stretchy", "true"), ("symmetric", "true")])
        }
        var element = MathMLElement("mo", text: delimiter.text)
        if MathMLBuilder.brackets.contains(delimiter.text) || delimiter.text == "|" || delimiter.text == "\u{2016}" {
            return element
        }
        element.set("fence", "true")
        if MathMLBuilder.needsStretchy.contains(delimiter.text) || !MathMLBuilder.isStretchy(delimiter.text) {
            element.set("stretchy", "true")
        }
        element.set("symmetric", "true")
        return element
    }

    /// `<mrow>` with stretchy fences around the body.
    func fenced(_ fenced: Fenced) -> MathMLElement {
        var children = [fence(fenced.left)]
        var body = build(fenced.body)
        if case .atom(let atom)? = fenced.body.first, atom.atomClass == .bin, !body.isEmpty {
            // `\left( -x \right)`: the minus follows the fence, so it is unary.
            body[0].set("form", "prefix")
        }
        children.append(contentsOf: body)
        children.append(fence(fenced.right))
        return MathMLElement("mrow", children: children)
    }

    /// The heights of `\big`, `\Big`, `\bigg`, `\Bigg` (TeX's 8.5pt, 11.5pt, 14.5pt, 17.5pt
    /// at 10pt, times the 1.411 that MathJax uses to reach TeX's sizes).
    static func height(_ size: SizedDelimiter.Size) -> String {
        switch size {
        case .big: "1.2em"
        case .Big: "1.623em"
        case .bigg: "2.047em"
        case .Bigg: "2.470em"
        case .middle: ""
        }
    }

    /// A fixed-size delimiter: `minsize` = `maxsize`; `\middle` stretches with its row.
    func sizedDelimiter(_ delimiter: SizedDelimiter) -> MathMLElement {
        if delimiter.size == .middle {
            return MathMLElement("mo", text: delimiter.delimiter.text, [("stretchy", "true")])
        }
        let height = MathMLBuilder.height(delimiter.size)
        var attributes: [MathMLElement.Attribute] = [("minsize", height), ("maxsize", height)]
        if !MathMLBuilder.brackets.contains(delimiter.delimiter.text) {
            attributes += [("fence", "true"), ("stretchy", "true"), ("symmetric", "true")]
        }
        return MathMLElement("mo", text: delimiter.delimiter.text, attributes)
    }
}
