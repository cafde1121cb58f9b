import Document

/// What running a section's update rules gave (docs/note-language.md §13): the parameters and
/// the loss at the steps a reader looks at, the loss curve, and why the run stopped early, if
/// it did.
public struct LearningRun: Sendable {
    /// Where the section's first rule is.
    public var position: SourcePosition
    /// The formula of the section's last rule: the page shows the run after it.
    public var formula: FormulaID?
    /// The number of steps asked for (T).
    public var steps: Int
    /// Where T came from: `T = 1000 (line 12)`, `front matter steps`, `--steps`.
    public var stepsSource: String
    /// The updated names, as the note writes them, in the order of the rules.
    public var parameters: [String]
    /// The names the rules differentiate (`L` in `\frac{\partial L}{\partial w_1}`), as the
    /// note writes them.
    public var losses: [String]
    /// Rows for the table: the first steps, a few between and the last one run.
    public var table: [Row]
    /// Rows for the plot: every step, or evenly spaced ones on a long run (at most about 500),
    /// the last one run included.
    public var curve: [Row]
    /// Why the run stopped before step T (a value that is not a number, the time budget).
    public var stopped: String?

    /// The values at one step: `parameters[k]` is the k-th updated name's value, `losses[k]` the
    /// k-th loss's value at those parameters.
    public struct Row: Sendable, Equatable {
        public var step: Int
        public var parameters: [Double]
        public var losses: [Double]

        public init(step: Int, parameters: [Double], losses: [Double]) {
            self.step = step
            self.parameters = parameters
            self.losses = losses
        }
    }

    public init(position: SourcePosition, steps: Int, stepsSource: String, parameters: [String], losses: [String],
                table: [Row] = [], curve: [Row] = [], stopped: String? = nil)
    {
        self.position = position
        self.steps = steps
        self.stepsSource = stepsSource
        self.parameters = parameters
        self.losses = losses
        self.table = table
        self.curve = curve
        self.stopped = stopped
    }

    /// The last row run (step T, or the step before the run stopped).
    public var last: Row? { curve.last }
}
