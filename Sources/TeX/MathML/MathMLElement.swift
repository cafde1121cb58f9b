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

    /// Appends the element's markup. Every element gets an explicit end tag, which both
    /// HTML and XML parsers read the same way.
    func write(to output: inout String) {
        output += "<" + name
        for attribute in attributes {
            output += " " + attribute.name + "=\"" + MathMLElement.escape(attribute.value) + "\""
        }
        output += ">"
        if let text {
            output += MathMLElement.escape(text)
        }
        for child in children {
            child.write(to: &output)
        }
        output += "</" + name + ">"
    }

    /// Escapes `&`, `<`, `>` and `"` for element content and attribute values.
    static func escape(_ text: String) -> String {
        if !text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") }) {
            return text
        }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
