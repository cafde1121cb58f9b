import Calculus
import Document
import Foundation
import Testing
@testable import Cells

/// The cells of a note, split from its document, into one program; no compiler.
@Suite struct CellProgramTests {
    @Test func cellsAreTheSwiftFences() {
        let note = "# T\n\n```swift\nprint(1)\n```\n\n```python\nx\n```\n\n- item\n\n  ```swift\n  print(2)\n  ```\n"
        let cells = Cell.cells(in: MarkdownParser.parse(note))
        #expect(cells.map(\.code) == ["print(1)\n", "print(2)\n"])
        #expect(cells.map(\.firstLine) == [4, 14])
    }

    @Test func outputIsSplitByMarkers() {
        let stream = Array("before\n\u{1E}derive-cell 0\u{1E}\na\n\u{1E}derive-cell 1\u{1E}\nbb\nccc\n".utf8)
        let split = CellProgram.split(stream, cellCount: 2, limit: 6)
        #expect(split.parts == ["a\n", "bb\nccc"])
        #expect(split.cut == [1])
        #expect(split.last == 1)
    }

    @Test func sha256() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func noToolchainMeansNotRun() {
        let runner = CellRunner(toolchain: nil, options: .init())
        let run = runner.run([Cell(index: 0, code: "print(1)\n", firstLine: 3)], notePath: "n.md")
        #expect(run.outputs == [.notRun])
        #expect(run.diagnostics.isEmpty)
        #expect(SwiftToolchain.find(environment: ["PATH": "/nonexistent"]) == nil)
    }
}

/// Real compiles: few, each shared by several assertions (a compile takes seconds).
@Suite(.serialized) struct CellRunTests {
    static let toolchain = SwiftToolchain.find()

    func cells(_ codes: [String], from line: Int = 3) -> [Cell] {
        var next = line
        return codes.enumerated().map { index, code in
            defer { next += code.split(separator: "\n", omittingEmptySubsequences: false).count + 3 }
            return Cell(index: index, code: code, firstLine: next)
        }
    }

