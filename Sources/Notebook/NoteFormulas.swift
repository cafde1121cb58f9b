import Calculus
import Cells
import Document

/// A note's definitions as the Swift side needs them: each with its name, kind and place, the
/// final context and the example point (docs/note-language.md §12). `swift(omitting:)` writes
/// them as Swift; `CellChecks` compares a cell's functions with them.
public struct NoteFormulas: Sendable {
    /// One definition of the note (only the first of a name defined twice).
    public struct Entry: Sendable {
        public enum Kind: Sendable, Equatable {
            /// `n_1 = …`: a function of the leaves it reaches.
            case symbol
            /// `σ(z) = …`: a function of its parameters.
            case function([String])
        }

        /// The name as the note writes it (`n_1`, `σ`).
        public var name: String
        /// The name the calculus knows it by (`sigmoid` for a built-in the note writes `σ`).
        public var key: String
        public var kind: Kind
        /// A built-in the note states (`σ(z) = 1/(1+e^{-z})`, a claim): compared, not written as Swift.
        public var builtin = false
        public var position: SourcePosition
        /// How a verdict cites it: `eq. 2` when its formula is numbered on the page, else `line 7`.
        public var citation: String
    }

    public let entries: [Entry]
    /// The example point (leaves in natural order).
    public let point: [PointValue]
    let context: Context
    let path: String
    let options: NotebookOptions

    /// No definitions (a note checked by other means).
    public static let empty = NoteFormulas(entries: [], point: [], context: Context(), path: "", options: NotebookOptions())

    init(entries: [Entry], point: [PointValue], context: Context, path: String, options: NotebookOptions) {
        self.entries = entries
        self.point = point
        self.context = context
        self.path = path
        self.options = options
    }

    /// The definitions of `definitions` that get Swift (first definitions of symbols and
    /// functions), each cited by its equation number where its formula has a label.
    init(definitions: NoteDefinitions, statements: [SitedStatement], formulas: [Math], point: [PointValue],
         context: Context, path: String, options: NotebookOptions)
    {
        var numbers: [String: Int] = [:]
        for math in formulas {
            if let label = math.label, numbers[label] == nil { numbers[label] = numbers.count + 1 }
        }
        var entries: [Entry] = []
        for definition in definitions.all where definition.identity.occurrence == 1 {
            let kind: Entry.Kind
            switch definition.kind {
            case .binding: continue
            case .symbol: kind = .symbol
            case .function(let parameters): kind = .function(parameters)
            }
            let position = statements[definition.statement].position
            let citation = formulas[definition.site.formula.index].label.flatMap { numbers[$0] }.map { "eq. \($0)" }
                ?? "line \(position.line)"
            entries.append(Entry(name: definition.name, key: definition.key, kind: kind, position: position, citation: citation))
        }
        // A claim that states a built-in (`σ(z) = \frac{1}{1+e^{-z}}`): a cell's `func sigmoid` implements it.
        // By index: a `for` over the statements would copy each (and retain all it holds).
        for index in statements.indices where statements[index].statement.kind == .claim {
            let statement = statements[index]
            guard case .apply(let function, let arguments)? = statement.statement.sides.first,
                  context.functions[function] == nil, !entries.contains(where: { $0.key == function }) else { continue }
            var parameters: [String] = []
            for argument in arguments {
                guard case .symbol(let parameter) = argument, !parameters.contains(parameter) else { break }
                parameters.append(parameter)
            }
            guard !parameters.isEmpty, parameters.count == arguments.count else { continue }
            let citation = formulas[statement.site.formula.index].label.flatMap { numbers[$0] }.map { "eq. \($0)" }
                ?? "line \(statement.position.line)"
            entries.append(Entry(name: function == "sigmoid" ? "σ" : function, key: function, kind: .function(parameters),
                                 builtin: true, position: statement.position, citation: citation))
        }
        self.init(entries: entries, point: point, context: context, path: path, options: options)
    }

    /// The leaves a symbol's definition reaches, in natural order (nil when they cannot be found).
    func leaves(of name: String) -> [String]? {
        try? context.leaves(of: .symbol(name))
    }

    /// A Double as a Swift literal.
    static func literal(_ value: Double) -> String {
        if value.isNaN { return "Double.nan" }
        if value.isInfinite { return value > 0 ? "Double.infinity" : "-Double.infinity" }
        return "\(value)"
    }
}

