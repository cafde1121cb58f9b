/// One node of a formula's parse tree.
///
/// The tree keeps the formula as written: every brace group, every command name and every
/// character, with the source range of each node (UTF-8 byte offsets into the formula), so the
/// MathML writer and the semantic reader (TeX → Calculus expressions) read the same tree.
/// Walk it with a `switch`:
///
/// ```swift
/// func letters(_ node: Node) -> Int {
///     switch node {
///     case .atom(let atom): return atom.form == .identifier ? 1 : 0
///     case .group(let group): return group.children.map(letters).reduce(0, +)
///     default: return node.children.map(letters).reduce(0, +)
///     }
/// }
/// ```
public indirect enum Node: Hashable, Sendable {
    /// A single symbol: a letter, a number, an operator or punctuation character, or a symbol
    /// command such as `\alpha`, `\le`, `\sum`, `\infty`.
    case atom(Atom)
    /// `{ ... }` as written (or an implicit group, such as the numerator of `a \over b`).
    case group(Group)
    /// A base with a subscript, a superscript and/or primes: `x_1`, `f''`, `\sum_{i=1}^{n}`.
    case scripts(Scripts)
    /// `\frac`, `\dfrac`, `\tfrac`, `\cfrac`, `\binom`, `\genfrac`, `\over`, `\choose`, `\atop`...
    case fraction(Fraction)
    /// `\sqrt{x}`, `\sqrt[n]{x}`, `\root n \of x`.
    case root(Root)
    /// `\left( ... \middle| ... \right)`.
    case fenced(Fenced)
    /// A delimiter of fixed size: `\big(`, `\Bigr]`, `\bigm|`, or `\middle|` inside `\left...\right`.
    case sizedDelimiter(SizedDelimiter)
    /// An accent or a line, brace or arrow over or under a base: `\hat x`, `\vec v`,
    /// `\overline{AB}`, `\underbrace{...}`.
    case accent(Accent)
    /// A base with material stacked over and/or under it: `\overset`, `\underset`,
    /// `\stackrel`, `\xrightarrow[below]{above}`.
    case overUnder(OverUnder)
    /// A math font: `\mathbf{x}`, `\mathrm{d}`, `\mathcal{L}`, `\boldsymbol\beta`, or the rest
    /// of a group after a switch such as `\bf`.
    case font(FontChange)
    /// Text: `\text{if $x > 0$}`, `\mbox{...}`, `\textbf{...}`.
    case text(Text)
    /// A named operator or function: `\sin`, `\log`, `\lim`, `\max`, `\operatorname{relu}`.
    case operatorName(OperatorName)
    /// Horizontal space: `\,` `\:` `\;` `\!` `\quad` `\qquad` `~` `\hspace{1em}`...
    case space(Space)
    /// A style or size switch for the rest of its group: `\displaystyle`, `\textstyle`, `\Large`.
    case style(StyleChange)
    /// `\color{red} ...` (rest of the group) or `\textcolor{red}{...}`.
    case color(Color)
    /// Something drawn around or instead of its body: `\boxed`, `\fbox`, `\phantom`, `\smash`,
    /// `\cancel`, and class changes such as `\mathrel{...}`.
    case enclosure(Enclosure)
    /// `\begin{name} ... \end{name}` and `\matrix{...}`-style commands: rows of cells.
    case environment(Environment)
    /// `\tag{...}`, `\label{...}`, `\notag`, `\nonumber`.
    case tag(Tag)
    /// `\\` or `\newline` outside an environment (a statement separator at top level).
    case lineBreak(LineBreak)
    /// Something that could not be read: an unknown command, a misplaced `&`, nesting too
    /// deep. Rendered as `<merror>`; a diagnostic says why.
    case error(ErrorNode)

    /// The source range of the node (UTF-8 byte offsets into the formula).
    public var range: SourceRange {
        switch self {
        case .atom(let value): value.range
        case .group(let value): value.range
        case .scripts(let value): value.range
        case .fraction(let value): value.range
        case .root(let value): value.range
        case .fenced(let value): value.range
        case .sizedDelimiter(let value): value.range
        case .accent(let value): value.range
        case .overUnder(let value): value.range
        case .font(let value): value.range
        case .text(let value): value.range
        case .operatorName(let value): value.range
        case .space(let value): value.range
        case .style(let value): value.range
        case .color(let value): value.range
        case .enclosure(let value): value.range
        case .environment(let value): value.range
        case .tag(let value): value.range
        case .lineBreak(let value): value.range
        case .error(let value): value.range
        }
    }

    /// The node's direct sub-nodes in source order (cells of environments and math inside
    /// text included), for walks that do not care about the kind of a node.
    public var children: [Node] {
        switch self {
        case .atom, .sizedDelimiter, .space, .tag, .lineBreak, .error, .operatorName:
            return []
        case .group(let value): return value.children
        case .scripts(let value): return [value.base, value.sub, value.sup].compactMap { $0 }
        case .fraction(let value): return [value.numerator, value.denominator]
        case .root(let value): return [value.index, value.radicand].compactMap { $0 }
        case .fenced(let value): return value.body
        case .accent(let value): return [value.base]
        case .overUnder(let value): return [value.over, value.base, value.under].compactMap { $0 }
        case .font(let value): return [value.body]
        case .text(let value):
            return value.parts.flatMap { part -> [Node] in
                if case .math(let nodes, _) = part { return nodes }
                return []
            }
        case .style(let value): return value.body
        case .color(let value): return value.body
        case .enclosure(let value): return [value.body]
        case .environment(let value): return value.rows.flatMap { $0.cells.flatMap(\.children) }
        }
    }
}

