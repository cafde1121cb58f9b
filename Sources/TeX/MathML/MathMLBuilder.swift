/// Turns a parse tree into MathML Core elements. One `switch` over the node kinds; the
/// builders of the command families are extensions in `Commands/*.swift`, next to their parsers.
struct MathMLBuilder {
    /// The math font in force (`\mathbf{...}`, `\bf ...`), or nil for the default.
    var font: MathFont?
    /// Whether the current math style is display style (TeX's D), as MathML will lay it out.
    var displayStyle: Bool
    /// The current script level (0 in the formula, 1 in scripts, 2 in scripts of scripts).
    var scriptLevel = 0

    /// A builder for the top of a formula.
    init(display: Bool) {
        self.font = nil
        self.displayStyle = display
    }

    /// A builder for material one script level down (sub- and superscripts, limits).
    var script: MathMLBuilder {
        var inner = self
        inner.displayStyle = false
        inner.scriptLevel += 1
        return inner
    }

    /// A builder for a numerator or denominator (TeX's D→T, T→S, S→SS).
    var fractionPart: MathMLBuilder {
        var inner = self
        if inner.displayStyle {
            inner.displayStyle = false
        } else {
            inner.scriptLevel += 1
        }
        return inner
    }

    /// A builder in a given math style.
    func inStyle(_ style: MathStyle) -> MathMLBuilder {
        var inner = self
        (inner.displayStyle, inner.scriptLevel) = MathMLBuilder.target(style)
        return inner
    }

    /// Display style and script level of a math style.
    static func target(_ style: MathStyle) -> (Bool, Int) {
        switch style {
        case .display: (true, 0)
        case .text: (false, 0)
        case .script: (false, 1)
        case .scriptScript: (false, 2)
        }
    }

    /// The element inside an `<mstyle>` that switches to a math style, with only the
    /// attributes that change something (no `<mstyle>` if nothing changes).
    func styled(_ element: MathMLElement, _ style: MathStyle) -> MathMLElement {
        let (display, level) = MathMLBuilder.target(style)
        var attributes: [MathMLElement.Attribute] = []
        if display != displayStyle { attributes.append(("displaystyle", display ? "true" : "false")) }
        if level != scriptLevel { attributes.append(("scriptlevel", String(level))) }
        if attributes.isEmpty { return element }
        return MathMLElement("mstyle", attributes, children: [element])
    }

    // MARK: - Lists

    /// The elements for a list of sibling nodes (a group's children, a cell, the formula).
    func build(_ nodes: [Node]) -> [MathMLElement] {
        var elements: [MathMLElement] = []
        elements.reserveCapacity(nodes.count)
        var index = 0
        while index < nodes.count {
            let node = nodes[index]

            // Runs of letters in an upright or styled font are one identifier: \mathrm{max}.
            if let run = letterRun(nodes, from: index) {
                elements.append(identifierRun(run.text))
                index = run.end
                continue
            }
            // Adjacent relations are one operator, as TeX puts no space between them: `<=`.
            if let run = relationRun(nodes, from: index) {
                elements.append(run.element)
                index = run.end
                continue
            }
            var element = build(node)
            // The neighbours, looked at only where a rule below needs them.
            var previous: Node? { index > 0 ? nodes[index - 1] : nil }
            var next: Node? { index + 1 < nodes.count ? nodes[index + 1] : nil }
            if case .atom(let atom) = node, atom.command == "dots", let next,
               case .atom(let following) = next, following.atomClass == .bin || following.atomClass == .rel
            {
                element.text = "\u{22EF}"
            }
            if case .atom(let atom) = node, let command = atom.command, MathMLBuilder.dots.contains(command),
               MathMLBuilder.isOperatorLike(previous) || (next.map(MathMLBuilder.isOperatorLike) ?? false)
            {
                // TeX's dots are Inner atoms: next to an operator, the space is the operator's only.
                element.set("lspace", "0em")
                element.set("rspace", "0em")
            }
            if case .atom(let atom) = node, atom.atomClass == .bin, index > 0,
               MathMLBuilder.makesBinaryUnary(previous)
            {
                element.set("form", "prefix")
            }
            elements.append(element)
            if let function = MathMLBuilder.functionName(node) {
                elements.append(contentsOf: functionSpacing(function, previous: previous, next: next,
                                                            element: &elements[elements.count - 1]))
            } else if MathMLBuilder.isOperatorApplication(node), let next, !MathMLBuilder.isOperatorLike(next) {
                elements.append(MathMLElement("mo", text: "\u{2061}"))
            }
            index += 1
        }
        return elements
    }

