// amsmath's \sideset{pre}{post}\sum: scripts on both sides of a large operator.

extension CommandFamily {
    /// `\sideset{_a^b}{'}\sum`: the first argument's scripts go before the operator, the
    /// second's after it. The result is an implicit group: the pre-scripts (scripts without a
    /// base) followed by the operator carrying the post-scripts.
    static let sideset = CommandFamily(names: ["sideset"]) { parser, invocation in
        let pre = parser.parseArgument(for: "\\sideset", at: invocation.range)
        let post = parser.parseArgument(for: "\\sideset", at: invocation.range)
        let base = parser.parseArgument(for: "\\sideset", at: invocation.range)
        let range = invocation.range.lowerBound..<parser.previousEnd
        var children = Sideset.contents(of: pre)
        let after = Sideset.contents(of: post)
        if after.count == 1, case .scripts(var scripts) = after[0], scripts.base == nil {
            scripts.base = base
            scripts.limits = .side
            scripts.range = min(base.range.lowerBound, scripts.range.lowerBound)..<max(base.range.upperBound, scripts.range.upperBound)
            children.append(.scripts(scripts))
        } else {
            children.append(base)
            children.append(contentsOf: after)
        }
        return .group(Group(children: children, braced: false, range: range))
    }
}

enum Sideset {
    /// The nodes of an argument (the children of a braced group, or the node itself).
    static func contents(of node: Node) -> [Node] {
        if case .group(let group) = node { return group.children }
        return [node]
    }
}
