/// `E[g^2]_t`, Ruder's running average of squared gradients in RMSprop and Adadelta (and
/// `E[g]_t`, `E[\Delta\theta^2]_t`): one name, `E[g²]_t`, indexed by its subscript like any
/// name, not an expectation applied to a bracket (docs/note-language.md §3).
enum RunningAverage {
    /// The name written from `nodes[start]` on, and the index just after it: `E` right before
    /// `[`, a name or its square inside, and `]` with a subscript; nil for anything else.
    static func name(in nodes: ArraySlice<Node>, at start: Int, reader: ExpressionReader) -> (name: String, end: Int)? {
        guard start + 2 < nodes.endIndex, case .atom(let e) = nodes[start], e.command == nil, e.text == "E",
            case .atom(let open) = nodes[start + 1], open.text == "[", open.range.lowerBound == e.range.upperBound
        else { return nil }
        var inner = ""
        var index = start + 2
        while index < nodes.endIndex {
            let node = nodes[index]
            if case .scripts(let scripts) = node, case .atom(let close)? = scripts.base, close.text == "]" {
                guard !inner.isEmpty, let sub = scripts.sub, scripts.sup == nil, scripts.primes == 0,
                    let indexName = try? reader.subscriptName(sub)
                else { return nil }
                return ("E[" + inner + "]_" + indexName, index + 1)
            }
            guard let part = part(node, reader: reader) else { return nil }
            inner += part
            index += 1
        }
        return nil
    }

    /// A name inside the brackets: a letter (`g`, `\Delta`, `\theta`), or one squared (`g^2`).
    private static func part(_ node: Node, reader: ExpressionReader) -> String? {
        switch node {
        case .atom(let atom) where atom.form == .identifier && atom.command != "partial" && atom.command != "nabla":
            return atom.text
        case .scripts(let scripts):
            guard case .atom(let atom)? = scripts.base, atom.form == .identifier, scripts.sub == nil,
                scripts.primes == 0, let sup = scripts.sup,
                ExpressionReader.compactSource(reader.source, sup.range) == "2"
            else { return nil }
            return atom.text + "²"
        default:
            return nil
        }
    }
}