    /// A run of two or more relation atoms (`<=`, `\sim\simeq`) as one `<mo>`.
    private func relationRun(_ nodes: [Node], from start: Int) -> (element: MathMLElement, end: Int)? {
        // Most nodes start no run: two run members in a row are checked before anything is built.
        guard start + 1 < nodes.count, MathMLBuilder.joinsRelationRun(nodes[start]),
              MathMLBuilder.joinsRelationRun(nodes[start + 1])
        else { return nil }
        var text = ""
        var stretchy = false
        var index = start
        while index < nodes.count, MathMLBuilder.joinsRelationRun(nodes[index]), case .atom(let atom) = nodes[index] {
            text += atom.text
            stretchy = stretchy || MathMLBuilder.isStretchy(atom.text)
            index += 1
        }
        return (MathMLElement("mo", text: text, stretchy ? [("stretchy", "false")] : []), index)
    }

    /// Whether the node is a relation that joins its neighbours in one `<mo>` (all but
    /// `\iff`, `\implies` and `\impliedby`, which are spaced arrows).
    private static func joinsRelationRun(_ node: Node) -> Bool {
        guard case .atom(let atom) = node, atom.atomClass == .rel, atom.form == .operator else { return false }
        return atom.command != "iff" && atom.command != "implies" && atom.command != "impliedby"
    }

    /// `\mathop{F} x`: an operator made with `\mathop` applies to what follows.
    static func isOperatorApplication(_ node: Node) -> Bool {
        guard case .enclosure(let enclosure) = node, enclosure.kind == .atomClass(.op), enclosure.command == "mathop" else {
            return false
        }
        return !OperatorNames.plainName(of: enclosure.body).isEmpty
    }

    /// The dots commands.
    static let dots: Set<String> = [
        "ldots", "cdots", "vdots", "ddots", "dots", "dotsc", "dotsb", "dotsm", "dotsi", "dotso", "iddots",
    ]

    /// `isOperatorLike` for an optional node (false for nothing).
    static func isOperatorLike(_ node: Node?) -> Bool {
        guard let node else { return false }
        return isOperatorLike(node)
    }

    /// One element for a list: the element itself, or an `<mrow>` around several.
    func row(_ nodes: [Node]) -> MathMLElement {
        MathMLBuilder.row(build(nodes))
    }

    /// An `<mrow>` around the elements unless there is exactly one.
    static func row(_ elements: [MathMLElement]) -> MathMLElement {
        elements.count == 1 ? elements[0] : MathMLElement("mrow", children: elements)
    }

    /// TeX makes a binary operator unary after nothing, an operator, a relation, an opening
    /// delimiter or punctuation (`a = -b`, `(-1)`).
    static func makesBinaryUnary(_ previous: Node?) -> Bool {
        guard let previous else { return true }
        switch previous {
        case .atom(let atom):
            return [.bin, .rel, .open, .punct, .op].contains(atom.atomClass)
        case .operatorName:
            return true
        case .sizedDelimiter(let delimiter):
            return delimiter.atomClass == .open || delimiter.atomClass == .rel
        default:
            return false
        }
    }

    // MARK: - Nodes

