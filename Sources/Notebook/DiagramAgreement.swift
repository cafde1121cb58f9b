import Calculus
import Diagram
import Document

/// Compares a note's diagrams of a network with its formulas: each weighted edge `u → v : w`
/// (`x1 --> h1 : w1`, `x1 -->|w₁| h1`) says that v's weighted sum has the term u·w, and a
/// bias in a node's label (`a1 : a1 (+b3)`, `h1((h₁ + b₁))`) that the unit's sum adds it
/// (docs/note-language.md §10).
///
/// A unit's sum is found through the definitions: `h_1 = \sigma(n_1)` (a function of one
/// argument applied to a defined name, or to a sum) is looked through to `n_1`'s sum. A warning
/// at the sum's formula names the diagram's line when the formula lacks a term the diagram
/// draws, puts a weight on another input than the diagram (two weights swapped are said
/// once), or adds a bias that the diagram gives another unit.
///
/// Only what can be compared for certain is: every name (the edge's two nodes, its weight,
/// the bias) must write exactly one name of the note, a weight is neither a defined name nor
/// a bias (a term alone of some sum) and a bias is one, the unit's name must be defined once,
/// its sum must be a sum of products of names (and numbers), and the diagram must agree with
/// the formulas at least once (one of its weighted edges has its term), so that a diagram of
/// something else (gradients flowing back, a training loop) is left alone.
enum DiagramAgreement {
    /// The warnings about `diagrams` against `definitions` (the note's definitions of symbols,
    /// as written, in document order); `names` are the other names the note writes (bindings,
    /// leaves); `lines` are the note's lines, to quote the diagram's.
    static func check(
        _ diagrams: [NoteDiagram], definitions: [WrittenDefinition], names: Set<String>, lines: [Substring]
    ) -> [Diagnostic] {
        let drawn = diagrams.filter { $0.diagram?.edges.contains { $0.label != nil } == true }
        guard !drawn.isEmpty, !definitions.isEmpty else { return [] }
        let sums = Sums(definitions, names: names)
        var diagnostics: [Diagnostic] = []
        for diagram in drawn {
            diagnostics += Comparison(diagram: diagram, sums: sums, lines: lines).warnings()
        }
        return diagnostics
    }

    /// A unit's weighted sum: the definition that writes it and its terms.
    struct UnitSum {
        /// Where to warn: the definition whose body holds the sum.
        var definition: WrittenDefinition
        /// The names of each product term (`[x_1, w_1]` for `x_1 w_1`).
        var products: [Set<String>]
        /// The terms that are one name (the biases).
        var lone: Set<String>
    }

    /// The note's defined names and their sums, looked up by the diagram's units.
    struct Sums {
        /// The definition of each name defined once.
        private var bodies: [String: WrittenDefinition] = [:]
        /// Every name the note writes.
        let names: Set<String>
        /// The names that are a factor of a product term of some unit's sum (the weights and
        /// inputs of the note's network).
        private(set) var factors: Set<String> = []
        /// The names that are a term alone of some unit's sum: the biases.
        private(set) var biases: Set<String> = []
        /// The biases and the defined names: neither is a weight.
        private(set) var notWeights: Set<String> = []

        init(_ definitions: [WrittenDefinition], names: Set<String>) {
            var all = names
            var counts: [String: Int] = [:]
            for definition in definitions {
                counts[definition.name, default: 0] += 1
                all.insert(definition.name)
                definition.body.visitAll { if case .symbol(let name) = $0 { all.insert(name) } }
            }
            for definition in definitions where counts[definition.name] == 1 { bodies[definition.name] = definition }
            self.names = all
            for name in bodies.keys {
                guard let sum = sum(of: name) else { continue }
                for product in sum.products { factors.formUnion(product) }
                biases.formUnion(sum.lone)
            }
            notWeights = biases.union(counts.keys)
        }

        /// The weighted sum of the unit `name`: its definition's body, looked through a
        /// function of one argument (`σ(n_1)`) to the sum; `nil` when there is none or it is not
        /// a sum of products.
        func sum(of name: String) -> UnitSum? {
            guard var definition = bodies[name] else { return nil }
            var body = definition.body
            for _ in 0..<8 {
                switch body {
                case .sum(let terms): return Self.unit(terms, definition: definition)
                case .apply(_, let arguments) where arguments.count == 1:
                    switch arguments[0] {
                    case .sum(let terms): return Self.unit(terms, definition: definition)
                    case .symbol(let inner):
                        guard let next = bodies[inner] else { return nil }
                        definition = next
                        body = next.body
                    default: return nil
                    }
                default: return nil
                }
            }
            return nil
        }

