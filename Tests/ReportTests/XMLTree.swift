import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An element of a parsed XML document, for checking SVG output structurally.
final class XMLElementNode {
    let name: String
    let attributes: [String: String]
    var children: [XMLElementNode] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// This element and all below it, in document order.
    var all: [XMLElementNode] { [self] + children.flatMap(\.all) }

    /// Elements below (and including) this one whose `class` holds `className`.
    func withClass(_ className: String) -> [XMLElementNode] {
        all.filter { ($0.attributes["class"] ?? "").split(separator: " ").contains(Substring(className)) }
    }

    /// The text of this element and its descendants.
    var allText: String { text + children.map(\.allText).joined() }
}

/// Parses XML with Foundation's XMLParser; the root element, or the parser's error message.
enum XMLTree {
    static func parse(_ markup: String) -> Result<XMLElementNode, ParseFailure> {
        let delegate = Builder()
        let parser = XMLParser(data: Data(markup.utf8))
        parser.delegate = delegate
        guard parser.parse(), let root = delegate.root else {
            let message = parser.parserError.map { "\($0)" } ?? "no root element"
            return .failure(ParseFailure(message: "line \(parser.lineNumber): \(message)"))
        }
        return .success(root)
    }

    struct ParseFailure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: XMLElementNode?
        var stack: [XMLElementNode] = []

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
        ) {
            let node = XMLElementNode(name: elementName, attributes: attributeDict)
            if let parent = stack.last { parent.children.append(node) } else { root = node }
            stack.append(node)
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
        ) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}
