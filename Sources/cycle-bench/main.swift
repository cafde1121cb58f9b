// The learning-cycle benchmark (docs/note-language.md §13): steps per second of the 2-2-1
// network of notes/12-learning-xor.md trained on XOR by Derive's run of the note's own update
// rules, beside the same loop written directly in Swift. Run it with `scripts/bench-cycle`
// (release build, one core). Everything but the timings is deterministic.
import Document
import Foundation
import Notebook
import TestSupport

let steps = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 200_000
let path = "notes/12-learning-xor.md"
guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
    print("cannot read \(path): run from the repository's root")
    exit(2)
}
let document = MarkdownParser.parse(text)

/// Seconds of the fastest of `runs` calls of `body`.
func fastest(_ runs: Int, _ body: () -> Void) -> Double {
    var best = Double.infinity
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return best
}

func check(steps: Int) -> NoteResult {
    var options = NotebookOptions()
    options.steps = steps
    options.runBudget = 600
    return Notebook.check(document, path: path, options: options).result
}

// Derive: the whole check with `steps` steps, less the same check with none.
var derived = 0.0
let withRun = fastest(3) { derived = check(steps: steps).runs.first?.last?.losses.first ?? .nan }
let withoutRun = fastest(3) { _ = check(steps: 0) }
let deriveRate = Double(steps) / (withRun - withoutRun)

// The same training written in Swift (TestSupport's XORByHand, which the test compares with).
var handLoss = 0.0
let handRate = Double(steps) / fastest(3) { handLoss = XORByHand.train(parameters: [0.15, 0.20, 0.25, 0.30, 0.40, 0.45, 0.35, 0.60], rate: 10, steps: steps).loss }

print("2-2-1 network on XOR (notes/12-learning-xor.md), \(steps) steps, 4 rows a step")
print(String(format: "  Derive (the note's rules)   %12.0f steps/s   loss at step %d: %.12g", deriveRate, steps, derived))
print(String(format: "  Swift loop written by hand  %12.0f steps/s   loss at step %d: %.12g", handRate, steps, handLoss))
print(String(format: "  Derive takes %.2fx the hand-written loop's time per step", handRate / deriveRate))
