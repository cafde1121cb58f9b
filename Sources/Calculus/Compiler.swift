extension Context {
    /// Compiles the expressions (the outputs, in order) with the definitions and functions they
    /// use into one `Program`. Its leaves are every leaf reached, with or without a value here:
    /// the point is given when the program runs.
    ///
    /// `partial` and `derivative` nodes are differentiated symbolically first, then compiled.
    /// Throws what `dependencies(of:)` throws.
    public func compile(_ expressions: [Expression]) throws(CalculusError) -> Program {
        var compiler = Compiler(context: self)
        return try compiler.compile(expressions)
    }

    /// `compile(_:)` with outputs kept apart: each output computes its own applications of the
    /// context's functions, even where another output applies the same function to the same
    /// slots. Its instructions are then, in order, those of compiling it alone, so its value and
    /// its slopes by reverse mode are exactly those of its own program, to the last bit.
    public func compile(apart expressions: [Expression]) throws(CalculusError) -> Program {
        var compiler = Compiler(context: self)
        compiler.outputsApart = true
        return try compiler.compile(expressions)
    }

    /// The value of `expression` at the values of this context: finite, non-finite with its
    /// origin, or a failure (an undefined name, a leaf without a value, a cycle...).
    public func evaluate(_ expression: Expression) -> Outcome {
        // A written number (a binding's body) is its own value, as the compiled program gives it.
        switch expression {
        case .number(let value) where value.isFinite:
            return .finite(value)
        case .negation(.number(let value)) where value.isFinite:
            return .finite(-value)
        default:
            break
        }
        do {
            return try compile([expression]).values(at: values)[0]
        } catch {
            return .failure(error)
        }
    }

    /// The value of `expression` at the values of this context and, by reverse mode, its
    /// derivatives with respect to every leaf and every defined symbol it uses.
    public func gradient(of expression: Expression) throws(CalculusError) -> Gradient {
        let program = try compile([expression])
        switch program.point(values) {
        case .success(let point): return program.gradient(of: 0, at: point)
        case .failure(let error): throw error
        }
    }
}

/// Builds a `Program`: slots for leaves, constants, definitions and intermediate results.
struct Compiler {
    private let context: Context
    private let names = FreshNames()
    private var instructions: [Instruction] = []
    private var slotValues: [Double] = []
    private var isConstant: [Bool] = []
    private var constantSlots: [UInt64: Int32] = [:]
    /// The slots of the leaves and of the definitions compiled so far (leaves are never
    /// defined): a name is found by one lookup.
    private var symbolSlots: [String: Int32] = [:]
    /// The slots of the definitions compiled, for the program.
    private var definitionSlots: [String: Int32] = [:]
    private var inProgress: [String] = []
    /// What a function name applied to a number of arguments calls, once resolved: a
    /// built-in's position in `Builtins.all` (0 or more), or -1 - n for the n-th function of
    /// the context met (`userFunctions[n]`).
    private var callees: [Callee: Int32] = [:]
    /// The functions of the context met, by number, and their prepared bodies once made.
    private var userFunctions: [String] = []
    private var bodies: [(parameters: [String], body: Expression)?] = []
    /// The number of each function name met in a derivative node (`f'(u)`).
    private var derivativeFunctions: [String: Int32] = [:]
    private var derivativeBodies: [DerivativeKey: (parameters: [String], body: Expression)] = [:]
    /// The slot of each application of a function of the context (or of its derivative)
    /// compiled so far, by the slots of its arguments: a function applied again to the same
    /// values is the same value (`f_k(x) = f_{k-1}(x) f_{k-1}(x) + f_{k-1}(x)` is computed once
    /// per link, not 3^k times).
    private var applications: [Application: Int32] = [:]
    /// The nodes compiled for the current definition or output, against
    /// `Expression.maximumOperations`.
    private var nodesCompiled = 0
    /// Whether each output compiles its applications itself (`Context.compile(apart:)`).
    var outputsApart = false

    /// A function applied to the values of some slots: numbers only, hashed without a name.
    private struct Application: Hashable {
        /// For the function itself (order 0) its callee number (`callees`); for a derivative,
        /// the function's number in `derivativeFunctions`.
        var function: Int32
        /// 0 for the function itself, n for its n-th derivative.
        var order = 0
        var arguments: [Int32]
    }

