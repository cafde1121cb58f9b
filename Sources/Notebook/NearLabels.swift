/// The labels of a note's formulas (`eq-loss`), and those close to a label that names none
/// (`@eq-los`), for the hint of an unknown reference (docs/note-language.md §7).
///
/// Labels are indexed by themselves and by each of them with one character deleted: two labels
/// at most one typo apart (a character replaced, added or left out) share such a key. A lookup
/// is then a few hash lookups, not a comparison with every label (a note with n labels and n
/// unknown references took n² comparisons, and listed every label in each hint).
struct NearLabels {
    /// How many close labels a hint names.
    static let maximumSuggested = 3
    /// Labels longer than this are matched exactly only (their keys would cost their length squared).
    static let maximumIndexedLength = 64
    /// How many labels of one key are considered for a lookup: a pathological note can make
    /// one key (`eq-` of `eq-a`, `eq-b`, …) shared by every label.
    static let maximumCandidatesPerKey = 32

    /// All labels, sorted.
    let sorted: [String]
    private var byKey: [String: [String]] = [:]

    init(_ labels: Set<String>) {
        sorted = labels.sorted()
        for label in sorted where label.count <= Self.maximumIndexedLength {
            for key in Self.keys(of: label) { byKey[key, default: []].append(label) }
        }
    }

    /// The label itself and the label with each one character deleted (each once).
    private static func keys(of label: String) -> Set<String> {
        let characters = Array(label)
        var keys: Set<String> = [label]
        for index in characters.indices {
            var shorter = characters
            shorter.remove(at: index)
            keys.insert(String(shorter))
        }
        return keys
    }

    /// The labels at most two edits from `label` (one typo on each side of a shared key), the
    /// closest first, then in alphabetical order; at most `maximumSuggested`.
    func closest(to label: String) -> [String] {
        guard label.count <= Self.maximumIndexedLength else { return [] }
        var candidates = Set<String>()
        for key in Self.keys(of: label) {
            for candidate in (byKey[key] ?? []).prefix(Self.maximumCandidatesPerKey) { candidates.insert(candidate) }
        }
        return candidates.map { (SetValues.distance(label, $0), $0) }.filter { $0.0 <= 2 }
            .sorted { ($0.0, $0.1) < ($1.0, $1.1) }.prefix(Self.maximumSuggested).map(\.1)
    }

    /// The hint for a reference to `label`, which names no formula: the close labels, or the
    /// note's labels when there are few, or how many there are; its length does not grow with
    /// the note.
    func hint(for label: String) -> String {
        if sorted.isEmpty { return "label a display formula: $$ ... $$ {#\(label)}" }
        let close = closest(to: label)
        if !close.isEmpty {
            return "did you mean " + close.map { "@" + $0 }.joined(separator: ", ") + "?"
        }
        if sorted.count <= NoteEvaluation.maximumNamesListed {
            return "labels in this note: " + sorted.joined(separator: ", ")
        }
        return "no label is close to it; the note has \(sorted.count), from \(sorted[0]) to \(sorted[sorted.count - 1])"
    }
}
