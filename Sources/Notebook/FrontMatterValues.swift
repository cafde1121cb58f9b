import Document
import Yams

/// The `values:` map of a note's front matter.
enum FrontMatterValues {
    /// Name → number for every entry of `values:` whose value is a number.
    static func read(_ frontMatter: FrontMatter?) -> [(String, Double)] {
        guard let frontMatter, let root = try? Yams.load(yaml: frontMatter.yaml) as? [String: Any],
            let values = root["values"] as? [String: Any]
        else { return [] }
        var result: [(String, Double)] = []
        for (name, value) in values {
            switch value {
            case let number as Double: result.append((name, number))
            case let number as Int: result.append((name, Double(number)))
            default: continue
            }
        }
        return result.sorted { $0.0 < $1.0 }
    }
}