    @Test func outputShownCrashAndCache() throws {
        guard let toolchain = Self.toolchain else { return }
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("derive-cache-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        var options = CellRunner.Options()
        options.cacheFolder = cache
        let note = cells(["let x = 2\nprint(\"x =\", x)\n",
                          "fputs(\"warn\\n\", stderr)\nprint(x * 21)\n",
                          "let a: [Int] = []\nprint(\"before\")\nprint(a[x])\n",
                          "print(\"never\")\n"])
        let first = CellRunner(toolchain: toolchain, options: options)
        let run = first.run(note, notePath: "notes/n.md")
        #expect(first.compilerRuns == 1)
        #expect(run.outputs[0] == CellOutput(status: .ran, stdout: "x = 2\n"))
        #expect(run.outputs[1] == CellOutput(status: .ran, stdout: "42\n", stderr: "warn\n"))
        #expect(run.outputs[2].status == .failed)
        #expect(run.outputs[2].stdout == "before\n")
        #expect(run.outputs[2].stderr.hasPrefix("Swift/ContiguousArrayBuffer.swift:"))
        #expect(run.outputs[2].stderr.contains("Fatal error: Index out of range"))
        #expect(run.outputs[2].problem?.hasPrefix("crashed") == true)
        #expect(run.outputs[3] == CellOutput(status: .notRun, problem: "cell 3 stopped the program"))
        #expect(run.diagnostics.map(\.position.line) == [note[2].firstLine])
        // A second runner (a second render) with the same cells starts no compiler.
        let second = CellRunner(toolchain: toolchain, options: options)
        let again = second.run(note, notePath: "notes/n.md")
        #expect(second.compilerRuns == 0)
        #expect(again.cached)
        #expect(again.outputs == run.outputs && again.diagnostics == run.diagnostics)
        // --no-exec shows the cached outputs, and "not run" where nothing is cached.
        options.execute = false
        let noExec = CellRunner(toolchain: toolchain, options: options)
        #expect(noExec.run(note, notePath: "notes/n.md").outputs == run.outputs)
        #expect(noExec.run(cells(["print(3)\n"]), notePath: "notes/n.md").outputs == [.notRun])
        #expect(noExec.compilerRuns == 0)
    }

    @Test func compileErrorIsLocatedInTheNote() {
        guard let toolchain = Self.toolchain else { return }
        let note = cells(["let x = 1\n", "let y: Int = \"no\"\n"], from: 10)
        let run = CellRunner(toolchain: toolchain, options: .init()).run(note, notePath: "notes/bad.md")
        #expect(run.outputs.map(\.status) == [.notRun, .notRun])
        #expect(run.outputs[1].problem == "the note's cells did not compile")
        let error = run.diagnostics.first { $0.severity == .error }
        #expect(error?.position == SourcePosition(line: note[1].firstLine, column: 14))
        #expect(error?.message.contains("String") == true)
    }

    @Test func timeOutAndOutputLimit() {
        guard let toolchain = Self.toolchain else { return }
        var options = CellRunner.Options()
        options.timeout = 1
        options.outputLimit = 1000
        let note = cells(["print(String(repeating: \"a\", count: 2000))\n",
                          "print(\"waiting\")\nwhile true { usleep(1000) }\n"])
        let run = CellRunner(toolchain: toolchain, options: options).run(note, notePath: "n.md")
        #expect(run.outputs[0].stdout.utf8.count == 1000)
        #expect(run.outputs[0].problem == "output cut at 1000 bytes")
        #expect(run.outputs[1].status == .failed)
        #expect(run.outputs[1].stdout == "waiting\n")
        #expect(run.outputs[1].problem == "timed out after 1 s")
        #expect(run.diagnostics.count == 2)
    }
}

/// Top-level declarations found by the tokenizer, not by regular expressions.
@Suite struct CellDeclarationTests {
    @Test func topLevelLetsAndFuncs() {
        let code = """
            import Foundation
            let eta = 0.5 // the rate
            var w_1: Double = 0.15 +
                0.05
            let note = "let hidden = 1 \\("(") func no()"
            /* let commented = 2 /* nested */ */
            func sigmoid(_ z: Double) -> Double {
                let inner = 1.0
                return 1 / (1 + exp(-z * inner))
            }
            func n_1(x_1: Double, x_2 y: Double = 0.1) -> Double { x_1 + y }
            for i in 0..<3 { let loop = i }
            let s = #"raw " let fake = 3"#; let after = (1, 2)
            """
        let found = CellDeclaration.find(in: [Cell(index: 0, code: code, firstLine: 10)])
        #expect(found.map(\.name) == ["eta", "w_1", "note", "sigmoid", "n_1", "s", "after"])
        #expect(found[0].kind == .value(type: nil, expression: "0.5", constant: true))
        #expect(found[0].line == 11 && found[0].column == 5)
        #expect(found[1].kind == .value(type: "Double", expression: "0.15 + 0.05", constant: false))
        #expect(found[3].kind == .function(parameters: [.init(label: nil, name: "z", type: "Double", hasDefault: false)], result: "Double"))
        #expect(found[4].kind == .function(parameters: [.init(label: "x_1", name: "x_1", type: "Double", hasDefault: false),
                                                        .init(label: "x_2", name: "y", type: "Double", hasDefault: true)], result: "Double"))
        #expect(found[4].line == 20)
        #expect(found[6].kind == .value(type: nil, expression: "(1, 2)", constant: true))
    }
}

/// The name table of SwiftNames, case by case.
@Suite struct SwiftNamesTests {
    @Test func table() {
        let cases: [(String, String?)] = [
            ("w_1", "w_1"), ("w_12", "w_12"), ("η", "eta"), ("y_true", "y_true"), ("out_h1", "out_h1"),
            ("w^+", "w_plus"), ("w^-", "w_minus"), ("x'", "x_prime"), ("f''", "f_prime2"), ("σ", "sigma"),
            ("Δw", "Delta_w"), ("w_η", "w_eta"), ("in", nil), ("a.b", nil), ("x^2", nil), ("1x", nil),
            ("ŷ", "y_hat"), ("x̄", "x_bar"), ("ŷ_1", "y_hat_1"), ("w^(1)", nil),
        ]
        for (note, swift) in cases { #expect(SwiftNames.swiftName(for: note) == swift, "\(note)") }
        #expect(SwiftNames.swiftNames(for: ["ϵ", "ε", "x"]) == ["epsilon": ["ϵ", "ε"], "x": ["x"]])
    }
}

/// Formulas as Swift text, and (one compile) that the text computes what Calculus computes.
@Suite struct SwiftExpressionTests {
    // σ(w_1 x + b) / 2 - ln(η)^2 + e^{-x}
    static let formula: Calculus.Expression = .sum([
        .quotient(.apply("sigmoid", [.sum([.product([.symbol("w_1"), .symbol("x")]), .symbol("b")])]), .number(2)),
        .negation(.power(.apply("ln", [.symbol("η")]), .number(2))),
        .power(.symbol("e"), .negation(.symbol("x"))),
    ])