/// TeX's classes of math atoms; they decide spacing (TeXbook chapter 17).
public enum AtomClass: String, Hashable, Sendable {
    /// Ordinary: letters, digits, `\infty`, `\partial`.
    case ord
    /// Large operator: `\sum`, `\int`, `\lim`.
    case op
    /// Binary operation: `+ - \cdot \times \pm`.
    case bin
    /// Relation: `= < \le \approx \in \to`.
    case rel
    /// Opening delimiter: `( [ \{ \langle`.
    case open
    /// Closing delimiter: `) ] \} \rangle`, and `!` `?`.
    case close
    /// Punctuation: `,` `;`.
    case punct
    /// Inner: a `\left...\right` group or `\mathinner{...}`.
    case inner
}

/// A single symbol.
public struct Atom: Hashable, Sendable {
    /// How the symbol is written in MathML.
    public enum Form: String, Hashable, Sendable {
        /// A letter or letter-like symbol (`<mi>`): `x`, `\alpha`, `\infty`, `\partial`.
        case identifier
        /// A number (`<mn>`): a run of digits with at most one decimal point, `3.14`.
        case number
        /// An operator, relation, delimiter or punctuation character (`<mo>`).
        case `operator`
    }

    /// TeX's class of the atom (ord, op, bin, rel, open, close, punct, inner).
    public var atomClass: AtomClass
    /// The MathML token kind.
    public var form: Form
    /// The character(s) shown, in Unicode: `x`, `3.14`, `α`, `≤`, `∑`, `−` (TeX's `-`), `∗` (`*`).
    public var text: String
    /// The command that produced it, without backslash (`alpha`, `le`, `sum`), or nil for a
    /// character typed as itself.
    public var command: String?
    /// For large operators (`atomClass == .op`): whether limits go above and below in display
    /// style (`\sum`, `\prod`, `\bigcup`), rather than to the side (`\int`, `\oint`).
    public var limits: Bool
    /// Upright although a single letter (`\Delta`, `\infty`): written with `mathvariant="normal"`.
    public var upright: Bool
    /// Where the atom is in the source.
    public var range: SourceRange

    /// Makes an atom.
    public init(
        atomClass: AtomClass, form: Form, text: String, command: String? = nil,
        limits: Bool = false, upright: Bool = false, range: SourceRange
    ) {
        self.atomClass = atomClass
        self.form = form
        self.text = text
        self.command = command
        self.limits = limits
        self.upright = upright
        self.range = range
    }
}