/// The note's formulas as Swift source (docs/note-language.md §12): the example point's values
/// as constants (`let eta = 0.5`), and per definition a function with the example point as
/// default arguments and its gradient (`n_1(x_1:w_1:)`, `n_1_gradient(x_1:w_1:)`; for a
/// function of the note, `sigma(_:)` and `sigma_derivative(_:)`, or `f_gradient` for several
/// parameters). The functions are static members of `enum NoteFormulas`, each with a top-level
/// function of the same name calling it, so a cell's own `func n_1` or `let eta` replaces the
/// top-level one without breaking the others.
public struct GeneratedSwift: Sendable {
    public var source: String
    /// Names with no Swift (warnings at their definition, or at `fallback` for a sampled name).
    public var diagnostics: [Diagnostic]
}

extension NoteFormulas {
    /// The Swift of the note's formulas. `declared` are the top-level names the cells declare:
    /// no constant or top-level function of those names is written (the cell's own is used).
    /// `fallback` places the diagnostic of a name that has no line of its own (a sampled leaf).
    public func swift(omitting declared: Set<String> = [], fallback: SourcePosition, imports: Bool = false) -> GeneratedSwift {
        var diagnostics: [Diagnostic] = []
        var swift: [String: String] = [:]
        // Leaves first, then definitions: each note name with its Swift name, or a diagnostic.
        var named: [(name: String, position: SourcePosition)] = point.map { value in
            if case .note(let line) = value.source { return (value.name, SourcePosition(line: line, column: 1)) }
            return (value.name, fallback)
        }
        named += entries.filter { !$0.builtin }.map { ($0.name, $0.position) }
        for (name, position) in named {
            if let identifier = SwiftNames.swiftName(for: name) {
                swift[name] = identifier
            } else {
                diagnostics.append(Diagnostic(.warning, "'\(name)' has no Swift name (docs/note-language.md §12): the cells cannot use it, nor the formulas that use it", at: position))
            }
        }
        let owners = SwiftNames.swiftNames(for: named.map(\.name))
        for (identifier, names) in owners.sorted(by: { $0.key < $1.key }) where names.count > 1 {
            let position = named.first { $0.name == names[1] }?.position ?? fallback
            diagnostics.append(Diagnostic(.warning, "\(names.map { "'\($0)'" }.joined(separator: " and ")) are all '\(identifier)' in Swift: neither is written as Swift", at: position))
            for name in names { swift[name] = nil }
        }
        var out = imports ? "import Foundation\n\n" + SwiftExpression.prelude : SwiftExpression.prelude
        // A default a cell's own `let` or `var` gives may be an Int (`let y = 7`).
        func defaultValue(_ identifier: String) -> String {
            declared.contains(identifier) ? "derive_double(\(identifier))" : identifier
        }
        if !declared.isEmpty {
            out += "func derive_double(_ value: Any) -> Double { (value as? Double) ?? (value as? Int).map(Double.init) ?? .nan }\n"
        }
        out += "// The example point.\n"
        // A name bound twice (in two sections) is a constant once, with its first value; what
        // uses a later binding is not written (below).
        var written = declared
        for value in point {
            guard let identifier = swift[value.name], !written.contains(identifier) else { continue }
            written.insert(identifier)
            out += "let \(identifier) = \(Self.literal(value.value))\n"
        }
        // A defined symbol used in a body is a call with its leaves as arguments.
        var calls: [String: String] = [:]
        var symbolLeaves: [String: [String]] = [:]
        for entry in entries where entry.kind == .symbol {
            guard let identifier = swift[entry.name], let leaves = leaves(of: entry.name),
                  leaves.allSatisfy({ swift[$0] != nil })
            else {
                diagnostics.append(Diagnostic(.warning, "'\(entry.name)' is not written as Swift: a name it reaches has no Swift name, or is bound twice", at: entry.position))
                continue
            }
            symbolLeaves[entry.name] = leaves
            calls[entry.name] = "\(identifier)(" + leaves.map { "\(swift[$0]!): \(swift[$0]!)" }.joined(separator: ", ") + ")"
        }
        let leafNames = Set(point.map(\.name))
        // What is written, found by a fixed point: a definition whose body has no Swift (or uses
        // one that has none) is left out, and so is whatever uses it, so the file always compiles.
        var available = Set(entries.filter { !$0.builtin && swift[$0.name] != nil }.map(\.name))
        var derivatives = Set(entries.compactMap { entry -> String? in
            if case .function(let parameters) = entry.kind, parameters.count == 1, !entry.builtin { return entry.name }
            return nil
        })
        var members: [String] = []
        var wrappers: [String] = []
        var changed = true
        while changed {
            changed = false
            members = []
            wrappers = []
            func derivativeName(_ function: String, _ order: Int) -> String? {
                guard order == 1, derivatives.contains(function), available.contains(function) else { return nil }
                return swift[function].map { $0 + "_derivative" }
            }
            func global(_ note: String) -> String? {
                if leafNames.contains(note) { return swift[note] }
                guard available.contains(note) else { return nil }
                return calls[note] ?? swift[note]
            }
            /// The Swift of a body; a partial in it (`w^+ = w - η ∂L/∂w`) is worked out first.
            func code(_ body: Calculus.Expression, _ name: (String) -> String?) -> String? {
                if let code = SwiftExpression.code(body, name: name, derivative: derivativeName) { return code }
                guard let expanded = try? context.derivative(of: body, withRespectTo: "", order: 0) else { return nil }
                return SwiftExpression.code(expanded, name: name, derivative: derivativeName)
            }
            for entry in entries where available.contains(entry.name) {
                let identifier = swift[entry.name]!
                switch entry.kind {
                case .symbol:
                    guard let leaves = symbolLeaves[entry.name], let body = context.definitions[entry.name],
                          let value = code(body, global)
                    else {
                        available.remove(entry.name)
                        changed = true
                        continue
                    }
                    let parameters = leaves.map { "\(swift[$0]!): Double = \(defaultValue(swift[$0]!))" }.joined(separator: ", ")
                    let arguments = leaves.map { "\(swift[$0]!): \(swift[$0]!)" }.joined(separator: ", ")
                    members.append("static func \(identifier)(\(parameters)) -> Double { \(value) }")
                    if !declared.contains(identifier) {
                        wrappers.append("func \(identifier)(\(parameters)) -> Double { NoteFormulas.\(identifier)(\(arguments)) }")
                    }
                    let gradient = leaves.compactMap { leaf in
                        (try? context.derivative(of: .symbol(entry.name), withRespectTo: leaf)).flatMap { code($0, global) }
                    }
                    guard gradient.count == leaves.count, !leaves.isEmpty else { continue }
                    let result = leaves.count == 1 ? "Double" : "(" + leaves.map { "\(swift[$0]!): Double" }.joined(separator: ", ") + ")"
                    let slopes = leaves.count == 1 ? gradient[0]
                        : "(" + zip(leaves, gradient).map { "\(swift[$0]!): \($1)" }.joined(separator: ", ") + ")"
                    members.append("static func \(identifier)_gradient(\(parameters)) -> \(result) { \(slopes) }")
                    if !declared.contains(identifier + "_gradient") {
                        wrappers.append("func \(identifier)_gradient(\(parameters)) -> \(result) { NoteFormulas.\(identifier)_gradient(\(arguments)) }")
                    }
                case .function(let parameters):
                    let locals = parameters.compactMap(SwiftNames.swiftName(for:))
                    let local = Dictionary(zip(parameters, locals), uniquingKeysWith: { first, _ in first })
                    func name(_ note: String) -> String? { local[note] ?? global(note) }
                    guard locals.count == parameters.count, let function = context.functions[entry.name],
                          let value = code(function.body, name)
                    else {
                        available.remove(entry.name)
                        changed = true
                        continue
                    }
                    let signature = locals.map { "_ \($0): Double" }.joined(separator: ", ")
                    let arguments = locals.joined(separator: ", ")
                    members.append("static func \(identifier)(\(signature)) -> Double { \(value) }")
                    if !declared.contains(identifier) {
                        wrappers.append("func \(identifier)(\(signature)) -> Double { NoteFormulas.\(identifier)(\(arguments)) }")
                    }
                    let partials = (try? context.partials(ofFunction: entry.name)) ?? []
                    let codes = partials.compactMap { code($0.derivative, name) }
                    guard codes.count == parameters.count, !codes.isEmpty else {
                        if derivatives.remove(entry.name) != nil { changed = true }
                        continue
                    }
                    let suffix = codes.count == 1 ? "_derivative" : "_gradient"
                    let result = codes.count == 1 ? "Double" : "(" + locals.map { "\($0): Double" }.joined(separator: ", ") + ")"
                    let slopes = codes.count == 1 ? codes[0] : "(" + zip(locals, codes).map { "\($0): \($1)" }.joined(separator: ", ") + ")"
                    members.append("static func \(identifier)\(suffix)(\(signature)) -> \(result) { \(slopes) }")
                    if !declared.contains(identifier + suffix) {
                        wrappers.append("func \(identifier)\(suffix)(\(signature)) -> \(result) { NoteFormulas.\(identifier)\(suffix)(\(arguments)) }")
                    }
                }
            }
        }
        out += "// Each definition, and its gradient.\nenum NoteFormulas {\n"
        for member in members { out += "    " + member + "\n" }
        out += "}\n"
        for wrapper in wrappers { out += wrapper + "\n" }
        return GeneratedSwift(source: out, diagnostics: diagnostics)
    }
}