    private struct Callee: Hashable {
        var name: String
        var arity: Int
    }

    private struct DerivativeKey: Hashable {
        var function: Int32
        var order: Int
    }

    /// The parameters of the function body being compiled with the slots of their arguments
    /// (a body has few: found by comparing, the last of a name first, as in a table filled in
    /// order), or none outside a body.
    private struct Scope {
        var names: [String] = []
        var slots: [Int32] = []

        var isEmpty: Bool { names.isEmpty }

        func slot(of name: String) -> Int32? {
            var index = min(names.count, slots.count)
            while index > 0 {
                index -= 1
                if names[index] == name { return slots[index] }
            }
            return nil
        }
    }

    init(context: Context) {
        self.context = context
    }

    mutating func compile(_ roots: [Expression]) throws(CalculusError) -> Program {
        let graph = try DependencyGraph(context: context, roots: roots)
        let leaves = graph.naturallyOrderedLeaves
        // Sized once: tables grown one insertion at a time rehash every name at each growth.
        let order = graph.order
        symbolSlots.reserveCapacity(leaves.count + order.count)
        for leaf in leaves { symbolSlots[leaf] = newSlot(value: 0, constant: false) }
        definitionSlots.reserveCapacity(order.count)
        constantSlots.reserveCapacity(8)
        // A note's functions are applied a few times each: grown from one, the table would
        // hash every application again at each doubling.
        if !context.functions.isEmpty { applications.reserveCapacity(16) }
        // The limit of operations holds for each definition and each output on its own.
        for case .symbol(let name) in order {
            nodesCompiled = 0
            _ = try compileDefinition(name, depth: 0)
        }
        var outputs: [Int32] = []
        var outputStarts: [Int] = []
        for root in roots {
            nodesCompiled = 0
            outputStarts.append(instructions.count)
            if outputsApart { applications.removeAll(keepingCapacity: true) }
            outputs.append(try compile(root, scope: Scope(), depth: 0))
        }
        return Program(
            leaves: leaves, instructions: instructions, initialSlots: slotValues, outputs: outputs,
            outputStarts: outputStarts, definitionSlots: definitionSlots)
    }

    /// The slot of a defined symbol: its own slot, so that reverse mode gives ∂/∂symbol.
    private mutating func compileDefinition(_ name: String, depth: Int) throws(CalculusError) -> Int32 {
        if let slot = symbolSlots[name] { return slot }
        if let start = inProgress.firstIndex(of: name) { throw .cycle(Array(inProgress[start...]) + [name]) }
        guard let definition = context.definitions[name] else { throw .undefinedSymbol(name) }
        inProgress.append(name)
        let mark = Int32(slotValues.count)
        var slot = try compile(definition, scope: Scope(), depth: depth + 1)
        inProgress.removeLast()
        if isConstant[Int(slot)] || slot < mark {
            // A slot of its own, and not a constant: reverse mode then gives ∂/∂name even for
            // `n = 2` or `a = b`.
            slot = emit(.copy, slot, slot, force: true)
        }
        definitionSlots[name] = slot
        symbolSlots[name] = slot
        return slot
    }