    /// The element for one node.
    func build(_ node: Node) -> MathMLElement {
        switch node {
        case .atom(let atom):
            if let command = atom.command, command == "iff" || command == "implies" || command == "impliedby" {
                // amsmath's \iff is \;\Longleftrightarrow\;.
                let space = MathMLElement("mspace", [("width", "0.278em")])
                return MathMLElement("mrow", children: [space, self.atom(atom), space])
            }
            return self.atom(atom)
        case .group(let group): return row(group.children)
        case .scripts(let scripts): return self.scripts(scripts)
        case .fraction(let fraction): return self.fraction(fraction)
        case .root(let root): return self.root(root)
        case .fenced(let fenced): return self.fenced(fenced)
        case .sizedDelimiter(let delimiter): return sizedDelimiter(delimiter)
        case .accent(let accent): return self.accent(accent)
        case .overUnder(let overUnder): return self.overUnder(overUnder)
        case .font(let change): return fontChange(change)
        case .text(let text): return self.text(text)
        case .operatorName(let name): return operatorName(name)
        case .space(let space): return self.space(space)
        case .style(let style): return self.style(style)
        case .color(let color): return self.color(color)
        case .enclosure(let enclosure): return self.enclosure(enclosure)
        case .environment(let environment): return self.environment(environment)
        case .tag(let tag): return self.tag(tag)
        case .lineBreak: return MathMLElement("mspace", [("linebreak", "newline")])
        case .error(let error): return MathMLBuilder.error(error.text)
        }
    }

    /// `<merror>` showing the given source text.
    static func error(_ text: String) -> MathMLElement {
        MathMLElement("merror", children: [MathMLElement("mtext", text: text)])
    }

    // MARK: - Atoms

    /// Characters that the operator dictionary makes stretchy; written with
    /// `stretchy="false"` outside `\left...\right` so that `(\frac{a}{b})` keeps small parentheses.
    static let stretchyCharacters: Set<Unicode.Scalar> = [
        "(", ")", "[", "]", "{", "}", "|", "\u{2016}", "\u{27E8}", "\u{27E9}", "\u{230A}", "\u{230B}",
        "\u{2308}", "\u{2309}", "\u{27EE}", "\u{27EF}", "\u{23B0}", "\u{23B1}", "\u{2322}", "\u{2323}",
        "\u{2190}", "\u{2192}", "\u{2194}", "\u{2191}", "\u{2193}", "\u{2195}", "\u{21D0}", "\u{21D2}",
        "\u{21D4}", "\u{21D1}", "\u{21D3}", "\u{21D5}", "\u{21A6}", "\u{27F5}", "\u{27F6}", "\u{27F7}",
        "\u{27F8}", "\u{27F9}", "\u{27FA}", "\u{27FC}", "\u{21A9}", "\u{21AA}", "\u{21BC}", "\u{21BD}",
        "\u{21C0}", "\u{21C1}", "\u{21CC}", "\u{21CB}", "\u{219E}", "\u{21A0}", "\u{21A2}", "\u{21A3}",
        "\u{21C7}", "\u{21C9}", "\u{21C6}", "\u{21C4}", "\u{21DA}", "\u{21DB}", "\u{219A}", "\u{219B}",
        "\u{21AE}", "\u{21CD}", "\u{21CF}", "\u{21CE}",
        "\u{21BE}", "\u{21BF}", "\u{21C2}", "\u{21C3}", "\u{21C8}", "\u{21CA}", "\u{21DD}", "\u{21AD}",
        "\u{21E0}", "\u{21E2}", "\u{21B6}", "\u{21B7}", "\u{21BA}", "\u{21BB}", "\u{21B0}", "\u{21B1}",
        "\u{21AB}", "\u{21AC}", "\u{22B8}",
    ]

    /// `stretchyCharacters` as a table indexed by code point (up to the largest of them), so
    /// that the check needs no hashing.
    private static let stretchyTable: [Bool] = {
        let end = Int(stretchyCharacters.map(\.value).max() ?? 0) + 1
        var table = [Bool](repeating: false, count: end)
        for scalar in stretchyCharacters { table[Int(scalar.value)] = true }
        return table
    }()

    /// Whether `text` is one of the `stretchyCharacters`.
    static func isStretchy(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.makeIterator()
        guard let scalar = scalars.next(), scalars.next() == nil else { return false }
        let table = stretchyTable
        return Int(scalar.value) < table.count && table[Int(scalar.value)]
    }

