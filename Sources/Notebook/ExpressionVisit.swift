import Calculus

extension Calculus.Expression {
    /// Calls `body` with every node, without recursion: a node, then its children's subtrees
    /// from the last child to the first (the order some answers, like which prime a message
    /// names, come from).
    func visitAll(_ body: (Calculus.Expression) -> Void) {
        // A leaf (a side like `0.16` or `h_0`) needs no stack; a tree's stack is made once,
        // big enough for most trees (it holds the pending children of one path at a time).
        switch self {
        case .number, .symbol:
            body(self)
            return
        default:
            break
        }
        var stack: [Calculus.Expression] = []
        stack.reserveCapacity(16)
        stack.append(self)
        while let node = stack.popLast() {
            body(node)
            node.forEachChild { stack.append($0) }
        }
    }
}
