/// An element read by `XMLReader`: its name, attributes and children in order.
struct XMLElement: Equatable {
    var name: String
    var attributes: [String: String]
    var children: [XMLNode]
}

/// A child of an `XMLElement`: an element or a run of text.
enum XMLNode: Equatable {
    case element(XMLElement)
    case text(String)
}

/// A small XML reader for the MathML the tests compare: elements, attributes, text and
/// character references; `<!...>` and `<?...?>` are skipped.
enum XMLReader {
    /// Parses one element (and what is inside it). Returns nil for malformed markup.
    static func parse(_ markup: String) -> XMLElement? {
        var scalars = Array(markup.unicodeScalars)[...]
        skipProlog(&scalars)
        var stack: [XMLElement] = []
        var root: XMLElement?
        while !scalars.isEmpty {
            if scalars.first == "<" {
                scalars.removeFirst()
                if scalars.first == "/" {
                    scalars.removeFirst()
                    _ = take(&scalars) { $0 != ">" }
                    guard scalars.first == ">" else { return nil }
                    scalars.removeFirst()
                    guard let finished = stack.popLast() else { return nil }
                    if stack.isEmpty { root = finished } else { stack[stack.count - 1].children.append(.element(finished)) }
                    continue
                }
                if scalars.first == "!" || scalars.first == "?" {
                    _ = take(&scalars) { $0 != ">" }
                    if !scalars.isEmpty { scalars.removeFirst() }
                    continue
                }
                let name = take(&scalars) { !isSpace($0) && $0 != ">" && $0 != "/" }
                var attributes: [String: String] = [:]
                while true {
                    _ = take(&scalars, while: isSpace)
                    guard let next = scalars.first else { return nil }
                    if next == ">" || next == "/" { break }
                    let attributeName = take(&scalars) { $0 != "=" && !isSpace($0) && $0 != ">" }
                    _ = take(&scalars, while: isSpace)
                    guard scalars.first == "=" else { attributes[attributeName] = ""; continue }
                    scalars.removeFirst()
                    _ = take(&scalars, while: isSpace)
                    guard let quote = scalars.first, quote == "\"" || quote == "'" else { return nil }
                    scalars.removeFirst()
                    let value = take(&scalars) { $0 != quote }
                    if !scalars.isEmpty { scalars.removeFirst() }
                    attributes[attributeName] = decodeEntities(value)
                }
                var selfClosing = false
                if scalars.first == "/" {
                    selfClosing = true
                    scalars.removeFirst()
                }
                guard scalars.first == ">" else { return nil }
                scalars.removeFirst()
                let element = XMLElement(name: name, attributes: attributes, children: [])
                if selfClosing {
                    if stack.isEmpty { root = element } else { stack[stack.count - 1].children.append(.element(element)) }
                } else {
                    stack.append(element)
                }
            } else {
                let text = take(&scalars) { $0 != "<" }
                if !stack.isEmpty { stack[stack.count - 1].children.append(.text(decodeEntities(text))) }
            }
        }
        return stack.isEmpty ? root : nil
    }

    private static func skipProlog(_ scalars: inout ArraySlice<Unicode.Scalar>) {
        _ = take(&scalars, while: isSpace)
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r"
    }

    private static func take(_ scalars: inout ArraySlice<Unicode.Scalar>, while condition: (Unicode.Scalar) -> Bool) -> String {
        var result = String.UnicodeScalarView()
        while let first = scalars.first, condition(first) {
            result.append(first)
            scalars.removeFirst()
        }
        return String(result)
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var scalars = Array(text.unicodeScalars)[...]
        while let first = scalars.first {
            scalars.removeFirst()
            guard first == "&" else {
                result.unicodeScalars.append(first)
                continue
            }
            let name = take(&scalars) { $0 != ";" && $0 != "&" && $0 != " " }
            if scalars.first == ";" { scalars.removeFirst() }
            switch name {
            case "lt": result += "<"
            case "gt": result += ">"
            case "amp": result += "&"
            case "quot": result += "\""
            case "apos": result += "'"
            case "nbsp": result += "\u{A0}"
            case "thinsp": result += "\u{2009}"
            default:
                var value: UInt32?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    value = UInt32(name.dropFirst(2), radix: 16)
                } else if name.hasPrefix("#") {
                    value = UInt32(name.dropFirst())
                }
                if let value, let scalar = Unicode.Scalar(value) {
                    result.unicodeScalars.append(scalar)
                } else {
                    result += "&" + name + ";"
                }
            }
        }
        return result
    }
}
