import Calculus

/// Reads a sequence of parse-tree nodes into a Calculus `Expression` (NOTE-LANGUAGE.md §3, §6):
/// implicit multiplication, `f(x)` as application when `f` is a function in scope, `\frac`,
/// `\cdot`, `\times`, powers, roots, `\left( \right)`, `|x|`, names with subscripts and
/// decorations, runs of letters, `\sum`/`\prod` with integer bounds (expanded), index ranges,
/// and the derivative notations. Anything else throws a `ReadError` saying what is not evaluated.
struct ExpressionReader {
    let source: [UInt8]
    let scope: ReadingScope
    /// The statement's own parameters (`x` in `f(x) = ...`): names in scope for letter runs.
    var parameters: Set<String> = []
    /// Values of `\sum` indices while a body is read.
    var indexValues: [String: Int] = [:]
    /// Which element of the index ranges (`w_{1..2}`) this reading is for.
    var rangeStep = 0
    /// The index ranges met while reading (their bounds), for expansion.
    private(set) var ranges: [ClosedRange<Int>] = []

    init(source: [UInt8], scope: ReadingScope) {
        self.source = source
        self.scope = scope
    }

    /// A position in a list of nodes.
    struct Cursor {
        let nodes: [Node]
        var index = 0

        init(_ nodes: [Node]) {
            self.nodes = StatementSplitter.meaningful(nodes)
        }

        var atEnd: Bool { index >= nodes.count }
        var peek: Node? { index < nodes.count ? nodes[index] : nil }
        mutating func next() -> Node? {
            defer { index += 1 }
            return peek
        }
        var endRange: SourceRange {
            let end = nodes.last?.range.upperBound ?? 0
            return end..<end
        }
    }

    // MARK: - Entry points

    /// The expression of all of `nodes`.
    mutating func expression(_ nodes: [Node]) throws(ReadError) -> Expression {
        var cursor = Cursor(nodes)
        guard !cursor.atEnd else { throw ReadError("an empty side", nodes.first?.range ?? 0..<0) }
        let result = try sum(&cursor)
        if let extra = cursor.peek { throw ReadError("\(describe(extra)) is not evaluated here", extra.range) }
        return result
    }

    // MARK: - Grammar

    private mutating func sum(_ cursor: inout Cursor) throws(ReadError) -> Expression {
        let first = try term(&cursor)
        // Most sums are one term: no array for them.
        var terms: [Expression] = []
        while let node = cursor.peek, case .atom(let atom) = node, let sign = Self.additive(atom) {
            cursor.index += 1
            let next = try term(&cursor)
            if terms.isEmpty { terms.append(first) }
            terms.append(sign == "+" ? next : .negation(next))
        }
        return terms.isEmpty ? first : .sum(terms)
    }

    private mutating func term(_ cursor: inout Cursor) throws(ReadError) -> Expression {
        var result = try unary(&cursor)
        while let node = cursor.peek {
            if case .atom(let atom) = node {
                if Self.multiplicative(atom) {
                    cursor.index += 1
                    result = result * (try unary(&cursor))
                    continue
                }
                if Self.divides(atom) {
                    cursor.index += 1
                    result = .quotient(result, try unary(&cursor))
                    continue
                }
                // Neither multiplies nor divides (checked above): the rest of `startsFactor`.
                guard Self.relation(of: atom) == nil, Self.additive(atom) == nil,
                      atom.atomClass != .close, atom.atomClass != .punct
                else { break }
                // `1.1.1` and `2 3` (which TeX shows as 23): two numbers side by side are no product.
                if atom.form == .number, cursor.index > 0,
                    case .atom(let previous) = cursor.nodes[cursor.index - 1], previous.form == .number
                {
                    throw ReadError("the numbers \(previous.text) and \(atom.text) side by side are not evaluated; "
                                    + "write \\cdot between them", previous.range.lowerBound..<atom.range.upperBound)
                }
            } else if !startsFactor(node) {
                break
            }
            result = result * (try unary(&cursor))
        }
        return result
    }

    private mutating func unary(_ cursor: inout Cursor) throws(ReadError) -> Expression {
        if let node = cursor.peek, case .atom(let atom) = node, let sign = Self.additive(atom) {
            cursor.index += 1
            let operand = try unary(&cursor)
            return sign == "+" ? operand : .negation(operand)
        }
        return try primary(&cursor)
    }

