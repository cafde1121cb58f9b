// Roots: \sqrt{x}, \sqrt[n]{x}, \root n \of x.

extension CommandFamily {
    /// `\sqrt` with an optional index, and plain TeX's `\root n \of x`.
    static let roots = CommandFamily(names: ["sqrt", "root"]) { parser, invocation in
        if invocation.name == "root" {
            let indexStart = parser.offset
            let index = parser.nested { $0.parseList([.of, .close, .cell, .end]) } ?? []
            if parser.isCommand(parser.peek, "of") {
                parser.advance()
            } else {
                parser.warn("\\root without \\of", invocation.range)
            }
            let radicand = parser.parseArgument(for: "\\root", at: invocation.range)
            return .root(Root(
                command: "root",
                index: .group(Group(children: index, braced: false, range: indexStart..<(index.last?.range.upperBound ?? indexStart))),
                radicand: radicand, range: invocation.range.lowerBound..<parser.previousEnd))
        }
        let index = parser.parseOptionalMath()
        let radicand = parser.parseArgument(for: "\\sqrt", at: invocation.range)
        return .root(Root(command: "sqrt", index: index, radicand: radicand,
                          range: invocation.range.lowerBound..<parser.previousEnd))
    }
}

extension MathMLBuilder {
    /// `<msqrt>` or `<mroot>`.
    func root(_ root: Root) -> MathMLElement {
        let radicand = build(root.radicand)
        if let index = root.index {
            if case .group(let group) = index, group.children.isEmpty {
                return MathMLElement("msqrt", children: [radicand])
            }
            return MathMLElement("mroot", children: [radicand, script.script.build(index)])
        }
        return MathMLElement("msqrt", children: [radicand])
    }
}
