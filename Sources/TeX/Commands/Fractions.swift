// Fractions and stacks: \frac \dfrac \tfrac \cfrac \binom \dbinom \tbinom \genfrac, and the
// infix forms \over \atop \above \choose \brace \brack \overwithdelims ...

extension CommandFamily {
    /// `\frac{a}{b}` and its relatives with two arguments.
    static let fractions = CommandFamily(
        names: ["frac", "dfrac", "tfrac", "cfrac", "binom", "dbinom", "tbinom", "genfrac"]
    ) { parser, invocation in
        parser.parseFraction(invocation)
    }
}

/// The infix fraction commands, which split their group in two.
struct InfixFraction {
    let hasBar: Bool
    let left: String?
    let right: String?
    /// `\...withdelims` reads two delimiters after the command.
    let readsDelimiters: Bool
    /// `\above` reads a bar thickness after the command.
    let readsThickness: Bool

    static let commands: [String: InfixFraction] = [
        "over": InfixFraction(hasBar: true, left: nil, right: nil, readsDelimiters: false, readsThickness: false),
        "atop": InfixFraction(hasBar: false, left: nil, right: nil, readsDelimiters: false, readsThickness: false),
        "above": InfixFraction(hasBar: true, left: nil, right: nil, readsDelimiters: false, readsThickness: true),
        "choose": InfixFraction(hasBar: false, left: "(", right: ")", readsDelimiters: false, readsThickness: false),
        "brace": InfixFraction(hasBar: false, left: "{", right: "}", readsDelimiters: false, readsThickness: false),
        "brack": InfixFraction(hasBar: false, left: "[", right: "]", readsDelimiters: false, readsThickness: false),
        "overwithdelims": InfixFraction(hasBar: true, left: nil, right: nil, readsDelimiters: true, readsThickness: false),
        "atopwithdelims": InfixFraction(hasBar: false, left: nil, right: nil, readsDelimiters: true, readsThickness: false),
        "abovewithdelims": InfixFraction(hasBar: true, left: nil, right: nil, readsDelimiters: true, readsThickness: true),
    ]
}

extension Parser {
    mutating func parseFraction(_ invocation: Invocation) -> Node {
        let name = invocation.name
        var fraction = Fraction(
            command: name, numerator: .group(Group(children: [], braced: false, range: invocation.range)),
            denominator: .group(Group(children: [], braced: false, range: invocation.range)),
            range: invocation.range)
        switch name {
        case "dfrac": fraction.style = .display
        case "tfrac": fraction.style = .text
        case "cfrac":
            if let alignment = parseOptionalRaw() { fraction.numeratorAlignment = alignment.text }
        case "binom", "dbinom", "tbinom":
            fraction.hasBar = false
            fraction.leftDelimiter = "("
            fraction.rightDelimiter = ")"
            if name == "dbinom" { fraction.style = .display }
            if name == "tbinom" { fraction.style = .text }
        case "genfrac":
            let left = parseRawArgument(for: "\\genfrac", at: invocation.range)
            let right = parseRawArgument(for: "\\genfrac", at: invocation.range)
            let thickness = parseRawArgument(for: "\\genfrac", at: invocation.range)
            let style = parseRawArgument(for: "\\genfrac", at: invocation.range)
            fraction.leftDelimiter = Delimiters.text(ofSource: left.text)
            fraction.rightDelimiter = Delimiters.text(ofSource: right.text)
            if !thickness.text.isEmpty {
                fraction.barThickness = thickness.text
                fraction.hasBar = !Parser.isZeroLength(thickness.text)
            }
            switch style.text {
            case "0": fraction.style = .display
            case "1": fraction.style = .text
            case "2": fraction.style = .script
            case "3": fraction.style = .scriptScript
            default: break
            }
        default: break
        }
        fraction.numerator = parseArgument(for: "\\" + name, at: invocation.range)
        fraction.denominator = parseArgument(for: "\\" + name, at: invocation.range)
        fraction.range = invocation.range.lowerBound..<max(previousEnd, invocation.range.upperBound)
        return .fraction(fraction)
    }

