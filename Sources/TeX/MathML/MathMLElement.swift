/// A MathML element being built: a name, attributes in a fixed order, and either children
/// or (for token elements such as `<mi>`) text.
///
/// Names (of elements and attributes) are static strings: they are always written in the
/// code, and a static string costs no reference counting or hashing when it is copied,
/// compared or written out.
struct MathMLElement {
    /// An attribute: its name and its (unescaped) value.
    typealias Attribute = (name: StaticString, value: String)

    var name: StaticString
    var attributes: [Attribute] = []
    var children: [MathMLElement] = []
    var text: String?

    init(_ name: StaticString, _ attributes: [Attribute] = [], children: [MathMLElement] = []) {
        self.name = name
        self.attributes = attributes
        self.children = children
    }

    init(_ name: StaticString, text: String, _ attributes: [Attribute] = []) {
        self.name = name
        self.attributes = attributes
        self.text = text
    }

    /// Whether the element is named `name`.
    func isNamed(_ name: StaticString) -> Bool {
        MathMLElement.same(self.name, name)
    }

    /// The value of an attribute, if set.
    func attribute(_ name: StaticString) -> String? {
        attributes.first { MathMLElement.same($0.name, name) }?.value
    }

    /// Sets (or replaces) an attribute.
    mutating func set(_ name: StaticString, _ value: String) {
        if let index = attributes.firstIndex(where: { MathMLElement.same($0.name, name) }) {
            attributes[index].value = value
        } else {
            attributes.append((name, value))
        }
    }

    /// Appends the element's markup as UTF-8. Every element gets an explicit end tag, which
    /// both HTML and XML parsers read the same way.
    func write(to output: inout [UInt8]) {
        output.append(UInt8(ascii: "<"))
        MathMLElement.append(name, to: &output)
        for index in attributes.indices {
            output.append(UInt8(ascii: " "))
            MathMLElement.append(attributes[index].name, to: &output)
            output.append(UInt8(ascii: "="))
            output.append(UInt8(ascii: "\""))
            MathMLElement.escape(attributes[index].value, into: &output)
            output.append(UInt8(ascii: "\""))
        }
        output.append(UInt8(ascii: ">"))
        if let text {
            MathMLElement.escape(text, into: &output)
        }
        for index in children.indices {
            children[index].write(to: &output)
        }
        output.append(UInt8(ascii: "<"))
        output.append(UInt8(ascii: "/"))
        MathMLElement.append(name, to: &output)
        output.append(UInt8(ascii: ">"))
    }

    /// Whether two static names have the same bytes.
    static func same(_ first: StaticString, _ second: StaticString) -> Bool {
        first.withUTF8Buffer { a in second.withUTF8Buffer { b in a.elementsEqual(b) } }
    }

    /// Appends the UTF-8 of a name.
    private static func append(_ name: StaticString, to output: inout [UInt8]) {
        name.withUTF8Buffer { output.append(contentsOf: $0) }
    }

    /// Appends `text` with `&`, `<`, `>` and `"` escaped, for element content and attribute values.
    static func escape(_ text: String, into output: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            // Runs without a special byte are copied whole.
            var runStart = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                    || byte == UInt8(ascii: "\"")
                else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                switch byte {
                case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
                default: output.append(contentsOf: "&quot;".utf8)
                }
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
    }
}
