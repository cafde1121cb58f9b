// Benchmark for the TeX target: parses and renders every formula of the public corpora
// (MathJax Base+AMS, texmath, KaTeX, Temml) and prints the time per formula.
// Run with scripts/bench-tex, which compiles this file together with Sources/TeX with -O.
import Foundation

let corpora = URL(fileURLWithPath: CommandLine.arguments[1])
var formulas: [(name: String, tex: String)] = []

func jsonLines(_ path: String) -> [[String: Any]] {
    guard let data = FileManager.default.contents(atPath: corpora.appendingPathComponent(path).path) else {
        FileHandle.standardError.write(Data("missing corpus file \(path)\n".utf8))
        exit(1)
    }
    return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap {
        try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
    }
}

for object in jsonLines("mathjax/tex-mathml.jsonl") {
    if let suite = object["package_suite"] as? String, suite == "Base" || suite == "Ams", let tex = object["tex"] as? String {
        formulas.append(("mathjax \(object["snapshot"] as? String ?? "")", tex))
    }
}
for object in jsonLines("texmath/writer-tex-mathml.jsonl") {
    if let tex = object["tex"] as? String { formulas.append(("texmath \(object["name"] as? String ?? "")", tex)) }
}
for object in jsonLines("katex/ss_data.jsonl") {
    if let tex = object["tex"] as? String { formulas.append(("katex \(object["name"] as? String ?? "")", tex)) }
}

let repetitions = Int(CommandLine.arguments.dropFirst(2).first ?? "") ?? 20
let clock = ContinuousClock()
var times: [(name: String, seconds: Double, bytes: Int)] = []
var total = 0.0
for formula in formulas {
    var best = Double.infinity
    for _ in 0..<repetitions {
        let elapsed = clock.measure {
            _ = MathML.render(tex: formula.tex, display: .block)
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        best = min(best, seconds)
    }
    total += best
    times.append((formula.name, best, formula.tex.utf8.count))
}
times.sort { $0.seconds > $1.seconds }
let sorted = times.map(\.seconds).sorted()
func ms(_ seconds: Double) -> String { String(format: "%.3f ms", seconds * 1000) }
print("\(formulas.count) formulas, best of \(repetitions) runs each (parse + MathML)")
print("median \(ms(sorted[sorted.count / 2])), p99 \(ms(sorted[sorted.count * 99 / 100])), total \(ms(total))")
print("slowest:")
for entry in times.prefix(5) {
    print("  \(ms(entry.seconds))  \(entry.bytes) bytes  \(entry.name)")
}
let overMillisecond = times.filter { $0.seconds > 0.001 }
print("over 1 ms: \(overMillisecond.count) (\(overMillisecond.map { "\($0.name) (\($0.bytes) bytes)" }.joined(separator: ", ")))")
