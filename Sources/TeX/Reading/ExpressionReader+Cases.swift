import Calculus

/// `\begin{cases}` (and `dcases`, `\cases{...}`): a value chosen by conditions
/// (docs/note-language.md §3). Each row is a value and its condition, `&` between them; the
/// first row whose condition holds gives the value. The last row's condition may be
/// `\text{otherwise}` (or `else`, or none); without it, a point where no condition holds has no
/// value (NaN). A condition is relations between expressions (`x > 0`, `0 \le x < 1`, `|r| \le
/// \delta`, `i = j`), joined by `,`, `\text{and}`, `\land`, `\wedge` or by `\text{or}`, `\lor`,
/// `\vee` (and binds tighter), and may start with the words `if`, `for`, `when`, `whenever`.
/// A comma, semicolon or full stop ending a value or a condition is punctuation.
extension ExpressionReader {
    /// The names of the environments read as a choice.
    static let casesEnvironments: Set<String> = ["cases", "dcases", "\\cases"]

    /// The words a condition may start with, left out.
    private static let conditionPrefixes: Set<String> = ["if", "for", "when", "whenever", "where"]

    /// The words standing for "every other point" in the last row.
    private static let otherwiseWords: Set<String> = ["otherwise", "else", "elsewhere"]

    /// The choice a `cases` environment writes. Apart from the reader's switch, whose frame every
    /// level of a nested formula takes.
    @inline(never)
    mutating func casesExpression(_ environment: Environment) throws(ReadError) -> Expression {
        var rows: [(value: Expression, condition: Expression?)] = []
        for (index, row) in environment.rows.enumerated() {
            let cells = row.cells.map { Self.trimmingPunctuation(StatementSplitter.meaningful($0.children[...])) }
            if cells.allSatisfy(\.isEmpty) { continue }
            guard cells.count <= 2 else {
                throw ReadError("a row of cases has a value and a condition, & between them, not \(cells.count) cells", row.range)
            }
            guard !cells[0].isEmpty else { throw ReadError("this row of the cases has no value", row.range) }
            let value = try expression(cells[0])
            let condition = cells.count == 2 ? cells[1] : []
            if condition.isEmpty || Self.isOtherwise(condition) {
                guard index == environment.rows.count - 1 || environment.rows[(index + 1)...].allSatisfy(Self.isBlank) else {
                    throw ReadError(condition.isEmpty ? "only the last row of the cases may have no condition"
                                                      : "only the last row of the cases may say otherwise", row.range)
                }
                rows.append((value, nil))
            } else {
                rows.append((value, try self.condition(condition, range: row.cells[1].range)))
            }
        }
        guard var result = rows.last.map({ row in row.condition.map { Self.choice($0, row.value, .number(.nan)) } ?? row.value })
        else { throw ReadError("cases without rows", environment.range) }
        for row in rows.dropLast().reversed() {
            guard let condition = row.condition else { continue }
            result = Self.choice(condition, row.value, result)
        }
        // Each row, and each condition joined to another, nests the choice one level deeper.
        if result.hasMoreNodes(than: Expression.maximumDepth), result.depth > Expression.maximumDepth {
            throw ReadError("cases nest deeper than \(Expression.maximumDepth) levels: each row and each condition joined "
                            + "to another is a level", environment.range)
        }
        return result
    }

    /// Whether a row has nothing in it.
    private static func isBlank(_ row: Environment.Row) -> Bool {
        row.cells.allSatisfy { StatementSplitter.meaningful($0.children[...]).isEmpty }
    }

    /// The nodes without a comma, semicolon or full stop at the end.
    private static func trimmingPunctuation(_ nodes: ArraySlice<Node>) -> ArraySlice<Node> {
        var nodes = nodes
        while let last = nodes.last, case .atom(let atom) = last, atom.text == "," || atom.text == "." || atom.text == ";" {
            nodes.removeLast()
        }
        return nodes
    }

    /// Whether a condition cell says "otherwise".
    private static func isOtherwise(_ nodes: ArraySlice<Node>) -> Bool {
        guard nodes.count == 1, case .text(let text) = nodes.first else { return false }
        // With its punctuation: `\text{otherwise.}`, `\text{elsewhere,}`.
        let word = text.plainText.trimmingCharacters(in: .whitespaces).lowercased()
        return otherwiseWords.contains(String(word.reversed().drop { $0 == "." || $0 == "," || $0 == ";" }.reversed()))
    }

