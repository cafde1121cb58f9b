import Calculus

/// The name rules of `ExpressionReader`: what is a name, multi-letter names, function names and
/// their aliases, decorations (`\hat{y}`, `x^{*}`) and names in fonts.
extension ExpressionReader {
    /// A run of adjacent Latin letters, read by docs/note-language.md §3: a known function, a
    /// defined multi-letter name, a product of names in scope, or one identifier.
    mutating func letterRun(_ cursor: inout Cursor) throws(ReadError) -> Expression {
        // `E[g^2]_t`: one name.
        if let (name, end) = RunningAverage.name(in: cursor.nodes, at: cursor.index, reader: self) {
            cursor.index = end
            return .symbol(name)
        }
        var letters = ""
        var trailingScripts: Scripts?
        var start = 0
        var end = 0
        while let node = cursor.peek, let letter = Self.runLetter(node) {
            if !letters.isEmpty, node.range.lowerBound != end { break }
            if letters.isEmpty { start = node.range.lowerBound }
            letters += letter
            end = node.range.upperBound
            cursor.index += 1
            if case .scripts(let scripts) = node {
                trailingScripts = scripts
                break
            }
        }
        let range = start..<end
        // One letter: a plain name (with its scripts).
        if letters.utf8.count == 1 {  // ASCII letters: one byte each
            if let trailingScripts { return try scriptsExpression(trailingScripts, cursor: &cursor) }
            if let value = indexValues[letters] { return .number(Double(value)) }
            return try symbolOrApplication(letters, range: range, cursor: &cursor)
        }
        let subscriptText = try trailingScripts?.sub.map { node throws(ReadError) in try subscriptName(node) }
        let decorated = { (base: String) -> String in
            subscriptText.map { base + "_" + $0 } ?? base
        }
        // A known function or a defined multi-letter name, as a whole.
        if trailingScripts == nil || trailingScripts?.sub == nil, isFunction(letters) {
            if let trailingScripts {
                return try applyScripts(trailingScripts, to: nil, functionName: letters, cursor: &cursor)
            }
            return try symbolOrApplication(letters, range: range, cursor: &cursor)
        }
        let whole = decorated(letters)
        if scope.multiLetterNames.contains(whole) || scope.multiLetterNames.contains(letters) || scope.functions[whole] != nil {
            if let trailingScripts, trailingScripts.sup != nil || trailingScripts.primes > 0 {
                return try applyScripts(trailingScripts, to: nil, name: whole, cursor: &cursor)
            }
            return try symbolOrApplication(whole, range: range, cursor: &cursor)
        }
        // Every letter a name in scope: their product (the last letter keeps its scripts).
        // A `\sum` index is a name in scope too, and stands for its value (`\sum_{i=1}^{3} ix`).
        let inScope = letters.allSatisfy { isNameInScope(String($0)) || indexValues[String($0)] != nil }
        if inScope {
            var factors: [Expression] = letters.dropLast().map { letter in
                indexValues[String(letter)].map { .number(Double($0)) } ?? .symbol(String(letter))
            }
            if let trailingScripts {
                factors.append(try scriptsExpression(trailingScripts, cursor: &cursor))
            } else if let lastLetter = letters.last.map(String.init) {
                if let value = indexValues[lastLetter] {
                    factors.append(.number(Double(value)))
                } else {
                    factors.append(try symbolOrApplication(lastLetter, range: range, cursor: &cursor))
                }
            }
            return .product(factors)
        }
        if let trailingScripts, trailingScripts.sup != nil || trailingScripts.primes > 0 {
            return try applyScripts(trailingScripts, to: nil, name: whole, cursor: &cursor)
        }
        if trailingScripts == nil { try refuseUnknownFunction(whole, range: range, before: cursor.peek) }
        return try symbolOrApplication(whole, range: range, cursor: &cursor)
    }

    /// Throws for a name of several letters that is nothing of the note's written right before a
    /// parenthesis (`GELU(x)`, `\mathrm{LayerNorm}(h)`): a function the note does not define, as
    /// `\operatorname{GELU}(x)` is, not a leaf times the parenthesis, whose sampled value would
    /// make a true claim fail (§3). One letter before a parenthesis stays a product (`a(b + c)`).
    func refuseUnknownFunction(_ name: String, range: SourceRange, before next: Node?) throws(ReadError) {
        let opens: Bool
        switch next {
        case .atom(let atom)?: opens = atom.atomClass == .open && atom.text == "("
        case .fenced(let fenced)?: opens = fenced.left.text == "("
        default: opens = false
        }
        guard opens, name.count > 1, !isNameInScope(name), !scope.multiLetterNames.contains(name), !namesFunction(name)
        else { return }
        throw ReadError("\(name) is not a known function", range)
    }

