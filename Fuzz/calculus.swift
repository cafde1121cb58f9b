// libFuzzer harness (c): the formula reader and the Calculus engine. The input is formulas, one
// per line; they are read as the formulas of one note (TeX: FormulaReader), their definitions,
// functions and bindings make a Calculus Context, and every side of every statement is
// evaluated, simplified, differentiated and compiled for its gradient; the failures found for all
// definitions at once (`definitionFailures`) must agree with evaluating each on its own.
// Built and run by scripts/fuzz calculus; see docs/fuzzing.md.
import Calculus
import TeX

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCalculus(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    let splits = text.split(separator: "\n").prefix(32).map { FormulaReader.split(Formula.parse(String($0))) }

    // The reader's pass 1, as the Notebook makes it: heads first, so names are known.
    var scope = ReadingScope()
    for split in splits {
        for declaration in FormulaReader.heads(in: split) {
            let head = declaration.head
            if head.isFunction { scope.functions[head.name] = head.parameters.count }
            if head.name.unicodeScalars.prefix(while: { $0 != "_" }).count > 1 { scope.multiLetterNames.insert(head.name) }
            if declaration.isBinding { scope.shadowed.insert(head.name) }
            scope.names.insert(head.name)
        }
    }
    let statements = splits.flatMap { FormulaReader.read($0, scope: scope).statements }

    // The context: bindings give values, definitions symbols or functions (the last one wins).
    var context = Context()
    for statement in statements {
        guard let head = statement.head, let body = statement.sides.first else { continue }
        switch statement.kind {
        case .binding:
            if case .finite(let value) = Context().evaluate(body) { context.values[head.name] = value }
        case .definition:
            if head.parameters.isEmpty {
                context.definitions[head.name] = body
            } else {
                context.functions[head.name] = UserFunction(parameters: head.parameters, body: body)
            }
        default:
            break
        }
    }
    context.indexDependencies()

    // Every failure found at once (cycles by strongly connected components) agrees with
    // evaluating each definition on its own: one that evaluates has none, one that has one fails.
    let failures = context.definitionFailures()
    for name in context.definitions.keys.sorted().prefix(64) {
        let outcome = context.evaluate(.symbol(name))
        if case .failure = outcome {
            continue
        }
        precondition(failures.failures[name] == nil, "\(name) evaluates, yet definitionFailures says \(failures.failures[name]!)")
    }
    for (name, failure) in failures.failures.sorted(by: { $0.key < $1.key }).prefix(64) {
        guard case .failure = context.evaluate(.symbol(name)) else {
            preconditionFailure("\(name) fails with \(failure) by definitionFailures, yet evaluates")
        }
        if let cycle = failures.cycle(throughSymbol: name) {
            precondition(cycle.first == name && cycle.last == name && cycle.count >= 2, "\(cycle)")
        }
    }

    // The first statements only: an index range (`x_1 = a_{0..2000}`) makes thousands of one
    // formula, each as much work as the others (second derivatives of a long product took 11 s
    // under the sanitizer, linear in the range); the Notebook's work on them is a pathological
    // pattern of its own ('failing claims').
    for statement in statements.prefix(256) {
        for side in statement.sides.prefix(4) {
            _ = side.description
            _ = side.simplified().description
            _ = context.evaluate(side)
            _ = try? context.gradient(of: side)
            for name in side.symbols.prefix(3) {
                _ = try? context.derivative(of: side, withRespectTo: name)
                _ = try? context.derivative(of: side, withRespectTo: name, order: 2)
            }
        }
        if statement.kind == .definition, let head = statement.head {
            if head.parameters.isEmpty {
                _ = try? context.partials(ofDefinition: head.name)
            } else {
                _ = try? context.partials(ofFunction: head.name)
            }
        }
    }
    return 0
}
