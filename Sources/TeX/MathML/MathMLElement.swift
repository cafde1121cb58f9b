import Markup

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
    func write(to output: inout MarkupBuffer) {
        output.append(UInt8(ascii: "<"))
        output.append(name)
        for index in attributes.indices {
            output.append(UInt8(ascii: " "))
            output.append(attributes[index].name)
            output.append(UInt8(ascii: "="))
            output.append(UInt8(ascii: "\""))
            output.escaped(attributes[index].value)
            output.append(UInt8(ascii: "\""))
        }
        output.append(UInt8(ascii: ">"))
        if let text {
            output.escaped(text)
        }
        for index in children.indices {
            children[index].write(to: &output)
        }
        output.append(UInt8(ascii: "<"))
        output.append(UInt8(ascii: "/"))
        output.append(name)
        output.append(UInt8(ascii: ">"))
    }

    /// Whether two static names have the same bytes.
    static func same(_ first: StaticString, _ second: StaticString) -> Bool {
        first.withUTF8Buffer { a in second.withUTF8Buffer { b in a.elementsEqual(b) } }
    }
}