    /// The Latin letter of a plain letter atom, or of the base of a scripts node.
    private static func runLetter(_ node: Node) -> String? {
        switch node {
        case .atom(let atom) where atom.command == nil && atom.form == .identifier && isLatinLetter(atom.text):
            return atom.text
        case .scripts(let scripts):
            if case .atom(let atom)? = scripts.base, atom.command == nil, atom.form == .identifier,
                isLatinLetter(atom.text)
            {
                return atom.text
            }
            return nil
        default:
            return nil
        }
    }

    private func isNameInScope(_ name: String) -> Bool {
        parameters.contains(name) || scope.names.contains(name) || name == "e"
    }

    /// Whether `name` is a function here: one the note defines, or a built-in not bound to a number.
    func isFunction(_ name: String) -> Bool {
        definesFunction(name) || (Builtins.isBuiltin(name) && !isShadowed(name))
    }

    /// Whether the note defines a function `name`. A note defines a few functions: they are
    /// compared one by one with `==` (as the dictionary compares its keys), which for a short
    /// ASCII name costs less than hashing it.
    func definesFunction(_ name: String) -> Bool {
        let functions = scope.functions
        guard functions.count <= 8 else { return functions[name] != nil }
        for key in functions.keys where key == name { return true }
        return false
    }

    /// Whether the note binds `name` to a number (most notes shadow nothing: no hashing then).
    private func isShadowed(_ name: String) -> Bool {
        !scope.shadowed.isEmpty && scope.shadowed.contains(name)
    }

    /// Whether a name as written (`σ`, `ReLU`, `f`) is a function here; a name the note binds to a
    /// number (`\sigma = 0.5`) is a plain name.
    func namesFunction(_ written: String) -> Bool {
        if isShadowed(written) { return false }
        if let alias = Self.functionAlias(written), isFunction(alias) { return true }
        return isFunction(written)
    }

    /// A name, or the function of that name applied to the parenthesised arguments after it.
    mutating func symbolOrApplication(_ name: String, range: SourceRange, cursor: inout Cursor)
        throws(ReadError) -> Expression
    {
        if namesFunction(name) {
            let resolved = Self.functionAlias(name) ?? name
            return try function(named: isFunction(resolved) ? resolved : name, range: range, base: nil, cursor: &cursor)
        }
        // `P(D)`, `P(T \mid \neg D)`: the probability of an event, a name of its own.
        if name == "P", case .atom(let open)? = cursor.peek, open.text == "(" {
            // Read up to the first node that is no part of an event: the closing parenthesis
            // ends one; anything else leaves `P` a name (not a scan to the closing parenthesis,
            // which nested `P(P(…))` made quadratic).
            var probe = cursor
            _ = probe.next()
            let start = probe.index
            while let node = probe.next() {
                if case .atom(let atom) = node, atom.text == ")" {
                    if let event = Self.probabilityName(of: probe.nodes[start..<(probe.index - 1)]) {
                        cursor = probe
                        return .symbol(event)
                    }
                    break
                }
                guard Self.eventPart(node) != nil else { break }
            }
        }
        return .symbol(name)
    }

    /// What `node` writes in an event (`T \mid \neg D` of `P(T \mid \neg D)`): a capital letter,
    /// `|` for `\mid` or `|` (given), `¬` for `\neg` (not), `∩`, `∪`, a comma, nothing for a
    /// space; nil for anything else.
    static func eventPart(_ node: Node) -> String? {
        switch node {
        case .space:
            return ""
        case .atom(let atom):
            switch atom.command {
            case nil where atom.text.count == 1 && atom.text.first.map({ $0.isUppercase && $0.isASCII }) == true:
                return atom.text
            case nil where atom.text == "|" || atom.text == ",": return atom.text
            case "mid", "vert": return "|"
            case "neg", "lnot": return "¬"
            case "cap": return "∩"
            case "cup": return "∪"
            default: return nil
            }
        default:
            return nil
        }
    }

    /// `P(T|¬D)` for the nodes `T \mid \neg D` between the parentheses of `P(…)`: the name of the
    /// probability of an event written with the parts of `eventPart`, a capital letter at
    /// least; nil for anything else (`P(x)` stays whatever P is).
    static func probabilityName(of nodes: ArraySlice<Node>) -> String? {
        var name = "P("
        var letters = 0
        for node in nodes {
            guard let part = eventPart(node) else { return nil }
            if part.first?.isUppercase == true { letters += 1 }
            name += part
        }
        return letters > 0 ? name + ")" : nil
    }

