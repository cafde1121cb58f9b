import Calculus
import Document

/// Finds the slips a restated formula reveals: a sum written in a later formula that is a
/// definition's body with two names swapped (`w_5 h_1 + w_6 h_2 + b_3` where
/// `o_1 = h_1 w_6 + h_2 w_5 + b_3`) or one index changed (`x_1 w_4 + x_2 w_4 + b_2` where
/// `n_2 = x_1 w_3 + x_2 w_4 + b_2`; docs/note-language.md §10).
///
/// It stays precise by asking much: the sum has at least ``minimumTerms`` terms, as many as the
/// body; the names swapped or changed are of one family (`w_5` and `w_6`: the same letter, a
/// number as index); an index is changed only in a product term (`x_1 w_3`), never a lone term
/// (`a_1 + a_2 + a_3` against `a_2 + a_3 + a_4` is a shifted sequence, not a slip); and a sum
/// that is exactly some definition's body (in any order) restates that definition and is
/// never a near miss of another.
enum NearMiss {
    /// A sum needs this many terms to be compared: with fewer, two different formulas that
    /// differ in one name are too common (`x_1 + x_2` and `x_1 + x_3`).
    static let minimumTerms = 3

    /// A statement of the note whose sums may restate a definition, and where it is.
    struct Candidate: Sendable, Equatable {
        /// The statement's expressions (a claim's sides, an expression; a definition's body and
        /// the sides it claims equal).
        var expressions: [Expression]
        /// Whether the first expression is a definition's body: it defines, so only what it
        /// holds may restate another definition, not the whole body.
        var firstDefines: Bool = false
        var position: SourcePosition
        /// The statement's TeX, whose length a warning underlines.
        var tex: String
    }

    /// What a near miss changed in the definition's body.
    enum Change: Equatable {
        /// Every name of a pair written as the other: each pair alone gives the sum written
        /// (`[[h_1, h_2], [w_5, w_6]]`).
        case swapped([[String]])
        /// One `from` written as `to`.
        case changed(from: String, to: String)
    }

    /// Whether any of `definitions` has a body that a sum could nearly miss (a sum of at least
    /// ``minimumTerms`` terms): when none has, there is nothing to look for.
    static func hasTargets(_ definitions: [WrittenDefinition]) -> Bool {
        definitions.contains { if case .sum(let terms) = $0.body { terms.count >= minimumTerms } else { false } }
    }

    /// A warning for each candidate that holds a near miss of a definition (the first
    /// definition it misses, in document order); `definitions` are all the note's definitions
    /// of symbols, in document order.
    static func find(in candidates: [Candidate], definitions: [WrittenDefinition]) -> [Diagnostic] {
        // Most notes have a few such bodies and no sum that could miss one: the common path
        // only counts, and makes no shape.
        let targets = definitions.compactMap(Target.init)
        guard !targets.isEmpty else { return [] }
        // The shapes of all the bodies, made at the first near miss: a sum that restates some
        // definition exactly is no near miss of another.
        var restated: Set<ExpressionShape>?
        var diagnostics: [Diagnostic] = []
        for candidate in candidates {
            // A candidate is said to miss a definition once, however many of its sums do.
            var warned: [String] = []
            for (index, expression) in candidate.expressions.enumerated() {
                forEachSum(in: expression, includingItself: index > 0 || !candidate.firstDefines) { sum, terms in
                    // A near miss has as many terms, and as many names written, as the body it
                    // misses (a swap and an index change keep both).
                    let size = Size(terms: terms, names: symbolTotal(sum))
                    var shape: ExpressionShape?
                    for target in targets where target.size == size && !warned.contains(target.definition.name) {
                        let made = shape ?? ExpressionShape(sum)
                        shape = made
                        guard let change = target.change(to: sum, shape: made) else { continue }
                        if restated == nil { restated = Set(definitions.map { ExpressionShape($0.body) }) }
                        if restated?.contains(made) == true { return }
                        warned.append(target.definition.name)
                        diagnostics.append(warning(sum, misses: target.definition, by: change, at: candidate))
                        return
                    }
                }
            }
        }
        return diagnostics
    }

    /// Calls `body` with each sum of at least ``minimumTerms`` terms in `expression` and its
    /// number of terms (`expression` itself only if `includingItself`).
    private static func forEachSum(
        in expression: Expression, includingItself: Bool, _ body: (Expression, Int) -> Void
    ) {
        func visit(_ node: Expression) {
            if case .sum(let parts) = node, parts.count >= minimumTerms { body(node, parts.count) }
        }
        if includingItself {
            expression.visitAll(visit)
        } else {
            expression.forEachChild { $0.visitAll(visit) }
        }
    }

