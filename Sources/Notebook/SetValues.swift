import TeX

/// Values given on the command line (`--set NAME=VALUE`), whose names are typed as a user
/// types them (`eta`, `\eta`, `w_{12}`, `y_true`).
public enum SetValues {
    /// The name as the note reader gives names (`η`, `w_12`, `y_true`): the input is read by
    /// the same reader as the notes, so the two always agree. An input the reader does not
    /// read as a plain name is returned unchanged.
    public static func canonicalName(_ input: String) -> String {
        for candidate in candidates(input) {
            if let head = FormulaReader.heads(in: candidate + " = 0").first?.head, head.parameters.isEmpty {
                return head.name
            }
        }
        return input
    }

    /// The input as TeX, then with a backslash before a letter name (`eta` → `\eta`).
    private static func candidates(_ input: String) -> [String] {
        let base = input.prefix { $0.isLetter }
        guard !input.hasPrefix("\\"), base.count > 1 else { return [input] }
        return ["\\" + input, input]
    }

    /// A warning for each `--set` name no note uses (not a leaf of any note's example point,
    /// nor a name any note defines): `--set qq: no note uses qq; the closest names are q, q_1`.
    /// A value given for nothing is most likely a typo, and was silently ignored (issue 15).
    /// `names` are canonical (`canonicalName`); each is shown as `typed` has it (as the command
    /// line typed it), and each suggestion as a note first writes it (`NoteResult.writtenNames`,
    /// `a^{(2)}` for `a^(2)`).
    public static func unusedWarnings(names: [String], results: [NoteResult], typed: [String: String] = [:]) -> [String] {
        guard !names.isEmpty else { return [] }
        var used = Set<String>()
        var written: [String: String] = [:]
        for result in results {
            for value in result.point { used.insert(value.name) }
            for statement in result.statements { if let name = statement.name { used.insert(name) } }
            written.merge(result.writtenNames) { first, _ in first }
        }
        return names.sorted().compactMap { name in
            guard !used.contains(name) else { return nil }
            let closest = used.map { (distance(name, $0), $0) }.filter { $0.0 <= max(1, (name.count + 1) / 3) }
                .sorted { ($0.0, $0.1) < ($1.0, $1.1) }.prefix(3).map { written[$0.1] ?? $0.1 }
            let shown = typed[name] ?? name
            return "--set \(shown): no note uses \(shown)"
                + (closest.isEmpty ? "" : "; the closest names are \(closest.joined(separator: ", "))")
        }
    }

    /// The edit distance of two names (insertions, deletions, substitutions of characters).
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
