import Calculus
import TeX

/// SymPy's expected reading of a formula, as Calculus expressions: one side, or the sides of a
/// relation (`Equality(a, b)` is two sides and `=`).
struct SymPyExpected {
    var sides: [Expression]
    var relations: [Relation]

    /// Converts an `srepr` tree; throws `SymPyNotEvaluable` naming the first construct Calculus
    /// cannot evaluate (integrals, limits, unevaluated functions, factorials, matrices, `I`, `oo`...).
    init(_ term: SymPyTerm) throws(SymPyNotEvaluable) {
        if case .call(.name(let head), let arguments) = term, let relation = Self.relations[head] {
            guard arguments.count == 2 else { throw SymPyNotEvaluable(construct: "\(head) of \(arguments.count)") }
            sides = [try Self.expression(arguments[0]), try Self.expression(arguments[1])]
            relations = [relation]
        } else {
            sides = [try Self.expression(term)]
            relations = []
        }
    }

    private static let relations: [String: Relation] = [
        "Equality": .equal, "Unequality": .notEqual, "StrictLessThan": .less, "LessThan": .lessOrEqual,
        "StrictGreaterThan": .greater, "GreaterThan": .greaterOrEqual,
    ]

    /// SymPy's functions that are Calculus built-ins of one argument under the same name.
    private static let sameNameFunctions: Set<String> = ["sin", "cos", "tan", "sinh", "cosh", "tanh", "exp"]

    static func expression(_ term: SymPyTerm) throws(SymPyNotEvaluable) -> Expression {
        switch term {
        case .number(let text):
            return try number(text)
        case .name(let name):
            switch name {
            case "E": return .symbol("e")
            case "pi": return .symbol("π")
            default: throw SymPyNotEvaluable(construct: name)
            }
        case .call(.name(let head), let arguments):
            return try call(head, arguments)
        case .call(let callee, _):
            throw SymPyNotEvaluable(construct: "an unevaluated function \(describe(callee))")
        case .string, .keyword, .list:
            throw SymPyNotEvaluable(construct: describe(term))
        }
    }

    private static func call(_ head: String, _ arguments: [SymPyTerm]) throws(SymPyNotEvaluable) -> Expression {
        switch (head, arguments.count) {
        case ("Integer", 1):
            guard case .number(let text) = arguments[0] else { break }
            return try number(text)
        case ("Rational", 2):
            guard case .number(let p) = arguments[0], case .number(let q) = arguments[1],
                let numerator = Double(p), let denominator = Double(q)
            else { break }
            return .number(numerator / denominator)
        case ("Float", _):
            guard case .string(let text)? = arguments.first else { break }
            return try number(text)
        case ("Symbol", 1):
            guard case .string(let name) = arguments[0] else { break }
            return .symbol(SymPyNames.readerName(of: name))
        case ("Add", 1...):
            return .sum(try arguments.map(expression))
        case ("Mul", 1...):
            return .product(try arguments.map(expression))
        case ("Pow", 2):
            return .power(try expression(arguments[0]), try expression(arguments[1]))
        case ("log", 1):
            return .apply("ln", [try expression(arguments[0])])
        case ("log", 2):
            if arguments[1] == .name("E") { return .apply("ln", [try expression(arguments[0])]) }
            return .apply("log", [try expression(arguments[0]), try expression(arguments[1])])
        case ("Abs", 1):
            return .apply("abs", [try expression(arguments[0])])
        case ("Min", 2...), ("Max", 2...):
            let name = head == "Min" ? "min" : "max"
            let operands = try arguments.map(expression)
            return operands.dropFirst().reduce(operands[0]) { .apply(name, [$0, $1]) }
        case ("Derivative", 2...):
            var result = try expression(arguments[0])
            for variable in arguments.dropFirst() {
                guard case .call(.name("Tuple"), let pair) = variable, pair.count == 2,
                    case .call(.name("Symbol"), let nameArguments) = pair[0],
                    case .string(let name)? = nameArguments.first,
                    case .call(.name("Integer"), let orderArguments) = pair[1],
                    case .number(let orderText)? = orderArguments.first, let order = Int(orderText)
                else { throw SymPyNotEvaluable(construct: "a Derivative with this variable list") }
                result = .partial(result, variable: SymPyNames.readerName(of: name), order: order)
            }
            return result
        case ("Sum", 2), ("Product", 2):
            return try bigOperator(head, body: arguments[0], limits: arguments[1])
        case (let name, 1) where sameNameFunctions.contains(name):
            return .apply(name, [try expression(arguments[0])])
        default:
            break
        }
        throw SymPyNotEvaluable(construct: head)
    }