/// A group of nodes.
public struct Group: Hashable, Sendable {
    /// The nodes inside, in order.
    public var children: [Node]
    /// True for `{...}` as written; false for an implicit group (the sides of `\over`, the
    /// body of `\root n \of`).
    public var braced: Bool
    /// From the `{` to the `}` inclusive (or the extent of an implicit group).
    public var range: SourceRange

    /// Makes a group.
    public init(children: [Node], braced: Bool, range: SourceRange) {
        self.children = children
        self.braced = braced
        self.range = range
    }
}

/// A base with scripts and primes. `x'_1` has base `x`, sub `1`, primes 1.
public struct Scripts: Hashable, Sendable {
    /// Where the limits of a large operator go.
    public enum Limits: String, Hashable, Sendable {
        /// `\limits`: above and below, even inline.
        case above
        /// `\nolimits`: to the side, even in display.
        case side
    }

    /// The base; nil for a script with nothing before it (`^2` at the start of a group).
    public var base: Node?
    /// The subscript as written (a `.group` when braced).
    public var sub: Node?
    /// The superscript as written (a `.group` when braced).
    public var sup: Node?
    /// Number of primes right after the base (`f''` has 2); they are shown as a superscript
    /// before `sup`.
    public var primes: Int
    /// `\limits` / `\nolimits` written after the base, or nil for the default.
    public var limits: Limits?
    /// From the base to the end of the last script.
    public var range: SourceRange

    /// Makes a scripted base.
    public init(
        base: Node?, sub: Node? = nil, sup: Node? = nil, primes: Int = 0, limits: Limits? = nil,
        range: SourceRange
    ) {
        self.base = base
        self.sub = sub
        self.sup = sup
        self.primes = primes
        self.limits = limits
        self.range = range
    }
}

/// A fraction or a fraction-like stack.
public struct Fraction: Hashable, Sendable {
    /// The command without backslash: `frac`, `dfrac`, `tfrac`, `cfrac`, `binom`, `dbinom`,
    /// `tbinom`, `genfrac`, `over`, `choose`, `atop`, `above`, `brace`, `brack`, ...
    public var command: String
    /// The top.
    public var numerator: Node
    /// The bottom.
    public var denominator: Node
    /// False for a stack without a bar (`\binom`, `\atop`, `\choose`).
    public var hasBar: Bool
    /// An explicit bar thickness (`\above 1pt`, `\genfrac`), as written.
    public var barThickness: String?
    /// Delimiters drawn around it (`(` and `)` for `\binom`), or nil.
    public var leftDelimiter: String?
    /// See `leftDelimiter`.
    public var rightDelimiter: String?
    /// A forced style (`\dfrac` display, `\tfrac` text), or nil.
    public var style: MathStyle?
    /// Alignment of the numerator for `\cfrac[l]` / `\cfrac[r]`, or nil.
    public var numeratorAlignment: String?
    /// The whole fraction in the source.
    public var range: SourceRange

    /// True for a binomial coefficient (`\binom`, `\dbinom`, `\tbinom`, `\choose`).
    public var isBinomial: Bool {
        !hasBar && leftDelimiter == "(" && rightDelimiter == ")"
    }

    /// Makes a fraction.
    public init(
        command: String, numerator: Node, denominator: Node, hasBar: Bool = true,
        barThickness: String? = nil, leftDelimiter: String? = nil, rightDelimiter: String? = nil,
        style: MathStyle? = nil, numeratorAlignment: String? = nil, range: SourceRange
    ) {
        self.command = command
        self.numerator = numerator
        self.denominator = denominator
        self.hasBar = hasBar
        self.barThickness = barThickness
        self.leftDelimiter = leftDelimiter
        self.rightDelimiter = rightDelimiter
        self.style = style
        self.numeratorAlignment = numeratorAlignment
        self.range = range
    }
}