    /// `\sigma` names the sigmoid when used as a function.
    /// Also `ReLU` → `relu`, `sgn` → `sign`. Compared byte for byte, without hashing: no other
    /// spelling is canonically equivalent to these names.
    static func functionAlias(_ name: String) -> String? {
        let utf8 = name.utf8
        // The aliases are 2 to 4 bytes long: most names (one letter) are not compared at all.
        // Each alias has its own length: one comparison at most.
        switch utf8.count {
        case 2: return isSymbol(name, "σ") ? "sigmoid" : nil
        case 3: return utf8.elementsEqual("sgn".utf8) ? "sign" : nil
        case 4: return utf8.elementsEqual("ReLU".utf8) ? "relu" : nil
        default: return nil
        }
    }

    /// `x^{+}`, `x^{*}`, `W^{(1)}`, `w^{new}`: a superscript that is part of the name, not an
    /// exponent.
    func decoration(_ node: Node) -> String? {
        let text = Self.compactSource(source, node.range)
        switch text {
        case "+", "-", "*", "\\ast", "\\star", "\\prime", "\\dagger": return text.replacingOccurrences(of: "\\ast", with: "*")
        default: break
        }
        if (text.hasPrefix("(") && text.hasSuffix(")")) || (text.hasPrefix("[") && text.hasSuffix("]")), text.count >= 3 {
            // `x^{(i)}` in a sum over i, or a general form read at i = 2: `x^(2)` (`[2]` for `[i]`).
            if !indexValues.isEmpty {
                let inner = String(text.dropFirst().dropLast())
                if let value = indexValues[inner] ?? shiftedIndex(inner).flatMap({ Int($0) }) {
                    return text.hasPrefix("(") ? "(\(value))" : "[\(value)]"
                }
            }
            return text
        }
        // A word (`w^{new}`, `\theta^{\text{old}}`): a label, not an exponent.
        for command in ["\\textrm", "\\text", "\\mathrm"] where text.hasPrefix(command) {
            let word = Self.nameCharacters(String(text.dropFirst(command.count)))
            if !word.isEmpty, word.allSatisfy({ $0.isLetter }) { return word }
            return nil
        }
        if text.utf8.count >= 3, text.utf8.allSatisfy({ ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") }) {
            return text
        }
        return nil
    }

    /// A layer index as a superscript (`w^2`, `a^l`: Nielsen's notation): one or two digits or
    /// one Latin letter, as the decoration `(2)`, `(l)` it names (the name `w^(2)`, as `W^{(2)}`
    /// writes it); `nil` for anything else. Whether it is a name or a power is `layerDecoration`'s
    /// question.
    func layerIndex(_ node: Node) -> String? {
        // Read from the nodes, not the source: asked for every superscript on a name.
        var node = node
        if case .group(let group) = node {
            let children = StatementSplitter.meaningful(group.children)
            guard children.count == 1 else { return nil }
            node = children[0]
        }
        guard case .atom(let atom) = node, atom.command == nil else { return nil }
        let utf8 = atom.text.utf8
        guard !utf8.isEmpty, utf8.count <= 2 else { return nil }
        if utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) || Self.isLatinLetter(atom.text) {
            return "(" + atom.text + ")"
        }
        return nil
    }

