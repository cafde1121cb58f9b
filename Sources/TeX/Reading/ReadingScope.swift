/// What the reader needs to know about the note's names to read a formula: which names are
/// functions (and their arities), which multi-letter names the note defines, and which
/// built-in or constant names the note binds to numbers (so `\sigma = 0.5` makes `\sigma(x)`
/// a product, and `e = 3` makes `e` a plain name).
public struct ReadingScope: Sendable, Equatable {
    /// Functions the note defines: name → number of parameters.
    public var functions: [String: Int]
    /// Names of more than one letter the note defines or binds (`bias`, `net_h1`, `mse`).
    public var multiLetterNames: Set<String>
    /// Names the note binds to numbers that would otherwise be built-ins or constants.
    public var shadowed: Set<String>
    /// Every name the note defines or binds (a run of letters that are all such names is
    /// their product: `xy` in `f(x, y) = xy`).
    public var names: Set<String>

    public init(functions: [String: Int] = [:], multiLetterNames: Set<String> = [], shadowed: Set<String> = [],
                names: Set<String> = [])
    {
        self.functions = functions
        self.multiLetterNames = multiLetterNames
        self.shadowed = shadowed
        self.names = names
    }
}