/// TeX's four math styles.
public enum MathStyle: String, Hashable, Sendable {
    /// `\displaystyle`
    case display
    /// `\textstyle`
    case text
    /// `\scriptstyle`
    case script
    /// `\scriptscriptstyle`
    case scriptScript
}

/// A square or n-th root.
public struct Root: Hashable, Sendable {
    /// `sqrt` or `root`.
    public var command: String
    /// The index (`n` of `\sqrt[n]{x}`), or nil for a square root.
    public var index: Node?
    /// What is under the radical sign.
    public var radicand: Node
    /// The whole root in the source.
    public var range: SourceRange

    /// Makes a root.
    public init(command: String, index: Node?, radicand: Node, range: SourceRange) {
        self.command = command
        self.index = index
        self.radicand = radicand
        self.range = range
    }
}

/// A delimiter character as written after `\left`, `\right`, `\middle`, `\big`...
public struct Delimiter: Hashable, Sendable {
    /// The character shown (`(`, `⟨`, `‖`, `{`), or "" for the null delimiter `.`.
    public var text: String
    /// The command it was written with, without backslash (`langle`, `{`, `|`), or nil when
    /// written as a character.
    public var command: String?
    /// Where it is in the source.
    public var range: SourceRange

    /// Makes a delimiter.
    public init(text: String, command: String?, range: SourceRange) {
        self.text = text
        self.command = command
        self.range = range
    }
}

/// `\left ... \right`, stretching its delimiters to the height of its body.
public struct Fenced: Hashable, Sendable {
    /// The delimiter after `\left`.
    public var left: Delimiter
    /// The nodes between; `\middle` delimiters appear as `.sizedDelimiter` with size `.middle`.
    public var body: [Node]
    /// The delimiter after `\right` (a null delimiter if `\right` is missing).
    public var right: Delimiter
    /// From `\left` to the `\right` delimiter inclusive.
    public var range: SourceRange

    /// Makes a fenced group.
    public init(left: Delimiter, body: [Node], right: Delimiter, range: SourceRange) {
        self.left = left
        self.body = body
        self.right = right
        self.range = range
    }
}

/// A delimiter of a fixed size.
public struct SizedDelimiter: Hashable, Sendable {
    /// The size.
    public enum Size: String, Hashable, Sendable {
        /// `\big`
        case big
        /// `\Big`
        case Big
        /// `\bigg`
        case bigg
        /// `\Bigg`
        case Bigg
        /// `\middle`: as tall as the enclosing `\left...\right`.
        case middle
    }

    /// The command without backslash: `big`, `Bigl`, `biggr`, `bigm`, `middle`...
    public var command: String
    /// The size.
    public var size: Size
    /// `.open` for `\bigl`, `.close` for `\bigr`, `.rel` for `\bigm` and `\middle`, `.ord` for `\big`.
    public var atomClass: AtomClass
    /// The delimiter.
    public var delimiter: Delimiter
    /// From the command to the delimiter inclusive.
    public var range: SourceRange

    /// Makes a sized delimiter.
    public init(
        command: String, size: Size, atomClass: AtomClass, delimiter: Delimiter, range: SourceRange
    ) {
        self.command = command
        self.size = size
        self.atomClass = atomClass
        self.delimiter = delimiter
        self.range = range
    }
}

/// An accent, line, brace or arrow over or under a base.
public struct Accent: Hashable, Sendable {
    /// The command without backslash: `hat`, `vec`, `bar`, `overline`, `underbrace`...
    public var command: String
    /// The mark's character (`^`, `→`, `‾`, `⏟`).
    public var mark: String
    /// The base as written.
    public var base: Node
    /// True when the mark goes under the base (`\underline`, `\underbrace`).
    public var under: Bool
    /// True when the mark stretches to the width of the base (`\widehat`, `\overline`).
    public var stretchy: Bool
    /// True for a brace that takes its label as a limit (`\overbrace{..}^{label}`).
    public var isBrace: Bool
    /// The whole accented base in the source.
    public var range: SourceRange

