import TeX

/// Names typed on the command line (`--set eta=0.1`, `--set '\eta=0.1'`, `--set w_{12}=1`,
/// `--set y_true=1`) in the form the note reader gives names (`η`, `w_12`, `y_true`): the name
/// is read by the same reader as the notes, so the two always agree.
enum NameInput {
    static func canonical(_ input: String) -> String {
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
