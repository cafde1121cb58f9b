/// A MathML element being built: a name, attributes in a fixed order, and either children
/// or (for token elements such as `<mi>`) text.
struct MathMLElement {
    var name: String
    var attributes: [(name: String, value: String)] = []
    var children: [MathMLElement] = []
    var text: String?

    init(_ name: String, _ attributes: [(name: String, value: String)] = [], children: [MathMLElement] = []) {
        self.name = name
        self.attributes = attributes
        self.children = children
    }

    init(_ name: String, text: String, _ attributes: [(name: String, value: String)] = []) {
        self.name = name
        self.attributes = attributes
        self.text = text
    }

    /// The value of an attribute, if set.
    func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// Sets (or replaces) an attribute.
    mutating func set(_ name: String, _ value: String) {
        if let index = attributes.firstIndex(where: { $0.name == name }) {
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
        for attribute in attributes {
            output.append(UInt8(ascii: " "))
            MathMLElement.append(attribute.name, to: &output)
            output.append(UInt8(ascii: "="))
            output.append(UInt8(ascii: "\""))
            MathMLElement.escape(attribute.value, into: &output)
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

    /// Appends the UTF-8 of `text` (already safe markup) in one copy.
    private static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { output.append(contentsOf: $0) }
    }

    /// Appends `text` with `&`, `<`, `>` and `"` escaped, for element content and attribute values.
    static func escape(_ text: String, into output: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            // Runs without a special byte are copied whole.
            var runStart = 0
            for (index, byte) in utf8.enumerated()
            where byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"") {
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