    /// Makes an accent.
    public init(
        command: String, mark: String, base: Node, under: Bool, stretchy: Bool,
        isBrace: Bool = false, range: SourceRange
    ) {
        self.command = command
        self.mark = mark
        self.base = base
        self.under = under
        self.stretchy = stretchy
        self.isBrace = isBrace
        self.range = range
    }
}

/// A base with material over and/or under it.
public struct OverUnder: Hashable, Sendable {
    /// The command without backslash: `overset`, `underset`, `stackrel`, `xrightarrow`...
    public var command: String
    /// The base (the arrow for `\xrightarrow`).
    public var base: Node
    /// What goes above, or nil.
    public var over: Node?
    /// What goes below, or nil.
    public var under: Node?
    /// The class of the whole (`.rel` for `\stackrel` and arrows, else `.ord`).
    public var atomClass: AtomClass
    /// The whole construct in the source.
    public var range: SourceRange

    /// Makes an over/under stack.
    public init(
        command: String, base: Node, over: Node?, under: Node?, atomClass: AtomClass,
        range: SourceRange
    ) {
        self.command = command
        self.base = base
        self.over = over
        self.under = under
        self.atomClass = atomClass
        self.range = range
    }
}

/// A math alphabet.
public enum MathFont: String, Hashable, Sendable {
    /// Upright roman: `\mathrm`, `\rm`, `\mathup`, `\operatorname`.
    case roman
    /// Italic: `\mathit`, `\it`.
    case italic
    /// Bold upright: `\mathbf`, `\bf`.
    case bold
    /// Bold italic: `\boldsymbol`, `\bm`, `\mathbfit`.
    case boldItalic
    /// Calligraphic: `\mathcal`, `\cal`.
    case calligraphic
    /// Script: `\mathscr`.
    case script
    /// Bold script: `\mathbfscr`, `\mathbfcal`.
    case boldScript
    /// Fraktur: `\mathfrak`.
    case fraktur
    /// Bold fraktur: `\mathbffrak`.
    case boldFraktur
    /// Double-struck: `\mathbb`, `\Bbb`.
    case doubleStruck
    /// Sans-serif: `\mathsf`.
    case sansSerif
    /// Bold sans-serif: `\mathbfsf`.
    case boldSansSerif
    /// Italic sans-serif: `\mathsfit`.
    case sansSerifItalic
    /// Bold italic sans-serif: `\mathbfsfit`.
    case boldSansSerifItalic
    /// Monospace: `\mathtt`, `\tt`.
    case monospace
    /// The default math font (`\mathnormal`): italic letters, upright digits.
    case normal
}

/// A math font applied to a body.
public struct FontChange: Hashable, Sendable {
    /// The command without backslash: `mathbf`, `mathrm`, `boldsymbol`, `bf`...
    public var command: String
    /// The alphabet.
    public var font: MathFont
    /// The argument as written (a `.group` when braced); for a switch like `\bf`, an implicit
    /// group holding the rest of the enclosing group.
    public var body: Node
    /// The command and its body.
    public var range: SourceRange

    /// Makes a font change.
    public init(command: String, font: MathFont, body: Node, range: SourceRange) {
        self.command = command
        self.font = font
        self.body = body
        self.range = range
    }
}

/// Text inside math.
public struct Text: Hashable, Sendable {
    /// A piece of text content.
    public enum Part: Hashable, Sendable {
        /// Literal text (TeX escapes such as `\%` already resolved).
        case text(String, SourceRange)
        /// Math inside the text: `$...$` or `\(...\)`.
        case math([Node], SourceRange)
    }

    /// The command without backslash: `text`, `mbox`, `textrm`, `textbf`, `textit`...
    public var command: String
    /// The text style: `.roman` (plain), `.bold`, `.italic`, `.sansSerif`, `.monospace`.
    public var font: MathFont
    /// The content.
    public var parts: [Part]
    /// The command and its argument.
    public var range: SourceRange

