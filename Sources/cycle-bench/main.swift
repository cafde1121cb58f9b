// The learning-cycle benchmark (docs/note-language.md §13): steps per second of the 2-2-1
// network of notes/12-learning-xor.md trained on XOR by Derive's run of the note's own update
// rules, beside the same loop written directly in Swift. Run it with `scripts/bench-cycle`
// (release build, one core). Everything but the timings is deterministic.
import Document
import Foundation
import Notebook

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

// The same training written in Swift: forward, backward and update of the eight parameters.
func byHand(steps: Int) -> Double {
    func sigmoid(_ z: Double) -> Double { 1 / (1 + exp(-z)) }
    let rows: [(Double, Double, Double)] = [(0, 0, 0), (0, 1, 1), (1, 0, 1), (1, 1, 0)]
    var p: [Double] = [0.15, 0.20, 0.25, 0.30, 0.40, 0.45, 0.35, 0.60]
    var loss = 0.0
    for step in 0...steps {
        var g = [Double](repeating: 0, count: 8)
        loss = 0
        for (x1, x2, y) in rows {
            let h1 = sigmoid(x1 * p[0] + x2 * p[1] + p[6])
            let h2 = sigmoid(x1 * p[2] + x2 * p[3] + p[6])
            let a = sigmoid(h1 * p[4] + h2 * p[5] + p[7])
            loss += 0.5 * (a - y) * (a - y) / 4
            let d3 = (a - y) * a * (1 - a) / 4
            let d1 = d3 * p[4] * h1 * (1 - h1)
            let d2 = d3 * p[5] * h2 * (1 - h2)
            g[0] += d1 * x1; g[1] += d1 * x2; g[2] += d2 * x1; g[3] += d2 * x2
            g[4] += d3 * h1; g[5] += d3 * h2; g[6] += d1 + d2; g[7] += d3
        }
        if step == steps { break }
        for k in 0..<8 { p[k] -= 10 * g[k] }
    }
    return loss
}
var handLoss = 0.0
let handRate = Double(steps) / fastest(3) { handLoss = byHand(steps: steps) }

print("2-2-1 network on XOR (notes/12-learning-xor.md), \(steps) steps, 4 rows a step")
print(String(format: "  Derive (the note's rules)   %12.0f steps/s   loss at step %d: %.12g", deriveRate, steps, derived))
print(String(format: "  Swift loop written by hand  %12.0f steps/s   loss at step %d: %.12g", handRate, steps, handLoss))
print(String(format: "  Derive takes %.2fx the hand-written loop's time per step", handRate / deriveRate))
