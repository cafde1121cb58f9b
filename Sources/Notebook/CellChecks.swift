import Calculus
import Cells
import Document

/// A value a cell's top-level `let` gives a name of the note's math (docs/note-language.md §12):
/// it binds the name at the example point, after the note's own bindings.
public struct CellValue: Sendable, Equatable {
    /// The note's name (`η` for `let eta`).
    public var name: String
    public var value: Double
    /// Where the `let`'s name is in the note.
    public var position: SourcePosition

    public init(name: String, value: Double, position: SourcePosition) {
        self.name = name
        self.value = value
        self.position = position
    }
}

/// The verdict on a cell's function compared with the formula it implements, shown under the
/// cell like a claim's: "implements σ (eq. 2): agrees at 9 points; derivative agrees".
public struct CellCheck: Sendable, Equatable {
    /// The cell (from 0) and the function's name in it.
    public var cell: Int
    public var function: String
    public var position: SourcePosition
    public var holds: Bool
    public var text: String
}

/// What the cells' program must compute so that the note can be checked against its code: the
/// values of the `let`s that bind names of the math, and each function that implements a
/// formula at the example point and at sample points, with its central differences. `harness`
/// is Swift that prints them, one line each, after the cells (see `CellProgram`).
public struct CellProbes: Sendable {
    struct Probe: Sendable {
        /// The cell's function.
        var declaration: CellDeclaration
        /// The note's definition it implements.
        var entry: NoteFormulas.Entry
        /// Whether it implements the definition's derivative (`sigma_derivative`).
        var derivative: Bool
        /// The note's name each parameter stands for, in the function's order.
        var parameters: [String]
    }

    struct Let: Sendable {
        var swift: String
        var name: String
        var position: SourcePosition
    }

    var probes: [Probe] = []
    var lets: [Let] = []
    public var harness = ""
    /// Functions that name a formula but cannot be compared with it.
    public var diagnostics: [Diagnostic] = []

    public static let none = CellProbes()
    public var isEmpty: Bool { probes.isEmpty && lets.isEmpty }
}

extension NoteFormulas {
    /// The relative tolerance of a derivative by central differences (docs/note-language.md §12).
    public static let derivativeTolerance = 1e-6
    /// The step of the central differences, relative to max(1, |x|).
    public static let differenceStep = 1e-6