    /// Whether `text` is exactly one Unicode scalar (without counting all of them).
    static func isSingleScalar(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.makeIterator()
        return scalars.next() != nil && scalars.next() == nil
    }

    /// Delimiters that MathJax marks `fence="false"` when written as commands outside
    /// `\left...\right` (`\{`, `\langle`).
    static let commandFences: Set<String> = [
        "{", "}", "[", "]", "\u{27E8}", "\u{27E9}", "\u{2308}", "\u{2309}", "\u{230A}", "\u{230B}",
        "\u{2016}", "\u{27EE}", "\u{27EF}", "\u{23B0}", "\u{23B1}",
    ]

    /// `<mi>`, `<mn>` or `<mo>` for an atom, in the current font.
    func atom(_ atom: Atom) -> MathMLElement {
        switch atom.form {
        case .identifier:
            let single = MathMLBuilder.isSingleScalar(atom.text)
            if let font, font != .normal {
                let isLetter = atom.text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic }
                if font == .roman || (font == .italic && single) {
                    let upright = font == .roman && single && isLetter
                    return MathMLElement("mi", text: atom.text, upright ? [("mathvariant", "normal")] : [])
                }
                let mapped = Alphabets.map(atom.text, font)
                if mapped == atom.text, atom.upright, isLetter {
                    return MathMLElement("mi", text: atom.text, [("mathvariant", "normal")])
                }
                return MathMLElement("mi", text: mapped)
            }
            if atom.upright, single {
                return MathMLElement("mi", text: atom.text, [("mathvariant", "normal")])
            }
            return MathMLElement("mi", text: atom.text)
        case .number:
            if let font, font != .normal, font != .roman, font != .italic {
                return MathMLElement("mn", text: Alphabets.map(atom.text, font))
            }
            return MathMLElement("mn", text: atom.text)
        case .operator:
            var element = MathMLElement("mo", text: atom.text)
            if atom.command == "bmod" {
                element.set("lspace", "0.278em")
                element.set("rspace", "0.278em")
            }
            if atom.atomClass == .op {
                if atom.command == "smallint" { element.set("largeop", "false") }
                if atom.command == "intop" || atom.command == "ointop" { element.set("movablelimits", "true") }
            } else if MathMLBuilder.isStretchy(atom.text) {
                if atom.command != nil, MathMLBuilder.commandFences.contains(atom.text) {
                    element.set("fence", "false")
                }
                element.set("stretchy", "false")
                if (atom.text == "|" || atom.text == "\u{2016}"), atom.atomClass != .rel {
                    // An ordinary bar (|x|): no operator space on either side.
                    element.set("lspace", "0em")
                    element.set("rspace", "0em")
                }
            }
            return element
        }
    }

    /// The letters of a run of single-letter identifiers in an upright or styled font, merged
    /// into one `<mi>` (`\mathrm{max}` is one name, not three italic letters).
    private func letterRun(_ nodes: [Node], from start: Int) -> (text: String, end: Int)? {
        guard let font, font != .normal else { return nil }
        var text = ""
        var index = start
        while index < nodes.count, case .atom(let atom) = nodes[index], atom.form == .identifier,
              atom.command == nil, atom.text.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic })
        {
            text += atom.text
            index += 1
        }
        return index - start >= 2 ? (text, index) : nil
    }

    private func identifierRun(_ text: String) -> MathMLElement {
        if font == .roman { return MathMLElement("mi", text: text) }
        return MathMLElement("mi", text: Alphabets.map(text, font ?? .normal))
    }

    // MARK: - Function names

    /// For a function name (`\sin`, `\sin^2`, `\operatorname{f}`): whether it takes limits.
    static func functionName(_ node: Node) -> OperatorName? {
        switch node {
        case .operatorName(let name): return name
        case .scripts(let scripts):
            if case .operatorName(let name)? = scripts.base { return name }
            return nil
        default: return nil
        }
    }

    /// What follows a function name: `⁡` (function application) for `\sin`-like names, and
    /// the thin space TeX puts between an operator and an ordinary atom after it.
    private func functionSpacing(
        _ name: OperatorName, previous: Node?, next: Node?, element: inout MathMLElement
    ) -> [MathMLElement] {
        let thin = MathMLBuilder.spacedAfterOperator(next)
        let thinBefore = MathMLBuilder.spacedBeforeOperator(previous)
        if name.limits {
            // `lim`, `max`: an operator with movable limits; TeX's spacing through lspace/rspace
            // (MathML would give an unknown operator a thick space on both sides).
            if previous != nil { MathMLBuilder.setOnCore(&element, "lspace", thinBefore ? "0.167em" : "0em") }
            if next != nil { MathMLBuilder.setOnCore(&element, "rspace", thin ? "0.167em" : "0em") }
            return []
        }
        if thinBefore {
            // Ord–Op: `2\sin x`, `(a+b)\log n` get a thin space before the name.
            element = MathMLElement("mrow", children: [MathMLElement("mspace", [("width", "0.167em")]), element])
        }
        guard let next, !MathMLBuilder.isOperatorLike(next) else { return [] }
        var result = [MathMLElement("mo", text: "\u{2061}")]
        if thin { result.append(MathMLElement("mspace", [("width", "0.167em")])) }
        return result
    }

    /// Whether TeX puts a thin space between an operator and this node (Op–Ord, Op–Op,
    /// Op–Inner), rather than none (Op–Open, Op–Close, Op–Punct) or a relation's space.
    static func spacedAfterOperator(_ next: Node?) -> Bool {
        guard let next else { return false }
        switch next {
        case .atom(let atom): return [.ord, .op, .inner].contains(atom.atomClass)
        case .sizedDelimiter(let delimiter): return delimiter.atomClass == .ord
        case .space, .lineBreak, .tag, .error: return false
        case .scripts(let scripts):
            if let base = scripts.base { return spacedAfterOperator(base) }
            return false
        case .enclosure(let enclosure):
            if case .atomClass(let atomClass) = enclosure.kind {
                return [.ord, .op, .inner].contains(atomClass)
            }
            return true
        default: return true
        }
    }

    /// Whether TeX puts a thin space between this node and an operator after it (Ord–Op,
    /// Close–Op, Inner–Op).
    static func spacedBeforeOperator(_ previous: Node?) -> Bool {
        guard let previous else { return false }
        switch previous {
        case .atom(let atom): return [.ord, .close, .inner].contains(atom.atomClass)
        case .sizedDelimiter(let delimiter): return delimiter.atomClass == .close || delimiter.atomClass == .ord
        case .space, .lineBreak, .tag, .error, .operatorName: return false
        case .scripts(let scripts):
            if let base = scripts.base { return spacedBeforeOperator(base) }
            return true
        case .enclosure(let enclosure):
            if case .atomClass(let atomClass) = enclosure.kind { return [.ord, .close, .inner].contains(atomClass) }
            return true
        default: return true
        }
    }

    /// Whether the node is a binary operator, relation, punctuation or closing delimiter
    /// (after which a function name gets no `⁡`).
    static func isOperatorLike(_ node: Node) -> Bool {
        switch node {
        case .atom(let atom): return [.bin, .rel, .punct, .close].contains(atom.atomClass)
        case .sizedDelimiter(let delimiter): return delimiter.atomClass == .close || delimiter.atomClass == .rel
        case .space, .lineBreak, .tag: return true
        default: return false
        }
    }

    /// The elements whose first child is the core of an embellished operator.
    static let embellishing: [StaticString] = ["munder", "mover", "munderover", "msub", "msup", "msubsup"]

    /// Sets an attribute on the `<mo>` at the core of an embellished operator
    /// (`<munder><mo>lim</mo>...</munder>`), or on the element itself.
    static func setOnCore(_ element: inout MathMLElement, _ name: StaticString, _ value: String) {
        if element.isNamed("mo") {
            element.set(name, value)
        } else if embellishing.contains(where: element.isNamed), !element.children.isEmpty {
            setOnCore(&element.children[0], name, value)
        } else {
            element.set(name, value)
        }
    }
}
