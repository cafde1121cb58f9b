import Document
import Foundation
import Notebook
import TestSupport
import Testing

/// The learning cycle (docs/note-language.md §13) against the same training written directly
/// in Swift: the course note that trains the 2-2-1 network on XOR, and the note that takes one
/// step by hand.
@Suite struct LearningCycleTests {
    static let notes = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("notes")

    static func check(_ name: String) throws -> NoteResult {
        let text = try String(contentsOf: notes.appendingPathComponent(name), encoding: .utf8)
        return Notebook.check(MarkdownParser.parse(text), path: "notes/" + name).result
    }

    @Test func xorRunAgreesWithTheLoopWrittenInSwift() throws {
        let result = try Self.check("12-learning-xor.md")
        let run = try #require(result.runs.first)
        #expect(run.steps == 2000)
        #expect(run.parameters == ["w_1", "w_2", "w_3", "w_4", "w_5", "w_6", "b_1", "b_2"])
        #expect(run.stopped == nil)
        let start = try #require(run.table.first)
        #expect(start.parameters == [0.15, 0.20, 0.25, 0.30, 0.40, 0.45, 0.35, 0.60])
        let last = try #require(run.last)
        #expect(last.step == 2000)
        let expected = XORByHand.train(parameters: start.parameters, rate: 10, steps: 2000)
        #expect(abs(last.losses[0] - expected.loss) <= 1e-9 * expected.loss, "Derive \(last.losses[0]), by hand \(expected.loss)")
        for (derived, byHand) in zip(last.parameters, expected.parameters) {
            #expect(abs(derived - byHand) <= 1e-9 * max(1, abs(byHand)))
        }
        // The loss falls, and every claim of the note holds.
        #expect(last.losses[0] < start.losses[0] / 100)
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(result.summary.failed == 0 && result.summary.cannotTell == 0 && result.summary.claims >= 10)
    }

    @Test func oneStepByHandIsStepOneOfTheRun() throws {
        let result = try Self.check("13-one-step-by-hand.md")
        let run = try #require(result.runs.first)
        #expect(run.table.count >= 2 && run.table[1].step == 1)
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(result.summary.failed == 0 && result.summary.cannotTell == 0)
    }

    @Test func rulesOfASectionAreAppliedInOrder() {
        // In order (§13), `v ← u` reads the new u: both are 2 after the first step, where rules
        // applied at once swapped them at every step.
        let note = "$u = 1$, $v = 2$, $T = 3$\n\n$u \\leftarrow v$, $v \\leftarrow u$\n"
        let result = Notebook.check(MarkdownParser.parse(note), path: "note.md").result
        let run = result.runs.first
        #expect(run?.last?.parameters == [2, 2])
        #expect(run?.table.map(\.parameters) == [[1, 2], [2, 2], [2, 2], [2, 2]])
        // Momentum as its pseudocode: θ moves by the new v (1 - 0.1·10 = 0 after one step).
        let momentum = "$\\theta = 1$, $v = 0$, $T = 1$\n\n$$L = 5\\theta^2$$\n\n"
            + "$v \\leftarrow 0.9 v + \\frac{\\partial L}{\\partial \\theta}$, $\\theta \\leftarrow \\theta - 0.1 v$\n"
        let moved = Notebook.check(MarkdownParser.parse(momentum), path: "note.md").result.runs.first
        #expect(moved?.last?.parameters == [10, 0])
        // One name updated twice in a step is an error at the second rule.
        let twice = "$x = 1$, $T = 1$\n\n$x \\leftarrow 2x$, $x \\leftarrow x + 1$\n"
        let errors = Notebook.check(MarkdownParser.parse(twice), path: "note.md").result.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.message) == ["x is updated twice in one step (first at line 3); the rules of a section are one step"])
        #expect(errors.first?.position == SourcePosition(line: 3, column: 21))
    }

    @Test func stepsFromTheCommandLineOverTheNote() {
        // `x^{(T)}` reads `x^(3)` where the note binds T = 3 (a layer index letter bound to a
        // whole number stands for it, §3): it keeps the note's T under --steps.
        let note = "$x = 1$, $T = 3$\n\n$x \\leftarrow 2x$\n\n$x^{(T)} = 8$, $x^{(5)} = 32$\n"
        var options = NotebookOptions()
        options.steps = 5
        let result = Notebook.check(MarkdownParser.parse(note), path: "note.md", options: options).result
        #expect(result.runs.first?.last?.parameters == [32])
        #expect(result.runs.first?.stepsSource == "--steps")
        #expect(result.summary.held == 2)
        // Without --steps, step 5 is not reached: its claim cannot tell.
        let own = Notebook.check(MarkdownParser.parse(note), path: "note.md").result
        #expect(own.runs.first?.last?.parameters == [8])
        #expect(own.summary.held == 1 && own.summary.cannotTell == 1)
    }

    @Test func aRunPastItsTimeBudgetStopsWithAnError() {
        let note = "$x = 1$, $T = 1000000$\n\n$x \\leftarrow \\sin(x) + \\cos(x) + \\tanh(x)$\n"
        var options = NotebookOptions()
        options.runBudget = 0
        let result = Notebook.check(MarkdownParser.parse(note), path: "note.md", options: options).result
        let stopped = result.runs.first?.stopped ?? ""
        #expect(stopped.contains("took more than 0 s"))
        #expect(result.diagnostics.contains { $0.severity == .error && $0.message.hasPrefix("the run stops at step 256 of 1000000") })
    }
}
