import Foundation
import Testing

/// The examples of docs/note-language.md §12 (Swift cells), through the real `render`: each note
/// below is one example, and the test reads what a user reads (the terminal's diagnostics, the
/// page, the Markdown report). They live here, not in the spec files of NotebookTests, because
/// running a cell needs the command line (the Notebook never starts a process). One render
/// compiles every note's program, in parallel.
@Suite struct CellSpecTests {
    static let notes: [String: String] = [
        // The note's formulas are Swift: a cell calls n_1 at the example point and its gradient.
        "formulas.md": """
            # Formulas as Swift

            $$n_1 = w_1 x_1 + w_2 x_2$$

            $$w_1 = 0.5, \\quad w_2 = -1, \\quad x_1 = 2, \\quad x_2 = 0.25$$

            ```swift
            print(n_1())
            print(n_1(x_1: 4))
            let g = n_1_gradient()
            print(g.w_1, g.x_2)
            ```

            """,
        // A value flows from code into the math; a let beside the note's own binding is a warning.
        "values.md": """
            # Values from code

            $$L = \\eta \\, (y - t)^2$$

            $$y = 3$$

            ```swift
            let eta = 0.5
            let t = 1.0 + 1.0
            let y = 7
            ```

            """,
        // A function that agrees with the formula, one that does not, a derivative that does not.
        "sigmoid.md": """
            # Sigmoid

            $$\\sigma(z) = \\frac{1}{1+e^{-z}}$$ {#eq-sigma}

            ```swift
            func sigmoid(_ z: Double) -> Double { 1 / (1 + exp(-z)) }
            ```

            ```swift
            func sigma(_ z: Double) -> Double { 1 / (1 - exp(-z)) }
            ```

            ```swift
            func sigmoid_derivative(_ z: Double) -> Double { sigmoid(z) * (1 + sigmoid(z)) }
            ```

            """,
        // A definition implemented by a function of some of its inputs; the others are the point's.
        "neuron.md": """
            # Neuron

            $$n_1 = w_1 x_1 + w_2 x_2 + b_1$$

            $$w_1 = 0.15, \\quad w_2 = 0.2, \\quad b_1 = 0.35$$

            $$f(x) = x^2 \\sin(x)$$

            ```swift
            func n_1(x_1: Double, x_2: Double) -> Double { w_1 * x_1 + w_2 * x_2 + b_1 }
            func f(_ x: Double) -> Double { x * x * sin(x) }
            ```

            """,
        // A name with no Swift name.
        "names.md": """
            # Names

            $$w^{(1)} = 2, \\quad q = 3 w^{(1)}$$

            ```swift
            print("hello")
            ```

            """,
        // A compile error is located in the note.
        "compile.md": """
            # Compile error

            ```swift
            let a = 1
            let b: String = a
            ```

            """,
        // A cell whose fence is never closed runs to the end of the note.
        "unclosed.md": "# Unclosed\n\n```swift\nprint(\"to the end\")\n",
        // A time-out is an error on the cell that was running.
        "timeout.md": """
            # Time-out

            ```swift
            print("start")
            ```

            ```swift
            while true {}
            ```

            """,
    ]

    @Test func cellExamples() throws {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        guard path.split(separator: ":").contains(where: { FileManager.default.isExecutableFile(atPath: "\($0)/swiftc") }) else {
            return
        }
        let scratch = try Scratch()
        defer { scratch.remove() }
        for (name, text) in Self.notes { try scratch.write(text, to: "notes/\(name)") }
        let run = try RenderRunner.run(["notes", "--cell-timeout", "3", "--junit", "junit.xml"], in: scratch.url, timeout: 300)
        let err = run.stderr
        #expect(run.status == 1)

        // Formulas as Swift: the point's values are defaults, the gradient a labelled tuple.
        let formulas = scratch.read("output/formulas.md") ?? ""
        #expect(formulas.contains("```text\n0.75\n1.75\n2.0 -1.0\n```"), "\(formulas)")

        // Values from code: η and t take the cells' values (an Int expression too), y stays the note's.
        let values = scratch.read("output/report.json") ?? ""
        #expect(values.contains("\"t\": {\n          \"value\": 2,\n          \"source\": \"cell\""), "\(values)")
        #expect(values.contains("\"η\": {\n          \"value\": 0.5,\n          \"source\": \"cell\""))
        #expect(err.contains("notes/values.md:10:5: warning: the cell's 'let' gives y = 7 and the note binds it at line 5: the note's value is used"), "\(err)")

        // The sigmoid that agrees, the one written with 1 - exp(-z), the wrong derivative.
        let sigmoid = scratch.read("output/sigmoid.html") ?? ""
        #expect(sigmoid.contains("<p class=\"cell-check\"><span class=\"verdict holds\">✓</span> <code>sigmoid</code> implements σ (eq. 1): agrees at 9 points; derivative agrees</p>"), "\(sigmoid)")
        #expect(err.contains("notes/sigmoid.md:10:6: error: func sigma does not implement σ (eq. 1): at z = "), "\(err)")
        #expect(err.contains("notes/sigmoid.md:14:6: error: func sigmoid_derivative does not implement σ′ (eq. 1): at z = "))
        // In JUnit: the one that agrees passes, the others fail with the diagnostic's message.
        let junit = scratch.read("junit.xml") ?? ""
        #expect(junit.contains("<testcase classname=\"notes/sigmoid.md\" name=\"notes/sigmoid.md:6\"></testcase>"), "\(junit)")
        #expect(junit.contains("name=\"notes/sigmoid.md:10\">\n      <failure message=\"func sigma does not implement σ (eq. 1): at z = "))
        #expect(sigmoid.contains("<p class=\"cell-check\"><span class=\"verdict fails\">✗</span> <strong><code>sigma</code> does not implement σ (eq. 1)"))

        // A definition implemented by a function of two of its inputs.
        let neuron = scratch.read("output/neuron.md") ?? ""
        #expect(neuron.contains("✓ `n_1` implements n_1 (line 3): agrees at 9 points; derivative agrees"), "\(neuron)")
        #expect(neuron.contains("✓ `f` implements f (line 7): agrees at 9 points; derivative agrees"))

        // A name with no Swift name: a warning, not a silent rename.
        #expect(err.contains("notes/names.md:3:1: warning: 'w^(1)' has no Swift name (docs/note-language.md §12)"), "\(err)")
        #expect(scratch.read("output/names.md")?.contains("hello") == true)

        // A compile error at the note's line and column.
        #expect(err.contains("notes/compile.md:5:17: error: swift: cannot convert value of type 'Int' to specified type 'String'"), "\(err)")

        // A time-out: an error on the cell that ran; the cell before it kept its output.
        #expect(err.contains("notes/timeout.md:8:1: error: cell 2 timed out after 3 s"), "\(err)")
        #expect(scratch.read("output/timeout.md")?.contains("Output of cell 1:\n\n```text\nstart\n```") == true)

        // The Markdown report closes an unclosed cell before its output.
        #expect(scratch.read("output/unclosed.md")?.contains("print(\"to the end\")\n```\n\nOutput of cell 1:\n\n```text\nto the end\n```") == true,
                "\(scratch.read("output/unclosed.md") ?? "")")

