import Calculus
import Document
import TeX

/// Everything Derive computed about one note: the example point, each statement with its
/// value, derivatives and verdict, and the diagnostics. Writers (HTML, Markdown, JSON, JUnit)
/// read this; nothing in it is computed twice.
public struct NoteResult: Sendable {
    /// The note's path as given on the command line.
    public var path: String
    /// The values of the leaves the note's formulas depend on, by name.
    public var point: [PointValue]
    /// One entry per statement (a statement expanded from an index range, once per index).
    public var statements: [StatementResult]
    /// Every diagnostic of the note (those of statements included), sorted by position.
    public var diagnostics: [Diagnostic]
    /// The one-variable functions the note defines, ready to be plotted.
    public var plots: [FunctionPlot]
    /// The note's mermaid diagrams, read, in source order (the page draws them from here).
    public var diagrams: [NoteDiagram] = []
    /// The verdicts on the cells' functions compared with the formulas (docs/note-language.md §12).
    public var cellChecks: [CellCheck] = []
    /// The runs of the note's update rules, one per section that has rules (§13).
    public var runs: [LearningRun] = []
    /// The TeX in which the note first writes each name its diagnostics mention, where that
    /// differs from the name as read (`y_pred` → `y_{pred}`, `η` → `\eta`): the terminal and the
    /// Markdown report show names in diagnostics so (`NamesInText`).
    public var writtenNames: [String: String] = [:]

    public init(path: String, point: [PointValue] = [], statements: [StatementResult] = [],
                diagnostics: [Diagnostic] = [], plots: [FunctionPlot] = [])
    {
        self.path = path
        self.point = point
        self.statements = statements
        self.diagnostics = diagnostics
        self.plots = plots
    }

    /// Counts for the summary line and the page header.
    public var summary: Summary {
        var summary = Summary()
        summary.notes = 1
        // By index: iterating the array would copy every statement just to read two fields.
        for index in statements.indices {
            // `neuron $i$`: a mention of an index says nothing.
            if statements[index].kind == .expression, statements[index].notEvaluated == FormulaReader.indexMention { continue }
            summary.statements += 1
            let check = statements[index].check
            if statements[index].value != nil || check?.status == .holds { summary.evaluated += 1 }
            guard let check else { continue }
            summary.claims += 1
            switch check.status {
            case .holds: summary.held += 1
            case .fails: summary.failed += 1
            case .cannotTell: summary.cannotTell += 1
            }
        }
        for index in diagnostics.indices {
            switch diagnostics[index].severity {
            case .error: summary.errors += 1
            case .warning: summary.warnings += 1
            case .note: break
            }
        }
        return summary
    }
}

/// The value of one leaf at the example point, and where it came from.
public struct PointValue: Sendable, Equatable {
    public enum Source: Sendable, Equatable {
        /// Bound in the note (`x_1 = 0.05`) at this line.
        case note(line: Int)
        /// From the front matter's `values:`.
        case frontMatter
        /// From `render --set`.
        case commandLine
        /// From a cell's top-level `let` at this line (docs/note-language.md §12).
        case cell(line: Int)
        /// Chosen by Derive, because nothing bound it.
        case sampled

        /// The word reports use: `note`, `front matter`, `--set`, `sampled`.
        public var word: String {
            switch self {
            case .note: "note"
            case .frontMatter: "front matter"
            case .commandLine: "--set"
            case .cell: "cell"
            case .sampled: "sampled"
            }
        }
    }

    public var name: String
    public var value: Double
    public var source: Source
    /// The name as lists of names with their values key it (`report.json`'s `point`): `name`,
    /// or for a name the note binds or defines more than once, with the place of the binding
    /// meant (`η (3:2)`), so that each key is once in its list.
    public var listedName: String

    public init(name: String, value: Double, source: Source, listedName: String? = nil) {
        self.name = name
        self.value = value
        self.source = source
        self.listedName = listedName ?? name
    }
}

/// What a statement is (docs/note-language.md §2): the reader's own kinds (its raw values are the
/// words report.json and the pages write).
public typealias StatementKind = Statement.Kind

