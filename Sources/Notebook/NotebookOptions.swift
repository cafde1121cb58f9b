/// How a note is checked.
public struct NotebookOptions: Sendable, Equatable {
    /// Values from `render --set NAME=VALUE`, overriding the note and its front matter.
    public var values: [String: Double]
    /// How many random points a claim is checked at besides the example point.
    public var samples: Int
    /// Relative tolerance of `=` (absolute tolerance is `absoluteTolerance`).
    public var relativeTolerance: Double
    public var absoluteTolerance: Double
    /// Seed of the sampled values and random points (fixed, so output is deterministic).
    public var seed: UInt64
    /// `render --steps N`: the number of steps of every run of update rules, over the note's
    /// own (docs/note-language.md §13).
    public var steps: Int?
    /// The seconds a run of update rules may take before it stops with an error (§13).
    public var runBudget: Double

    public init(values: [String: Double] = [:], samples: Int = 8, relativeTolerance: Double = 1e-9,
                absoluteTolerance: Double = 1e-12, seed: UInt64 = 0, steps: Int? = nil, runBudget: Double = 20)
    {
        self.steps = steps
        self.runBudget = runBudget
        self.values = values
        self.samples = samples
        self.relativeTolerance = relativeTolerance
        self.absoluteTolerance = absoluteTolerance
        self.seed = seed
    }
}
