import Calculus

extension Calculus.Expression {
    /// Calls `body` with every node, without recursion: a node, then its children's subtrees
    /// from the last child to the first (the order some answers, like which prime a message
    /// names, come from).
    func visitAll(_ body: (Calculus.Expression) -> Void) {
        var stack = [self]
        while let node = stack.popLast() {
            body(node)
            node.forEachChild { stack.append($0) }
        }
    }
}
