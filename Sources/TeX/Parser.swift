/// Recursive-descent reader of TeX math tokens into a `Node` tree.
///
/// Commands are looked up in `CommandRegistry`; each family's parsing lives in
/// `Commands/*.swift` next to its MathML building. The parser never stops on malformed input:
/// problems become diagnostics and `.error` nodes. Nesting deeper than `maxDepth` stops
/// reading (an error diagnostic) instead of overflowing the stack.
struct Parser {
    /// How deep groups, arguments and environments may nest.
    static let maxDepth = 100

    /// Where a list of nodes ends.
    struct Stops: OptionSet {
        let rawValue: Int
        /// `}`
        static let close = Stops(rawValue: 1)
        /// `]` (optional arguments)
        static let bracket = Stops(rawValue: 2)
        /// `&` and `\\` / `\cr` (environment cells)
        static let cell = Stops(rawValue: 4)
        /// `\end`
        static let end = Stops(rawValue: 8)
        /// `\right` and `\middle`
        static let right = Stops(rawValue: 16)
        /// `$` (math inside text)
        static let dollar = Stops(rawValue: 32)
        /// `\of` (`\root n \of x`)
        static let of = Stops(rawValue: 64)
        /// `\)` (math inside text)
        static let closeParen = Stops(rawValue: 128)
        /// `\over` (`\buildrel a \over b`)
        static let over = Stops(rawValue: 256)

        /// The stops that are commands.
        static let commands: Stops = [.cell, .end, .right, .of, .closeParen, .over]
    }

    let source: String
    let bytes: [UInt8]
    let tokens: [Token]
    var position = 0
    var diagnostics: [TeXDiagnostic] = []
    var depth = 0
    /// Set when nesting went too deep: everything after that point was skipped.
    var aborted = false
    /// Where the formula nested too deep (its rest is not read), once `aborted`.
    var abortOffset = 0
    /// How many `\left` are open (to tell whether `\middle` is in place).
    var openLefts = 0
    /// How many environments are open (to tell whether `&` is in place).
    var openEnvironments = 0

    init(source: String) {
        self.source = source
        self.bytes = Array(source.utf8)
        self.tokens = Tokenizer.tokens(of: bytes)
    }

    // MARK: - Token access

    var atEnd: Bool { position >= tokens.count }

    var peek: Token? { position < tokens.count ? tokens[position] : nil }

    /// The next token that is not a space.
    mutating func peekSkippingSpaces() -> Token? {
        skipSpaces()
        return peek
    }

    mutating func advance() { position += 1 }

    mutating func skipSpaces() {
        while let token = peek, token.kind == .space { position += 1 }
    }

    /// The byte offset where the next token starts (the end of the formula at the end).
    var offset: Int { peek?.range.lowerBound ?? bytes.count }

    /// The byte offset where the previous token ended.
    var previousEnd: Int { position > 0 ? tokens[position - 1].range.upperBound : 0 }