    @Test func text() {
        #expect(SwiftExpression.code(Self.formula) ==
            "((derive_sigmoid(((w_1 * x) + b)) / 2.0) + (-pow(log(eta), 2.0)) + pow(M_E, (-x)))")
        #expect(SwiftExpression.code(.partial(.symbol("y"), variable: "x", order: 1)) == nil)
        #expect(SwiftExpression.code(.apply("f", [.symbol("a.b")])) == nil)
        #expect(SwiftExpression.code(.apply("f", [.number(-0.5)])) == "f((-0.5))")
    }

    @Test func compiledItComputesTheSameValue() throws {
        guard let code = SwiftExpression.code(Self.formula),
            let run = Self.run("func y(w_1: Double = 0.3, x: Double = 1.5, b: Double = -0.2, eta: Double = 0.7) -> Double { \(code) }",
                               printing: "y().bitPattern")
        else { return }
        let point: [String: Double] = ["w_1": 0.3, "x": 1.5, "b": -0.2, "η": 0.7]
        let expected = try Self.evaluate(Self.formula, at: point)
        #expect(run.outputs.first?.stdout == "\(expected.bitPattern)\n", "\(run.diagnostics)")
    }

    /// A program of the prelude, `function` and a `print` of `printing`, run as a cell; nil
    /// without a Swift toolchain.
    static func run(_ function: String, printing: String) -> CellRun? {
        guard let toolchain = CellRunTests.toolchain else { return nil }
        let program = "import Foundation\n" + SwiftExpression.prelude + function + "\nprint(\(printing))\n"
        return CellRunner(toolchain: toolchain, options: .init()).run([Cell(index: 0, code: program, firstLine: 1)],
                                                                      notePath: "f.md")
    }

    /// sinc written as cases: sin(x)/x where x ≠ 0, 1 where x = 0.
    static let sinc: Calculus.Expression = .choice(
        .comparison(.notEqual, .symbol("x"), .number(0)), .quotient(.apply("sin", [.symbol("x")]), .symbol("x")), .number(1))

    @Test func casesAreAChoiceOfComparisons() {
        #expect(SwiftExpression.code(Self.sinc) == "derive_choose(derive_holds(x, 0.0, (!=)), (sin(x) / x), 1.0)")
    }

    @Test func compiledCasesTakeTheBranchCalculusTakes() throws {
        guard let code = SwiftExpression.code(Self.sinc),
            let run = Self.run("func s(x: Double) -> Double { \(code) }",
                               printing: "s(x: 0).bitPattern, s(x: 0.5).bitPattern, s(x: .nan).isNaN")
        else { return }
        var context = Context()
        context.values["x"] = 0.5
        guard case .finite(let half) = context.evaluate(Self.sinc) else {
            Issue.record("sinc(0.5) has no value")
            return
        }
        #expect(run.outputs.first?.stdout == "\(1.0.bitPattern) \(half.bitPattern) true\n", "\(run.diagnostics)")
    }

    /// A plain recursive evaluation with Foundation, as Calculus's built-ins define them.
    static func evaluate(_ e: Calculus.Expression, at point: [String: Double]) throws -> Double {
        switch e {
        case .number(let v): return v
        case .symbol(let s): return s == "e" ? M_E : point[s]!
        case .sum(let t): return try t.reduce(0) { try $0 + evaluate($1, at: point) }
        case .product(let f): return try f.reduce(1) { try $0 * evaluate($1, at: point) }
        case .negation(let o): return try -evaluate(o, at: point)
        case .quotient(let n, let d): return try evaluate(n, at: point) / evaluate(d, at: point)
        case .power(let b, let x): return try pow(evaluate(b, at: point), evaluate(x, at: point))
        case .apply("sigmoid", let a): return try 1 / (1 + exp(-evaluate(a[0], at: point)))
        case .apply("ln", let a): return try log(evaluate(a[0], at: point))
        default: throw CancellationError()
        }
    }
}
