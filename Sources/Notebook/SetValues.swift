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
}