    /// A condition: 1 where it holds, 0 where not.
    private mutating func condition(_ nodes: ArraySlice<Node>, range: SourceRange) throws(ReadError) -> Expression {
        // The cell as relations and joining words: text is cut into its words (math inside it
        // kept), so that `\text{if } x > 0 \text{ and } y > 0` and `\text{if $x > 0$}` read alike.
        var items: [ConditionItem] = []
        for node in nodes {
            guard case .text(let text) = node else {
                items.append(Self.joining(node).map(ConditionItem.join) ?? .node(node))
                continue
            }
            for part in text.parts {
                switch part {
                case .text(let string, let partRange):
                    for word in string.split(whereSeparator: \.isWhitespace) {
                        let lower = word.lowercased()
                        if lower == "and" { items.append(.join(.and)) } else if lower == "or" { items.append(.join(.or)) } else {
                            items.append(.word(lower, partRange))
                        }
                    }
                case .math(let inner, _):
                    items += StatementSplitter.meaningful(inner).map { Self.joining($0).map(ConditionItem.join) ?? .node($0) }
                }
            }
        }
        // Words before the first relation ("if", "for") are left out; others are not evaluated.
        while case .word(let word, _) = items.first, Self.conditionPrefixes.contains(word) { items.removeFirst() }
        // `or` of `and`s of clauses.
        var alternatives: [Expression] = []
        var conjunction: [Expression] = []
        var clause: [Node] = []
        func close() throws(ReadError) {
            guard !clause.isEmpty else { throw ReadError("a condition is missing between and/or", range) }
            conjunction.append(try relations(clause[...], range: range))
            clause = []
        }
        for item in items {
            switch item {
            case .node(let node): clause.append(node)
            case .word(let word, let wordRange):
                throw ReadError("\"\(word)\" in a condition of the cases is not evaluated: write relations "
                                + "(x > 0), joined by \\text{and} or \\text{or}", wordRange)
            case .join(let join):
                try close()
                if join == .or {
                    alternatives.append(Self.all(conjunction))
                    conjunction = []
                }
            }
        }
        try close()
        alternatives.append(Self.all(conjunction))
        var result = alternatives[alternatives.count - 1]
        for alternative in alternatives.dropLast().reversed() { result = Self.choice(alternative, 1, result) }
        return result
    }

    /// The conditions all holding: each a choice of the next.
    private static func all(_ conditions: [Expression]) -> Expression {
        var result = conditions[conditions.count - 1]
        for condition in conditions.dropLast().reversed() { result = Self.choice(condition, result, 0) }
        return result
    }

    /// The choice, or its branch when the condition is a number: a condition on the index
    /// letters of a general form (`i = j`) is known in each instance, whose reading then shows
    /// the row taken.
    private static func choice(_ condition: Expression, _ then: Expression, _ otherwise: Expression) -> Expression {
        if case .number(let value) = condition, !value.isNaN { return value != 0 ? then : otherwise }
        return .choice(condition, then, otherwise)
    }

    /// One relation or a chain of them (`0 \le x < 1`, each pair holding).
    private mutating func relations(_ nodes: ArraySlice<Node>, range: SourceRange) throws(ReadError) -> Expression {
        var sides: [ArraySlice<Node>] = []
        var comparisons: [(Comparison, SourceRange)] = []
        var start = nodes.startIndex
        var depth = 0
        for index in nodes.indices {
            let node = nodes[index]
            switch Self.bareAtomClass(node) {
            case .open: depth += 1
            case .close: depth = max(0, depth - 1)
            default: break
            }
            guard depth == 0, case .atom(let atom) = node, let relation = Self.relation(of: atom) else { continue }
            guard let comparison = Self.comparison(relation) else {
                throw ReadError("\(atom.text) in a condition of the cases is not evaluated", atom.range)
            }
            sides.append(nodes[start..<index])
            comparisons.append((comparison, atom.range))
            start = index + 1
        }
        sides.append(nodes[start...])
        guard !comparisons.isEmpty else {
            throw ReadError("a condition of the cases is a relation (x > 0, x = 0): \(describe(nodes)) is not evaluated",
                            nodes.first.map { $0.range.lowerBound..<(nodes.last?.range.upperBound ?? $0.range.upperBound) } ?? range)
        }
        var expressions: [Expression] = []
        for (index, side) in sides.enumerated() {
            guard !side.isEmpty else {
                throw ReadError("a side of \(comparisons[min(index, comparisons.count - 1)].0.symbol) is missing",
                                comparisons[min(index, comparisons.count - 1)].1)
            }
            expressions.append(try expression(side))
        }
        var holds: [Expression] = []
        for (index, (comparison, _)) in comparisons.enumerated() {
            if case .number(let x) = expressions[index], case .number(let y) = expressions[index + 1] {
                holds.append(.number(comparison.value(x, y)))
            } else {
                holds.append(.comparison(comparison, expressions[index], expressions[index + 1]))
            }
        }
        return Self.all(holds)
    }

    /// The Calculus comparison of a relation a condition may use (not `≈`).
    private static func comparison(_ relation: Relation) -> Comparison? {
        switch relation {
        case .equal: .equal
        case .less: .less
        case .lessOrEqual: .lessOrEqual
        case .greater: .greater
        case .greaterOrEqual: .greaterOrEqual
        case .notEqual: .notEqual
        case .approximately: nil
        }
    }

    /// The joining a node writes between conditions: `,` and `\land` join with and, `\lor`
    /// with or.
    private static func joining(_ node: Node) -> ConditionItem.Join? {
        guard case .atom(let atom) = node else { return nil }
        switch atom.command ?? atom.text {
        case ",", ";", "land", "wedge", "\u{2227}": return .and
        case "lor", "vee", "\u{2228}": return .or
        default: return nil
        }
    }

    /// A piece of a condition cell.
    private enum ConditionItem {
        enum Join { case and, or }
        case node(Node)
        case word(String, SourceRange)
        case join(Join)
    }
}