    /// Whether TeX `tex` can write a sum of ``minimumTerms`` terms: it has that many signs
    /// `+` and `-` less one. Most statements have fewer and are not walked.
    static func mayHoldSum(_ tex: String) -> Bool {
        func count(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var signs = 0
            for byte in bytes where byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") {
                signs += 1
                if signs >= minimumTerms - 1 { return true }
            }
            return false
        }
        var tex = tex
        return tex.withUTF8(count)
    }

    /// How many terms a sum has and how many names it writes.
    private struct Size: Hashable {
        var terms: Int
        var names: Int
    }

    /// How many names (symbols) `expression` writes, counted without allocating.
    private static func symbolTotal(_ expression: Expression) -> Int {
        switch expression {
        case .number: return 0
        case .symbol: return 1
        case .apply(_, let parts), .sum(let parts), .product(let parts):
            var total = 0
            for part in parts { total += symbolTotal(part) }
            return total
        case .negation(let operand): return symbolTotal(operand)
        case .quotient(let first, let second), .power(let first, let second), .comparison(_, let first, let second):
            return symbolTotal(first) + symbolTotal(second)
        case .choice(let condition, let then, let otherwise):
            return symbolTotal(condition) + symbolTotal(then) + symbolTotal(otherwise)
        case .partial(let of, _, _): return symbolTotal(of)
        case .derivative(_, _, let argument): return symbolTotal(argument)
        }
    }

    /// How `sum` differs from `definition`'s body, if it is a near miss of it.
    static func change(from definition: WrittenDefinition, to sum: Expression) -> Change? {
        Target(definition)?.change(to: sum, shape: ExpressionShape(sum))
    }

    private static func warning(
        _ sum: Expression, misses definition: WrittenDefinition, by change: Change, at candidate: Candidate
    ) -> Diagnostic {
        let what = switch change {
        case .swapped(let pairs):
            pairs.map { $0.joined(separator: " and ") }.enumerated()
                .map { $0.offset == 0 ? $0.element + " swapped" : " (or \($0.element))" }.joined()
        case .changed(let from, let to): "\(from) changed to \(to)"
        }
        return Diagnostic(
            .warning,
            "\(sum) is the definition of \(definition.name) (line \(definition.position.line)) with \(what); is it a slip?",
            at: candidate.position, length: candidate.tex.count,
            hint: "\(definition.name) = \(definition.body)")
    }

    /// A definition whose body is a sum long enough to compare; its shape and names are only
    /// made when a sum of its size is met.
    private struct Target {
        let definition: WrittenDefinition
        let terms: [Expression]
        let size: Size

        init?(_ definition: WrittenDefinition) {
            guard case .sum(let terms) = definition.body, terms.count >= NearMiss.minimumTerms else { return nil }
            self.definition = definition
            self.terms = terms
            size = Size(terms: terms.count, names: NearMiss.symbolTotal(definition.body))
        }

        func change(to sum: Expression, shape other: ExpressionShape) -> Change? {
            guard case .sum(let otherTerms) = sum, otherTerms.count == terms.count,
                other != ExpressionShape(definition.body)
            else { return nil }
            let counts = NearMiss.symbolCounts(definition.body)
            let otherCounts = NearMiss.symbolCounts(sum)
            if Set(otherCounts.keys) == Set(counts.keys) {
                return swap(giving: other, counts: counts)
            }
            return indexChange(giving: other, counts: counts, otherCounts: otherCounts)
        }

        /// The pairs of names of one family of the body whose exchange gives `other` (in
        /// `w_5 h_1 + w_6 h_2` against `h_1 w_6 + h_2 w_5`, both `h_1, h_2` and `w_5, w_6`).
        private func swap(giving other: ExpressionShape, counts: [String: Int]) -> Change? {
            let names = counts.keys.filter { Names.family(of: $0) != nil }.sorted(by: Names.naturalOrder)
            var pairs: [(String, String)] = []
            for (index, first) in names.enumerated() {
                for second in names[(index + 1)...] where Names.family(of: first) == Names.family(of: second) {
                    if ExpressionShape(definition.body, renaming: [first: second, second: first]) == other {
                        pairs.append((first, second))
                    }
                }
            }
            return pairs.isEmpty ? nil : .swapped(pairs.map { [$0.0, $0.1] })
        }

        /// One name in a product term of the body that, written as another of its family,
        /// gives `other` (the body's names counted in `counts`, `other`'s in `otherCounts`).
        private func indexChange(
            giving other: ExpressionShape, counts: [String: Int], otherCounts: [String: Int]
        ) -> Change? {
            var fewer: [String] = []
            var more: [String] = []
            for name in Set(counts.keys).union(otherCounts.keys) {
                let difference = (otherCounts[name] ?? 0) - (counts[name] ?? 0)
                if difference == -1 { fewer.append(name) } else if difference == 1 { more.append(name) }
                else if difference != 0 { return nil }
            }
            guard fewer.count == 1, more.count == 1, let family = Names.family(of: fewer[0]),
                Names.family(of: more[0]) == family
            else { return nil }
            let from = fewer[0]
            let to = more[0]
            for (termIndex, term) in terms.enumerated() {
                var negated = false
                var factors: [Expression]
                switch term {
                case .product(let list): factors = list
                case .negation(.product(let list)):
                    factors = list
                    negated = true
                default: continue
                }
                for factorIndex in factors.indices where factors[factorIndex] == .symbol(from) {
                    var changed = factors
                    changed[factorIndex] = .symbol(to)
                    var newTerms = terms
                    newTerms[termIndex] = negated ? .negation(.product(changed)) : .product(changed)
                    if ExpressionShape(.sum(newTerms)) == other { return .changed(from: from, to: to) }
                }
            }
            return nil
        }
    }

    /// How many times each name (symbol) is written in `expression`.
    static func symbolCounts(_ expression: Expression) -> [String: Int] {
        var counts: [String: Int] = [:]
        expression.visitAll { node in
            if case .symbol(let name) = node { counts[name, default: 0] += 1 }
        }
        return counts
    }
}