    private mutating func compile(
        _ e: Expression, scope: Scope, depth: Int
    ) throws(CalculusError) -> Int32 {
        guard depth <= 2 * Expression.maximumDepth else { throw .tooDeep(limit: Expression.maximumDepth) }
        nodesCompiled += 1
        guard nodesCompiled <= Expression.maximumOperations else {
            throw .tooManyOperations(limit: Expression.maximumOperations)
        }
        let inner = depth + 1
        switch e {
        case .number(let value):
            return constant(value)
        case .symbol(let name):
            if !scope.isEmpty, let slot = scope.slot(of: name) { return slot }
            // Definitions are compiled before the outputs, and leaves are never defined: most
            // names are found by one lookup.
            if let slot = symbolSlots[name] { return slot }
            if context.definitions[name] != nil { return try compileDefinition(name, depth: inner) }
            if let value = context.constantValue(of: name) {
                // A constant's name (`e` in every sigmoid) is found by one lookup next time: it
                // is no leaf and no definition, so the table holds nothing else under it.
                let slot = constant(value)
                symbolSlots[name] = slot
                return slot
            }
            throw .undefinedSymbol(name)
        case .sum(let terms):
            guard let first = terms.first else { return constant(0) }
            var total = try compile(first, scope: scope, depth: inner)
            for term in terms.dropFirst() {
                if case .negation(let operand) = term {
                    total = emit(.subtract, total, try compile(operand, scope: scope, depth: inner))
                } else {
                    total = emit(.add, total, try compile(term, scope: scope, depth: inner))
                }
            }
            return total
        case .product(let factors):
            guard let first = factors.first else { return constant(1) }
            var total = try compile(first, scope: scope, depth: inner)
            for factor in factors.dropFirst() {
                total = emit(.multiply, total, try compile(factor, scope: scope, depth: inner))
            }
            return total
        case .negation(let operand):
            let slot = try compile(operand, scope: scope, depth: inner)
            return emit(.negate, slot, slot)
        case .quotient(let numerator, let denominator):
            let top = try compile(numerator, scope: scope, depth: inner)
            return emit(.divide, top, try compile(denominator, scope: scope, depth: inner))
        case .power(let base, let exponent):
            let b = try compile(base, scope: scope, depth: inner)
            let x = try compile(exponent, scope: scope, depth: inner)
            guard isConstant[Int(x)] else { return emit(.power, b, x) }
            return slotValues[Int(x)] == 2 ? emit(.square, b, b) : emit(.powerConstant, b, x)
        case .apply(let name, let arguments):
            let callee = try callee(name, arity: arguments.count)
            var slots: [Int32] = []
            slots.reserveCapacity(arguments.count)
            for argument in arguments { slots.append(try compile(argument, scope: scope, depth: inner)) }
            if callee >= 0 {
                let operation: Operation = arguments.count == 1 ? .call1 : .call2
                return emit(operation, slots[0], slots[slots.count - 1], function: callee)
            }
            let application = Application(function: callee, arguments: slots)
            if let slot = applications[application] { return slot }
            let body = try preparedBody(ofFunction: Int(-1 - callee))
            let slot = try compile(body.body, scope: Scope(names: body.parameters, slots: slots), depth: inner)
            applications[application] = slot
            return slot
        case .derivative(let name, let order, let argument):
            if order < 0 { throw .negativeOrder(order) }
            if order == 0 { return try compile(.apply(name, [argument]), scope: scope, depth: inner) }
            if let problem = context.checkDerivative(of: name) { throw problem }
            let slot = try compile(argument, scope: scope, depth: inner)
            let function = derivativeFunction(name)
            let application = Application(function: function, order: order, arguments: [slot])
            if let known = applications[application] { return known }
            let derivative = try derivativeBody(of: name, number: function, order: order)
            let result = try compile(derivative.body, scope: Scope(names: derivative.parameters, slots: application.arguments),
                                     depth: inner)
            applications[application] = result
            return result
        case .partial(let of, let variable, let order):
            let expanded = try context.derivativeCanonical(
                of: try context.expandingPartials(of, names: names, depth: inner),
                withRespectTo: variable, order: order, names: names)
            return try compile(expanded, scope: scope, depth: inner)
        case .comparison(let relation, let left, let right):
            let x = try compile(left, scope: scope, depth: inner)
            return emit(.compare, x, try compile(right, scope: scope, depth: inner), function: Int32(relation.rawValue))
        case .choice(let condition, let then, let otherwise):
            let holds = try compile(condition, scope: scope, depth: inner)
            // A condition known here (a number, or of constants): only its branch is compiled.
            if isConstant[Int(holds)], !slotValues[Int(holds)].isNaN {
                let taken = try compile(slotValues[Int(holds)] != 0 ? then : otherwise, scope: scope, depth: inner)
                // No row holding (the NaN of cases without `otherwise`) is said where it happens.
                guard isConstant[Int(taken)], slotValues[Int(taken)].isNaN else { return taken }
                return emit(.select, taken, taken, function: holds, force: true)
            }
            let a = try compile(then, scope: scope, depth: inner)
            let b = try compile(otherwise, scope: scope, depth: inner)
            return emit(.select, a, b, function: holds, force: true)
        }
    }

