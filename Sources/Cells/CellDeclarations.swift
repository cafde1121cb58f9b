/// The top-level `let`/`var` and `func` declarations of a note's cells, found by a small
/// tokenizer (comments, string literals with interpolation, raw and multi-line strings, and
/// bracket depth are honoured; no regular expressions): what later ties cells to the math
/// (a `let` binding a note name, a `func` checked against a formula, issue 12 items 3-4).
///
/// Why not swift-syntax: its build time on two shared cores (measured in round 18; see the
/// Cells section of the README).
/// What it does not see: declarations inside `#if`, in a `do { }` at top level, or a pattern
/// (`let (a, b) = ...`); a `let` value is the text up to the end of its statement.
public struct CellDeclaration: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// `let name[: Type] = value` (or `var`): `value` is the expression's text.
        case value(type: String?, expression: String, constant: Bool)
        /// `func name(parameters) -> result`.
        case function(parameters: [Parameter], result: String?)
    }

    /// One parameter: its argument label (`nil` for `_`), its name and its type's text.
    public struct Parameter: Sendable, Equatable {
        public var label: String?
        public var name: String
        public var type: String
        public var hasDefault: Bool
    }

    public var name: String
    public var kind: Kind
    /// The cell it is in (from 0), and the note's line and column of its name.
    public var cell: Int
    public var line: Int
    public var column: Int

    /// The top-level declarations of `cells`, in order.
    public static func find(in cells: [Cell]) -> [CellDeclaration] {
        cells.flatMap { find(in: $0) }
    }

    static func find(in cell: Cell) -> [CellDeclaration] {
        let tokens = SwiftTokens.read(cell.code)
        var result: [CellDeclaration] = []
        var depth = 0
        var index = 0
        func at(_ i: Int) -> SwiftTokens.Token? { i < tokens.count ? tokens[i] : nil }
        while index < tokens.count {
            let token = tokens[index]
            switch token.text {
            case "{", "(", "[": depth += 1
            case "}", ")", "]": depth = max(0, depth - 1)
            default: break
            }
            let startsStatement = index == 0 || tokens[index - 1].text == ";" || tokens[index - 1].newlineAfter
                || ["public", "private", "fileprivate", "internal", "static", "@discardableResult"].contains(tokens[index - 1].text)
            guard depth == 0, startsStatement, token.kind == .word, ["let", "var", "func"].contains(token.text),
                  let nameToken = at(index + 1), nameToken.kind == .word else {
                index += 1
                continue
            }
            let position = (line: cell.firstLine + nameToken.line, column: nameToken.column)
            if token.text == "func" {
                guard at(index + 2)?.text == "(" else { index += 2; continue }
                var i = index + 3
                var parameters: [Parameter] = []
                var words: [String] = []
                var type = ""
                var inType = false
                var hasDefault = false
                var nested = 0
                func finish() {
                    guard !words.isEmpty else { return }
                    let label = words.count >= 2 ? (words[0] == "_" ? nil : words[0]) : words[0]
                    let name = words.count >= 2 ? words[1] : words[0]
                    parameters.append(Parameter(label: label, name: name, type: type.trimmed, hasDefault: hasDefault))
                    words = []; type = ""; inType = false; hasDefault = false
                }
                while let t = at(i), !(nested == 0 && t.text == ")") {
                    if t.text == "(" || t.text == "[" || t.text == "<" { nested += 1 }
                    if t.text == ")" || t.text == "]" || t.text == ">" { nested -= 1 }
                    if nested == 0 && t.text == "," { finish() }
                    else if nested == 0 && t.text == ":" && !inType { inType = true }
                    else if nested == 0 && t.text == "=" { hasDefault = true }
                    else if hasDefault { }
                    else if inType { type += (type.isEmpty ? "" : t.spaceBefore ? " " : "") + t.text }
                    else { words.append(t.text) }
                    i += 1
                }
                finish()
                var resultType: String?
                if at(i + 1)?.text == "->" {
                    var j = i + 2
                    var text = ""
                    while let t = at(j), t.text != "{", t.text != "where" { text += (text.isEmpty || !t.spaceBefore ? "" : " ") + t.text; j += 1 }
                    resultType = text
                }
                result.append(CellDeclaration(name: nameToken.text, kind: .function(parameters: parameters, result: resultType),
                                              cell: cell.index, line: position.line, column: position.column))
                index = i
            } else {
                var i = index + 2
                var type: String?
                if at(i)?.text == ":" {
                    var text = ""
                    i += 1
                    while let t = at(i), t.text != "=" {
                        text += (text.isEmpty || !t.spaceBefore ? "" : " ") + t.text
                        i += 1
                        if t.newlineAfter { break }
                    }
                    type = text
                }
                guard at(i)?.text == "=" else { index = i; continue }
                i += 1
                var text = ""
                var nested = 0
                while let t = at(i) {
                    if t.text == ";" && nested == 0 { break }
                    if ["(", "[", "{"].contains(t.text) { nested += 1 }
                    if [")", "]", "}"].contains(t.text) { nested -= 1 }
                    text += (text.isEmpty || !t.spaceBefore ? "" : " ") + t.text
                    i += 1
                    // A newline ends the statement unless a bracket is open or an operator
                    // ends this line or starts the next.
                    if t.newlineAfter && nested <= 0 && t.kind != .operator && !(at(i).map { $0.kind == .operator || $0.text == "." } ?? false) {
                        break
                    }
                }
                result.append(CellDeclaration(name: nameToken.text, kind: .value(type: type, expression: text, constant: token.text == "let"),
                                              cell: cell.index, line: position.line, column: position.column))
                index = i
            }
        }
        return result
    }
}