        private static func unit(_ terms: [Expression], definition: WrittenDefinition) -> UnitSum? {
            var products: [Set<String>] = []
            var lone = Set<String>()
            for term in terms {
                var term = term
                if case .negation(let operand) = term { term = operand }
                switch term {
                case .symbol(let name): lone.insert(name)
                case .product(let factors):
                    var names = Set<String>()
                    for factor in factors {
                        switch factor {
                        case .symbol(let name): names.insert(name)
                        case .number: continue
                        default: return nil
                        }
                    }
                    products.append(names)
                case .number: continue
                default: return nil
                }
            }
            return UnitSum(definition: definition, products: products, lone: lone)
        }
    }

    /// A weighted edge whose names are all the note's.
    struct WeightedEdge {
        var input: String
        var unit: String
        var weight: String
        /// The note's line that draws it.
        var line: Int
    }

    /// One diagram against the sums.
    private struct Comparison {
        let diagram: NoteDiagram
        let sums: Sums
        let lines: [Substring]

        func warnings() -> [Diagnostic] {
            guard let read = diagram.diagram else { return [] }
            var names: [String: String] = [:]
            for node in read.nodes {
                let label = node.label.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
                names[node.id] = DiagramNames.name(writtenBy: [node.id, label], in: sums.names)
            }
            // The weighted edges, by unit, in the order the diagram draws them.
            var units: [String] = []
            var edges: [String: [WeightedEdge]] = [:]
            var unitSums: [String: UnitSum] = [:]
            for edge in read.edges where edge.head == .arrow && edge.tail == .none {
                guard let label = edge.label, let input = names[edge.from], let unit = names[edge.to],
                    let weight = DiagramNames.name(writtenBy: [label], in: sums.names), weight != input,
                    !sums.notWeights.contains(weight),
                    let sum = unitSums[unit] ?? sums.sum(of: unit)
                else { continue }
                if unitSums[unit] == nil {
                    unitSums[unit] = sum
                    units.append(unit)
                }
                edges[unit, default: []].append(WeightedEdge(
                    input: input, unit: unit, weight: weight,
                    line: diagram.noteLine(of: edge) ?? diagram.fenceLine))
            }
            // The biases the labels give, by unit.
            var biases: [String: [(name: String, line: Int)]] = [:]
            var biasedUnits: [String] = []
            for node in read.nodes {
                guard let unit = names[node.id], let sum = unitSums[unit] ?? sums.sum(of: unit) else { continue }
                // Only a name that is a bias somewhere: `+ x₂` in a label `x₁ + x₂` is no bias.
                let added = DiagramNames.addedNames(in: node.label, names: sums.names).filter {
                    $0.name != unit && sums.biases.contains($0.name)
                }
                guard !added.isEmpty else { continue }
                if unitSums[unit] == nil { unitSums[unit] = sum }
                if biases[unit] == nil { biasedUnits.append(unit) }
                for bias in added {
                    biases[unit, default: []].append((bias.name, line(writing: bias.written, of: node)))
                }
            }
            let agrees = (units + biasedUnits).contains { unit in
                edges[unit, default: []].contains { edge in
                    unitSums[unit]?.products.contains { $0.isSuperset(of: [edge.input, edge.weight]) } == true
                } || biases[unit, default: []].contains { unitSums[unit]?.lone.contains($0.name) == true }
            }
            guard agrees else { return [] }
            var diagnostics: [Diagnostic] = []
            for unit in units {
                guard let sum = unitSums[unit] else { continue }
                diagnostics += edgeWarnings(edges[unit, default: []], sum: sum)
            }
            for unit in biasedUnits {
                guard let sum = unitSums[unit] else { continue }
                diagnostics += biasWarnings(unit: unit, sum: sum, biases: biases, order: biasedUnits)
            }
            return diagnostics
        }

