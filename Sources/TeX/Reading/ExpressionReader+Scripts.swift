import Calculus

/// Scripts in `ExpressionReader`: subscripts that are part of a name (with index ranges),
/// superscripts as powers or decorations, primes as derivatives, and `\sum`/`\prod` with
/// integer bounds.
extension ExpressionReader {
    mutating func scriptsExpression(_ scripts: Scripts, cursor: inout Cursor) throws(ReadError) -> Expression {
        guard let base = scripts.base else { throw ReadError("a script without a base", scripts.range) }
        switch base {
        case .atom(let atom) where atom.command == "nabla":
            return try gradient(scripts, range: scripts.range, cursor: &cursor)
        case .atom(let atom) where atom.form == .identifier && atom.command != "partial" && atom.command != "infty":
            if let sub = scripts.sub { try noteRanges(in: sub) }
            var name = atom.text
            if let sub = scripts.sub { name += "_" + (try subscriptName(sub)) }
            if atom.command == "delta", let sub = scripts.sub, scripts.sup == nil, scripts.primes == 0,
                let delta = kroneckerDelta(name, indices: Self.compactSource(source, sub.range))
            {
                return delta
            }
            // A `\sum` index keeps its value under a power: `\sum_{k=1}^{3} k^2`.
            if scripts.sub == nil, let value = indexValues[name] {
                return try applyScripts(scripts, to: .number(Double(value)), baseIsName: false)
            }
            return try applyScripts(scripts, to: nil, name: name, cursor: &cursor)
        case .accent(let accent):
            // `\hat{m}_t`: an accented name takes scripts like a plain name.
            var name = try decoratedName(accent)
            if let sub = scripts.sub {
                try noteRanges(in: sub)
                name += "_" + (try subscriptName(sub))
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
            // A name in a font takes scripts like a plain name: `\mathrm{net}_{1}`, `\mathit{foo}'`,
            // `\mathcal{L}_{CE}` (ℒ_CE).
            if case .font(let font) = base, var name = plainFontName(font) ?? Self.scriptLetter(font, source: source) {
                if let sub = scripts.sub {
                    try noteRanges(in: sub)
                    name += "_" + (try subscriptName(sub))
                }
                return try applyScripts(scripts, to: nil, name: name, cursor: &cursor)
            }
            // `\left(\frac{f}{g}\right)'(x)`, `\left(f \circ g\right)'(x)`: the derivative of the
            // combined function at `x`.
            if case .fenced(let fenced) = base, fenced.left.text == "(", scripts.primes > 0, scripts.sup == nil,
                scripts.sub == nil, argumentCommas(fenced.body[...]).isEmpty
            {
                let composed = try composition(fenced.body[...])
                let combination: Expression
                if let composed { combination = composed } else { combination = try expression(fenced.body) }
                if let combined = try appliedCombination(combination, primes: scripts.primes, range: scripts.range,
                                                         cursor: &cursor)
                {
                    return combined
                }
                if composed != nil {
                    throw ReadError("a composition of functions needs an argument: (f \\circ g)'(x)", scripts.range)
                }
            }
            var cursorForBase = Cursor([base])
            let value = try primary(&cursorForBase)
            return try applyScripts(scripts, to: value, baseIsName: false)
        }
    }

    /// `\delta_{ij}` (`name` as read, `indices` its subscript as written) where i and j are
    /// indices with values (of a sum, or of a general form read at an instance): the Kronecker
    /// delta, 1 when they are equal and 0 otherwise; `nil` for any other subscript, and for a
    /// `δ_12` the note names itself.
    func kroneckerDelta(_ name: String, indices: String) -> Expression? {
        guard !indexValues.isEmpty, !scope.names.contains(name) else { return nil }
        let written = indices.filter { $0 != "," }.map(String.init)
        // Each index a letter with a value, or a digit (`\delta_{2j}`), one letter at least.
        let values = written.map { indexValues[$0] ?? Int($0) }
        guard written.count == 2, written.contains(where: { indexValues[$0] != nil }), let first = values[0],
            let second = values[1]
        else { return nil }
        return .number(first == second ? 1 : 0)
    }

    /// Applies a superscript and primes to a name: decoration or power; primes make a
    /// derivative (`f'(u)`, `\sigma''(z)`).
    mutating func applyScripts(_ scripts: Scripts, to value: Expression?, name: String? = nil,
                                       functionName: String? = nil, cursor: inout Cursor) throws(ReadError) -> Expression
    {
        var symbolName = name
        var exponent: Node?
        if let sup = scripts.sup, !isOrdinalSuffix(sup, of: name) {
            try refuseTranspose(sup, of: name ?? functionName)
            if let name, let decoration = decoration(sup) ?? layerDecoration(sup, of: name) {
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
            // The primed name is spelled only for a name with primes (most have none).
            if scripts.primes > 0, !namesFunction(symbolName),
                case let primed = symbolName + String(repeating: "'", count: scripts.primes), scope.names.contains(primed)
            {
                // `w'` that the note defines (`w' = w - \alpha g`): a name of its own.
                result = .symbol(primed)
            } else if scripts.primes > 0 {
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

    func applyScripts(_ scripts: Scripts, to value: Expression, baseIsName: Bool) throws(ReadError) -> Expression {
        var result = value
        if scripts.primes > 0 {
            result = .partial(result, variable: PrimeNotation.onlyFreeVariable, order: scripts.primes)
        }
        if let sup = scripts.sup {
            try refuseTranspose(sup, of: nil)
            var reader = self
            result = .power(result, try reader.expression([sup]))
        }
        if let sub = scripts.sub { throw ReadError("a subscript here is not evaluated", sub.range) }
        return result
    }

    /// Whether a superscript is an ordinal's ending on a one-letter index (`k^{\rm th}`, `j^{th}`:
    /// "the k-th"), which leaves the name as it is (`e^{th}` stays a power).
    func isOrdinalSuffix(_ sup: Node, of name: String?) -> Bool {
        // `th` at the shortest (most superscripts, `x^2`, are one character: no text made),
        // `{\textrm{th}}` at the longest.
        guard (2...14).contains(sup.range.count), let name, name != "e", Self.isLatinLetter(name) else { return false }
        var text = Self.compactSource(source, sup.range)
        for font in ["\\textrm", "\\mathrm", "\\text", "\\rm"] where text.hasPrefix(font) {
            text.removeFirst(font.count)
            break
        }
        return text == "th"
    }

    /// `x^T`, `W^\top`, `(W x)^{\mathsf{T}}`: a transpose, matrix notation, which Derive does not
    /// evaluate (its formulas are of numbers); read as a power it gave a false verdict. A bare
    /// `T` is a transpose unless the note gives T a value (`\beta^T` after `T = 100` steps) or
    /// the base is e.
    func refuseTranspose(_ sup: Node, of name: String?) throws(ReadError) {
        let text = Self.compactSource(source, sup.range)
        let bare = text == "T" && !scope.names.contains("T") && indexValues["T"] == nil && name != "e"
            && !parameters.contains("T")
        guard Self.transposeMarks.contains(text) || bare else { return }
        let base = name.map { "\($0)^T" } ?? "(…)^T"
        throw ReadError("matrix form: \(base) is a transpose, and Derive evaluates formulas of numbers only",
                        sup.range)
    }

    /// The superscripts that write a transpose whatever the note binds, without braces as
    /// `compactSource` gives them (`\mathsf{T}` is `\mathsfT`).
    static let transposeMarks: Set<String> = ["\\top", "\\intercal", "\\mathsfT", "\\mathrmT", "\\textT", "\\textsfT",
                                              "\\textrmT", "\\mathttT", "\\mathbfT"]

    /// `\sum_{i=1}^{3} body` and `\prod`: expanded with the index's values.
    private mutating func bigOperator(_ atom: Atom, scripts: Scripts, cursor: inout Cursor) throws(ReadError) -> Expression {
        let command = atom.command ?? "sum"
        if let sub = scripts.sub, scripts.sup == nil {
            let index = Self.compactSource(source, sub.range)
            if !index.isEmpty, !index.contains("="), index.allSatisfy({ $0.isLetter }) {
                sumIndices.insert(index)
                // `\sum_i \hat{x}_i` over the instances the note names.
                if let count = instanceCount(of: index, cursor: cursor) {
                    return try expand(command, index: index, from: 1, to: count, noteBound: nil, scripts: scripts,
                                      cursor: &cursor)
                }
                if readsFreeSums, indexValues[index] == nil {
                    let body = try term(&cursor)
                    return command == "sum" ? .sum([body]) : .product([body])
                }
                throw ReadError("general form: the \\\(command) over \(index) has no bounds in numbers "
                                + "(\\\(command)_{\(index)=1}^{3} would be evaluated)", scripts.range)
            }
        }
        guard let sub = scripts.sub, let sup = scripts.sup else {
            throw ReadError("\\\(command) needs integer bounds, e.g. \\\(command)_{i=1}^{3}", scripts.range)
        }
        let lower = Self.compactSource(source, sub.range)
        let upper = Self.compactSource(source, sup.range)
        let parts = lower.split(separator: "=", maxSplits: 1)
        // `\sum_{i=1}^{N} E` over a data table's rows (§13): E once, summed row by row later.
        if scope.hasData, command == "sum", upper == "N", parts.count == 2, parts[1] == "1" {
            return .apply(FormulaReader.rowSum, [try term(&cursor)])
        }
        // `\sum_{i=1}^{m}` where the note binds `m = 4` and names every instance of the terms
        // (`x_1` … `x_4`): to 4 (checked once the terms are read).
        let byNote = parts.count == 2 && Int(upper) == nil ? scope.wholeNumbers[upper] : nil
        guard parts.count == 2, let from = Int(parts[1]), let to = Int(upper) ?? byNote else {
            // `\sum_k` over a free index, `\sum_{k=1}^{n}` to a symbolic bound: the general rule.
            if parts.count == 1 || (parts.count == 2 && Int(upper) == nil) {
                throw ReadError("general form: the \\\(command) over \(parts[0]) has no bounds in numbers "
                                + "(\\\(command)_{\(parts[0])=1}^{3} would be evaluated)", scripts.range)
            }
            throw ReadError("\\\(command) is evaluated only with integer bounds written as numbers, e.g. \\\(command)_{i=1}^{3}", scripts.range)
        }
        sumIndices.insert(String(parts[0]))
        return try expand(command, index: String(parts[0]), from: from, to: to, noteBound: byNote == nil ? nil : upper,
                          scripts: scripts, cursor: &cursor)
    }

    /// The body after the cursor read once per value of `index` from `from` to `to`, within the
    /// expansion budget. `noteBound`: the name whose whole number the note gives as the upper
    /// bound (`m`), when it is one; every instance the terms name must then be the note's.
    private mutating func expand(_ command: String, index: String, from: Int, to: Int, noteBound: String?,
                                 scripts: Scripts, cursor: inout Cursor) throws(ReadError) -> Expression
    {
        // `to - from` overflows for bounds far apart (`\sum_{i=-2}^{9223372036854775807}`).
        let (span, overflow) = to.subtractingReportingOverflow(from)
        let limit = Self.maximumExpandedTerms
        guard !overflow, span < limit else {
            throw ReadError("\\\(command) over more than \(limit) terms is not evaluated", scripts.range)
        }
        // The body is read once per term of this sum and of every sum it is inside.
        let (expanded, tooMany) = expansion.multipliedReportingOverflow(by: max(1, span + 1))
        guard !tooMany, expanded <= limit else {
            let inside = expansion == 1 ? "" : " (\(span + 1) terms, read \(expansion) times for the sums or index range around it)"
            throw ReadError("\\\(command) expanding to more than \(limit) terms in all is not evaluated" + inside, scripts.range)
        }
        let outerExpansion = expansion
        expansion = expanded
        defer { expansion = outerExpansion }
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
        if let noteBound, let missing = Self.unnamedInstance(terms, scope: scope) {
            // `\sum_{i=1}^{n}` with `n = 100` in a note without `y_1` … `y_100`: the general rule.
            throw ReadError("general form: the \\\(command) over \(index) to \(noteBound) = \(to) names \(missing), which "
                            + "the note does not have", scripts.range)
        }
        if terms.isEmpty { return .number(command == "sum" ? 0 : 1) }
        return command == "sum" ? .sum(terms) : .product(terms)
    }

    /// How many instances the note names for `\sum_i \hat{x}_i` (no bounds): the term after the
    /// cursor counted from 1 while every name that changes with `i` is one the note names
    /// (`x̂_1` … `x̂_4`: 4; `w_21`, `w_22` for `w_{2j}`, or for `w_{ij}` read at i = 2). Nil (the
    /// general rule) when no name changes with the index, or the note names fewer than two
    /// instances (one, in the reading of a general form's instance: `\sum_k w^l_{jk} a^{l-1}_k`
    /// at l = 2, j = 1 in a network of one input). An inner `\sum_j` over instances is counted
    /// in each reading.
    func instanceCount(of index: String, cursor: Cursor) -> Int? {
        instanceCountByName(of: index, cursor: cursor) ?? instanceCountByReading(of: index, cursor: cursor)
    }

    /// The fewest instances a sum without bounds is counted with (see `instanceCount`).
    private var minimumInstanceCount: Int { indexValues.isEmpty ? 2 : 1 }

    /// The count of `instanceCount` when every name of the term with the index has it as a
    /// whole index (`x̂_i`, `x_i x_j` in `\sum_i \sum_j x_i x_j`): the term read once with `i` a
    /// letter, and its names with the index counted up from 1 while the note names them all.
    private func instanceCountByName(of index: String, cursor: Cursor) -> Int? {
        var reader = self
        reader.indexValues[index] = nil
        var probe = cursor
        guard let term = try? reader.term(&probe) else { return nil }
        let indexed = term.symbols.filter { GeneralForm.instance(of: $0, letter: index, value: 1) != $0 }
        // A name with the index inside a longer one (`w_{2j}`, `w_{ij}`): counted by reading.
        let mentions = term.symbols.filter { name in
            GeneralForm.parts(name).indices.contains { $0.dropFirst().contains { index.contains($0) } }
        }
        guard !indexed.isEmpty, mentions.count == indexed.count else { return nil }
        var count = 0
        while count <= Self.maximumExpandedTerms,
            indexed.allSatisfy({ scope.names.contains(GeneralForm.instance(of: $0, letter: index, value: count + 1)) })
        {
            count += 1
        }
        return count >= minimumInstanceCount ? count : nil
    }

    /// The count of `instanceCount` by reading the term at each value (`w_{2j}`, `w_{ij}` at
    /// i = 2: `w_21`, `w_22`, …).
    private func instanceCountByReading(of index: String, cursor: Cursor) -> Int? {
        func names(at value: Int) -> [String]? {
            var reader = self
            reader.indexValues[index] = value
            // Read as the value-th term: sums inside count against the budget as expanded.
            let (expanded, tooMany) = expansion.multipliedReportingOverflow(by: value)
            guard !tooMany, expanded <= Self.maximumExpandedTerms else { return nil }
            reader.expansion = expanded
            var probe = cursor
            return (try? reader.term(&probe))?.symbols
        }
        guard let first = names(at: 1), let second = names(at: 2) else { return nil }
        let common = Set(first).intersection(second)
        var count = 0
        var current: [String]? = first
        while count < Self.maximumExpandedTerms, let read = current {
            let changing = read.filter { !common.contains($0) }
            guard !changing.isEmpty, changing.allSatisfy(scope.names.contains) else { break }
            count += 1
            current = count == 1 ? second : names(at: count + 1)
        }
        return count >= minimumInstanceCount ? count : nil
    }

    /// The first name that some terms of a sum have and others do not (a name of the index's
    /// value, `x_3`) and that the note does not name, or nil.
    static func unnamedInstance(_ terms: [Expression], scope: ReadingScope) -> String? {
        guard let first = terms.first else { return nil }
        let inFirst = Set(first.symbols)
        var inEvery = inFirst
        var inAny = inFirst
        var order = first.symbols
        for term in terms.dropFirst() {
            let names = term.symbols
            inEvery.formIntersection(names)
            for name in names where inAny.insert(name).inserted { order.append(name) }
        }
        return order.first { !inEvery.contains($0) && !scope.names.contains($0) }
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
        if let shifted = shiftedIndex(text) { return shifted }
        // `w_{2j}`, `w_{ij}`, `w_{i,j}` in sums over i and j: `w_21`, `w_12`, `w_1,2` (every
        // letter an index, so `w_{in}` stays a name).
        if !indexValues.isEmpty, text.contains(where: \.isLetter),
            text.allSatisfy({ $0.isNumber || $0 == "," || ($0.isLetter && indexValues[String($0)] != nil) })
        {
            return text.map { character in indexValues[String(character)].map(String.init) ?? String(character) }.joined()
        }
        guard !text.isEmpty, text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "," || $0 == "'" }) else {
            throw ReadError("the subscript \(raw) is not a name", node.range)
        }
        return text
    }
}

extension ExpressionReader {
    /// A subscript that is a sum of names and whole numbers (`t-1`, `i+1`, `l+1`): inside a
    /// `\sum` whose index it uses, its value (`x_{i+1}` at `i = 2` is `x_3`); elsewhere the name
    /// it writes, braced (`m_{t-1}` is the name `m_{t-1}`, not `m_t` less one); `nil` for
    /// anything else.
    func shiftedIndex(_ text: String) -> String? {
        var terms: [(sign: Int, term: Substring)] = []
        var sign = 1
        var start = text.startIndex
        for index in text.indices where text[index] == "+" || text[index] == "-" {
            guard index > start || (index == text.startIndex && terms.isEmpty) else { return nil }
            if index > start { terms.append((sign, text[start..<index])) }
            sign = text[index] == "+" ? 1 : -1
            start = text.index(after: index)
        }
        guard start < text.endIndex, !terms.isEmpty || sign == -1 else { return nil }
        terms.append((sign, text[start...]))
        guard terms.allSatisfy({ term in term.term.allSatisfy { $0.isLetter || $0.isNumber } }) else { return nil }
        var value = 0
        var usesIndex = false
        for (sign, term) in terms {
            if let number = Int(term) {
                value += sign * number
            } else if let index = indexValues[String(term)] {
                value += sign * index
                usesIndex = true
            } else {
                return "{" + text + "}"
            }
        }
        return usesIndex ? String(value) : "{" + text + "}"
    }
}

/// `(expr)'` and `g(x)'`: the derivative with respect to the only free variable, which the
/// reader cannot know; the Notebook replaces this placeholder once it knows the leaves.
public enum PrimeNotation {
    /// The variable name a prime on an expression stands for until it is resolved.
    public static let onlyFreeVariable = "′"
}
