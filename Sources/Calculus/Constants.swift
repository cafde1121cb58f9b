import Foundation

/// The known constants: names that have a value unless the note defines or binds them
/// (docs/note-language.md §3). A reader maps `e` to `"e"` and `\pi` to `"π"`. Whether a name is a
/// constant in a given note is `Context.constantValue(of:)`, which respects shadowing.
public enum Constants {
    /// Each constant's name and value.
    public static let values: [String: Double] = [
        "e": M_E,
        "π": Double.pi,
    ]

    /// The value of the known constant named `name`, ignoring any shadowing. (Asked for every
    /// name a note uses, so answered by comparing, not hashing; the same answer as `values`.)
    public static func value(of name: String) -> Double? {
        // Every constant's name is at most two bytes (and has no other spelling).
        guard name.utf8.count <= 2 else { return nil }
        switch name {
        case "e": return M_E
        case "π": return Double.pi
        default: return nil
        }
    }
}