    /// The literal text, math parts left out.
    public var plainText: String {
        parts.map { part in
            if case .text(let string, _) = part { return string }
            return ""
        }.joined()
    }

    /// Makes a text node.
    public init(command: String, font: MathFont, parts: [Part], range: SourceRange) {
        self.command = command
        self.font = font
        self.parts = parts
        self.range = range
    }
}

/// A named operator or function, set in upright letters.
public struct OperatorName: Hashable, Sendable {
    /// The command without backslash: `sin`, `lim`, `operatorname`, `DeclareMathOperator`...
    public var command: String
    /// The name shown: `sin`, `lim`, `lim sup` (with a thin space), `relu`.
    public var name: String
    /// For `\operatorname{...}`: the argument as written; nil for the built-in names.
    public var body: Node?
    /// True when limits go above/below in display style (`\lim`, `\max`, `\operatorname*`).
    public var limits: Bool
    /// The command (and argument).
    public var range: SourceRange

    /// Makes an operator name.
    public init(command: String, name: String, body: Node? = nil, limits: Bool, range: SourceRange) {
        self.command = command
        self.name = name
        self.body = body
        self.limits = limits
        self.range = range
    }
}

/// Horizontal space.
public struct Space: Hashable, Sendable {
    /// The command without backslash (`,` `quad` `hspace` `~`...), or `~` for a tie.
    public var command: String
    /// The width as a CSS/MathML length (`0.167em`, `1cm`), or nil for a stretchable fill
    /// (`\hfill`).
    public var width: String?
    /// True for a space that is a visible blank in text (`~`, `\ `): written as `<mtext>`.
    public var isTextSpace: Bool
    /// The command and its argument.
    public var range: SourceRange

    /// Makes a space.
    public init(command: String, width: String?, isTextSpace: Bool = false, range: SourceRange) {
        self.command = command
        self.width = width
        self.isTextSpace = isTextSpace
        self.range = range
    }
}

/// A style or size switch and the nodes it applies to (the rest of its group).
public struct StyleChange: Hashable, Sendable {
    /// The command without backslash: `displaystyle`, `textstyle`, `large`, `Huge`...
    public var command: String
    /// The math style, for the style switches.
    public var style: MathStyle?
    /// The size factor (1.2 for `\large`), for the size switches.
    public var scale: Double?
    /// The nodes after the switch, up to the end of the enclosing group.
    public var body: [Node]
    /// From the switch to the end of the body.
    public var range: SourceRange

    /// Makes a style change.
    public init(
        command: String, style: MathStyle?, scale: Double?, body: [Node], range: SourceRange
    ) {
        self.command = command
        self.style = style
        self.scale = scale
        self.body = body
        self.range = range
    }
}

/// Colored material.
public struct Color: Hashable, Sendable {
    /// `color` or `textcolor`.
    public var command: String
    /// The color as written (`red`, `#ff0000`, `blue!50` is kept as written).
    public var color: String
    /// The colored nodes.
    public var body: [Node]
    /// The command and its body.
    public var range: SourceRange

    /// Makes a color change.
    public init(command: String, color: String, body: [Node], range: SourceRange) {
        self.command = command
        self.color = color
        self.body = body
        self.range = range
    }
}

/// Something drawn around, instead of, or as a class change of its body.
public struct Enclosure: Hashable, Sendable {
    /// What is done to the body.
    public enum Kind: Hashable, Sendable {
        /// `\boxed`, `\fbox`, `\framebox`: a frame.
        case box
        /// `\phantom`: invisible, takes its space.
        case phantom
        /// `\hphantom`: invisible, takes its width only.
        case horizontalPhantom
        /// `\vphantom`, `\mathstrut`, `\strut`: invisible, takes its height only.
        case verticalPhantom
        /// `\smash`: visible, takes no height.
        case smash
        /// `\llap`, `\rlap`, `\clap`: visible, takes no width.
        case lap
        /// `\cancel`, `\bcancel`, `\xcancel`: struck out.
        case strike
        /// `\mathrel{...}`, `\mathop{...}`, ...: the body as an atom of the given class.
        case atomClass(AtomClass)
    }

