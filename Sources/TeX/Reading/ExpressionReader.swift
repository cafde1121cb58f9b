import Calculus

/// Reads a sequence of parse-tree nodes into a Calculus `Expression` (docs/note-language.md §3, §6):
/// implicit multiplication, `f(x)` as application when `f` is a function in scope, `\frac`,
/// `\cdot`, `\times`, powers, roots, `\left( \right)`, `|x|`, names with subscripts and
/// decorations, runs of letters, `\sum`/`\prod` with integer bounds (expanded), index ranges,
/// and the derivative notations. Anything else throws a `ReadError` saying what is not evaluated.
///
/// The reader is one type in four files: this one holds its state (with the index ranges it
/// records), the grammar (sums, products, factors, primaries) and the classes of atoms;
/// `ExpressionReader+Names.swift` the name rules (letter runs, multi-letter names, function
/// names and aliases, decorations, names in fonts); `ExpressionReader+Functions.swift` function
/// application and argument lists; `ExpressionReader+Scripts.swift` sub- and superscripts,
/// primes, `\sum`/`\prod` and the names in subscripts.
struct ExpressionReader {
    let source: [UInt8]
    let scope: ReadingScope
    /// The statement's own parameters (`x` in `f(x) = ...`): names in scope for letter runs.
    var parameters: Set<String> = []
    /// Values of `\sum` indices while a body is read.
    var indexValues: [String: Int] = [:]
    /// Which element of the index ranges (`w_{1..2}`) this reading is for.
    var rangeStep = 0
    /// How many times the nodes being read are expanded: the terms of the `\sum`s and
    /// `\prod`s around them times the indices of the statement's index range.
    var expansion = 1
    /// Set while a general form is read for its names only (`z^l_j = \sum_k w^l_{jk} a^{l-1}_k`,
    /// whose sum can be counted only at an instance): a `\sum` or `\prod` without bounds then
    /// reads its term once, its index left a letter.
    var readsFreeSums = false
    /// The indices of the `\sum`s and `\prod`s met (`k`, `j` of `\sum_k`, `\sum_{j=1}^{3}`): no
    /// free index of a general form, though a name read outside its sum may hold one (`w_ij`).
    var sumIndices: Set<String> = []
    /// The index ranges met while reading (their bounds), for expansion.
    private(set) var ranges: [ClosedRange<Int>] = []
    /// How deeply the factor being read is nested (signs, parentheses, function arguments,
    /// groups): every nesting of the grammar passes through `unary`.
    private var depth = 0

    init(source: [UInt8], scope: ReadingScope) {
        self.source = source
        self.scope = scope
    }

    /// A position in a list of nodes. The list is a slice (of a side, of the nodes between
    /// parentheses) and `index` an index of it, counted from its `startIndex`.
    struct Cursor {
        let nodes: ArraySlice<Node>
        var index: Int

        init(_ nodes: ArraySlice<Node>) {
            self.nodes = StatementSplitter.meaningful(nodes)
            index = self.nodes.startIndex
        }

        init(_ nodes: [Node]) {
            self.init(nodes[...])
        }

        var atEnd: Bool { index >= nodes.endIndex }
        var peek: Node? { index < nodes.endIndex ? nodes[index] : nil }
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
        try expression(nodes[...])
    }

