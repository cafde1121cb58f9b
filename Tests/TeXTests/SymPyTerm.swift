/// A SymPy `srepr` tree, as written in the `expected_srepr` column of the SymPy corpus:
/// `Add(Symbol('x'), Integer(1))`, `Float('1.5', precision=53)`, `Function('f')(Symbol('x'))`,
/// `MutableDenseMatrix([[...], [...]])`, and bare atoms (`oo`, `pi`, `E`, `I`, `-3.14`, `17`).
indirect enum SymPyTerm: Equatable {
    /// A number literal: `0`, `-3.14`, `17`.
    case number(String)
    /// A quoted string: the name in `Symbol('x')` or `Symbol("a'")`.
    case string(String)
    /// A bare name: `oo`, `pi`, `E`, `I`, `zoo`.
    case name(String)
    /// A call: the callee (a name, or a call for `Function('f')(x)`) and its arguments.
    case call(SymPyTerm, [SymPyTerm])
    /// A keyword argument: `precision=53`.
    case keyword(String, SymPyTerm)
    /// A list: `[a, b]`.
    case list([SymPyTerm])

    /// Parses one `srepr` text; the whole text must be one term.
    static func parse(_ text: String) throws(SymPyParseError) -> SymPyTerm {
        var parser = SymPyParser(Array(text.utf8))
        let term = try parser.term(depth: 0)
        parser.skipSpaces()
        guard parser.atEnd else { throw parser.error("text after the term") }
        return term
    }
}

/// Why an `srepr` text could not be parsed, and where.
struct SymPyParseError: Error, CustomStringConvertible {
    var message: String
    var offset: Int
    var description: String { "\(message) at byte \(offset)" }
}

/// A recursive-descent parser of `srepr` texts.
private struct SymPyParser {
    private let bytes: [UInt8]
    private var position = 0
    private static let maximumDepth = 200

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var atEnd: Bool { position >= bytes.count }

    func error(_ message: String) -> SymPyParseError {
        SymPyParseError(message: message, offset: position)
    }

    mutating func skipSpaces() {
        while position < bytes.count, bytes[position] == UInt8(ascii: " ") { position += 1 }
    }

    private func peek() -> UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    private mutating func expect(_ byte: UInt8) throws(SymPyParseError) {
        skipSpaces()
        guard peek() == byte else { throw error("expected '\(Character(Unicode.Scalar(byte)))'") }
        position += 1
    }

    mutating func term(depth: Int) throws(SymPyParseError) -> SymPyTerm {
        guard depth < Self.maximumDepth else { throw error("nesting deeper than \(Self.maximumDepth)") }
        skipSpaces()
        guard let first = peek() else { throw error("a term is missing") }
        var result: SymPyTerm
        if first == UInt8(ascii: "'") || first == UInt8(ascii: "\"") {
            result = .string(try quoted())
        } else if first == UInt8(ascii: "[") {
            result = .list(try sequence(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), depth: depth))
        } else if first == UInt8(ascii: "-") || isDigit(first) {
            result = .number(number())
        } else if isNameStart(first) {
            let name = identifier()
            skipSpaces()
            if peek() == UInt8(ascii: "=") {
                position += 1
                return .keyword(name, try term(depth: depth + 1))
            }
            result = .name(name)
        } else {
            throw error("unexpected character '\(Character(Unicode.Scalar(first)))'")
        }
        // Calls, possibly chained: `Function('f')(Symbol('x'))`.
        while true {
            skipSpaces()
            guard peek() == UInt8(ascii: "(") else { break }
            let arguments = try sequence(open: UInt8(ascii: "("), close: UInt8(ascii: ")"), depth: depth)
            result = .call(result, arguments)
        }
        return result
    }

    /// `(a, b, ...)` or `[a, b, ...]`, possibly empty.
    private mutating func sequence(open: UInt8, close: UInt8, depth: Int) throws(SymPyParseError) -> [SymPyTerm] {
        try expect(open)
        var items: [SymPyTerm] = []
        skipSpaces()
        if peek() == close {
            position += 1
            return items
        }
        while true {
            items.append(try term(depth: depth + 1))
            skipSpaces()
            if peek() == UInt8(ascii: ",") {
                position += 1
                continue
            }
            try expect(close)
            return items
        }
    }

    private mutating func quoted() throws(SymPyParseError) -> String {
        guard let quote = peek() else { throw error("a string is missing") }
        position += 1
        let start = position
        while let byte = peek(), byte != quote {
            position += byte == UInt8(ascii: "\\") ? 2 : 1
        }
        guard peek() == quote else { throw error("a string is never closed") }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        position += 1
        return text
    }

    private mutating func number() -> String {
        let start = position
        if peek() == UInt8(ascii: "-") { position += 1 }
        while let byte = peek(),
            isDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
                || (byte == UInt8(ascii: "-") && position > start && [UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[position - 1]))
        {
            position += 1
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private mutating func identifier() -> String {
        let start = position
        while let byte = peek(), isNameStart(byte) || isDigit(byte) { position += 1 }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_")
    }
}