    /// The source text of a byte range.
    func text(_ range: SourceRange) -> String {
        let lower = max(0, min(range.lowerBound, bytes.count))
        let upper = max(lower, min(range.upperBound, bytes.count))
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    func isCommand(_ token: Token?, _ name: String) -> Bool {
        if case .command(let found) = token?.kind { return found == name }
        return false
    }

    func isCharacter(_ token: Token?, _ character: Unicode.Scalar) -> Bool {
        if case .character(let found) = token?.kind { return found == character }
        return false
    }

    // MARK: - Diagnostics

    mutating func warn(_ message: String, _ range: SourceRange) {
        diagnostics.append(TeXDiagnostic(severity: .warning, message: message, range: range))
    }

    /// An unbalanced brace: the formula still renders (the brace closed at the end, or an extra
    /// one ignored), but not as written, so it is an error, not a warning: Derive cannot say
    /// what the formula means.
    mutating func unbalanced(_ message: String, _ range: SourceRange) {
        diagnostics.append(TeXDiagnostic(severity: .error, message: message, range: range))
    }

    /// An `.error` node and a warning for the same problem.
    mutating func errorNode(_ text: String, _ message: String, _ range: SourceRange) -> Node {
        warn(message, range)
        return .error(ErrorNode(text: text, message: message, range: range))
    }

    /// Runs `body` one nesting level deeper, or gives up on the rest of the formula if that
    /// is too deep. Returns nil when it gave up.
    mutating func nested<T>(_ body: (inout Parser) -> T) -> T? {
        if aborted { return nil }
        if depth >= Parser.maxDepth {
            let range = offset..<bytes.count
            diagnostics.append(
                TeXDiagnostic(
                    severity: .error,
                    message: "formula nested more than \(Parser.maxDepth) levels deep; the rest is not read",
                    range: range))
            aborted = true
            abortOffset = range.lowerBound
            position = tokens.count
            return nil
        }
        depth += 1
        defer { depth -= 1 }
        return body(&self)
    }

    // MARK: - Lists

    /// Whether `token` ends a list with the given stops.
    func stopsList(_ token: Token, _ stops: Stops) -> Bool {
        switch token.kind {
        case .close: return stops.contains(.close)
        case .character("]"): return stops.contains(.bracket)
        case .character("&"): return stops.contains(.cell)
        case .character("$"): return stops.contains(.dollar)
        // Most lists (the top level, braces) stop at no command: no name compared then.
        case .command where stops.isDisjoint(with: .commands): return false
        case .command("\\"), .command("cr"): return stops.contains(.cell)
        case .command("end"): return stops.contains(.end)
        case .command("right"): return stops.contains(.right)
        case .command("middle"): return false
        case .command("of"): return stops.contains(.of)
        case .command(")"): return stops.contains(.closeParen)
        case .command("over"): return stops.contains(.over)
        default: return false
        }
    }

    /// Reads nodes until a stop token (not consumed) or the end of the formula, into an array
    /// made with room for `capacity` nodes.
    mutating func parseList(_ stops: Stops, capacity: Int = 0) -> [Node] {
        var nodes: [Node] = []
        if capacity > 0 { nodes.reserveCapacity(capacity) }
        while !aborted {
            skipSpaces()
            guard let token = peek else { break }
            if stopsList(token, stops) { break }
            switch token.kind {
            case .close:
                advance()
                unbalanced("unbalanced brace: this } closes nothing and is ignored", token.range)
                continue
            case .command(let name):
                let entry = CommandRegistry.entries[name]
                if let infix = entry?.infix {
                    return [parseInfixFraction(infix, command: name, before: nodes, stops: stops)]
                }
                if let family = entry?.switchFamily {
                    if let node = family.parse(&self, Invocation(name: name, range: token.range, stops: stops)) {
                        nodes.append(node)
                    }
                    return nodes
                }
            default:
                break
            }
            nodes.append(parseScripted())
        }
        return nodes
    }

    /// Reads the rest of the current list for a switch such as `\bf` or `\displaystyle`.
    mutating func parseRest(_ stops: Stops) -> [Node] {
        nested { $0.parseList(stops) } ?? []
    }

    // MARK: - Scripts

    /// Reads one atom and the sub- and superscripts and primes that follow it.
    mutating func parseScripted() -> Node {
        let start = offset
        var base: Node?
        if let token = peek {
            switch token.kind {
            case .caret, .underscore: base = nil
            case .character("'"), .character("\u{2019}"): base = nil
            default: base = parsePrimary()
            }
        }
        var sub: Node?
        var sup: Node?
        var primes = 0
        var limits: Scripts.Limits?
        var hasScripts = false
        while !aborted {
            skipSpaces()
            guard let token = peek else { break }
            switch token.kind {
            case .character("'"), .character("\u{2019}"):
                advance()
                if sup != nil {
                    warn("prime after a superscript", token.range)
                }
                primes += 1
                hasScripts = true
            case .caret, .underscore:
                let isSup = token.kind == .caret
                if (isSup && sup != nil) || (!isSup && sub != nil) {
                    warn(isSup ? "double superscript; use braces" : "double subscript; use braces", token.range)
                    base = .scripts(
                        Scripts(base: base, sub: sub, sup: sup, primes: primes, limits: limits,
                                range: start..<previousEnd))
                    sub = nil
                    sup = nil
                    primes = 0
                    limits = nil
                }
                advance()
                let argument = parseArgument(for: isSup ? "^" : "_", at: token.range)
                if isSup { sup = argument } else { sub = argument }
                hasScripts = true
            case .command("limits"), .command("nolimits"):
                advance()
                limits = token.kind == .command("limits") ? .above : .side
                if !Parser.takesLimits(base) {
                    warn("\\limits and \\nolimits belong after a large operator", token.range)
                }
                hasScripts = true
            default:
                return finish(base, sub, sup, primes, limits, hasScripts, start)
            }
        }
        return finish(base, sub, sup, primes, limits, hasScripts, start)
    }

    private func finish(
        _ base: Node?, _ sub: Node?, _ sup: Node?, _ primes: Int, _ limits: Scripts.Limits?,
        _ hasScripts: Bool, _ start: Int
    ) -> Node {
        if !hasScripts, let base { return base }
        return .scripts(
            Scripts(base: base, sub: sub, sup: sup, primes: primes, limits: limits,
                    range: start..<max(start, previousEnd)))
    }

    /// Whether a node can take `\limits` (a large operator or an operator name).
    static func takesLimits(_ node: Node?) -> Bool {
        switch node {
        case .atom(let atom): return atom.atomClass == .op
        case .operatorName: return true
        case .enclosure(let enclosure): return enclosure.kind == .atomClass(.op)
        case .accent(let accent): return accent.isBrace
        case .scripts(let scripts): return takesLimits(scripts.base)
        default: return false
        }
    }

    // MARK: - Primaries

    /// Reads one atom: a group, a character, a number or a command with its arguments.
    mutating func parsePrimary() -> Node {
        skipSpaces()
        guard let token = peek else {
            return .group(Group(children: [], braced: false, range: offset..<offset))
        }
        switch token.kind {
        case .open:
            return parseGroup()
        case .close:
            advance()
            unbalanced("unbalanced brace: this } closes nothing", token.range)
            return .error(ErrorNode(text: "}", message: "unbalanced brace: this } closes nothing", range: token.range))
        case .caret, .underscore:
            advance()
            return errorNode(text(token.range), "misplaced script", token.range)
        case .space:
            advance()
            return .group(Group(children: [], braced: false, range: token.range))
        case .character(let scalar):
            return parseCharacter(scalar, token)
        case .command(let name):
            advance()
            let entry = CommandRegistry.entries[name]
            if let family = entry?.family {
                if let node = family.parse(&self, Invocation(name: name, range: token.range, stops: [])) {
                    return node
                }
                return .group(Group(children: [], braced: false, range: token.range))
            }
            if entry?.switchFamily != nil {
                // A switch where an argument is expected (`x^\displaystyle`): applies to nothing.
                return .group(Group(children: [], braced: false, range: token.range))
            }
            let shown = name.isEmpty ? "\\" : "\\" + name
            return errorNode(shown, "unknown command \(shown)", token.range)
        }
    }

    /// Reads `{ ... }`; an unclosed brace closes at the end of the formula with a warning.
    mutating func parseGroup() -> Node {
        guard let open = peek else { return .group(Group(children: [], braced: true, range: offset..<offset)) }
        advance()
        let children = nested { $0.parseList(.close) } ?? []
        var end = previousEnd
        if let token = peek, token.kind == .close {
            advance()
            end = token.range.upperBound
        } else if !aborted {
            unbalanced("unbalanced brace: { is not closed; closed at the end of the formula", open.range)
            end = bytes.count
        }
        return .group(Group(children: children, braced: true, range: open.range.lowerBound..<max(end, open.range.upperBound)))
    }

    /// Reads a character atom; digits and a decimal point make one number.
    mutating func parseCharacter(_ scalar: Unicode.Scalar, _ token: Token) -> Node {
        if Parser.isDigit(scalar) || (scalar == "." && isDigitNext(after: position)) {
            return parseNumber()
        }
        advance()
        switch scalar {
        case "&":
            return errorNode("&", "misplaced &: only environments have cells", token.range)
        case "#":
            return errorNode("#", "# is for macro parameters, which are not supported here", token.range)
        case "~", "\u{A0}":
            return .space(Space(command: "~", width: nil, isTextSpace: true, range: token.range))
        default:
            return .atom(Symbols.atom(for: scalar, range: token.range))
        }
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar >= "0" && scalar <= "9" }

    func isDigitNext(after index: Int) -> Bool {
        let next = index + 1
        guard next < tokens.count, tokens[next].range.lowerBound == tokens[index].range.upperBound else {
            return false
        }
        if case .character(let scalar) = tokens[next].kind { return Parser.isDigit(scalar) }
        return false
    }

    /// `[0-9]+(\.[0-9]+)?` or `\.[0-9]+`, from adjacent character tokens.
    mutating func parseNumber() -> Node {
        let start = offset
        let first = position
        var sawPoint = false
        while let token = peek, case .character(let scalar) = token.kind {
            if position > first, token.range.lowerBound != previousEnd { break }
            if Parser.isDigit(scalar) {
                advance()
            } else if scalar == ".", !sawPoint, isDigitNext(after: position) {
                sawPoint = true
                advance()
            } else {
                break
            }
        }
        // Adjacent one-byte tokens: the number's text is its source, made a string once.
        return .atom(Atom(atomClass: .ord, form: .number, text: text(start..<previousEnd), range: start..<previousEnd))
    }

    // MARK: - Arguments

    /// Reads a mandatory argument: a braced group (kept as `.group`) or a single token (one
    /// character, one digit, or one command with its own arguments).
    mutating func parseArgument(for command: String, at range: SourceRange) -> Node {
        skipSpaces()
        guard let token = peek, !stopsList(token, [.close, .cell, .end, .right, .dollar]) else {
            warn("missing argument for \(command)", range)
            return .group(Group(children: [], braced: false, range: range.upperBound..<range.upperBound))
        }
        switch token.kind {
        case .open:
            return parseGroup()
        case .character(let scalar) where Parser.isDigit(scalar):
            advance()
            return .atom(Atom(atomClass: .ord, form: .number, text: String(scalar), range: token.range))
        case .caret, .underscore:
            warn("missing argument for \(command)", range)
            return .group(Group(children: [], braced: false, range: token.range.lowerBound..<token.range.lowerBound))
        default:
            return nested { $0.parsePrimary() }
                ?? .group(Group(children: [], braced: false, range: offset..<offset))
        }
    }

    /// Reads `[ ... ]` as math if present (the index of `\sqrt[n]`).
    mutating func parseOptionalMath() -> Node? {
        skipSpaces()
        guard let open = peek, isCharacter(open, "[") else { return nil }
        advance()
        let children = nested { $0.parseList([.bracket, .close]) } ?? []
        var end = previousEnd
        if let close = peek, isCharacter(close, "]") {
            advance()
            end = close.range.upperBound
        } else if !aborted {
            warn("[ is not closed", open.range)
        }
        return .group(Group(children: children, braced: false, range: open.range.lowerBound..<end))
    }

    /// Reads `[ ... ]` as raw source text if present (`\\[2pt]`, `\cfrac[l]`, `\begin{array}[t]`).
    mutating func parseOptionalRaw() -> (text: String, range: SourceRange)? {
        skipSpaces()
        guard let open = peek, isCharacter(open, "[") else { return nil }
        advance()
        let start = offset
        var braces = 0
        while let token = peek {
            if braces == 0, isCharacter(token, "]") { break }
            if token.kind == .open { braces += 1 }
            if token.kind == .close {
                if braces == 0 { break }
                braces -= 1
            }
            advance()
        }
        let content = text(start..<max(start, previousEnd))
        if let close = peek, isCharacter(close, "]") {
            advance()
        } else {
            warn("[ is not closed", open.range)
        }
        return (content, open.range.lowerBound..<previousEnd)
    }

    /// Reads a braced argument as raw source text (`\color{red}`, `\begin{pmatrix}`,
    /// `\hspace{1em}`); without braces, a single token's text.
    mutating func parseRawArgument(for command: String, at range: SourceRange) -> (text: String, range: SourceRange) {
        skipSpaces()
        guard let token = peek else {
            warn("missing argument for \(command)", range)
            return ("", range.upperBound..<range.upperBound)
        }
        guard token.kind == .open else {
            if token.kind == .close {
                warn("missing argument for \(command)", range)
                return ("", token.range.lowerBound..<token.range.lowerBound)
            }
            advance()
            return (text(token.range), token.range)
        }
        advance()
        let start = offset
        var braces = 0
        while let next = peek {
            if next.kind == .open { braces += 1 }
            if next.kind == .close {
                if braces == 0 { break }
                braces -= 1
            }
            advance()
        }
        let contentEnd = max(start, position < tokens.count ? tokens[position].range.lowerBound : bytes.count)
        let content = text(start..<contentEnd)
        if let close = peek, close.kind == .close {
            advance()
        } else {
            unbalanced("unbalanced brace: { is not closed; closed at the end of the formula", token.range)
        }
        return (content.trimmingSpaces, token.range.lowerBound..<max(previousEnd, token.range.upperBound))
    }

    /// Reads a TeX dimension written without braces (`\above 1pt`, `\kern 3mu`, `\raise 1em`).
    mutating func parseBareDimension() -> String? {
        skipSpaces()
        var text = ""
        while let token = peek, case .character(let scalar) = token.kind,
              Parser.isDigit(scalar) || scalar == "." || scalar == "-" || scalar == "+" || scalar == ","
        {
            text.unicodeScalars.append(scalar == "," ? "." : scalar)
            advance()
        }
        skipSpaces()
        var unit = ""
        while let token = peek, case .character(let scalar) = token.kind,
              (scalar >= "a" && scalar <= "z"), unit.count < 2
        {
            unit.unicodeScalars.append(scalar)
            advance()
        }
        if text.isEmpty && unit.isEmpty { return nil }
        return text + unit
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    var trimmingSpaces: String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first == " " || first == "\n" || first == "\t" || first == "\r" {
            scalars.removeFirst()
        }
        while let last = scalars.last, last == " " || last == "\n" || last == "\t" || last == "\r" {
            scalars.removeLast()
        }
        return String(scalars)
    }
}
