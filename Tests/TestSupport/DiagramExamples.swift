/// The mermaid texts of the examples that several test targets use: DiagramTests parse and lay
/// them out, ReportTests draw them into golden files.
public enum DiagramExamples {
    public static let network = """
        flowchart LR
            x1((x1)) -->|w1| h1((h1))
            x1 -->|w2| h2((h2))
            x2((x2)) -->|w3| h1
            x2 -->|w4| h2
            h1 -->|w5| o1((o1))
            h2 -->|w6| o1
        """
    public static let trainingLoop = """
        stateDiagram-v2
            direction LR
            [*] --> forward
            forward --> loss : compute
            loss --> backward : gradients
            backward --> update
            update --> forward : next batch
            update --> [*] : converged
        """
    public static let pipeline = """
        graph TD
            A[Read notes] --> B(Parse Markdown)
            B --> C{Math?}
            C -->|yes| D[Evaluate]
            C -->|no| E[Copy text]
            D --> F([Write report])
            E --> F
        """

    /// Random DAGs (edges from lower to higher index), reproducible.
    public static func randomDAGs(count: Int, seed: UInt64) -> [String] {
        var random = SeededGenerator(seed: seed)
        var sources: [String] = []
        for _ in 0..<count {
            let n = random.next(below: 8) + 2
            var lines = ["flowchart LR"]
            for j in 1..<n {
                let i = random.next(below: j)
                lines.append("n\(i) --> n\(j)")
                if random.next(below: 3) == 0 {
                    let k = random.next(below: j)
                    lines.append("n\(k) -->|e\(k)\(j)| n\(j)")
                }
            }
            sources.append(lines.joined(separator: "\n"))
        }
        return sources
    }
}