    /// Whether `node` can start a factor of an implicit product.
    private func startsFactor(_ node: Node) -> Bool {
        switch node {
        case .atom(let atom):
            if Self.relation(of: atom) != nil || Self.additive(atom) != nil || Self.multiplicative(atom)
                || Self.divides(atom)
            {
                return false
            }
            return atom.atomClass != .close && atom.atomClass != .punct
        case .lineBreak, .tag, .error:
            return false
        default:
            return true
        }
    }

    // MARK: - Primaries

    private mutating func primary(_ cursor: inout Cursor) throws(ReadError) -> Expression {
        guard let node = cursor.next() else { throw ReadError("a term is missing", cursor.endRange) }
        switch node {
        case .atom(let atom):
            return try atomExpression(atom, cursor: &cursor)
        case .group(let group):
            return try expression(group.children)
        case .scripts(let scripts):
            return try scriptsExpression(scripts, cursor: &cursor)
        case .fraction(let fraction):
            return try fractionExpression(fraction, cursor: &cursor)
        case .root(let root):
            let radicand = try expression([root.radicand])
            guard let index = root.index else { return .apply("sqrt", [radicand]) }
            return .apply("root", [radicand, try expression([index])])
        case .fenced(let fenced):
            let inner = try expression(fenced.body)
            switch (fenced.left.text, fenced.right.text) {
            case ("(", ")"), ("[", "]"), ("{", "}"), ("(", "."), (".", ")"):
                return inner
            case ("|", "|"), ("\u{2223}", "\u{2223}"):
                return .absoluteValue(inner)
            default:
                throw ReadError("\\left\(fenced.left.text) ... \\right\(fenced.right.text) is not evaluated", fenced.range)
            }
        case .operatorName(let name):
            return try function(named: name.name, range: name.range, base: nil, cursor: &cursor)
        case .font(let font):
            return try fontExpression(font, cursor: &cursor)
        case .text(let text):
            let name = Self.nameCharacters(text.plainText)
            guard !name.isEmpty else { throw ReadError("text is not evaluated", text.range) }
            return try symbolOrApplication(name, range: text.range, cursor: &cursor)
        case .style(let style):
            return try expression(style.body)
        case .color(let color):
            return try expression(color.body)
        case .accent(let accent):
            let name = try decoratedName(accent)
            return try symbolOrApplication(name, range: accent.range, cursor: &cursor)
        case .enclosure(let enclosure) where enclosure.command == "boxed":
            return try expression([enclosure.body])
        case .error(let error):
            throw ReadError(error.message, error.range)
        default:
            throw ReadError("\(describe(node)) is not evaluated", node.range)
        }
    }

    private mutating func atomExpression(_ atom: Atom, cursor: inout Cursor) throws(ReadError) -> Expression {
        switch atom.form {
        case .number:
            let digits = atom.text.utf8.contains(UInt8(ascii: ",")) ? atom.text.filter { $0 != "," } : atom.text
            guard let value = Double(digits) else {
                throw ReadError("\(atom.text) is not a number", atom.range)
            }
            return .number(value)
        case .identifier:
            if atom.command == "partial" {
                throw ReadError("∂ outside a fraction is not evaluated", atom.range)
            }
            if atom.command == "infty" { throw ReadError("∞ is not evaluated", atom.range) }
            // Only letters name things: not `$`, `∅`.
            if !Self.isLatinLetter(atom.text), !atom.text.contains(where: { $0.isLetter }) {
                throw ReadError("\(atom.command.map { "\\" + $0 } ?? atom.text) is not evaluated", atom.range)
            }
            if atom.command == nil, Self.isLatinLetter(atom.text) {
                cursor.index -= 1
                return try letterRun(&cursor)
            }
            if let value = indexValues[atom.text] { return .number(Double(value)) }
            return try symbolOrApplication(atom.text, range: atom.range, cursor: &cursor)
        case .operator:
            if atom.text == "|" || atom.text == "\u{2223}" {
                return try absoluteValue(opening: atom, cursor: &cursor)
            }
            if atom.atomClass == .open {
                // Floor, ceiling, angle brackets and norms are not parentheses.
                guard atom.text == "(" || atom.text == "[" || atom.text == "{" else {
                    throw ReadError("\(atom.command.map { "\\" + $0 } ?? atom.text) ... is not evaluated", atom.range)
                }
                return try parenthesized(opening: atom, cursor: &cursor)
            }
            if atom.atomClass == .op, atom.command == "sum" || atom.command == "prod" {
                throw ReadError("\\\(atom.command ?? "sum") needs integer bounds, e.g. \\\(atom.command ?? "sum")_{i=1}^{3}", atom.range)
            }
            throw ReadError("\(atom.command.map { "\\" + $0 } ?? atom.text) is not evaluated", atom.range)
        }
    }