    /// `Sum(body, Tuple(Symbol('k'), Integer(1), Integer(3)))`: expanded, as the reader does.
    private static func bigOperator(_ head: String, body: SymPyTerm, limits: SymPyTerm) throws(SymPyNotEvaluable)
        -> Expression
    {
        guard case .call(.name("Tuple"), let parts) = limits, parts.count == 3,
            case .call(.name("Symbol"), let nameArguments) = parts[0], case .string(let index)? = nameArguments.first,
            case .call(.name("Integer"), let lowArguments) = parts[1], case .number(let lowText)? = lowArguments.first,
            case .call(.name("Integer"), let highArguments) = parts[2], case .number(let highText)? = highArguments.first,
            let low = Int(lowText), let high = Int(highText), high - low < 10_000
        else { throw SymPyNotEvaluable(construct: "a \(head) without integer bounds") }
        let bodyExpression = try expression(body)
        let indexName = SymPyNames.readerName(of: index)
        var terms: [Expression] = []
        if low <= high {
            for value in low...high {
                do {
                    terms.append(try bodyExpression.substituting([indexName: .number(Double(value))]))
                } catch {
                    throw SymPyNotEvaluable(construct: "a \(head) too deep to expand")
                }
            }
        }
        if terms.isEmpty { return .number(head == "Sum" ? 0 : 1) }
        return head == "Sum" ? .sum(terms) : .product(terms)
    }

    private static func number(_ text: String) throws(SymPyNotEvaluable) -> Expression {
        guard let value = Double(text) else { throw SymPyNotEvaluable(construct: "the number \(text)") }
        return .number(value)
    }

    private static func describe(_ term: SymPyTerm) -> String {
        switch term {
        case .number(let text), .name(let text): text
        case .string(let text): "'\(text)'"
        case .call(let callee, _): describe(callee) + "(...)"
        case .keyword(let name, _): name + "=..."
        case .list: "a list (a matrix)"
        }
    }
}

/// A construct of SymPy's expected expression that Calculus cannot evaluate.
struct SymPyNotEvaluable: Error, CustomStringConvertible {
    var construct: String
    var description: String { construct }
}

/// SymPy's symbol names as the reader writes them.
enum SymPyNames {
    /// `x_{1}` → `x_1`, `theta` → `θ`, `h_{theta}` → `h_θ`, `HELLO world` → `HELLOworld`
    /// (the reader keeps a `\mathit{}` name's letters and drops its spaces); primes stay.
    static func readerName(of sympyName: String) -> String {
        var result = ""
        var run = ""
        func flush() {
            result += greek[run] ?? run
            run = ""
        }
        for character in sympyName {
            if character.isLetter {
                run.append(character)
                continue
            }
            flush()
            switch character {
            case "{", "}", " ", "*": continue
            default: result.append(character)
            }
        }
        flush()
        return result
    }

    /// Greek letter names as the TeX parser writes them (`\epsilon` is ϵ, `\phi` is ϕ, as in TeX).
    private static let greek: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "zeta": "ζ", "eta": "η",
        "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π",
        "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "ϕ", "chi": "χ", "psi": "ψ", "omega": "ω",
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
        "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    ]
}