    /// The command without backslash.
    public var command: String
    /// What is done.
    public var kind: Kind
    /// The argument as written.
    public var body: Node
    /// The command and its argument.
    public var range: SourceRange

    /// Makes an enclosure.
    public init(command: String, kind: Kind, body: Node, range: SourceRange) {
        self.command = command
        self.kind = kind
        self.body = body
        self.range = range
    }
}

/// An environment (`\begin{pmatrix} a & b \\ c & d \end{pmatrix}`): rows of cells.
public struct Environment: Hashable, Sendable {
    /// One cell, between `&` and `\\`.
    public struct Cell: Hashable, Sendable {
        /// The nodes in the cell.
        public var children: [Node]
        /// Where the cell's content is in the source.
        public var range: SourceRange

        /// Makes a cell.
        public init(children: [Node], range: SourceRange) {
            self.children = children
            self.range = range
        }
    }

    /// One row, ended by `\\` or `\end`.
    public struct Row: Hashable, Sendable {
        /// The cells, in order.
        public var cells: [Cell]
        /// A rule drawn above the row (`\hline` = solid, `\hdashline` = dashed), or nil.
        public var lineAbove: String?
        /// Where the row is in the source.
        public var range: SourceRange

        /// Makes a row.
        public init(cells: [Cell], lineAbove: String? = nil, range: SourceRange) {
            self.cells = cells
            self.lineAbove = lineAbove
            self.range = range
        }
    }

    /// The environment's name (`pmatrix`, `aligned`, `cases`, `array`, `align*`), or the
    /// command for the plain-TeX forms (`matrix`, `pmatrix`, `cases` written as `\cases{...}`).
    public var name: String
    /// The column specification of `array` (`{c|c}`) or the count of `alignat`, as written.
    public var columnSpec: String?
    /// The rows.
    public var rows: [Row]
    /// A rule below the last row (a trailing `\hline`), or nil.
    public var lineBelow: String?
    /// From `\begin` to the end of `\end{...}`.
    public var range: SourceRange

    /// Makes an environment.
    public init(
        name: String, columnSpec: String? = nil, rows: [Row], lineBelow: String? = nil,
        range: SourceRange
    ) {
        self.name = name
        self.columnSpec = columnSpec
        self.rows = rows
        self.lineBelow = lineBelow
        self.range = range
    }
}

/// An equation tag or label.
public struct Tag: Hashable, Sendable {
    /// Which kind.
    public enum Kind: Hashable, Sendable {
        /// `\tag{text}` (shown in parentheses) or `\tag*{text}` (shown as is).
        case tag(String, parenthesized: Bool)
        /// `\label{name}`: not shown.
        case label(String)
        /// `\notag` or `\nonumber`: not shown.
        case noTag
    }

    /// The command without backslash.
    public var command: String
    /// What it says.
    public var kind: Kind
    /// The command and its argument.
    public var range: SourceRange

    /// Makes a tag.
    public init(command: String, kind: Kind, range: SourceRange) {
        self.command = command
        self.kind = kind
        self.range = range
    }
}

/// A line break outside an environment.
public struct LineBreak: Hashable, Sendable {
    /// `\` (for `\\`) or `newline`.
    public var command: String
    /// The command and its optional `[length]`.
    public var range: SourceRange

    /// Makes a line break.
    public init(command: String, range: SourceRange) {
        self.command = command
        self.range = range
    }
}

/// Source that could not be read.
public struct ErrorNode: Hashable, Sendable {
    /// What is shown inside `<merror>`: the unknown command (`\foo`) or the offending source.
    public var text: String
    /// Why (the same message as the diagnostic).
    public var message: String
    /// The source that could not be read.
    public var range: SourceRange

    /// Makes an error node.
    public init(text: String, message: String, range: SourceRange) {
        self.text = text
        self.message = message
        self.range = range
    }
}