    /// `( ... )` up to the matching `)`; the closing parenthesis may carry scripts (`(a+b)^2`,
    /// `(x^2)'`).
    private mutating func parenthesized(opening: Atom, cursor: inout Cursor) throws(ReadError) -> Expression {
        let (inner, closing) = try collectUntilClose(opening: opening, cursor: &cursor)
        if !argumentCommas(inner).isEmpty {
            // `g(a, b)` where g is no function in scope: a list is not a number to multiply by.
            throw ReadError("(\(describe(inner))) is a list, not a number: is the name before it a function the note does not define?",
                            opening.range.lowerBound..<(closing?.range.upperBound ?? opening.range.upperBound))
        }
        var result = try expression(inner)
        if case .scripts(let scripts)? = closing {
            result = try applyScripts(scripts, to: result, baseIsName: false)
        }
        return result
    }

    /// The nodes between an opening delimiter and its match, and the closing node.
    private func collectUntilClose(opening: Atom, cursor: inout Cursor) throws(ReadError) -> ([Node], Node?) {
        var depth = 1
        let start = cursor.index
        while let node = cursor.next() {
            switch Self.bareAtomClass(node) {
            case .open: depth += 1
            case .close:
                depth -= 1
                // The nodes in between, copied once.
                if depth == 0 { return (Array(cursor.nodes[start..<(cursor.index - 1)]), node) }
            default: break
            }
        }
        throw ReadError("\(opening.text) is never closed", opening.range)
    }

    private mutating func absoluteValue(opening: Atom, cursor: inout Cursor) throws(ReadError) -> Expression {
        var inner: [Node] = []
        while let node = cursor.next() {
            if let atom = Self.bareAtom(node), atom.text == opening.text {
                var result = Expression.absoluteValue(try expression(inner))
                if case .scripts(let scripts) = node { result = try applyScripts(scripts, to: result, baseIsName: false) }
                return result
            }
            inner.append(node)
        }
        throw ReadError("| is never closed", opening.range)
    }

    // MARK: - Names

