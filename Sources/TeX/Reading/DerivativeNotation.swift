import Calculus

/// The derivative notations of docs/note-language.md §6 written as fractions:
/// `\frac{\partial A}{\partial x}`, `\frac{dA}{dx}`, `\frac{\partial}{\partial x} A`,
/// `\frac{\partial^2 A}{\partial x^2}` (and `\mathrm{d}` for `d`).
enum DerivativeNotation {
    /// The derivative the fraction writes, or `nil` when it is an ordinary fraction.
    static func read(_ fraction: Fraction, reader: inout ExpressionReader, cursor: inout ExpressionReader.Cursor)
        throws(ReadError) -> Expression?
    {
        let numerator = flatten(fraction.numerator)
        let denominator = flatten(fraction.denominator)
        guard let (top, topOrder, rest) = differential(numerator, source: reader.source),
            let (bottom, bottomOrder, variableNodes) = differential(denominator, source: reader.source),
            top == bottom
        else { return nil }
        guard !variableNodes.isEmpty else {
            throw ReadError("the derivative has no variable below the bar", fraction.denominator.range)
        }
        let (variable, variableOrder) = try variableName(variableNodes, reader: &reader)
        let order = max(topOrder, bottomOrder, variableOrder)
        if topOrder != max(bottomOrder, variableOrder) {
            throw ReadError("the orders above and below the bar differ", fraction.range)
        }
        guard order <= Expression.maximumDerivativeOrder else {
            throw ReadError("a derivative of order higher than \(Expression.maximumDerivativeOrder) is not evaluated",
                            fraction.range)
        }
        let body: Expression
        if rest.isEmpty {
            // The operator form: \frac{\partial}{\partial x} A.
            guard !cursor.atEnd else {
                throw ReadError("\\frac{\(top == "partial" ? "\\partial" : "d")}{...} needs something to differentiate after it", fraction.range)
            }
            body = try reader.operand(&cursor)
        } else {
            body = try reader.expression(rest)
            if let atPoint = try derivativeAtPoint(of: body, order: order, reader: &reader, cursor: &cursor) {
                return atPoint
            }
        }
        return .partial(body, variable: variable, order: order)
    }

    /// `\frac{\partial J}{\partial \theta}(\theta_t)`, `\frac{df}{dx}(2)`: the derivative of a
    /// function of the note of one parameter, written bare above the bar (`body` is its name),
    /// at the point in the parentheses after the fraction; not a product with them. Nil when
    /// the fraction is not so followed.
    private static func derivativeAtPoint(of body: Expression, order: Int,
                                          reader: inout ExpressionReader, cursor: inout ExpressionReader.Cursor)
        throws(ReadError) -> Expression?
    {
        guard case .symbol(let function) = body, reader.scope.functions[function] == 1,
            let next = cursor.peek
        else { return nil }
        switch next {
        case .atom(let open) where open.text == "(": break
        case .fenced(let fenced) where fenced.left.text == "(": break
        default: return nil
        }
        let (points, closing) = try reader.argumentList(&cursor, function: function, range: next.range)
        guard points.count == 1 else {
            throw ReadError("\(function) has one parameter; its derivative is taken at one point", next.range)
        }
        let derivative = Expression.derivative(function, order: order, argument: points[0])
        guard let closing else { return derivative }
        return try reader.applyScripts(closing, to: derivative, baseIsName: false)
    }

    /// `\partial C / \partial w` written with a slash (as text often does, Nielsen's
    /// `\partial C / \partial a^L_j`), the cursor just after the first `\partial`: the
    /// derivative of the one name after it by the one name after the second; `nil`, the cursor
    /// unmoved, when the nodes are not so.
    static func readSlashed(reader: inout ExpressionReader, cursor: inout ExpressionReader.Cursor)
        throws(ReadError) -> Expression?
    {
        let start = cursor.index
        let nodes = cursor.nodes
        guard start + 3 < nodes.endIndex, case .atom(let slash) = nodes[start + 1], slash.text == "/",
            case .atom(let second) = nodes[start + 2], second.command == "partial"
        else { return nil }
        switch nodes[start] {
        case .atom(let atom) where atom.form == .identifier && atom.command != "partial": break
        case .scripts, .accent, .font: break
        default: return nil
        }
        let body = try reader.expression([nodes[start]])
        let (variable, order) = try variableName([nodes[start + 3]], reader: &reader)
        guard order == 1 else { throw ReadError("the orders above and below the bar differ", nodes[start + 3].range) }
        cursor.index = start + 4
        return .partial(body, variable: variable, order: 1)
    }