    /// What the cells' program must print to check `declarations` (the cells' top-level
    /// declarations) against the note: the `let`s whose names are leaves of the math, and the
    /// `func`s of `Double`s returning a `Double` named for a definition (or `NAME_derivative`
    /// for a function of one parameter).
    public func probes(for declarations: [CellDeclaration]) -> CellProbes {
        var probes = CellProbes()
        let lets = Set(declarations.compactMap { declaration -> String? in
            if case .value(_, _, true) = declaration.kind { return declaration.name }
            return nil
        })
        let pointByName = Dictionary(point.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        // The `let`s of names the math uses.
        for declaration in declarations {
            guard case .value(_, _, true) = declaration.kind,
                  let name = point.first(where: { SwiftNames.swiftName(for: $0.name) == declaration.name })?.name
            else { continue }
            probes.lets.append(.init(swift: declaration.name, name: name,
                                     position: SourcePosition(line: declaration.line, column: declaration.column)))
        }
        // A coordinate of the example point in Swift: a cell's `let` where it binds the name.
        func example(_ name: String) -> String {
            if let swift = SwiftNames.swiftName(for: name), lets.contains(swift) { return "(__deriveNumber(\(swift)) ?? .nan)" }
            return Self.literal(pointByName[name]?.value ?? 0.5)
        }
        var code = ""
        for declaration in declarations {
            guard case .function(let parameters, let result) = declaration.kind, result == "Double",
                  parameters.allSatisfy({ $0.type == "Double" }), !parameters.isEmpty else { continue }
            var derivative = false
            var match = entries.first { SwiftNames.names(declaration.name, implement: $0.name) }
            if match == nil, declaration.name.hasSuffix("_derivative") {
                let base = String(declaration.name.dropLast("_derivative".count))
                match = entries.first { entry in
                    if case .function(let p) = entry.kind, p.count == 1 { return SwiftNames.names(base, implement: entry.name) }
                    return false
                }
                derivative = match != nil
            }
            guard let entry = match else { continue }
            let at = SourcePosition(line: declaration.line, column: declaration.column)
            let shown = entry.name + (derivative ? "′" : "")
            var names: [String] = []
            switch entry.kind {
            case .function(let p):
                guard p.count == parameters.count else {
                    probes.diagnostics.append(Diagnostic(.warning, "func \(declaration.name) takes \(parameters.count) parameter\(parameters.count == 1 ? "" : "s") and \(shown) (\(entry.citation)) \(p.count): they are not compared", at: at))
                    continue
                }
                names = p
            case .symbol:
                let inputs = leaves(of: entry.name) ?? []
                for parameter in parameters {
                    let label = parameter.label ?? parameter.name
                    guard let leaf = inputs.first(where: { SwiftNames.swiftName(for: $0) == label })
                        ?? inputs.first(where: { SwiftNames.swiftName(for: $0) == parameter.name })
                    else {
                        let list = inputs.map { SwiftNames.swiftName(for: $0) ?? $0 }.joined(separator: ", ")
                        probes.diagnostics.append(Diagnostic(.warning, "func \(declaration.name)'s parameter '\(label)' is no input of \(entry.name) (\(entry.citation); its inputs: \(list)): they are not compared", at: at))
                        names = []
                        break
                    }
                    names.append(leaf)
                }
                guard names.count == parameters.count else { continue }
            }
            let index = probes.probes.count
            probes.probes.append(.init(declaration: declaration, entry: entry, derivative: derivative, parameters: names))
            var generator = SplitMix64([path, "cells", declaration.name], seed: options.seed)
            var points = [names.map(example)]
            for _ in 0..<max(0, min(options.samples, 50)) {
                points.append(names.map { _ in Self.literal(generator.uniform(-2...2)) })
            }
            let call = declaration.name + "(" + parameters.enumerated().map { offset, parameter in
                (parameter.label.map { "\($0): " } ?? "") + "__point[\(offset)]"
            }.joined(separator: ", ") + ")"
            code += "__deriveProbe(\(index), [" + points.map { "[" + $0.joined(separator: ", ") + "]" }.joined(separator: ", ")
                + "]) { __point in \(call) }\n"
        }
        guard !probes.isEmpty else { return probes }
        var harness = """
            func __deriveNumber(_ value: Any) -> Double? {
                switch value {
                case let value as Double: return value
                case let value as Int: return Double(value)
                case let value as Float: return Double(value)
                default: return nil
                }
            }
            func __deriveProbe(_ index: Int, _ points: [[Double]], _ f: ([Double]) -> Double) {
                for point in points {
                    var line = "probe \\(index)"
                    for x in point { line += " \\(x.bitPattern)" }
                    line += " \\(f(point).bitPattern)"
                    for i in point.indices {
                        var up = point, down = point
                        let step = \(Self.differenceStep) * max(1, abs(point[i]))
                        up[i] += step
                        down[i] -= step
                        line += " \\(((f(up) - f(down)) / (up[i] - down[i])).bitPattern)"
                    }
                    print(line)
                }
            }

            """
        for value in probes.lets {
            harness += "if let value = __deriveNumber(\(value.swift)) { print(\"let \(value.swift) \\(value.bitPattern)\") }\n"
        }
        harness += code
        probes.harness = harness
        return probes
    }

    /// The values the cells' `let`s gave names of the math, read from the program's check lines.
    public func cellValues(from lines: [String], probes: CellProbes) -> [CellValue] {
        var values: [CellValue] = []
        for line in lines {
            let parts = line.split(separator: " ")
            guard parts.count == 3, parts[0] == "let", let bits = UInt64(parts[2]),
                  let found = probes.lets.first(where: { $0.swift == parts[1] }) else { continue }
            values.append(CellValue(name: found.name, value: Double(bitPattern: bits), position: found.position))
        }
        return values
    }

    /// The verdict on each probed function, and an error at each function that disagrees.
    public func checks(from lines: [String], probes: CellProbes) -> (checks: [CellCheck], diagnostics: [Diagnostic]) {
        var rows = [[[Double]]](repeating: [], count: probes.probes.count)
        for line in lines {
            let parts = line.split(separator: " ")
            guard parts.count >= 2, parts[0] == "probe", let index = Int(parts[1]), rows.indices.contains(index) else { continue }
            let numbers = parts.dropFirst(2).compactMap { UInt64($0).map(Double.init(bitPattern:)) }
            rows[index].append(numbers)
        }
        var checks: [CellCheck] = []
        var diagnostics: [Diagnostic] = []
        for (probe, points) in zip(probes.probes, rows) {
            let (check, diagnostic) = verdict(probe, points: points)
            checks.append(check)
            if let diagnostic { diagnostics.append(diagnostic) }
        }
        return (checks, diagnostics)
    }

    /// The formula's value and partial derivatives at `coordinates` of the probe's parameters.
    private func formula(_ probe: CellProbes.Probe, at coordinates: [Double]) -> (value: Double?, slopes: [Double?]) {
        var local = context
        let expression: Calculus.Expression
        var slopes: [Calculus.Expression?]
        switch probe.entry.kind {
        case .function(let parameters):
            let fresh = parameters.indices.map { "#p\($0)" }
            for (name, value) in zip(fresh, coordinates) { local.values[name] = value }
            let applied = Calculus.Expression.apply(probe.entry.key, fresh.map(Calculus.Expression.symbol))
            let derivatives = fresh.map { try? context.derivative(of: applied, withRespectTo: $0) }
            if probe.derivative {
                guard let first = derivatives.first, let first else { return (nil, []) }
                expression = first
                slopes = []
            } else {
                expression = applied
                slopes = derivatives
            }
        case .symbol:
            for (name, value) in zip(probe.parameters, coordinates) { local.values[name] = value }
            expression = .symbol(probe.entry.key)
            slopes = probe.parameters.map { try? context.derivative(of: .symbol(probe.entry.key), withRespectTo: $0) }
        }
        let value = local.evaluate(expression).value
        return (value, slopes.map { $0.flatMap { local.evaluate($0).value } })
    }

    private func verdict(_ probe: CellProbes.Probe, points: [[Double]]) -> (CellCheck, Diagnostic?) {
        let declaration = probe.declaration
        let at = SourcePosition(line: declaration.line, column: declaration.column)
        let shown = probe.entry.name + (probe.derivative ? "′" : "")
        let n = probe.parameters.count
        func check(_ holds: Bool, _ text: String) -> CellCheck {
            CellCheck(cell: declaration.cell, function: declaration.name, position: at, holds: holds, text: text)
        }
        func place(_ coordinates: [Double]) -> String {
            zip(probe.parameters, coordinates).map { "\($0) = \(NumberText.format($1))" }.joined(separator: ", ")
        }
        var agreed = 0
        var slopesAgree = true
        var slopeProblem: String?
        for row in points where row.count == 2 * n + 1 {
            let coordinates = Array(row[0..<n])
            let code = row[n]
            let differences = Array(row[(n + 1)...])
            let (value, slopes) = formula(probe, at: coordinates)
            guard let value, value.isFinite else { continue }
            let tolerance = options.relativeTolerance * max(abs(value), abs(code)) + options.absoluteTolerance
            guard abs(code - value) <= tolerance else {
                let (a, b) = NumberText.pair(code, value)
                let text = "does not implement \(shown) (\(probe.entry.citation)): at \(place(coordinates)) the code gives \(a), the formula \(b)"
                return (check(false, text), Diagnostic(.error, "func \(declaration.name) " + text, at: at))
            }
            agreed += 1
            guard slopeProblem == nil, !probe.derivative else { continue }
            for (index, slope) in slopes.enumerated() {
                guard let slope, slope.isFinite else { slopesAgree = false; continue }
                let difference = differences[index]
                if abs(difference - slope) > Self.derivativeTolerance * max(1, abs(slope), abs(difference)) {
                    let (a, b) = NumberText.pair(difference, slope)
                    slopeProblem = "∂/∂\(probe.parameters[index]) at \(place(coordinates)): the code's central difference \(a), the formula's derivative \(b)"
                    break
                }
            }
        }
        guard agreed > 0 else {
            return (check(false, "implements \(shown) (\(probe.entry.citation))? not compared: the program gave no values"),
                    Diagnostic(.warning, "func \(declaration.name) was not compared with \(shown) (\(probe.entry.citation)): the program gave no values where the formula is defined", at: at))
        }
        var text = "implements \(shown) (\(probe.entry.citation)): agrees at \(agreed) point\(agreed == 1 ? "" : "s")"
        if let slopeProblem {
            text += "; derivative differs: " + slopeProblem
            return (check(false, text), Diagnostic(.error, "func \(declaration.name)'s derivative differs from \(shown)'s (\(probe.entry.citation)): " + slopeProblem, at: at))
        }
        if !probe.derivative { text += slopesAgree ? "; derivative agrees" : "; derivative not compared" }
        return (check(true, text), nil)
    }
}
