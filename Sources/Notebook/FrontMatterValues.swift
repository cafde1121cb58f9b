import Document
import Yams

/// The `values:` map of a note's front matter.
enum FrontMatterValues {
    /// The most aliases (`*name`) front matter may use. YAML aliases can refer to nodes that
    /// themselves hold aliases, so a few lines can stand for billions of nodes (the "billion
    /// laughs"); with at most 32 the whole expansion stays small, and the expanded size is
    /// bounded again below before anything is built from it.
    static let maximumAliases = 32
    /// The most nodes front matter may hold once its aliases are expanded.
    static let maximumNodes = 10_000
    /// The deepest `[`/`{` nesting read (the YAML reader recurses once a level).
    static let maximumFlowDepth = 64

    /// Name → number for every entry of `values:` whose value is a number. Front matter that
    /// would expand past the limits is not read: it gets an error at its first line instead.
    static func read(_ frontMatter: FrontMatter?, diagnostics: inout [Diagnostic]) -> [(String, Double)] {
        guard let frontMatter else { return [] }
        if let problem = tooLarge(frontMatter.yaml) {
            diagnostics.append(Diagnostic(.error, "front matter not read: " + problem,
                                          at: SourcePosition(line: frontMatter.firstLine, column: 1)))
            return []
        }
        guard let root = try? Yams.load(yaml: frontMatter.yaml) as? [String: Any],
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

    /// The front matter's `steps:` (docs/note-language.md §13), when it is a whole number.
    static func steps(_ frontMatter: FrontMatter?) -> Int? {
        guard let frontMatter, tooLarge(frontMatter.yaml) == nil,
            let root = try? Yams.load(yaml: frontMatter.yaml) as? [String: Any]
        else { return nil }
        return root["steps"] as? Int
    }

    /// Why `yaml` is refused, or nil. The aliases and the nesting are counted in the text
    /// before the YAML reader sees it (the reader compares mapping keys, which would expand an
    /// alias used as a key); then the composed tree is walked with a budget of nodes, aliases
    /// counted as often as they are used, so no walk is longer than `maximumNodes`.
    static func tooLarge(_ yaml: String) -> String? {
        let (aliases, depth) = scan(yaml)
        if aliases > maximumAliases {
            return "it uses \(aliases) YAML aliases (*name), more than \(maximumAliases)"
        }
        if depth > maximumFlowDepth {
            return "its [ ] and { } nest \(depth) deep, more than \(maximumFlowDepth)"
        }
        guard let node = try? Yams.compose(yaml: yaml) else { return nil }
        var budget = maximumNodes
        if !fits(node, budget: &budget) {
            return "its aliases expand to more than \(maximumNodes) YAML nodes"
        }
        return nil
    }

    /// Counts what looks like an alias (`*` at the start of a token, followed by a name) and
    /// the deepest bracket nesting; quoted text and comments are not told apart, so both
    /// counts can only be too high, never too low.
    private static func scan(_ yaml: String) -> (aliases: Int, depth: Int) {
        var aliases = 0
        var depth = 0
        var deepest = 0
        var previous: UInt8 = UInt8(ascii: " ")
        var aliasStart = false
        for byte in yaml.utf8 {
            if aliasStart, !Self.endsName(byte) { aliases += 1 }
            aliasStart = false
            switch byte {
            case UInt8(ascii: "*"):
                aliasStart = Self.startsToken(previous)
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                deepest = max(deepest, depth)
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth = max(0, depth - 1)
            default:
                break
            }
            previous = byte
        }
        return (aliases, deepest)
    }

    private static func startsToken(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
            || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: ",")
            || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "?")
    }

    private static func endsName(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
            || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "{")
            || byte == UInt8(ascii: "}") || byte == UInt8(ascii: ",")
    }

    /// Whether `node`, with every alias expanded, has at most `budget` nodes; stops as soon
    /// as the budget is spent.
    private static func fits(_ node: Node, budget: inout Int) -> Bool {
        budget -= 1
        guard budget >= 0 else { return false }
        switch node {
        case .scalar, .alias:
            return true
        case .mapping(let mapping):
            for (key, value) in mapping where !fits(key, budget: &budget) || !fits(value, budget: &budget) {
                return false
            }
            return true
        case .sequence(let sequence):
            for element in sequence where !fits(element, budget: &budget) { return false }
            return true
        }
    }
}