/// One statement of a formula and what was computed for it.
public struct StatementResult: Sendable {
    /// The formula the statement comes from.
    public var formula: FormulaID
    /// For a statement expanded from an index range (`w_{1..2}`), the index.
    public var index: Int?
    /// Where the statement starts in the note.
    public var position: SourcePosition
    /// The statement's TeX (a part of the formula's TeX when a formula holds several).
    public var tex: String
    public var kind: StatementKind
    /// The defined or bound name (`n_1`, `f`), when there is one.
    public var name: String?
    /// How the statement was read, in plain text (`n_1 = x_1*w_1 + x_2*w_2 + b_1`).
    public var reading: String?
    /// Why it was not evaluated (`\int is not evaluated`), for prose.
    public var notEvaluated: String?
    /// Its value at the example point (the defined name's value, or the expression's).
    public var value: Double?
    /// ∂(name)/∂(each name it uses directly), at the example point, in order of use.
    public var partials: [(name: String, value: Double)]
    /// Why a definition shows no partial derivatives, when they were not taken: a symbol computed
    /// through more definitions, or a function applying more functions, than partials are
    /// derived through (docs/note-language.md §8).
    public var partialsOmitted: String?
    /// For a sink (a defined name nothing uses): ∂(name)/∂(each leaf), at the example point.
    public var gradient: [(name: String, value: Double)]
    /// For a claim (or a definition with claims): the verdict.
    public var check: Check?
    /// The diagnostics about this statement.
    public var diagnostics: [Diagnostic]

    public init(formula: FormulaID, position: SourcePosition, tex: String, kind: StatementKind, name: String? = nil,
                reading: String? = nil, notEvaluated: String? = nil, value: Double? = nil,
                partials: [(name: String, value: Double)] = [], gradient: [(name: String, value: Double)] = [],
                check: Check? = nil, diagnostics: [Diagnostic] = [])
    {
        self.formula = formula
        self.index = nil
        self.position = position
        self.tex = tex
        self.kind = kind
        self.name = name
        self.reading = reading
        self.notEvaluated = notEvaluated
        self.value = value
        self.partials = partials
        self.gradient = gradient
        self.check = check
        self.diagnostics = diagnostics
    }
}

/// The verdict on a claim.
public struct Check: Sendable, Equatable {
    public enum Status: String, Sendable, Equatable {
        case holds
        case fails
        case cannotTell = "cannot-tell"
    }

    public var status: Status
    /// At how many points both sides were compared.
    public var points: Int
    /// What a person reads: `holds at 9 points`, `computed 0.1244, claimed 0.0813 at x = 0.3`,
    /// the reason.
    public var message: String
    /// For a claim that fails: which of its relations does (0 for the first), so that a
    /// diagnostic can point at it in a chain `a = b = c`.
    public var failedRelation: Int?
    /// For a claim that fails at the example point: the leaves of the failing sides whose value
    /// there was sampled (the note gives them none), which the message names as the root cause.
    public var sampledLeaves: [String] = []
    /// A claim Derive cannot tell because it holds at the example point but not at a random
    /// point: it may rely on a condition the note does not state (docs/note-language.md §5).
    public var heldAtExampleOnly = false
    /// What the author could write so that Derive can tell (`define L, …`).
    public var hint: String?
    /// The value of each side at the example point (`∂L/∂w = (z - 1) x` gives two), when every
    /// side had one there.
    public var exampleSides: [Double]?
    /// For an identity (`=` or `≈`) compared at more than one point: the largest difference
    /// between two sides over the points compared.
    public var largestDifference: Double?

    public init(status: Status, points: Int, message: String, failedRelation: Int? = nil, hint: String? = nil) {
        self.status = status
        self.points = points
        self.message = message
        self.failedRelation = failedRelation
        self.hint = hint
    }
}

/// Counts over notes.
public struct Summary: Sendable, Equatable {
    public var notes = 0
    public var statements = 0
    public var evaluated = 0
    public var claims = 0
    public var held = 0
    public var failed = 0
    public var cannotTell = 0
    public var errors = 0
    public var warnings = 0

    public init() {}

    /// The sum of two summaries.
    public static func + (lhs: Summary, rhs: Summary) -> Summary {
        var sum = Summary()
        sum.notes = lhs.notes + rhs.notes
        sum.statements = lhs.statements + rhs.statements
        sum.evaluated = lhs.evaluated + rhs.evaluated
        sum.claims = lhs.claims + rhs.claims
        sum.held = lhs.held + rhs.held
        sum.failed = lhs.failed + rhs.failed
        sum.cannotTell = lhs.cannotTell + rhs.cannotTell
        sum.errors = lhs.errors + rhs.errors
        sum.warnings = lhs.warnings + rhs.warnings
        return sum
    }
}

/// A one-variable function the note defines, as numbers for a plot.
public struct FunctionPlot: Sendable {
    /// The formula that defines it.
    public var formula: FormulaID
    public var name: String
    public var parameter: String
    /// The parameter's value at the example point, if it has one.
    public var exampleX: Double?
    /// The function, compiled, the note's other values fixed.
    public var function: Curve
    /// Its derivative, when the note speaks of it (`f'(x)`, `\frac{d f}{d x}`).
    public var derivative: Curve?

    public init(formula: FormulaID, name: String, parameter: String, exampleX: Double?,
                function: Curve, derivative: Curve? = nil)
    {
        self.formula = formula
        self.name = name
        self.parameter = parameter
        self.exampleX = exampleX
        self.function = function
        self.derivative = derivative
    }
}