    /// What `name` applied to `arity` arguments calls (see `callees`); throws as
    /// `Context.builtinPosition(applying:arity:)` does, the first time and every time.
    private mutating func callee(_ name: String, arity: Int) throws(CalculusError) -> Int32 {
        let key = Callee(name: name, arity: arity)
        if let known = callees[key] { return known }
        let callee: Int32
        if let position = try context.builtinPosition(applying: name, arity: arity) {
            callee = Int32(position)
        } else {
            callee = -1 - Int32(userFunctions.count)
            userFunctions.append(name)
            bodies.append(nil)
        }
        callees[key] = callee
        return callee
    }

    /// The prepared body of the function numbered `number` in `userFunctions`, made once.
    private mutating func preparedBody(ofFunction number: Int) throws(CalculusError) -> (parameters: [String], body: Expression) {
        if let body = bodies[number] { return body }
        let body = try context.preparedBody(of: userFunctions[number], names: names)
        bodies[number] = body
        return body
    }

    /// The number of `name` among the functions met in derivative nodes.
    private mutating func derivativeFunction(_ name: String) -> Int32 {
        if let known = derivativeFunctions[name] { return known }
        let number = Int32(derivativeFunctions.count)
        derivativeFunctions[name] = number
        return number
    }

    /// The n-th derivative of a one-parameter function, written with a fresh parameter.
    private mutating func derivativeBody(
        of name: String, number: Int32, order: Int
    ) throws(CalculusError) -> (parameters: [String], body: Expression) {
        let key = DerivativeKey(function: number, order: order)
        if let known = derivativeBodies[key] { return known }
        let result: (parameters: [String], body: Expression)
        if let function = context.functions[name] {
            let prepared = try preparedBody(ofFunction: Int(-1 - (try callee(name, arity: 1))))
            let (context, names) = (context, names)
            // The sigmoid's derivative is the same in every note: made once a thread.
            result = try SharedDerivatives.current.derivative(of: function, order: order, in: context) {
                () throws(CalculusError) -> (parameters: [String], body: Expression) in
                let parameter = prepared.parameters[0]
                return ([parameter], try context.derivativeCanonical(of: prepared.body, withRespectTo: parameter,
                                                                     order: order, names: names))
            }
        } else {
            let (context, names) = (context, names)
            result = try SharedDerivatives.current.derivative(ofBuiltin: name, order: order) {
                () throws(CalculusError) -> (parameters: [String], body: Expression) in
                let parameter = names.next(for: "u")
                return ([parameter], try context.derivativeCanonical(of: .apply(name, [.symbol(parameter)]),
                                                                     withRespectTo: parameter, order: order, names: names))
            }
        }
        derivativeBodies[key] = result
        return result
    }

    private mutating func newSlot(value: Double, constant: Bool) -> Int32 {
        slotValues.append(value)
        isConstant.append(constant)
        return Int32(slotValues.count - 1)
    }

    private mutating func constant(_ value: Double) -> Int32 {
        if let slot = constantSlots[value.bitPattern] { return slot }
        let slot = newSlot(value: value, constant: true)
        constantSlots[value.bitPattern] = slot
        return slot
    }

    /// Appends an instruction, or folds it into a constant when its operands are constants
    /// and its value is finite (a non-finite value keeps its instruction, to report its origin).
    private mutating func emit(
        _ operation: Operation, _ a: Int32, _ b: Int32, function: Int32 = 0, force: Bool = false
    ) -> Int32 {
        if !force, isConstant[Int(a)], isConstant[Int(b)] {
            let value = Builtins.all.withUnsafeBufferPointer { functions in
                operation.apply(slotValues[Int(a)], slotValues[Int(b)], function: function, functions: functions)
            }
            if value.isFinite { return constant(value) }
        }
        let slot = newSlot(value: 0, constant: false)
        instructions.append(Instruction(operation: operation, function: function, a: a, b: b, result: slot))
        return slot
    }
}