    /// The expression of all of `nodes`, a part of a list (read in place, not copied).
    mutating func expression(_ nodes: ArraySlice<Node>) throws(ReadError) -> Expression {
        var cursor = Cursor(nodes)
        guard !cursor.atEnd else { throw ReadError("an empty side", nodes.first?.range ?? 0..<0) }
        // Each level of parentheses looks for its closing one in all it holds: a side nesting
        // them past the limit is refused before that (20 000 levels took minutes).
        if depth == 0, let tooDeep = Self.parenthesisPastLimit(in: cursor.nodes) {
            throw ReadError(Self.tooDeep, tooDeep.range)
        }
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

    mutating func term(_ cursor: inout Cursor) throws(ReadError) -> Expression {
        // The factors of the product being read, kept in an array and made into one `.product`
        // at the end: `*` on an `Expression` copies the factors at every step, quadratic in a
        // long product. The tree is the one `*` makes (a product on the left is extended).
        var result = try unary(&cursor)
        var factors: [Expression] = []
        func multiply(by factor: Expression) {
            if factors.isEmpty {
                if case .product(let left) = result { factors = left } else { factors = [result] }
            }
            factors.append(factor)
        }
        func product() -> Expression { factors.isEmpty ? result : .product(factors) }
        while let node = cursor.peek {
            if case .atom(let atom) = node {
                if Self.multiplicative(atom) {
                    cursor.index += 1
                    multiply(by: try unary(&cursor))
                    continue
                }
                if Self.divides(atom) {
                    cursor.index += 1
                    result = .quotient(product(), try unary(&cursor))
                    factors = []
                    continue
                }
                // Neither multiplies nor divides (checked above): the rest of `startsFactor`.
                guard Self.relation(of: atom) == nil, Self.additive(atom) == nil,
                      atom.atomClass != .close, atom.atomClass != .punct
                else { break }
                // `1.1.1` and `2 3` (which TeX shows as 23): two numbers side by side are no product.
                if atom.form == .number, cursor.index > cursor.nodes.startIndex,
                    case .atom(let previous) = cursor.nodes[cursor.index - 1], previous.form == .number
                {
                    throw ReadError("the numbers \(previous.text) and \(atom.text) side by side are not evaluated; "
                                    + "write \\cdot between them", previous.range.lowerBound..<atom.range.upperBound)
                }
            } else if !startsFactor(node) {
                break
            }
            multiply(by: try unary(&cursor))
        }
        return product()
    }

    mutating func unary(_ cursor: inout Cursor) throws(ReadError) -> Expression {
        // The reader recurses once a level: `\sin \sin … x` or 20 000 nested parentheses
        // overflowed the stack (issue 15). The limit is that of an expression (§8).
        depth += 1
        defer { depth -= 1 }
        guard depth <= Expression.maximumDepth else {
            throw ReadError(Self.tooDeep, cursor.peek?.range ?? cursor.endRange)
        }
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

    mutating func primary(_ cursor: inout Cursor) throws(ReadError) -> Expression {
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
            if fenced.left.text == "(", let problem = listProblem(fenced.body[...], range: fenced.range, after: cursor) {
                throw problem
            }
            let composed = try composition(fenced.body[...])
            let inner: Expression
            if let composed { inner = composed } else { inner = try expression(fenced.body) }
            if composed != nil, fenced.left.text == "(", fenced.right.text == ")",
                let combined = try appliedCombination(inner, primes: 0, range: fenced.range, cursor: &cursor)
            {
                return combined
            }
            if composed != nil {
                throw ReadError("a composition of functions needs an argument: (f \\circ g)(x)", fenced.range)
            }
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
            return try textName(text, cursor: &cursor)
        case .style(let style):
            return try expression(style.body)
        case .color(let color):
            return try expression(color.body)
        case .accent(let accent):
            let name = try decoratedName(accent)
            return try symbolOrApplication(name, range: accent.range, cursor: &cursor)
        case .environment(let environment) where Self.casesEnvironments.contains(environment.name):
            return try casesExpression(environment)
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
            let digits = atom.text.withBytes({ $0.contains(UInt8(ascii: ",")) }) ? atom.text.filter { $0 != "," } : atom.text
            guard let value = Self.decimalValue(digits) else {
                throw ReadError("\(atom.text) is not a number", atom.range)
            }
            return .number(value)
        case .identifier:
            if atom.command == "partial" {
                if let derivative = try DerivativeNotation.readSlashed(reader: &self, cursor: &cursor) { return derivative }
                throw ReadError("∂ outside a fraction is not evaluated", atom.range)
            }
            if atom.command == "infty" { throw ReadError("∞ is not evaluated", atom.range) }
            if atom.command == "nabla" { return try gradient(nil, range: atom.range, cursor: &cursor) }
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

    /// Why a formula nesting past `Expression.maximumDepth` is not read: the words of the
    /// calculus for an expression nesting too deep.
    private static let tooDeep = CalculusError.tooDeep(limit: Expression.maximumDepth).description

    /// The first opening parenthesis (or bracket) of `nodes` nested deeper than
    /// `Expression.maximumDepth` levels, if any.
    private static func parenthesisPastLimit(in nodes: ArraySlice<Node>) -> Node? {
        var level = 0
        for node in nodes {
            switch bareAtomClass(node) {
            case .open:
                level += 1
                if level > Expression.maximumDepth { return node }
            case .close:
                level = max(0, level - 1)
            default:
                break
            }
        }
        return nil
    }

    /// Why a parenthesized list is not read: `g(a, b)` where g is no function in scope (a list
    /// is not a number to multiply by); a list that is the whole side (`q = (q_1, q_2)`) names a
    /// vector by its components.
    /// Nil when `inner` is no list. `range` is the parentheses', `cursor` just after them (apart
    /// from the hot path of deep nesting: reading a level takes stack).
    @inline(never)
    func listProblem(_ inner: ArraySlice<Node>, range: Range<Int>, after cursor: Cursor) -> ReadError? {
        guard !argumentCommas(inner).isEmpty else { return nil }
        if cursor.atEnd, cursor.nodes.first?.range.lowerBound == range.lowerBound {
            return ReadError("(\(describe(inner))) is a list (a vector by its components, a point or an interval), "
                             + "not a number: it is not evaluated", range)
        }
        return ReadError("(\(describe(inner))) is a list, not a number: is the name before it a function the note does not define?",
                         range)
    }

    /// `( ... )` up to the matching `)`; the closing parenthesis may carry scripts (`(a+b)^2`,
    /// `(x^2)'`).
    private mutating func parenthesized(opening: Atom, cursor: inout Cursor) throws(ReadError) -> Expression {
        let (inner, closing) = try collectUntilClose(opening: opening, cursor: &cursor)
        let range = opening.range.lowerBound..<(closing?.range.upperBound ?? opening.range.upperBound)
        if let problem = listProblem(inner, range: range, after: cursor) { throw problem }
        let composed = try composition(inner)
        var result: Expression
        if let composed { result = composed } else { result = try expression(inner) }
        // `(fg)'(x)`, or a composition applied: `(f \circ g)(x)`.
        var primes = 0
        if case .scripts(let scripts)? = closing, scripts.sup == nil, scripts.sub == nil { primes = scripts.primes }
        if primes > 0 || (composed != nil && Self.bareAtom(closing ?? .atom(opening)) != nil),
            let combined = try appliedCombination(result, primes: primes, range: range, cursor: &cursor)
        {
            return combined
        }
        if composed != nil { throw ReadError("a composition of functions needs an argument: (f \\circ g)(x)", range) }
        if case .scripts(let scripts)? = closing {
            result = try applyScripts(scripts, to: result, baseIsName: false)
        }
        return result
    }

    /// The nodes between an opening delimiter and its match (a slice of the cursor's, no
    /// copy), and the closing node.
    func collectUntilClose(opening: Atom, cursor: inout Cursor) throws(ReadError) -> (ArraySlice<Node>, Node?) {
        var depth = 1
        let start = cursor.index
        while let node = cursor.next() {
            switch Self.bareAtomClass(node) {
            case .open: depth += 1
            case .close:
                depth -= 1
                if depth == 0 { return (cursor.nodes[start..<(cursor.index - 1)], node) }
            default: break
            }
        }
        throw ReadError("\(opening.text) is never closed", opening.range)
    }

    private mutating func absoluteValue(opening: Atom, cursor: inout Cursor) throws(ReadError) -> Expression {
        // `P(T \mid D)`: "given", not a bar of an absolute value.
        if opening.command == "mid" {
            throw ReadError("\\mid (given) writes a conditional probability, which Derive does not evaluate",
                            opening.range)
        }
        var inner: [Node] = []
        while let node = cursor.next() {
            if let atom = Self.bareAtom(node), atom.text == opening.text {
                var result = Expression.absoluteValue(try expression(inner))
                if case .scripts(let scripts) = node { result = try applyScripts(scripts, to: result, baseIsName: false) }
                return result
            }
            inner.append(node)
        }
        throw ReadError("| is never closed (a conditional probability, P(A | B), is not evaluated)", opening.range)
    }

    // MARK: - Index ranges

    /// The most indices an index range (`a_{1..n}`) may have: a statement is expanded once
    /// per index.
    static let maximumRangeLength = 10_000

    /// The most terms a `\sum` or `\prod` expands to, its body counted once for each term of
    /// the sums it is inside and each index of the statement's range (docs/note-language.md §8).
    static let maximumExpandedTerms = 10_000

    /// Records the index ranges (`1..2`) in a subscript, for expansion; a range of more than
    /// `maximumRangeLength` indices is an error (its length once overflowed `Int`).
    mutating func noteRanges(in node: Node) throws(ReadError) {
        guard Self.mayHoldRange(source[node.range.clamped(to: 0..<source.count)]) else { return }
        let raw = Self.compactSource(source, node.range)
        if let dots = raw.range(of: ".."), let low = Int(raw[..<dots.lowerBound]), let high = Int(raw[dots.upperBound...]),
            low <= high
        {
            let (span, overflow) = high.subtractingReportingOverflow(low)
            guard !overflow, span < Self.maximumRangeLength else {
                throw ReadError("an index range of more than \(Self.maximumRangeLength) indices is not expanded", node.range)
            }
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

    static func additive(_ atom: Atom) -> String? {
        // A one-byte text is ASCII, which no non-ASCII literal equals: compare the byte.
        if let byte = Self.onlyByte(atom.text) {
            switch byte {
            case UInt8(ascii: "+"): return "+"
            case UInt8(ascii: "-"): return "-"
            default: return nil
            }
        }
        return isSymbol(atom.text, "\u{2212}") ? "-" : nil
    }

    static func multiplicative(_ atom: Atom) -> Bool {
        if let byte = Self.onlyByte(atom.text) {
            if byte == UInt8(ascii: "*") { return true }
        } else {
            switch onlyScalar(atom.text) {
            // U+0387 is canonically equivalent to U+00B7, as `==` finds.
            // ⊙, the element-wise product, is the product of scalars.
            case "\u{22C5}", "\u{00D7}", "\u{2217}", "\u{00B7}", "\u{0387}", "\u{2299}": return true
            default: break
            }
        }
        switch atom.command {
        case "cdot", "times", "ast", "odot": return true
        default: return false
        }
    }

    static func divides(_ atom: Atom) -> Bool {
        if let byte = Self.onlyByte(atom.text) {
            if byte == UInt8(ascii: "/") { return true }
        } else if isSymbol(atom.text, "\u{00F7}") {
            return true
        }
        return atom.command == "div"
    }

    /// The value of a number as written (`3`, `0.25`), the same as `Double(text)`: a decimal of
    /// at most 15 digits is its digits as a whole number divided by a power of ten, both exact
    /// in a `Double`, so the one rounding of the division is the correctly rounded value (the
    /// fast path of Clinger's algorithm); anything else goes to `Double(text)`.
    static func decimalValue(_ text: String) -> Double? {
        let exact = text.withBytes { bytes -> Double? in
            var mantissa: UInt64 = 0
            var digits = 0
            var fractionDigits = -1  // -1 until the decimal point
            for byte in bytes {
                if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                    mantissa = mantissa &* 10 &+ UInt64(byte &- UInt8(ascii: "0"))
                    digits += 1
                    if fractionDigits >= 0 { fractionDigits += 1 }
                } else if byte == UInt8(ascii: "."), fractionDigits < 0 {
                    fractionDigits = 0
                } else {
                    return nil
                }
            }
            guard digits > 0, digits <= 15, fractionDigits != 0 else { return nil }
            let value = Double(mantissa)
            return fractionDigits > 0 ? value / exactPowersOfTen[fractionDigits] : value
        }
        return exact ?? Double(text)
    }

    /// 10^0 through 10^15, each exact in a `Double`.
    private static let exactPowersOfTen: [Double] = [
        1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ]

    /// Whether `text` is the one scalar `symbol`, compared as a scalar (so byte for byte):
    /// `==` compares Unicode canonical equivalents, which for a non-ASCII text means
    /// normalizing both; for the one-scalar symbols the reader asks about, no other text is
    /// equivalent (but U+0387 to U+00B7, which callers name too), so the scalar decides
    /// (ReaderSymbolTests checks every scalar). Decoding the text's scalars costs a third of
    /// comparing two `String.UTF8View`s.
    static func isSymbol(_ text: String, _ symbol: Unicode.Scalar) -> Bool {
        onlyScalar(text) == symbol
    }

    /// The scalar of a text of one scalar, else nil.
    static func onlyScalar(_ text: String) -> Unicode.Scalar? {
        var scalars = text.unicodeScalars.makeIterator()
        guard let first = scalars.next(), scalars.next() == nil else { return nil }
        return first
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
        // `\equiv`, "defined as" (Nielsen's `\delta^l_j \equiv \frac{\partial C}{\partial z^l_j}`)
        // or "identically equal", and `\triangleq`: an equality, a definition after a head.
        case "=", "equiv", "\u{2261}", "triangleq", "\u{225C}": return .equal
        case "approx", "\u{2248}", "simeq", "\u{2243}": return .approximately
        case "<", "lt": return .less
        case ">", "gt": return .greater
        case "le", "leq", "\u{2264}", "leqslant": return .lessOrEqual
        case "ge", "geq", "\u{2265}", "geqslant": return .greaterOrEqual
        case "neq", "ne", "\u{2260}": return .notEqual
        default: break
        }
        switch atom.text {
        case "=", "\u{2261}", "\u{225C}": return .equal
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
    func describe<Nodes: BidirectionalCollection<Node>>(_ nodes: Nodes) -> String {
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