    /// The decoration of `name^{sup}` when it is a layer name: the note binds or defines
    /// `name^(sup)` (`w^2 = 0.8`, `z^2 = w^2 a^1 + b^2`) and never uses `name` alone; `nil`
    /// when the superscript is a power.
    /// A letter index stands for the whole number the note binds it to (`a^L` with `L = 3` is
    /// `a^(3)`), and is a layer index (a general form's, §3) on a name the note writes with
    /// numbered layers (`b^l` beside `b^2 = 0.1`) even where it names no `b^l` itself.
    func layerDecoration(_ sup: Node, of name: String) -> String? {
        guard !scope.names.isEmpty else { return nil }
        // A general form read for one of its instances (`a^{l-1}` at `l = 3` is `a^(2)`).
        if !indexValues.isEmpty {
            let text = Self.compactSource(source, sup.range)
            let value = indexValues[text].map(String.init) ?? shiftedIndex(text).flatMap { Int($0) }.map(String.init)
            // On a name with layers, the instance's name even where the note has no such layer
            // (`w^(4)`): the instance is then left out. Elsewhere a power (`\beta_1^t` at t = 1).
            if let value, scope.hasNumberedLayers(name) || scope.names.contains(name + "^(" + value + ")"),
                isLayerName(name + "^(" + value + ")", base: name, numbered: true)
            {
                return "(" + value + ")"
            }
        }
        // `a^{L-1}` where the note binds `L = 2`: the layer `a^(1)`.
        if case .group = sup, !scope.wholeNumbers.isEmpty, let value = boundLayer(Self.compactSource(source, sup.range)),
            scope.hasNumberedLayers(name) || scope.names.contains(name + "^(" + value + ")"),
            isLayerName(name + "^(" + value + ")", base: name, numbered: true)
        {
            return "(" + value + ")"
        }
        guard let index = layerIndex(sup) else { return nil }
        let numbered = scope.layerName(name + "^" + index)
        if numbered != name + "^" + index, isLayerName(numbered, base: name) {
            return String(numbered.dropFirst(name.count + 1))
        }
        if isLayerName(name + "^" + index, base: name) { return index }
        if index.dropFirst().first?.isLetter == true, scope.hasNumberedLayers(name),
            isLayerName(name + "^" + index, base: name, numbered: true)
        {
            return index
        }
        return nil
    }

    /// The layer `L-1` names where the note binds the letter to a whole number (`1` for `L = 2`);
    /// `nil` for anything else.
    private func boundLayer(_ text: String) -> String? {
        guard let (letter, shift) = Self.letterShift(text), let number = scope.wholeNumbers[letter] else { return nil }
        return String(number + shift)
    }