private extension String {
    var trimmed: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}

/// Swift source as tokens: words (identifiers and keywords), numbers, strings, operators and
/// punctuation, with each token's line (from 0) and column (from 1), and whether a space comes
/// before it or a line break after it. Comments are dropped.
enum SwiftTokens {
    enum Kind { case word, number, string, `operator`, punctuation }
    struct Token {
        var text: String
        var kind: Kind
        var line: Int
        var column: Int
        var spaceBefore: Bool
        var newlineAfter = false
    }

    static func read(_ code: String) -> [Token] {
        let s = Array(code.unicodeScalars)
        var tokens: [Token] = []
        var i = 0, line = 0, lineStart = 0
        var space = false
        func text(_ a: Int, _ b: Int) -> String { String(String.UnicodeScalarView(s[a..<b])) }
        func isWordStart(_ c: Unicode.Scalar) -> Bool { c == "_" || c.properties.isAlphabetic || (c.value > 0x7F && c.properties.isXIDStart) }
        func isWord(_ c: Unicode.Scalar) -> Bool { isWordStart(c) || c.properties.numericType != nil || (c.value > 0x7F && c.properties.isXIDContinue) }
        func newline() {
            if !tokens.isEmpty { tokens[tokens.count - 1].newlineAfter = true }
        }
        while i < s.count {
            let c = s[i]
            if c == "\n" { newline(); i += 1; line += 1; lineStart = i; space = true; continue }
            if c == " " || c == "\t" || c == "\r" { i += 1; space = true; continue }
            if c == "/", i + 1 < s.count, s[i + 1] == "/" {
                while i < s.count, s[i] != "\n" { i += 1 }
                continue
            }
            if c == "/", i + 1 < s.count, s[i + 1] == "*" {
                var level = 0
                repeat {
                    if s[i] == "/", i + 1 < s.count, s[i + 1] == "*" { level += 1; i += 2; continue }
                    if s[i] == "*", i + 1 < s.count, s[i + 1] == "/" { level -= 1; i += 2; continue }
                    if s[i] == "\n" { newline(); line += 1; lineStart = i + 1 }
                    i += 1
                } while i < s.count && level > 0
                space = true
                continue
            }
            let start = i
            let column = i - lineStart + 1
            let startLine = line
            var kind = Kind.punctuation
            if c == "#" || c == "\"" {
                // A string: `#`s, then one or three quotes; ends at the same quotes and `#`s.
                var hashes = 0
                while i < s.count, s[i] == "#" { hashes += 1; i += 1 }
                if i < s.count, s[i] == "\"" {
                    let triple = i + 2 < s.count && s[i + 1] == "\"" && s[i + 2] == "\""
                    let quotes = triple ? 3 : 1
                    i += quotes
                    var interpolation = 0
                    while i < s.count {
                        if s[i] == "\n" { line += 1; lineStart = i + 1 }
                        if s[i] == "\\" {
                            var j = i + 1
                            var h = 0
                            while j < s.count, s[j] == "#", h < hashes { h += 1; j += 1 }
                            if h == hashes, j < s.count, s[j] == "(" { interpolation += 1; i = j + 1; continue }
                            i = h == hashes ? j + 1 : i + 1
                            continue
                        }
                        if interpolation > 0 {
                            if s[i] == "\"" {
                                // A plain string inside the interpolation: skipped whole.
                                i += 1
                                while i < s.count, s[i] != "\"", s[i] != "\n" { i += s[i] == "\\" ? 2 : 1 }
                            } else if s[i] == "(" { interpolation += 1 } else if s[i] == ")" { interpolation -= 1 }
                            i += 1
                            continue
                        }
                        if s[i] == "\"" {
                            var j = i
                            var q = 0
                            while j < s.count, s[j] == "\"", q < quotes { q += 1; j += 1 }
                            var h = 0
                            while j < s.count, s[j] == "#", h < hashes { h += 1; j += 1 }
                            if q == quotes && h == hashes { i = j; break }
                            i += 1
                            continue
                        }
                        i += 1
                    }
                    kind = .string
                } else {
                    // `#if`, `#sourceLocation`...: a word.
                    while i < s.count, isWord(s[i]) { i += 1 }
                    kind = .word
                }
            } else if isWordStart(c) || c == "@" || c == "`" {
                i += 1
                while i < s.count, isWord(s[i]) || s[i] == "`" { i += 1 }
                kind = .word
            } else if c.properties.numericType != nil, c.isASCII {
                while i < s.count, isWord(s[i]) || (s[i] == "." && i + 1 < s.count && s[i + 1].properties.numericType != nil && s[i + 1].isASCII)
                    || ((s[i] == "-" || s[i] == "+") && (s[i - 1] == "e" || s[i - 1] == "E" || s[i - 1] == "p" || s[i - 1] == "P")) {
                    i += 1
                }
                kind = .number
            } else if "+-*/%<>=!&|^~?.".unicodeScalars.contains(c) {
                while i < s.count, "+-*/%<>=!&|^~?.".unicodeScalars.contains(s[i]) { i += 1 }
                let op = text(start, i)
                kind = ["=", "->", "."].contains(op) ? .punctuation : .operator
            } else {
                i += 1
            }
            tokens.append(Token(text: text(start, i), kind: kind, line: startLine, column: column, spaceBefore: space))
            space = false
        }
        return tokens
    }
}
