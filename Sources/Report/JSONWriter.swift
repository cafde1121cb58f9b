import Markup

/// Writes JSON text straight into UTF-8 bytes, two-space indented, object keys in the order
/// they are written; commas, newlines and indentation follow from the calls.
///
/// ```swift
/// var json = JSONWriter()
/// json.openObject()
/// json.member("line", 3)
/// json.member("partials", [])
/// json.closeObject()
/// // {
/// //   "line": 3,
/// //   "partials": {}
/// // }
/// ```
struct JSONWriter: ~Copyable {
    /// The text written so far.
    private var buffer: MarkupBuffer
    /// The text written so far, as UTF-8.
    var bytes: [UInt8] { buffer.bytes }
    /// How many arrays and objects are open.
    private var depth = 0
    /// Bit `d - 1` is set when the container open at depth `d` has an element yet (at most
    /// `maximumDepth`, 64, levels: one bit each).
    private var hasElements: UInt64 = 0
    /// The indentation of the outermost value, in levels of two spaces.
    private let baseLevel: Int
    /// A key was just written: the next value follows it on the same line.
    private var afterKey = false

    /// A writer whose output sits `level` deep in a larger document (its first line is not
    /// indented; the lines after it are).
    init(level: Int = 0, capacity: Int = 4096) {
        precondition((0...Self.maximumLevel).contains(level), "JSONWriter starts at most \(Self.maximumLevel) levels deep")
        baseLevel = level
        buffer = MarkupBuffer(capacity: capacity)
    }

    mutating func openObject() { open(UInt8(ascii: "{")) }
    mutating func closeObject() { close(UInt8(ascii: "}")) }
    mutating func openArray() { open(UInt8(ascii: "[")) }
    mutating func closeArray() { close(UInt8(ascii: "]")) }

    /// An object member's key written in the code (it needs no escaping); its value is the
    /// next thing written.
    mutating func key(_ name: StaticString) {
        startElement()
        buffer.append(UInt8(ascii: "\""))
        buffer.append(name)
        buffer.append(UInt8(ascii: "\""))
        buffer.append(UInt8(ascii: ":"))
        buffer.append(UInt8(ascii: " "))
        afterKey = true
    }

    /// An object member's key from the data (a name in a note), escaped as needed.
    mutating func key(text name: String) {
        startElement()
        quote(name)
        buffer.append(UInt8(ascii: ":"))
        buffer.append(UInt8(ascii: " "))
        afterKey = true
    }

    mutating func null() { scalar("null") }
    mutating func boolean(_ value: Bool) { scalar(value ? "true" : "false") }
    mutating func integer(_ value: Int) {
        startElement()
        buffer.append(decimal: value)
    }

    /// A number; NaN and ±∞ are written as the strings `"nan"`, `"inf"`, `"-inf"`.
    mutating func number(_ value: Double) {
        // A whole number as its digits, without making a string (`number(_:)` below).
        if let whole = Self.wholeNumber(value) { return integer(whole) }
        scalar(Self.number(value))
    }

    mutating func string(_ value: String) {
        startElement()
        quote(value)
    }

    /// A string, or `null` when there is none.
    mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// A number, or `null` when there is none.
    mutating func number(_ value: Double?) {
        if let value { number(value) } else { null() }
    }

    /// A member whose value is an integer.
    mutating func member(_ name: StaticString, _ value: Int) {
        key(name)
        integer(value)
    }

    /// A member whose value is a string, or `null`.
    mutating func member(_ name: StaticString, _ value: String?) {
        key(name)
        string(value)
    }

    /// A member whose value is a number, or `null`.
    mutating func member(_ name: StaticString, _ value: Double?) {
        key(name)
        number(value)
    }

    /// A member whose value is an object of numbers, in the order given.
    mutating func member(_ name: StaticString, _ numbers: [(name: String, value: Double)]) {
        key(name)
        openObject()
        for number in numbers {
            key(text: number.name)
            self.number(number.value)
        }
        closeObject()
    }

    /// A member whose value is an array of strings (`"parameters": ["w", "b"]`).
    mutating func member(_ name: StaticString, strings: [String]) {
        key(name)
        openArray()
        for string in strings { self.string(string) }
        closeArray()
    }

    /// A member whose value is an array of numbers (`"losses": [0.25, 0.5]`), or `null`.
    mutating func member(_ name: StaticString, numbers: [Double]?) {
        key(name)
        guard let numbers else { return null() }
        openArray()
        for number in numbers { self.number(number) }
        closeArray()
    }

    /// Shortest text that reads back as the same double; non-finite values as strings.
    static func number(_ value: Double) -> String {
        if value.isNaN { return "\"nan\"" }
        if value.isInfinite { return value > 0 ? "\"inf\"" : "\"-inf\"" }
        if let whole = wholeNumber(value) { return String(whole) }
        return String(describing: value)
    }

    /// `value` as an integer when it is a whole number written without an exponent (under
    /// 10^15 in size); NaN and ±∞ are none.
    private static func wholeNumber(_ value: Double) -> Int? {
        value == value.rounded() && abs(value) < 1e15 ? Int(value) : nil
    }

    // MARK: - Layout

    private mutating func open(_ bracket: UInt8) {
        startElement()
        buffer.append(bracket)
        precondition(depth < Self.maximumDepth, "JSONWriter nests at most \(Self.maximumDepth) levels")
        depth += 1
        hasElements &= ~Self.bit(depth)
    }

    private mutating func close(_ bracket: UInt8) {
        guard depth > 0 else { return }
        let hadElements = hasElements & Self.bit(depth) != 0
        depth -= 1
        if hadElements { lineBreak(depth, comma: false) }
        buffer.append(bracket)
    }

    /// The bit of `hasElements` for the container open at `depth`.
    private static func bit(_ depth: Int) -> UInt64 { 1 << UInt64(depth - 1) }

    private mutating func scalar(_ text: String) {
        startElement()
        buffer.raw(text)
    }

    /// What goes before a value or key: nothing after a key; otherwise, inside a container,
    /// a comma after the previous element, a newline and the indentation.
    private mutating func startElement() {
        if afterKey {
            afterKey = false
            return
        }
        guard depth > 0 else { return }
        // One copy of ",\n" and the indentation (the comma only after a previous element).
        let comma = hasElements & Self.bit(depth) != 0
        hasElements |= Self.bit(depth)
        lineBreak(depth, comma: comma)
    }

    /// Appends a newline (after a comma when `comma`) and the indentation of `depth`.
    private mutating func lineBreak(_ depth: Int, comma: Bool) {
        Self.breaks.withUnsafeBufferPointer { breaks in
            buffer.append(UnsafeBufferPointer(rebasing: breaks[(comma ? 0 : 1)..<(2 + 2 * (baseLevel + depth))]))
        }
    }

    /// How deep a writer's output may start, and how deep its containers may nest (reports
    /// start two levels deep and nest six).
    private static let maximumLevel = 16
    private static let maximumDepth = 64

    /// `,\n` and the spaces of the deepest indentation.
    private static let breaks = Array(",\n".utf8)
        + [UInt8](repeating: UInt8(ascii: " "), count: 2 * (maximumLevel + maximumDepth))

    private mutating func quote(_ text: String) {
        buffer.append(UInt8(ascii: "\""))
        buffer.jsonEscaped(text)
        buffer.append(UInt8(ascii: "\""))
    }
}