    /// A node below the bar that is no letter with scripts: an accent (`\hat{y}`), a name in a font.
    private static func isReadAsName(_ node: Node) -> Bool {
        switch node {
        case .accent, .font, .operatorName: return true
        case .scripts(let scripts):
            if case .atom? = scripts.base { return false }
            return true
        default: return false
        }
    }

    /// The nodes of a group, or the node itself.
    private static func flatten(_ node: Node) -> [Node] {
        if case .group(let group) = node { return group.children.filter { !StatementSplitter.isIgnorable($0) } }
        return [node]
    }

    /// `\partial`, `\partial^2`, `d`, `d^2`, `\mathrm{d}` at the start of `nodes`: which one,
    /// its order, and the nodes after it.
    private static func differential(_ nodes: [Node], source: [UInt8]) -> (String, Int, [Node])? {
        guard let first = nodes.first else { return nil }
        var kind: String?
        var order = 1
        switch first {
        case .atom(let atom):
            if atom.command == "partial" { kind = "partial" }
            if atom.command == nil, atom.text == "d", nodes.count >= 1 { kind = "d" }
        case .scripts(let scripts):
            guard scripts.sub == nil, scripts.primes == 0, case .atom(let atom)? = scripts.base else { return nil }
            if atom.command == "partial" { kind = "partial" }
            if atom.command == nil, atom.text == "d" { kind = "d" }
            if let sup = scripts.sup {
                let text = ExpressionReader.compactSource(source, sup.range)
                guard let value = wholeNumber(text), value >= 1 else { return nil }
                order = value
            }
        case .font(let font):
            let text = ExpressionReader.compactSource(source, font.body.range)
            if text == "d" { kind = "d" }
        default:
            return nil
        }
        guard let kind else { return nil }
        return (kind, order, Array(nodes.dropFirst()))
    }

    /// An order written in digits; one too large for an `Int` is `Int.max`, which is past the
    /// highest order evaluated (`FormulaReader.maximumDerivativeOrder`) all the same.
    private static func wholeNumber(_ text: String) -> Int? {
        if let value = Int(text) { return value }
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return Int.max
    }

    /// The variable below the bar: a name, perhaps with an order (`x^2`); or whatever the note
    /// reads as one name elsewhere (`out_{o1}`, `\hat{y}`, `w^2` where `w^2` is a layer name).
    private static func variableName(_ nodes: [Node], reader: inout ExpressionReader) throws(ReadError) -> (String, Int) {
        if nodes.count != 1 || isReadAsName(nodes[0]) {
            var nameReader = reader
            do {
                if case .symbol(let name) = try nameReader.expression(nodes) { return (name, 1) }
            } catch {
                // `\partial \mathbf{W}^{(1)}`: why the one node is no name (a vector or matrix).
                if nodes.count == 1 { throw error }
            }
        }
        guard nodes.count == 1 else {
            throw ReadError("mixed or multiple variables below the bar are not evaluated", nodes[0].range.lowerBound..<(nodes.last?.range.upperBound ?? 0))
        }
        switch nodes[0] {
        case .atom(let atom) where atom.form == .identifier:
            return (atom.text, 1)
        case .scripts(let scripts):
            guard case .atom(let atom)? = scripts.base, atom.form == .identifier else { break }
            var name = atom.text
            if let sub = scripts.sub {
                try reader.noteRanges(in: sub)
                name += "_" + (try reader.subscriptName(sub))
            }
            var order = 1
            if let sup = scripts.sup {
                if let decoration = reader.decoration(sup) ?? reader.layerDecoration(sup, of: name) {
                    name += "^" + decoration
                } else {
                    let text = ExpressionReader.compactSource(reader.source, sup.range)
                    if ExpressionReader.letterShift(text) != nil, reader.scope.hasNumberedLayers(name) {
                        // `\partial a^{l-1}_k` in a general form, read for its letters: the
                        // layer, whose number each instance gives.
                        return (name + "^(" + text + ")", 1)
                    }
                    guard let value = wholeNumber(text) else { throw ReadError("the order \(text) is not a whole number", sup.range) }
                    order = value
                }
            }
            return (name, order)
        default:
            break
        }
        throw ReadError("the variable below the bar is not a name", nodes[0].range)
    }
}