        // From the cache, the verdicts and the values from code are the same, byte for byte.
        let pages = ["output/sigmoid.html", "output/values.md", "output/report.json"].map { scratch.read($0) }
        let again = try RenderRunner.run(["notes", "--cell-timeout", "3", "--no-exec"], in: scratch.url, timeout: 300)
        #expect(again.stderr == run.stderr)
        #expect(["output/sigmoid.html", "output/values.md", "output/report.json"].map { scratch.read($0) } == pages)
        // Not run at all: no verdict, and no warning that the functions were not compared.
        let notRun = try RenderRunner.run(["notes/sigmoid.md", "--no-exec", "--no-cache", "--check"], in: scratch.url)
        #expect(notRun.status == 0, "\(notRun.stderr)")
        #expect(!notRun.stderr.contains("not compared"))
    }
}

/// `render --emit-swift DIR`: a note's formulas as a Swift file that another program compiles
/// and calls (docs/note-language.md §12).
@Suite struct EmitSwiftTests {
    @Test func anEmittedFileCompilesAndComputesTheNotesValues() throws {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        guard path.split(separator: ":").contains(where: { FileManager.default.isExecutableFile(atPath: "\($0)/swiftc") }) else {
            return
        }
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("""
            # A neuron

            $$f(x) = x^2 \\sin(x)$$

            $$h = \\sigma(w x + b), \\quad L = \\tfrac{1}{2} (h - t)^2$$

            $$w = 0.5, \\quad x = 1.5, \\quad b = -0.25, \\quad t = 1$$

            """, to: "notes/sub/neuron.md")
        // A name bound twice is one constant, its first value; what uses the later binding is left out.
        try scratch.write("$k = 1$\n\n# One\n\n$k = 2$, $m = k + 10$\n\n# Two\n\n$n = k + 100$\n", to: "notes/sections.md")
        let run = try RenderRunner.run(["notes", "--emit-swift", "swift"], in: scratch.url)
        let sections = try RenderRunner.run(["-typecheck", "sections.swift"], in: scratch.url.appendingPathComponent("swift"),
                                            executable: "swiftc", timeout: 300)
        #expect(sections.status == 0, "\(sections.stderr)")
        #expect(run.stderr.contains("notes/sections.md:5:11: warning: 'm' is not written as Swift: a name it reaches has no Swift name, or is bound twice"), "\(run.stderr)")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(scratch.read("swift/sections.swift")?.contains("let k = 1.0\n") == true)
        let emitted = try #require(scratch.read("swift/sub/neuron.swift"))
        #expect(emitted.contains("let w = 0.5\n"))
        try scratch.write("""
            print(L(), f(2), f_derivative(2))
            let g = L_gradient()
            print(g.w, g.b, g.t)
            print(L(w: 0.75) < L())
            """, to: "swift/main.swift")
        let compile = try RenderRunner.run(["sub/neuron.swift", "main.swift", "-o", "formulas"], in: scratch.url.appendingPathComponent("swift"),
                                           executable: "swiftc", timeout: 300)
        #expect(compile.status == 0, "\(compile.stderr)")
        let program = try RenderRunner.run([], in: scratch.url.appendingPathComponent("swift"),
                                           executable: scratch.url.appendingPathComponent("swift/formulas").path)
        let lines = program.stdout.split(separator: "\n").map { $0.split(separator: " ").compactMap { Double($0) } }
        try #require(lines.count == 3 && lines[0].count == 3 && lines[1].count == 3, "\(program.stdout)")
        // The note's own values, computed here by hand: h = σ(0.5), L = (h - 1)²/2.
        let h = 1 / (1 + exp(-0.5))
        #expect(abs(lines[0][0] - (h - 1) * (h - 1) / 2) < 1e-15)
        #expect(abs(lines[0][1] - 4 * sin(2)) < 1e-15)
        #expect(abs(lines[0][2] - (4 * sin(2) + 4 * cos(2))) < 1e-12)
        let slope = (h - 1) * h * (1 - h)
        #expect(abs(lines[1][0] - slope * 1.5) < 1e-15)
        #expect(abs(lines[1][1] - slope) < 1e-15)
        #expect(abs(lines[1][2] - (1 - h)) < 1e-15)
        #expect(program.stdout.hasSuffix("true\n"))
    }
}
