import Calculus
import Foundation
import TeX
import TestSupport
import Testing

/// One row of `latex-math/sympy/latex-sympy-pairs.tsv` (format in `latex-math/SOURCE.md`).
struct SymPyRow: CustomStringConvertible {
    /// The line of the TSV file (the header is line 1).
    var line: Int
    var list: String
    var index: String
    /// `pass`, `xfail` or `strict-only`.
    var status: String
    /// `antlr (parse_latex)` or `lark (parse_latex_lark)`.
    var parser: String
    /// `default`, `evaluate=False` or `evaluate=True`.
    var parseMode: String
    /// `equals` or `error`.
    var kind: String
    var latex: String
    var expectedSrepr: String

    var description: String {
        let parserName = parser.hasPrefix("lark") ? "lark" : "antlr"
        return "line \(line) (\(list) \(index), \(parserName) \(parseMode)): \(latex)"
    }
}

/// The SymPy LaTeX corpus, read from `Tests/Corpora/latex-math/sympy` (found by `Corpus`).
enum SymPyCorpus {
    static let path: String = Corpus.path("sympy/latex-sympy-pairs.tsv")

    /// Every row; records a test issue naming the path when the file is missing or malformed.
    static func rows(sourceLocation: SourceLocation = #_sourceLocation) -> [SymPyRow] {
        guard let data = FileManager.default.contents(atPath: path) else {
            Issue.record("\(Corpus.Failure.missing(path))", sourceLocation: sourceLocation)
            return []
        }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard let header = lines.first?.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) else {
            return []
        }
        let expected = ["source_file", "list", "index", "status", "parser", "parse_mode", "kind", "latex",
                        "expected_str", "expected_srepr"]
        guard header == expected else {
            Issue.record("SymPy corpus header changed: \(header)", sourceLocation: sourceLocation)
            return []
        }
        var rows: [SymPyRow] = []
        for (offset, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == expected.count else {
                Issue.record("SymPy corpus line \(offset + 1) has \(fields.count) fields", sourceLocation: sourceLocation)
                continue
            }
            rows.append(SymPyRow(line: offset + 1, list: fields[1], index: fields[2], status: fields[3],
                                 parser: fields[4], parseMode: fields[5], kind: fields[6], latex: fields[7],
                                 expectedSrepr: fields[9]))
        }
        return rows
    }
}

/// What the reader made of a formula, for comparison with SymPy: the sides and relations of its
/// one statement, or why it is not one evaluated statement.
enum SymPyReaderVerdict {
    case accepted(sides: [Calculus.Expression], relations: [Relation])
    case rejected(String)

    /// Reads `latex` with `scope`. A definition or binding `x = y` compares as the chain
    /// `x = y` (its head as a symbol); `(expr)'` is resolved to its only free variable, as the
    /// Notebook does.
    init(latex: String, scope: ReadingScope) {
        let reading = FormulaReader.read(latex, scope: scope)
        guard let statement = reading.statements.first else {
            self = .rejected("no statement")
            return
        }
        guard reading.statements.count == 1 else {
            let kinds = reading.statements.map(\.kind.rawValue).joined(separator: ", ")
            self = .rejected("read as \(reading.statements.count) statements (\(kinds))")
            return
        }
        var sides = statement.sides
        var relations = statement.relations
        switch statement.kind {
        case .prose:
            self = .rejected(statement.reason ?? "prose")
            return
        case .declaration:
            self = .rejected("a declaration of \(statement.head?.name ?? "?")")
            return
        case .update:
            self = .rejected("an update rule of \(statement.head?.name ?? "?")")
            return
        case .binding, .definition:
            guard let head = statement.head else {
                self = .rejected("a definition without a head")
                return
            }
            let headExpression: Calculus.Expression = head.parameters.isEmpty
                ? .symbol(head.name) : .apply(head.name, head.parameters.map(Calculus.Expression.symbol))
            sides.insert(headExpression, at: 0)
            relations.insert(.equal, at: 0)
        case .claim, .expression, .condition:
            break
        }
        var resolved: [Calculus.Expression] = []
        for side in sides {
            guard let side = Self.resolvingPrimes(side) else {
                self = .rejected("(expression)' with several free variables")
                return
            }
            resolved.append(side)
        }
        self = .accepted(sides: resolved, relations: relations)
    }

    /// Replaces the placeholder variable of `(expr)'` by the only free variable of `expr`;
    /// `nil` when `expr` has none or several.
    private static func resolvingPrimes(_ expression: Calculus.Expression) -> Calculus.Expression? {
        switch expression {
        case .number, .symbol:
            return expression
        case .partial(let inner, let variable, let order):
            guard let inner = resolvingPrimes(inner) else { return nil }
            guard variable == PrimeNotation.onlyFreeVariable else {
                return .partial(inner, variable: variable, order: order)
            }
            let free = inner.symbols.filter { Constants.value(of: $0) == nil }
            guard free.count == 1 else { return nil }
            return .partial(inner, variable: free[0], order: order)
        case .apply(let name, let arguments):
            var resolved: [Calculus.Expression] = []
            for argument in arguments {
                guard let argument = resolvingPrimes(argument) else { return nil }
                resolved.append(argument)
            }
            return .apply(name, resolved)
        case .sum(let terms):
            let resolved = terms.compactMap(resolvingPrimes)
            return resolved.count == terms.count ? .sum(resolved) : nil
        case .product(let factors):
            let resolved = factors.compactMap(resolvingPrimes)
            return resolved.count == factors.count ? .product(resolved) : nil
        case .negation(let operand):
            return resolvingPrimes(operand).map(Calculus.Expression.negation)
        case .quotient(let numerator, let denominator):
            guard let numerator = resolvingPrimes(numerator), let denominator = resolvingPrimes(denominator) else {
                return nil
            }
            return .quotient(numerator, denominator)
        case .power(let base, let exponent):
            guard let base = resolvingPrimes(base), let exponent = resolvingPrimes(exponent) else { return nil }
            return .power(base, exponent)
        case .derivative(let name, let order, let argument):
            return resolvingPrimes(argument).map { .derivative(name, order: order, argument: $0) }
        case .comparison, .choice:
            let resolved = expression.children.compactMap(resolvingPrimes)
            return resolved.count == expression.children.count ? expression.replacingChildren(resolved) : nil
        }
    }
}

/// A small deterministic generator (SplitMix64) for the sample points.
struct SymPySampler {
    private var generator: SeededGenerator

    init(seed: UInt64) {
        generator = SeededGenerator(seed: seed)
    }

    /// A value in (0.5, 2): every function of the corpus is defined there (logs, roots, bases).
    mutating func value() -> Double {
        let unit = Double(generator.next() >> 11) / Double(1 << 53)
        return 0.5 + 1.5 * unit
    }
}

/// Whether two values agree: both NaN, the same infinity, or within 1e-9 relative (1e-12 absolute).
func sympyValuesAgree(_ a: Double, _ b: Double) -> Bool {
    if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
    if a.isInfinite || b.isInfinite { return a == b }
    return abs(a - b) <= 1e-12 + 1e-9 * max(abs(a), abs(b))
}