    /// `a \over b`: everything before the command in its group over everything after.
    mutating func parseInfixFraction(_ infix: InfixFraction, command: String, before: [Node], stops: Stops) -> Node {
        guard let token = peek else { return .group(Group(children: before, braced: false, range: offset..<offset)) }
        advance()
        var left = infix.left
        var right = infix.right
        if infix.readsDelimiters {
            left = parseDelimiter(after: "\\" + command)?.text
            right = parseDelimiter(after: "\\" + command)?.text
        }
        var thickness: String?
        if infix.readsThickness { thickness = parseBareDimension() }
        let after = parseRest(stops)
        let start = before.first?.range.lowerBound ?? token.range.lowerBound
        let end = max(previousEnd, token.range.upperBound)
        let numerator = Node.group(Group(children: before, braced: false,
                                         range: start..<(before.last?.range.upperBound ?? start)))
        let denominatorStart = after.first?.range.lowerBound ?? end
        let denominator = Node.group(Group(children: after, braced: false,
                                           range: denominatorStart..<(after.last?.range.upperBound ?? denominatorStart)))
        var hasBar = infix.hasBar
        if let thickness, Parser.isZeroLength(thickness) { hasBar = false }
        return .fraction(Fraction(
            command: command, numerator: numerator, denominator: denominator, hasBar: hasBar,
            barThickness: thickness, leftDelimiter: left.flatMap { $0.isEmpty ? nil : $0 },
            rightDelimiter: right.flatMap { $0.isEmpty ? nil : $0 }, range: start..<end))
    }

    /// Whether a TeX length is zero (`0pt`, `0`, `0.0em`).
    static func isZeroLength(_ text: String) -> Bool {
        let number = text.unicodeScalars.prefix { ($0 >= "0" && $0 <= "9") || $0 == "." || $0 == "-" }
        return Double(String(String.UnicodeScalarView(number))) == 0
    }
}

extension MathMLBuilder {
    /// `<mfrac>`, with `linethickness="0"` for stacks, delimiters around binomials, and an
    /// `<mstyle>` for `\dfrac`/`\tfrac`.
    func fraction(_ fraction: Fraction) -> MathMLElement {
        let outer = fraction.style.map { inStyle($0) } ?? self
        var part = outer.fractionPart
        if fraction.command == "cfrac" { part = outer.inStyle(.text) }
        var numerator = part.build(fraction.numerator)
        var denominator = part.build(fraction.denominator)
        if fraction.command == "cfrac" {
            numerator = outer.fractionPart.styled(numerator, .text)
            denominator = outer.fractionPart.styled(denominator, .text)
        }
        var element = MathMLElement("mfrac", children: [numerator, denominator])
        if !fraction.hasBar {
            element.set("linethickness", "0")
        } else if let thickness = fraction.barThickness {
            element.set("linethickness", MathMLBuilder.cssLength(thickness) ?? thickness)
        }
        if let alignment = fraction.numeratorAlignment {
            if alignment == "l" { element.set("numalign", "left") }
            if alignment == "r" { element.set("numalign", "right") }
        }
        if fraction.leftDelimiter != nil || fraction.rightDelimiter != nil {
            var children: [MathMLElement] = []
            if let left = fraction.leftDelimiter {
                children.append(MathMLElement("mo", text: left, [("fence", "true"), ("stretchy", "true"), ("symmetric", "true")]))
            }
            children.append(element)
            if let right = fraction.rightDelimiter {
                children.append(MathMLElement("mo", text: right, [("fence", "true"), ("stretchy", "true"), ("symmetric", "true")]))
            }
            element = MathMLElement("mrow", children: children)
        }
        if let style = fraction.style {
            element = styled(element, style)
        }
        return element
    }
}