    /// A run of adjacent Latin letters, read by NOTE-LANGUAGE.md §3: a known function, a
    /// defined multi-letter name, a product of names in scope, or one identifier.
    private mutating func letterRun(_ cursor: inout Cursor) throws(ReadError) -> Expression {
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
        return try symbolOrApplication(whole, range: range, cursor: &cursor)
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
        if !scope.functions.isEmpty, scope.functions[name] != nil { return true }
        return Builtins.isBuiltin(name) && !isShadowed(name)
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
    private mutating func symbolOrApplication(_ name: String, range: SourceRange, cursor: inout Cursor)
        throws(ReadError) -> Expression
    {
        if namesFunction(name) {
            let resolved = Self.functionAlias(name) ?? name
            return try function(named: isFunction(resolved) ? resolved : name, range: range, base: nil, cursor: &cursor)
        }
        return .symbol(name)
    }

    /// `\sigma` names the sigmoid when used as a function.
    /// Also `ReLU` → `relu`, `sgn` → `sign`. Compared byte for byte, without hashing: no other
    /// spelling is canonically equivalent to these names.
    static func functionAlias(_ name: String) -> String? {
        let utf8 = name.utf8
        // The aliases are 2 to 4 bytes long: most names (one letter) are not compared at all.
        // Each alias has its own length: one comparison at most.
        switch utf8.count {
        case 2: return utf8.elementsEqual("σ".utf8) ? "sigmoid" : nil
        case 3: return utf8.elementsEqual("sgn".utf8) ? "sign" : nil
        case 4: return utf8.elementsEqual("ReLU".utf8) ? "relu" : nil
        default: return nil
        }
    }

    /// A function applied to its arguments: `f(a, b)`, `\sin x`, `\max(0, z)`.
    private mutating func function(named rawName: String, range: SourceRange, base: Expression?, cursor: inout Cursor)
        throws(ReadError) -> Expression
    {
        let name = Self.functionAlias(rawName) ?? rawName
        guard isFunction(name) else {
            throw ReadError("\(rawName) is not a known function", range)
        }
        // A function of the note used bare stands for itself applied to its parameters
        // (§4); the Notebook, which knows the parameters, does the applying.
        if scope.functions[name] != nil, !startsArgumentList(cursor.peek) {
            return .symbol(name)
        }
        let (arguments, closing) = try argumentList(&cursor, function: rawName, range: range)
        return try power(try application(name, arguments, range: range), closing: closing)
    }

    /// `name` applied to `arguments`: `\max(a, b, c)` nests as `max(max(a, b), c)`; a built-in
    /// given a number of arguments it does not take is not evaluated.
    private func application(_ name: String, _ arguments: [Expression], range: SourceRange) throws(ReadError)
        -> Expression
    {
        guard scope.functions[name] == nil, let first = arguments.first else { return .apply(name, arguments) }
        let arities = Builtins.arities(of: name)
        if name == "max" || name == "min", arguments.count > 2 {
            return arguments.dropFirst().reduce(first) { .apply(name, [$0, $1]) }
        }
        if !arities.isEmpty, !arities.contains(arguments.count) {
            let counts = arities.map(String.init).joined(separator: " or ")
            throw ReadError("\(name) takes \(counts) argument\(arities == [1] ? "" : "s"), not \(arguments.count)", range)
        }
        return .apply(name, arguments)
    }

    /// `f(x)^2` and `g(x)'`: scripts on the parenthesis that closes the arguments.
    private func power(_ value: Expression, closing: Scripts?) throws(ReadError) -> Expression {
        guard let closing else { return value }
        return try applyScripts(closing, to: value, baseIsName: false)
    }

    /// `(a, b)` after a function name, or a single factor (`\sin x`, `\ln 2`).
    /// `(a, b)` after a function name, or a single factor (`\sin x`, `\ln 2`); and the scripts
    /// on the closing parenthesis, if any (`f(x)^2`).
    private mutating func argumentList(_ cursor: inout Cursor, function: String, range: SourceRange)
        throws(ReadError) -> ([Expression], Scripts?)
    {
        guard let node = cursor.peek else { throw ReadError("\(function) needs an argument", range) }
        if case .atom(let atom) = node, atom.atomClass == .open, atom.text == "(" || atom.text == "[" {
            cursor.index += 1
            let (inner, closing) = try collectUntilClose(opening: atom, cursor: &cursor)
            var scripts: Scripts?
            if case .scripts(let value)? = closing { scripts = value }
            var arguments: [Expression] = []
            for nodes in splitArguments(inner) { arguments.append(try expression(nodes)) }
            return (arguments, scripts)
        }
        if case .fenced(let fenced) = node, fenced.left.text == "(" {
            cursor.index += 1
            var arguments: [Expression] = []
            for nodes in splitArguments(fenced.body) { arguments.append(try expression(nodes)) }
            return (arguments, nil)
        }
        return ([try unary(&cursor)], nil)
    }

    private func startsArgumentList(_ node: Node?) -> Bool {
        switch node {
        case .atom(let atom)?: return atom.atomClass == .open && (atom.text == "(" || atom.text == "[")
        case .fenced(let fenced)?: return fenced.left.text == "("
        default: return false
        }
    }

    /// Arguments separated by top-level commas.
    private func splitArguments(_ nodes: [Node]) -> [[Node]] {
        let commas = argumentCommas(nodes)
        // One argument (most applications): the nodes as they are, not a copy.
        guard !commas.isEmpty else { return [nodes] }
        var arguments: [[Node]] = []
        var start = 0
        for comma in commas {
            arguments.append(Array(nodes[start..<comma]))
            start = comma + 1
        }
        arguments.append(Array(nodes[start...]))
        return arguments
    }

    /// The positions of the commas at the top level of `nodes` (outside parentheses).
    private func argumentCommas(_ nodes: [Node]) -> [Int] {
        var commas: [Int] = []
        var depth = 0
        for (position, node) in nodes.enumerated() {
            switch Self.bareAtomClass(node) {
            case .open: depth += 1
            case .close: depth -= 1
            case nil: continue
            default: break
            }
            if depth == 0, case .atom(let atom) = node, atom.text == "," { commas.append(position) }
        }
        return commas
    }

    /// The name in a subscript: `1`, `12`, `true` (`\text{true}`), `h1`, `\alpha`; an index
    /// range `1..2` gives the element for the current step.
    func subscriptName(_ node: Node) throws(ReadError) -> String {
        if case .atom(let atom) = node {
            if let value = indexValues[atom.text] { return String(value) }
            return atom.text
        }
        // `x_{\theta}` is `x_\theta`.
        if case .group(let group) = node {
            let children = StatementSplitter.meaningful(group.children)
            if children.count == 1, case .atom = children[0] { return try subscriptName(children[0]) }
        }
        let bytes = source[node.range.clamped(to: 0..<source.count)]
        let raw = String(decoding: bytes, as: UTF8.self)
        var text = raw
        if bytes.contains(UInt8(ascii: "\\")) {
            for command in ["\\text", "\\mathrm", "\\mathit", "\\textrm", "\\operatorname", "\\mathsf"] {
                text = text.replacingOccurrences(of: command, with: "")
            }
        }
        text = text.filter { $0 != "{" && $0 != "}" && !$0.isWhitespace }
        if Self.mayHoldRange(text.utf8), let dots = text.range(of: ".."), let low = Int(text[..<dots.lowerBound]),
            Int(text[dots.upperBound...]) != nil
        {
            return String(low + rangeStep)
        }
        if let value = indexValues[text] { return String(value) }
        guard !text.isEmpty, text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "," || $0 == "'" }) else {
            throw ReadError("the subscript \(raw) is not a name", node.range)
        }
        return text
    }

    /// Records the index ranges (`1..2`) in a subscript, for expansion.
    mutating func noteRanges(in node: Node) {
        guard Self.mayHoldRange(source[node.range.clamped(to: 0..<source.count)]) else { return }
        let raw = Self.compactSource(source, node.range)
        if let dots = raw.range(of: ".."), let low = Int(raw[..<dots.lowerBound]), let high = Int(raw[dots.upperBound...]),
            low <= high
        {
            ranges.append(low...high)
        }
    }

    /// Whether text may hold an index range `a..b` once braces and spaces are dropped: it has
    /// at least two dots (a quick test that spares most subscripts the search for `..`).
    static func mayHoldRange<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
        var dots = 0
        for byte in bytes where byte == UInt8(ascii: ".") {
            dots += 1
            if dots == 2 { return true }
        }
        return false
    }

    /// `x^{+}`, `x^{*}`, `W^{(1)}`: a superscript that is part of the name, not an exponent.
    func decoration(_ node: Node) -> String? {
        let text = Self.compactSource(source, node.range)
        switch text {
        case "+", "-", "*", "\\ast", "\\star", "\\prime", "\\dagger": return text.replacingOccurrences(of: "\\ast", with: "*")
        default: break
        }
        if (text.hasPrefix("(") && text.hasSuffix(")")) || (text.hasPrefix("[") && text.hasSuffix("]")), text.count >= 3 {
            return text
        }
        return nil
    }

    /// `\hat{y}` → `ŷ`, `\bar{x}` → `x̄`.
    private func decoratedName(_ accent: Accent) throws(ReadError) -> String {
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
        default:
            break
        }
        throw ReadError("\\\(accent.command) over more than a letter is not evaluated", accent.range)
    }

    private mutating func fontExpression(_ font: FontChange, cursor: inout Cursor) throws(ReadError) -> Expression {
        switch font.font {
        case .roman, .normal, .italic, .sansSerif, .monospace:
            // A name in a font is a name; anything else (`\mathrm{2}`, `\mathit{x + y}`) is only styled.
            guard let name = plainFontName(font) else { return try expression([font.body]) }
            return try symbolOrApplication(name, range: font.range, cursor: &cursor)
        default:
            throw ReadError("\\\(font.command) (a vector or matrix name) is not evaluated", font.range)
        }
    }

    /// The name a font command writes (`\mathrm{bias}`, `\mathit{HELLO world}` → `HELLOworld`):
    /// letters, digits and `_`, not only digits; `nil` for anything else (`\mathit{foo'}`).
    private func plainFontName(_ font: FontChange) -> String? {
        switch font.font {
        case .roman, .normal, .italic, .sansSerif, .monospace: break
        default: return nil
        }
        let text = Self.compactSource(source, font.body.range)
        guard !text.isEmpty, text == Self.nameCharacters(text), !text.allSatisfy({ $0.isNumber }) else { return nil }
        return text
    }

    static func nameCharacters(_ text: String) -> String {
        text.filter { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    // MARK: - Scripts

    private mutating func scriptsExpression(_ scripts: Scripts, cursor: inout Cursor) throws(ReadError) -> Expression {
        guard let base = scripts.base else { throw ReadError("a script without a base", scripts.range) }
        switch base {
        case .atom(let atom) where atom.form == .identifier && atom.command != "partial" && atom.command != "infty":
            if let sub = scripts.sub { noteRanges(in: sub) }
            var name = atom.text
            if let sub = scripts.sub { name += "_" + (try subscriptName(sub)) }
            // A `\sum` index keeps its value under a power: `\sum_{k=1}^{3} k^2`.
            if scripts.sub == nil, let value = indexValues[name] {
                return try applyScripts(scripts, to: .number(Double(value)), baseIsName: false)
            }
            return try applyScripts(scripts, to: nil, name: name, cursor: &cursor)
        case .atom(let atom) where atom.atomClass == .op && (atom.command == "sum" || atom.command == "prod"):
            return try bigOperator(atom, scripts: scripts, cursor: &cursor)
        case .operatorName(let op):
            if op.name == "log", let sub = scripts.sub, scripts.sup == nil {
                let baseValue = try expression([sub])
                let (arguments, closing) = try argumentList(&cursor, function: "log", range: op.range)
                guard arguments.count == 1 else { throw ReadError("\\log_b takes one argument", op.range) }
                return try power(.apply("log", [arguments[0], baseValue]), closing: closing)
            }
            if scripts.sub == nil {
                return try applyScripts(scripts, to: nil, functionName: op.name, cursor: &cursor)
            }
            throw ReadError("\\\(op.name) with a subscript is not evaluated", scripts.range)
        default:
            // A name in a font takes scripts like a plain name: `\mathrm{net}_{1}`, `\mathit{foo}'`.
            if case .font(let font) = base, var name = plainFontName(font) {
                if let sub = scripts.sub {
                    noteRanges(in: sub)
                    name += "_" + (try subscriptName(sub))
                }
                return try applyScripts(scripts, to: nil, name: name, cursor: &cursor)
            }
            var cursorForBase = Cursor([base])
            let value = try primary(&cursorForBase)
            return try applyScripts(scripts, to: value, baseIsName: false)
        }
    }

    /// Applies a superscript and primes to a name: decoration or power; primes make a
    /// derivative (`f'(u)`, `\sigma''(z)`).
    private mutating func applyScripts(_ scripts: Scripts, to value: Expression?, name: String? = nil,
                                       functionName: String? = nil, cursor: inout Cursor) throws(ReadError) -> Expression
    {
        var symbolName = name
        var exponent: Node?
        if let sup = scripts.sup {
            if let name, let decoration = decoration(sup) {
                symbolName = name + "^" + decoration
            } else {
                exponent = sup
            }
        }
        // `\sin^{-1} x` and `\sigma^{-1}(y)` write the inverse function, not a reciprocal.
        if let exponent, Self.compactSource(source, exponent.range) == "-1",
            let applied = functionName ?? symbolName.flatMap({ namesFunction($0) ? $0 : nil })
        {
            throw ReadError("\(applied)^{-1}, the inverse function, is not evaluated; write (\(applied)(x))^{-1} for the reciprocal",
                            scripts.range)
        }
        var result: Expression
        if let functionName {
            let resolved = Self.functionAlias(functionName) ?? functionName
            let (arguments, closing) = try argumentList(&cursor, function: functionName, range: scripts.range)
            if scripts.primes > 0 {
                guard arguments.count == 1 else {
                    throw ReadError("\(functionName)' needs one argument", scripts.range)
                }
                result = .derivative(resolved, order: scripts.primes, argument: arguments[0])
            } else {
                result = try application(resolved, arguments, range: scripts.range)
            }
            result = try power(result, closing: closing)
        } else if let symbolName {
            if scripts.primes > 0 {
                let resolved = Self.functionAlias(symbolName) ?? symbolName
                guard namesFunction(symbolName) else {
                    throw ReadError("\(symbolName)' is the derivative of something that is not a function; "
                                    + "write \\frac{d}{dx} or (expression)'", scripts.range)
                }
                let function = isFunction(resolved) ? resolved : symbolName
                let (arguments, closing) = try argumentList(&cursor, function: symbolName, range: scripts.range)
                guard arguments.count == 1 else { throw ReadError("\(symbolName)' needs one argument", scripts.range) }
                result = try power(.derivative(function, order: scripts.primes, argument: arguments[0]), closing: closing)
            } else {
                result = try symbolOrApplication(symbolName, range: scripts.range, cursor: &cursor)
            }
        } else if let value {
            result = value
            if scripts.primes > 0 {
                result = .partial(value, variable: PrimeNotation.onlyFreeVariable, order: scripts.primes)
            }
        } else {
            throw ReadError("a script without a base", scripts.range)
        }
        if let exponent {
            result = .power(result, try expression([exponent]))
        }
        if scripts.sub != nil, name == nil, functionName == nil {
            throw ReadError("a subscript here is not evaluated", scripts.sub?.range ?? scripts.range)
        }
        return result
    }

    private func applyScripts(_ scripts: Scripts, to value: Expression, baseIsName: Bool) throws(ReadError) -> Expression {
        var result = value
        if scripts.primes > 0 {
            result = .partial(result, variable: PrimeNotation.onlyFreeVariable, order: scripts.primes)
        }
        if let sup = scripts.sup {
            var reader = self
            result = .power(result, try reader.expression([sup]))
        }
        if let sub = scripts.sub { throw ReadError("a subscript here is not evaluated", sub.range) }
        return result
    }

    /// `\sum_{i=1}^{3} body` and `\prod`: expanded with the index's values.
    private mutating func bigOperator(_ atom: Atom, scripts: Scripts, cursor: inout Cursor) throws(ReadError) -> Expression {
        let command = atom.command ?? "sum"
        guard let sub = scripts.sub, let sup = scripts.sup else {
            throw ReadError("\\\(command) needs integer bounds, e.g. \\\(command)_{i=1}^{3}", scripts.range)
        }
        let lower = Self.compactSource(source, sub.range)
        let upper = Self.compactSource(source, sup.range)
        let parts = lower.split(separator: "=", maxSplits: 1)
        guard parts.count == 2, let from = Int(parts[1]), let to = Int(upper) else {
            throw ReadError("\\\(command) is evaluated only with integer bounds written as numbers, e.g. \\\(command)_{i=1}^{3}", scripts.range)
        }
        let index = String(parts[0])
        guard to - from < 10_000 else { throw ReadError("\\\(command) over more than 10000 terms is not evaluated", scripts.range) }
        let start = cursor.index
        var terms: [Expression] = []
        var end = start
        let saved = indexValues
        if from <= to {
            for value in from...to {
                cursor.index = start
                indexValues[index] = value
                terms.append(try term(&cursor))
                end = cursor.index
            }
        } else {
            // An empty sum or product: skip its body.
            _ = try term(&cursor)
            end = cursor.index
        }
        indexValues = saved
        cursor.index = end
        if terms.isEmpty { return .number(command == "sum" ? 0 : 1) }
        return command == "sum" ? .sum(terms) : .product(terms)
    }

    // MARK: - Fractions and derivatives

    private mutating func fractionExpression(_ fraction: Fraction, cursor: inout Cursor) throws(ReadError) -> Expression {
        guard fraction.hasBar else { throw ReadError("\\\(fraction.command) is not evaluated", fraction.range) }
        if let derivative = try DerivativeNotation.read(fraction, reader: &self, cursor: &cursor) {
            return derivative
        }
        return .quotient(try expression([fraction.numerator]), try expression([fraction.denominator]))
    }

    /// Reads the factor after `\frac{\partial}{\partial x}` (the operator form).
    mutating func operand(_ cursor: inout Cursor) throws(ReadError) -> Expression {
        try unary(&cursor)
    }

    // MARK: - Atoms

    /// The atom itself, or the base atom of a scripts node.
    static func bareAtom(_ node: Node) -> Atom? {
        switch node {
        case .atom(let atom): return atom
        case .scripts(let scripts):
            if case .atom(let atom)? = scripts.base { return atom }
            return nil
        default: return nil
        }
    }

    /// The class of `bareAtom(node)`, without copying the atom.
    static func bareAtomClass(_ node: Node) -> AtomClass? {
        switch node {
        case .atom(let atom): return atom.atomClass
        case .scripts(let scripts):
            if case .atom(let atom)? = scripts.base { return atom.atomClass }
            return nil
        default: return nil
        }
    }

    /// Whether `text` is one Latin letter `a`–`z`, `A`–`Z` (one byte: no counting of characters).
    static func isLatinLetter(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard utf8.count == 1, let byte = utf8.first else { return false }
        return (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    static func additive(_ atom: Atom) -> String? {
        // A one-byte text is ASCII, which no non-ASCII literal equals: compare the byte.
        if let byte = Self.onlyByte(atom.text) {
            switch byte {
            case UInt8(ascii: "+"): return "+"
            case UInt8(ascii: "-"): return "-"
            default: return nil
            }
        }
        return atom.text == "\u{2212}" ? "-" : nil
    }

    static func multiplicative(_ atom: Atom) -> Bool {
        if let byte = Self.onlyByte(atom.text) {
            if byte == UInt8(ascii: "*") { return true }
        } else {
            switch atom.text {
            case "\u{22C5}", "\u{00D7}", "\u{2217}", "\u{00B7}": return true
            default: break
            }
        }
        switch atom.command {
        case "cdot", "times", "ast": return true
        default: return false
        }
    }

    static func divides(_ atom: Atom) -> Bool {
        if let byte = Self.onlyByte(atom.text) {
            if byte == UInt8(ascii: "/") { return true }
        } else if atom.text == "\u{00F7}" {
            return true
        }
        return atom.command == "div"
    }

    /// The byte of a one-byte (so ASCII) text.
    static func onlyByte(_ text: String) -> UInt8? {
        let utf8 = text.utf8
        return utf8.count == 1 ? utf8.first : nil
    }

    /// The source of `range` without braces and white space (`{1, 2}` → `1,2`), as a string.
    static func compactSource(_ source: [UInt8], _ range: SourceRange) -> String {
        let bytes = source[range.clamped(to: 0..<source.count)]
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            return String(decoding: bytes, as: UTF8.self).filter { $0 != "{" && $0 != "}" && !$0.isWhitespace }
        }
        // ASCII: each byte is a character (`\r\n` is one, white space either way).
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        for byte in bytes where byte != UInt8(ascii: "{") && byte != UInt8(ascii: "}") && byte != 0x20
            && !(0x09...0x0D).contains(byte)
        {
            kept.append(byte)
        }
        return String(decoding: kept, as: UTF8.self)
    }

    static func relation(of atom: Atom) -> Relation? {
        guard atom.atomClass == .rel else { return nil }
        switch atom.command ?? atom.text {
        case "=": return .equal
        case "approx", "\u{2248}", "simeq", "\u{2243}": return .approximately
        case "<", "lt": return .less
        case ">", "gt": return .greater
        case "le", "leq", "\u{2264}", "leqslant": return .lessOrEqual
        case "ge", "geq", "\u{2265}", "geqslant": return .greaterOrEqual
        case "neq", "ne", "\u{2260}": return .notEqual
        default: break
        }
        switch atom.text {
        case "=": return .equal
        case "\u{2248}": return .approximately
        case "<": return .less
        case ">": return .greater
        case "\u{2264}": return .lessOrEqual
        case "\u{2265}": return .greaterOrEqual
        case "\u{2260}": return .notEqual
        default: return nil
        }
    }

    /// The source of several nodes, shortened for a message.
    func describe(_ nodes: [Node]) -> String {
        guard let first = nodes.first, let last = nodes.last else { return "" }
        let raw = String(decoding: source[(first.range.lowerBound..<last.range.upperBound).clamped(to: 0..<source.count)],
                         as: UTF8.self)
        return raw.count > 24 ? String(raw.prefix(24)) + "…" : raw
    }

    func describe(_ node: Node) -> String {
        let raw = String(decoding: source[node.range.clamped(to: 0..<source.count)], as: UTF8.self)
        if let command = raw.split(whereSeparator: { $0 == "{" || $0 == "[" || $0 == " " || $0 == "_" || $0 == "^" }).first,
            command.hasPrefix("\\")
        {
            return String(command)
        }
        return raw.count > 20 ? String(raw.prefix(20)) + "…" : raw
    }
}

/// `(expr)'` and `g(x)'`: the derivative with respect to the only free variable, which the
/// reader cannot know; the Notebook replaces this placeholder once it knows the leaves.
public enum PrimeNotation {
    /// The variable name a prime on an expression stands for until it is resolved.
    public static let onlyFreeVariable = "′"
}