    /// `l-1`, `L+1`: one Latin letter, a sign and digits, as the letter and the number added to
    /// it (`-1`); `nil` for anything else (an amount too large for an `Int` too).
    static func letterShift(_ text: String) -> (letter: String, shift: Int)? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 3, isLatinLetter(String(text.prefix(1))),
            bytes[1] == UInt8(ascii: "+") || bytes[1] == UInt8(ascii: "-"),
            bytes[2...].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let amount = Int(text.dropFirst(2))
        else { return nil }
        return (String(text.prefix(1)), bytes[1] == UInt8(ascii: "+") ? amount : -amount)
    }

    /// Whether `full` (`w^(2)`) is a name of the note that stands for itself, its `base` (`w`)
    /// being no name, parameter, function or constant here.
    func isLayerName(_ full: String, base: String, numbered: Bool = false) -> Bool {
        (numbered || scope.names.contains(full)) && !scope.names.contains(base) && !parameters.contains(base)
            && indexValues[base] == nil && !isFunction(base) && Constants.value(of: base) == nil
    }

    /// `\hat{y}` → `ŷ`, `\bar{x}` → `x̄`.
    func decoratedName(_ accent: Accent) throws(ReadError) -> String {
        let marks = ["hat": "\u{0302}", "widehat": "\u{0302}", "bar": "\u{0304}", "overline": "\u{0304}",
                     "tilde": "\u{0303}", "widetilde": "\u{0303}", "dot": "\u{0307}", "ddot": "\u{0308}"]
        guard let mark = marks[accent.command] else {
            throw ReadError("\\\(accent.command) is not evaluated", accent.range)
        }
        switch accent.base {
        case .atom(let atom) where atom.form == .identifier:
            return atom.text + mark
        case .group(let group) where group.children.count == 1:
            if case .atom(let atom) = group.children[0], atom.form == .identifier { return atom.text + mark }
            // `\hat{\mathbf{y}}`: a vector's estimate, said as the font says it.
            if case .font(let font) = group.children[0] { try refuseVectorFont(font) }
        case .font(let font):
            try refuseVectorFont(font)
        default:
            break
        }
        throw ReadError("\\\(accent.command) over more than a letter is not evaluated", accent.range)
    }

    /// Throws for a font that writes a vector or matrix (`\mathbf`, `\boldsymbol`), as
    /// `fontExpression` does; returns for any other.
    private func refuseVectorFont(_ font: FontChange) throws(ReadError) {
        switch font.font {
        case .roman, .normal, .italic, .sansSerif, .monospace, .calligraphic, .script, .boldScript, .doubleStruck: return
        default: throw ReadError("\\\(font.command) (a vector or matrix name) is not evaluated", font.range)
        }
    }

    /// A name written as text (`\text{rate}`), or the function of that name applied. Apart from
    /// the reader's switch, whose frame every level of a nested formula takes.
    @inline(never)
    mutating func textName(_ text: Text, cursor: inout Cursor) throws(ReadError) -> Expression {
        let name = Self.nameCharacters(text.plainText)
        guard !name.isEmpty else { throw ReadError("text is not evaluated", text.range) }
        try refuseUnknownFunction(name, range: text.range, before: cursor.peek)
        return try symbolOrApplication(name, range: text.range, cursor: &cursor)
    }

    mutating func fontExpression(_ font: FontChange, cursor: inout Cursor) throws(ReadError) -> Expression {
        switch font.font {
        case .roman, .normal, .italic, .sansSerif, .monospace:
            // A name in a font is a name; anything else (`\mathrm{2}`, `\mathit{x + y}`) is only styled.
            guard let name = plainFontName(font) else { return try expression([font.body]) }
            try refuseUnknownFunction(name, range: font.range, before: cursor.peek)
            return try symbolOrApplication(name, range: font.range, cursor: &cursor)
        case .calligraphic, .script, .boldScript:
            // `\mathcal{L}`, a loss, is the name ℒ; `\mathcal{N}(\mu, \sigma^2)`, a distribution.
            if let name = Self.scriptLetter(font, source: source), !Self.opensParenthesis(cursor.peek) {
                return try symbolOrApplication(name, range: font.range, cursor: &cursor)
            }
            throw ReadError("\\\(font.command) (a distribution or a set) is not evaluated", font.range)
        case .doubleStruck:
            // `\mathbb{E}[x]`, `\mathbb{R}^n`.
            throw ReadError("\\\(font.command) (an expectation or a number set) is not evaluated", font.range)
        default:
            throw ReadError("\\\(font.command) (a vector or matrix name) is not evaluated", font.range)
        }
    }

    /// The name a font command writes (`\mathrm{bias}`, `\mathit{HELLO world}` → `HELLOworld`):
    /// letters, digits and `_`, not only digits; `nil` for anything else (`\mathit{foo'}`).
    func plainFontName(_ font: FontChange) -> String? {
        switch font.font {
        case .roman, .normal, .italic, .sansSerif, .monospace: break
        default: return nil
        }
        let text = Self.compactSource(source, font.body.range)
        guard !text.isEmpty, text == Self.nameCharacters(text), !text.allSatisfy({ $0.isNumber }) else { return nil }
        return text
    }

    /// The name a calligraphic or script letter writes (`\mathcal{L}` → `ℒ`, the Unicode
    /// script letter, a name apart from `L`); nil for anything but one Latin letter.
    static func scriptLetter(_ font: FontChange, source: [UInt8]) -> String? {
        switch font.font {
        case .calligraphic, .script: break
        default: return nil
        }
        let text = compactSource(source, font.body.range)
        guard isLatinLetter(text), let byte = text.utf8.first else { return nil }
        let scalar = scriptLetterExceptions[byte]
            ?? (byte <= UInt8(ascii: "Z") ? 0x1D49C + UInt32(byte - UInt8(ascii: "A")) : 0x1D4B6 + UInt32(byte - UInt8(ascii: "a")))
        return Unicode.Scalar(scalar).map { String(Character($0)) }
    }

    /// The script letters Unicode has outside the Mathematical Alphanumeric block (ℬ, ℒ, ℯ…),
    /// by their Latin letter.
    private static let scriptLetterExceptions: [UInt8: UInt32] = [
        UInt8(ascii: "B"): 0x212C, UInt8(ascii: "E"): 0x2130, UInt8(ascii: "F"): 0x2131, UInt8(ascii: "H"): 0x210B,
        UInt8(ascii: "I"): 0x2110, UInt8(ascii: "L"): 0x2112, UInt8(ascii: "M"): 0x2133, UInt8(ascii: "R"): 0x211B,
        UInt8(ascii: "e"): 0x212F, UInt8(ascii: "g"): 0x210A, UInt8(ascii: "o"): 0x2134,
    ]

    /// Whether `node` opens a parenthesis (`(` or `\left(`).
    static func opensParenthesis(_ node: Node?) -> Bool {
        switch node {
        case .atom(let atom)?: return atom.text == "("
        case .fenced(let fenced)?: return fenced.left.text == "("
        default: return false
        }
    }

    static func nameCharacters(_ text: String) -> String {
        text.filter { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    /// Whether `text` is one Latin letter `a`–`z`, `A`–`Z` (one byte: no counting of characters).
    static func isLatinLetter(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard utf8.count == 1, let byte = utf8.first else { return false }
        return (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }
}