        /// The warnings about the weighted edges into one unit.
        private func edgeWarnings(_ edges: [WeightedEdge], sum: UnitSum) -> [Diagnostic] {
            // For each edge that disagrees, the other names of the terms that hold its weight.
            var misplaced: [(edge: WeightedEdge, with: [Set<String>])] = []
            var missing: [WeightedEdge] = []
            let unitAgrees = edges.contains { edge in
                sum.products.contains { $0.isSuperset(of: [edge.input, edge.weight]) }
            }
            for edge in edges {
                if sum.products.contains(where: { $0.isSuperset(of: [edge.input, edge.weight]) }) { continue }
                let holding = sum.products.filter { $0.contains(edge.weight) }.map { $0.subtracting([edge.weight]) }
                if !holding.isEmpty {
                    misplaced.append((edge, holding))
                } else if unitAgrees || sums.factors.contains(edge.weight)
                    || sum.products.contains(where: { $0.contains(edge.input) })
                {
                    missing.append(edge)
                }
            }
            var diagnostics: [Diagnostic] = []
            var said = Set<Int>()
            for (index, first) in misplaced.enumerated() where !said.contains(index) {
                let partner = misplaced.indices.first { other in
                    other > index && !said.contains(other)
                        && misplaced[other].with.contains { $0.contains(first.edge.input) }
                        && first.with.contains { $0.contains(misplaced[other].edge.input) }
                }
                if let partner {
                    said.insert(partner)
                    let second = misplaced[partner].edge
                    diagnostics.append(warning(
                        "\(sum.definition.name) multiplies \(first.edge.weight) by \(second.input) and \(second.weight) by "
                            + "\(first.edge.input), but the diagram's lines \(first.edge.line) and \(second.line) "
                            + "(\(quote(first.edge.line)); \(quote(second.line))) put \(first.edge.weight) on "
                            + "\(first.edge.input) and \(second.weight) on \(second.input); are the weights swapped?",
                        at: sum))
                } else {
                    let others = first.with.map { $0.sorted(by: Names.naturalOrder).joined(separator: "*") }
                        .filter { !$0.isEmpty }
                    let by = others.isEmpty ? "" : " by " + others.joined(separator: " and ")
                    diagnostics.append(warning(
                        "\(sum.definition.name) multiplies \(first.edge.weight)\(by), but the diagram's line "
                            + "\(first.edge.line) (\(quote(first.edge.line))) puts \(first.edge.weight) on "
                            + "\(first.edge.input)",
                        at: sum))
                }
            }
            for edge in missing {
                diagnostics.append(warning(
                    "\(sum.definition.name) has no term \(edge.input)*\(edge.weight), which the diagram's line "
                        + "\(edge.line) draws (\(quote(edge.line)))",
                    at: sum))
            }
            return diagnostics
        }

        /// The warnings about the biases the diagram gives `unit`.
        private func biasWarnings(
            unit: String, sum: UnitSum, biases: [String: [(name: String, line: Int)]], order: [String]
        ) -> [Diagnostic] {
            let given = biases[unit, default: []]
            let givenNames = Set(given.map(\.name))
            let missing = given.filter { !sum.lone.contains($0.name) }
            let extra = sum.lone.filter { !givenNames.contains($0) }.sorted(by: Names.naturalOrder)
            var diagnostics: [Diagnostic] = []
            for bias in missing {
                let instead = extra.isEmpty ? "has no \(bias.name)" : "adds \(extra.joined(separator: " and "))"
                diagnostics.append(warning(
                    "\(sum.definition.name) \(instead), but the diagram's line \(bias.line) (\(quote(bias.line))) "
                        + "gives \(unit) the bias \(bias.name)",
                    at: sum))
            }
            guard missing.isEmpty else { return diagnostics }
            for name in extra {
                // The first other unit, in the diagram's order, that the diagram gives the bias.
                guard let owner = order.first(where: { other in
                    other != unit && biases[other, default: []].contains { $0.name == name }
                }), let line = biases[owner, default: []].first(where: { $0.name == name })?.line
                else { continue }
                diagnostics.append(warning(
                    "\(sum.definition.name) adds \(name), but the diagram's line \(line) (\(quote(line))) gives "
                        + "\(name) to \(owner), not to \(unit)",
                    at: sum))
            }
            return diagnostics
        }

        private func warning(_ message: String, at sum: UnitSum) -> Diagnostic {
            Diagnostic(.warning, message, at: sum.definition.position, length: sum.definition.tex.count,
                       hint: "the diagram and the formula should say the same; correct the one that is wrong")
        }

        /// The note's line `line`, trimmed (cut at 60 characters).
        private func quote(_ line: Int) -> String {
            guard line >= 1, line <= lines.count else { return "" }
            let text = lines[line - 1].drop { $0 == " " || $0 == "\t" || $0 == ">" }
            let trimmed = text.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed()
            let shown = String(trimmed)
            return shown.count > 60 ? String(shown.prefix(59)) + "…" : shown
        }

        /// The note's line of the diagram that writes `written` about `node` (the line of a
        /// state's description `a1 : a1 (+b3)`), else the line where the node first appears.
        private func line(writing written: String, of node: DiagramNode) -> Int {
            var number = diagram.fenceLine + 1
            while number <= lines.count {
                let text = lines[number - 1]
                if text.contains("```") || text.contains("~~~") { break }
                if text.contains(node.id), text.contains(written) { return number }
                number += 1
            }
            return node.sourceLine.map(diagram.noteLine(ofDiagramLine:)) ?? diagram.fenceLine
        }
    }
}
