@testable import TeX

/// A normaliser that makes two MathML renderings of the same formula comparable (read with
/// `XMLReader`): it strips `data-*`, `class`, `style` and `xmlns` attributes, whitespace and
/// attribute order, unwraps `<semantics>` (dropping the annotation), spells `mathvariant`
/// styled letters as Unicode math alphanumerics, and removes `<mrow>` wrappers that change
/// nothing (an attribute-less `<mrow>` or `<mstyle>` with one child, or inside a container
/// that already lays out its children as a row).
enum MathMLNormalizer {
    /// Elements whose children are laid out as one row (an inferred `<mrow>`).
    static let rowContainers: Set<String> = [
        "math", "mrow", "msqrt", "mstyle", "mtd", "mpadded", "mphantom", "menclose", "merror",
    ]

    static let tokens: Set<String> = ["mi", "mn", "mo", "mtext", "ms"]

    /// The canonical text of a `<math>` element, or nil if it cannot be read.
    static func canonical(_ markup: String) -> String? {
        guard var math = XMLReader.parse(markup) else { return nil }
        if math.attributes["display"] == nil { math.attributes["display"] = "inline" }
        // Our <semantics><mrow>…</mrow><annotation/></semantics> → the presentation part.
        if math.children.count == 1, case .element(let semantics) = math.children[0], semantics.name == "semantics",
           let first = semantics.children.first(where: { if case .element = $0 { return true }; return false })
        {
            math.children = [first]
        }
        let normalized = normalize(.element(math), parentIsRow: false)
        var output = ""
        for node in normalized { write(node, to: &output) }
        return output
    }

    private static func normalize(_ node: XMLNode, parentIsRow: Bool) -> [XMLNode] {
        switch node {
        case .text(let text):
            let trimmed = text.trimmingSpaces
            return trimmed.isEmpty ? [] : [.text(trimmed)]
        case .element(var element):
            element.attributes = element.attributes.filter { key, _ in
                !key.hasPrefix("data-") && !["class", "style", "xmlns", "indentshift"].contains(key)
            }
            if tokens.contains(element.name) {
                var text = element.children.compactMap { child -> String? in
                    if case .text(let string) = child { return string }
                    return nil
                }.joined().trimmingSpaces
                if let variant = element.attributes["mathvariant"] {
                    if let mapped = styled(text, variant) {
                        text = mapped
                        element.attributes["mathvariant"] = nil
                    } else if variant == "italic", element.name == "mi", text.unicodeScalars.count == 1 {
                        element.attributes["mathvariant"] = nil
                    }
                }
                element.children = text.isEmpty ? [] : [.text(text)]
                return [.element(element)]
            }
            let childIsRow = rowContainers.contains(element.name)
            element.children = element.children.flatMap { normalize($0, parentIsRow: childIsRow) }
            let isPlainRow = (element.name == "mrow" || element.name == "mstyle") && element.attributes.isEmpty
            if isPlainRow {
                if parentIsRow { return element.children }
                if element.children.count == 1 { return element.children }
            }
            return [.element(element)]
        }
    }

    /// Letters in a `mathvariant` as Unicode math alphanumerics (nil for `normal`/`italic`).
    private static func styled(_ text: String, _ variant: String) -> String? {
        let alphabets: [String: (UInt32, UInt32, UInt32?)] = [
            "bold": (0x1D400, 0x1D41A, 0x1D7CE), "bold-italic": (0x1D468, 0x1D482, nil),
            "script": (0x1D49C, 0x1D4B6, nil), "bold-script": (0x1D4D0, 0x1D4EA, nil),
            "fraktur": (0x1D504, 0x1D51E, nil), "bold-fraktur": (0x1D56C, 0x1D586, nil),
            "double-struck": (0x1D538, 0x1D552, 0x1D7D8), "sans-serif": (0x1D5A0, 0x1D5BA, 0x1D7E2),
            "bold-sans-serif": (0x1D5D4, 0x1D5EE, 0x1D7EC), "sans-serif-italic": (0x1D608, 0x1D622, nil),
            "sans-serif-bold-italic": (0x1D63C, 0x1D656, nil), "monospace": (0x1D670, 0x1D68A, 0x1D7F6),
        ]
        let holes: [String: [Unicode.Scalar: Unicode.Scalar]] = [
            "script": ["B": "\u{212C}", "E": "\u{2130}", "F": "\u{2131}", "H": "\u{210B}", "I": "\u{2110}",
                       "L": "\u{2112}", "M": "\u{2133}", "R": "\u{211B}", "e": "\u{212F}", "g": "\u{210A}", "o": "\u{2134}"],
            "fraktur": ["C": "\u{212D}", "H": "\u{210C}", "I": "\u{2111}", "R": "\u{211C}", "Z": "\u{2128}"],
            "double-struck": ["C": "\u{2102}", "H": "\u{210D}", "N": "\u{2115}", "P": "\u{2119}", "Q": "\u{211A}",
                              "R": "\u{211D}", "Z": "\u{2124}"],
        ]
        guard let (capital, small, digit) = alphabets[variant] else { return nil }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let hole = holes[variant]?[scalar] {
                result.append(hole)
                continue
            }
            let value = scalar.value
            var mapped: UInt32?
            if value >= 0x41 && value <= 0x5A { mapped = capital + value - 0x41 }
            if value >= 0x61 && value <= 0x7A { mapped = small + value - 0x61 }
            if value >= 0x30 && value <= 0x39, let digit { mapped = digit + value - 0x30 }
            if variant == "bold" && value >= 0x391 && value <= 0x3A9 && value != 0x3A2 { mapped = 0x1D6A8 + value - 0x391 }
            if variant == "bold" && value >= 0x3B1 && value <= 0x3C9 { mapped = 0x1D6C2 + value - 0x3B1 }
            result.append(mapped.flatMap(Unicode.Scalar.init) ?? scalar)
        }
        return String(result)
    }

    private static func write(_ node: XMLNode, to output: inout String) {
        switch node {
        case .text(let text):
            output += text
        case .element(let element):
            output += "<" + element.name
            for key in element.attributes.keys.sorted() {
                output += " " + key + "=\"" + (element.attributes[key] ?? "") + "\""
            }
            output += ">"
            for child in element.children { write(child, to: &output) }
            output += "</" + element.name + ">"
        }
    }
}
