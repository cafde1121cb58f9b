/// What the reader needs to know about the note's names to read a formula: which names are
/// functions (and their arities), which multi-letter names the note defines, and which
/// built-in or constant names the note binds to numbers (so `\sigma = 0.5` makes `\sigma(x)`
/// a product, and `e = 3` makes `e` a plain name).
public struct ReadingScope: Sendable, Hashable {
    /// Functions the note defines: name → number of parameters.
    public var functions: [String: Int]
    /// Names of more than one letter the note defines or binds (`bias`, `net_h1`, `mse`).
    public var multiLetterNames: Set<String>
    /// Names the note binds to numbers that would otherwise be built-ins or constants.
    public var shadowed: Set<String>
    /// Every name the note defines or binds (a run of letters that are all such names is
    /// their product: `xy` in `f(x, y) = xy`). Added to by `insert(name:)`, which keeps
    /// `layeredShapes` with it.
    public private(set) var names: Set<String>
    /// The stems of the note's names with a numbered layer (`b` for `b^(2)`, `w_1,5` for
    /// `w_1,5^(2)`), and their shapes (`w_#,#`, see `layerShape`): `hasNumberedLayers` asks one
    /// lookup.
    private var layeredStems: Set<String> = []
    private var layeredShapes: Set<String> = []
    /// Letters the note binds to one whole number (`L = 3`): as a layer index they stand for it
    /// (`a^L` is `a^(3)`).
    public var wholeNumbers: [String: Int]
    /// Whether the note has a data table (docs/note-language.md §13): then `\sum_{i=1}^{N} E`
    /// reads as the sum of E over the table's rows, `sum_rows(E)` (`FormulaReader.rowSum`).
    public var hasData = false
    /// Names the note's general forms define (`a^[1]` from `a^{[l]} = W^{[l]} a^{[l-1]}`): among
    /// `names`, and still defined by a general form read again, not claims about themselves.
    public var instances: Set<String> = []
    /// Names the note only binds to numbers: a general form defines those that are its
    /// instances, and the numbers are claims about them (`z_1 = -0.2` in the text after
    /// `z_i = \sum_j w_{ij} x_j + b_i`); `\sigma^2 = 4` after `\sigma = 2` is a claim.
    public var boundByNumbers: Set<String> = []
    /// The letters the note's heads write as an index (`i` in `z_i = …`, `l` in `W^{[l]} = …`):
    /// mentioned alone (`neuron $i$`), one names no quantity.
    public var indexLetters: Set<String> = []
    /// The numbers the note writes in an index of a name it binds or defines (`0` and `1` of
    /// `v_0`, `W^{[1]}`): an instance a general form defines with another number gives its
    /// letter no value (a recurrence `v_{t+1} = μ v_t …` defined v_1, then v_2 from v_1, … up to
    /// the rounds' limit).
    public var writtenNumbers: Set<Int> = []

    public init(functions: [String: Int] = [:], multiLetterNames: Set<String> = [], shadowed: Set<String> = [],
                names: Set<String> = [], wholeNumbers: [String: Int] = [:])
    {
        self.functions = functions
        self.multiLetterNames = multiLetterNames
        self.shadowed = shadowed
        self.names = []
        self.wholeNumbers = wholeNumbers
        self.names.reserveCapacity(names.count)
        for name in names { insert(name: name) }
    }

    /// Adds `name` to `names`.
    public mutating func insert(name: String) {
        guard names.insert(name).inserted, name.hasSuffix(")"), let open = name.range(of: "^(", options: .backwards)
        else { return }
        let layer = name[open.upperBound..<name.index(before: name.endIndex)]
        guard !layer.isEmpty, layer.allSatisfy(\.isNumber) else { return }
        layeredStems.insert(String(name[..<open.lowerBound]))
        layeredShapes.insert(Self.layerShape(name[..<open.lowerBound], placeholder: { $0.isNumber }))
    }

    /// Sizes `names` for `count` more names.
    public mutating func reserveNames(_ count: Int) {
        names.reserveCapacity(names.count + count)
    }

    /// `stem` with each character of its indices that `placeholder` picks written `#`: the
    /// digits of an instance (`w_1,5` → `w_#,#`) or the letters of a general form (`w_j,k`),
    /// which then have one shape.
    private static func layerShape(_ stem: Substring, placeholder: (Character) -> Bool) -> String {
        guard let first = stem.firstIndex(where: { $0 == "_" || $0 == "^" }) else { return String(stem) }
        return String(stem[..<first]) + String(stem[first...].map { placeholder($0) ? "#" : $0 })
    }

    /// `a^(L)` → `a^(3)` where the note binds `L = 3` and names `a^(3)`; the name itself
    /// otherwise.
    public func layerName(_ name: String) -> String {
        guard name.hasSuffix(")"), let open = name.range(of: "^(", options: .backwards) else { return name }
        let letter = String(name[open.upperBound..<name.index(before: name.endIndex)])
        guard let number = wholeNumbers[letter] else { return name }
        let numbered = String(name[..<open.lowerBound]) + "^(\(number))"
        return names.contains(numbered) ? numbered : name
    }

    /// Whether `base` (`b`) has a layer name with a number (`b^(2)`) among the note's names; a
    /// base with letter indices (`w_jk`, Nielsen's `w^l_{jk}`) has those of its instances
    /// (`w_12^(2)`).
    public func hasNumberedLayers(_ base: String) -> Bool {
        guard !layeredStems.isEmpty else { return false }
        if layeredStems.contains(base) { return true }
        // A base with letter indices: the shape of its instances.
        guard base.contains("_"), GeneralForm.parts(base).indices.contains(where: { $0.contains(where: \.isLetter) })
        else { return false }
        return layeredShapes.contains(Self.layerShape(base[...], placeholder: { $0.isNumber || ($0.isASCII && $0.isLetter) }))
    }
}
