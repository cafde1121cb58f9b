// Environments: \begin{matrix|pmatrix|bmatrix|Bmatrix|vmatrix|Vmatrix|smallmatrix},
// cases, array, aligned/align/alignat/split/eqnarray/flalign, gather/gathered, multline,
// equation; and plain TeX's \matrix{...} \pmatrix{...} \cases{...} \array{...} \eqalign{...}
// \displaylines{...} and amsmath's \substack{...}.

/// How an environment lays out its cells.
struct EnvironmentInfo {
    enum Layout {
        /// Centered columns, text style (matrices).
        case matrix
        /// Left-aligned columns with a brace (cases).
        case cases
        /// Alternating right/left columns in display style (align, aligned, split).
        case align
        /// Centered rows in display style (gather, gathered, multline).
        case gather
        /// Columns as the column specification says (array).
        case array
        /// No rows: one formula (equation, displaymath).
        case equation
    }

    let layout: Layout
    var left: String?
    var right: String?
    var readsColumnSpec = false
    var readsCount = false
    var readsPosition = false
    var small = false
    var display = false
    var columns: String?

    static let table: [String: EnvironmentInfo] = {
        var table: [String: EnvironmentInfo] = [
            "matrix": EnvironmentInfo(layout: .matrix),
            "pmatrix": EnvironmentInfo(layout: .matrix, left: "(", right: ")"),
            "bmatrix": EnvironmentInfo(layout: .matrix, left: "[", right: "]"),
            "Bmatrix": EnvironmentInfo(layout: .matrix, left: "{", right: "}"),
            "vmatrix": EnvironmentInfo(layout: .matrix, left: "|", right: "|"),
            "Vmatrix": EnvironmentInfo(layout: .matrix, left: "\u{2016}", right: "\u{2016}"),
            "smallmatrix": EnvironmentInfo(layout: .matrix, small: true),
            "cases": EnvironmentInfo(layout: .cases, left: "{"),
            "dcases": EnvironmentInfo(layout: .cases, left: "{", display: true),
            "rcases": EnvironmentInfo(layout: .cases, right: "}"),
            "array": EnvironmentInfo(layout: .array, readsColumnSpec: true),
            "darray": EnvironmentInfo(layout: .array, readsColumnSpec: true, display: true),
            "subarray": EnvironmentInfo(layout: .array, readsColumnSpec: true, small: true),
            "aligned": EnvironmentInfo(layout: .align, readsPosition: true, display: true),
            "align": EnvironmentInfo(layout: .align, display: true),
            "align*": EnvironmentInfo(layout: .align, display: true),
            "alignat": EnvironmentInfo(layout: .align, readsCount: true, display: true),
            "alignat*": EnvironmentInfo(layout: .align, readsCount: true, display: true),
            "alignedat": EnvironmentInfo(layout: .align, readsCount: true, readsPosition: true, display: true),
            "xalignat": EnvironmentInfo(layout: .align, readsCount: true, display: true),
            "xalignat*": EnvironmentInfo(layout: .align, readsCount: true, display: true),
            "xxalignat": EnvironmentInfo(layout: .align, readsCount: true, display: true),
            "split": EnvironmentInfo(layout: .align, display: true),
            "flalign": EnvironmentInfo(layout: .align, display: true),
            "flalign*": EnvironmentInfo(layout: .align, display: true),
            "eqnarray": EnvironmentInfo(layout: .array, display: true, columns: "rcl"),
            "eqnarray*": EnvironmentInfo(layout: .array, display: true, columns: "rcl"),
            "gather": EnvironmentInfo(layout: .gather, display: true),
            "gather*": EnvironmentInfo(layout: .gather, display: true),
            "gathered": EnvironmentInfo(layout: .gather, readsPosition: true, display: true),
            "multline": EnvironmentInfo(layout: .gather, display: true),
            "multline*": EnvironmentInfo(layout: .gather, display: true),
            "equation": EnvironmentInfo(layout: .equation),
            "equation*": EnvironmentInfo(layout: .equation),
            "displaymath": EnvironmentInfo(layout: .equation),
            "math": EnvironmentInfo(layout: .equation),
            // Plain TeX and amsmath commands with a braced body.
            "\\matrix": EnvironmentInfo(layout: .matrix),
            "\\pmatrix": EnvironmentInfo(layout: .matrix, left: "(", right: ")"),
            "\\cases": EnvironmentInfo(layout: .cases, left: "{"),
            "\\array": EnvironmentInfo(layout: .matrix),
            "\\eqalign": EnvironmentInfo(layout: .align, display: true),
            "\\eqalignno": EnvironmentInfo(layout: .align, display: true),
            "\\leqalignno": EnvironmentInfo(layout: .align, display: true),
            "\\displaylines": EnvironmentInfo(layout: .gather, display: true),
            "\\substack": EnvironmentInfo(layout: .array, small: true, columns: "c"),
        ]
        for name in ["matrix", "pmatrix", "bmatrix", "Bmatrix", "vmatrix", "Vmatrix", "smallmatrix"] {
            var starred = table[name]
            starred?.readsPosition = true
            table[name + "*"] = starred
        }
        return table
    }()
}

extension CommandFamily {
    /// `\begin{name} ... \end{name}`.
    static let environments = CommandFamily(names: ["begin"]) { parser, invocation in
        parser.parseEnvironment(invocation)
    }

    /// `\matrix{...}`, `\pmatrix{...}`, `\cases{...}`, `\substack{...}` and friends.
    static let plainEnvironments = CommandFamily(
        names: ["matrix", "pmatrix", "cases", "array", "eqalign", "eqalignno", "leqalignno", "displaylines", "substack"]
    ) { parser, invocation in
        let name = "\\" + invocation.name
        parser.skipSpaces()
        guard let open = parser.peek, open.kind == .open else {
            return parser.errorNode(name, "\(name) needs its rows in braces", invocation.range)
        }
        parser.advance()
        let (rows, lineBelow) = parser.parseRows(environment: name, plain: true, open: open.range)
        return .environment(Environment(name: name, columnSpec: nil, rows: rows, lineBelow: lineBelow,
                                        range: invocation.range.lowerBound..<parser.previousEnd))
    }
}

extension Parser {
    mutating func parseEnvironment(_ invocation: Invocation) -> Node {
        let nameArgument = parseRawArgument(for: "\\begin", at: invocation.range)
        let name = nameArgument.text
        guard let info = EnvironmentInfo.table[name] else {
            let range = invocation.range.lowerBound..<nameArgument.range.upperBound
            let error = errorNode("\\begin{\(name)}", "unknown environment \(name)", range)
            let (rows, lineBelow) = parseRows(environment: name, plain: false, open: invocation.range)
            let environment = Node.environment(Environment(name: "matrix", rows: rows, lineBelow: lineBelow,
                                                           range: invocation.range.lowerBound..<previousEnd))
            return .group(Group(children: [error, environment], braced: false, range: invocation.range.lowerBound..<previousEnd))
        }
        var columnSpec: String?
        if info.readsColumnSpec {
            _ = parseOptionalRaw()
            columnSpec = parseRawArgument(for: "\\begin{\(name)}", at: invocation.range).text
        }
        if info.readsCount {
            columnSpec = parseRawArgument(for: "\\begin{\(name)}", at: invocation.range).text
        }
        if info.readsPosition {
            _ = parseOptionalRaw()
        }
        let (rows, lineBelow) = parseRows(environment: name, plain: false, open: invocation.range)
        return .environment(Environment(name: name, columnSpec: columnSpec, rows: rows, lineBelow: lineBelow,
                                        range: invocation.range.lowerBound..<previousEnd))
    }

    /// Reads cells and rows up to `\end{environment}` (or `}` for the plain forms).
    mutating func parseRows(environment: String, plain: Bool, open: SourceRange) -> ([Environment.Row], String?) {
        openEnvironments += 1
        defer { openEnvironments -= 1 }
        var rows: [Environment.Row] = []
        var cells: [Environment.Cell] = []
        var lineAbove: String?
        var rowStart = offset
        let stops: Stops = plain ? [.cell, .close, .end] : [.cell, .end]
        func endRow(_ parser: inout Parser, _ rows: inout [Environment.Row], _ cells: inout [Environment.Cell],
                    _ lineAbove: inout String?, _ rowStart: inout Int)
        {
            rows.append(Environment.Row(cells: cells, lineAbove: lineAbove, range: rowStart..<max(rowStart, parser.previousEnd)))
            cells = []
            lineAbove = nil
        }
        while !aborted {
            skipSpaces()
            if cells.isEmpty {
                while let token = peek, isCommand(token, "hline") || isCommand(token, "hdashline") {
                    lineAbove = isCommand(token, "hline") ? "solid" : "dashed"
                    advance()
                    skipSpaces()
                }
            }
            let cellStart = offset
            guard let children = nested({ $0.parseList(stops) }) else { break }
            let cell = Environment.Cell(children: children,
                                        range: cellStart..<max(cellStart, children.last?.range.upperBound ?? cellStart))
            guard let token = peek else {
                cells.append(cell)
                endRow(&self, &rows, &cells, &lineAbove, &rowStart)
                if !aborted {
                    if plain {
                        unbalanced("unbalanced brace: { is not closed; closed at the end of the formula", open)
                    } else {
                        warn("\\begin{\(environment)} without \\end{\(environment)}", open)
                    }
                }
                break
            }
            if isCharacter(token, "&") {
                advance()
                cells.append(cell)
                continue
            }
            if isCommand(token, "\\") || isCommand(token, "cr") {
                advance()
                if let star = peek, isCharacter(star, "*") { advance() }
                _ = parseOptionalRaw()
                cells.append(cell)
                endRow(&self, &rows, &cells, &lineAbove, &rowStart)
                rowStart = offset
                continue
            }
            cells.append(cell)
            endRow(&self, &rows, &cells, &lineAbove, &rowStart)
            advance()
            if isCommand(token, "end") {
                let name = parseRawArgument(for: "\\end", at: token.range)
                if plain {
                    warn("\\end{\(name.text)} inside \(environment){...}", token.range.lowerBound..<previousEnd)
                } else if name.text != environment {
                    warn("\\begin{\(environment)} ended by \\end{\(name.text)}", token.range.lowerBound..<previousEnd)
                }
            }
            break
        }
        // A trailing `\\` (or `\\ \hline`) leaves an empty last row: drop it.
        var lineBelow: String?
        if rows.count > 1, let last = rows.last, last.cells.count == 1, last.cells[0].children.isEmpty {
            lineBelow = last.lineAbove
            rows.removeLast()
        } else if rows.count == 1, let only = rows.first, only.cells.count == 1, only.cells[0].children.isEmpty,
                  only.lineAbove != nil
        {
            lineBelow = only.lineAbove
            rows[0].lineAbove = nil
        }
        return (rows, lineBelow)
    }
}

/// An `array` column specification such as `{r|c:l}` or `{*{3}{c}|p{2cm}}`.
struct ColumnSpec {
    /// `left`, `center` or `right` per column.
    var alignments: [String] = []
    /// The rule after each column: `solid`, `dashed` or `none`.
    var linesAfter: [String] = []
    /// The rule before the first column.
    var lineBefore = "none"
    /// The most characters a column spec may have once its `*{n}{…}` repeats are expanded.
    static let maximumLength = 4_096

    init(_ spec: String) {
        var scalars = Array(spec.unicodeScalars)
        var index = 0
        var expansions = 0
        func braced(_ scalars: [Unicode.Scalar], _ index: inout Int) -> String {
            while index < scalars.count, scalars[index] == " " { index += 1 }
            guard index < scalars.count else { return "" }
            guard scalars[index] == "{" else {
                index += 1
                return String(scalars[index - 1])
            }
            var depth = 0
            var content = String.UnicodeScalarView()
            while index < scalars.count {
                let scalar = scalars[index]
                index += 1
                if scalar == "{" {
                    depth += 1
                    if depth == 1 { continue }
                }
                if scalar == "}" {
                    depth -= 1
                    if depth == 0 { break }
                }
                content.append(scalar)
            }
            return String(content)
        }
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            switch scalar {
            case "l", "c", "r":
                alignments.append(scalar == "l" ? "left" : scalar == "r" ? "right" : "center")
                linesAfter.append("none")
            case "p", "m", "b", "X":
                _ = braced(scalars, &index)
                alignments.append("left")
                linesAfter.append("none")
            case "w", "W":
                let align = braced(scalars, &index)
                _ = braced(scalars, &index)
                alignments.append(align == "r" ? "right" : align == "c" ? "center" : "left")
                linesAfter.append("none")
            case "|", ":":
                let line = scalar == "|" ? "solid" : "dashed"
                if alignments.isEmpty { lineBefore = line } else { linesAfter[linesAfter.count - 1] = line }
            case "@", "!", ">", "<":
                _ = braced(scalars, &index)
            case "*":
                let count = Int(braced(scalars, &index).trimmingSpaces) ?? 0
                let body = braced(scalars, &index)
                expansions += 1
                // Nested repeats copy what earlier ones expanded (`*{50}{*{50}{…}}` grows as
                // 50^k): the whole spec is kept under `maximumLength` scalars.
                let bodyLength = body.unicodeScalars.count
                if expansions < 20, count > 0, count <= 50, scalars.count + bodyLength * count <= Self.maximumLength {
                    let repeated = Array(String(repeating: body, count: count).unicodeScalars)
                    scalars.insert(contentsOf: repeated, at: index)
                }
            default:
                break
            }
        }
    }
}

extension MathMLBuilder {
    /// An `<mtable>` for the rows, with fences for matrices and cases. Column alignment and
    /// rules are given both as MathML attributes and as CSS (`style`), which is what
    /// MathML Core renderers read.
    func environment(_ environment: Environment) -> MathMLElement {
        let info = EnvironmentInfo.table[environment.name] ?? EnvironmentInfo(layout: .matrix)
        if info.layout == .equation {
            return row(environment.rows.flatMap { $0.cells.flatMap(\.children) })
        }
        let columnCount = environment.rows.map(\.cells.count).max() ?? 0
        let isMultline = environment.name.hasPrefix("multline")
        let isEqnarray = environment.name.hasPrefix("eqnarray")
        var spec: ColumnSpec?
        if let columns = info.columns ?? (info.layout == .array ? environment.columnSpec : nil) {
            spec = ColumnSpec(columns)
        }
        var alignments: [String] = []
        switch info.layout {
        case .align: alignments = (0..<columnCount).map { $0 % 2 == 0 ? "right" : "left" }
        case .cases: alignments = Array(repeating: "left", count: columnCount)
        case .array: alignments = spec?.alignments ?? []
        default: break
        }

        var table = MathMLElement("mtable")
        switch info.layout {
        case .matrix:
            table.attributes = [("columnspacing", info.small ? "0.333em" : "1em"), ("rowspacing", info.small ? ".2em" : "4pt")]
            table.set("class", "tex-matrix")
        case .cases:
            table.attributes = [("columnspacing", "1em"), ("rowspacing", ".2em"), ("columnalign", "left left")]
            table.set("class", "tex-cases")
        case .align:
            let spacings = (0..<max(columnCount - 1, 0)).map { $0 % 2 == 0 ? "0em" : "2em" }
            table.attributes = [("displaystyle", "true"), ("columnalign", alignments.joined(separator: " "))]
            if !spacings.isEmpty { table.set("columnspacing", spacings.joined(separator: " ")) }
            table.set("rowspacing", "3pt")
            table.set("class", "tex-align")
        case .gather:
            if isMultline {
                table.attributes = [("displaystyle", "true"), ("columnspacing", "100%"), ("rowspacing", ".5em"), ("width", "100%")]
                table.set("class", "tex-multline")
            } else {
                table.attributes = [("displaystyle", "true"), ("columnspacing", "1em"), ("rowspacing", "3pt")]
                table.set("class", "tex-gather")
            }
        case .array, .equation:
            if isEqnarray {
                table.attributes = [("displaystyle", "true"), ("columnalign", "right center left"),
                                    ("columnspacing", "0em 0.278em"), ("rowspacing", "3pt")]
                table.set("class", "tex-eqnarray")
            } else {
                table.attributes = [("columnspacing", info.small ? "0em" : "1em"), ("rowspacing", info.small ? "0.1em" : "4pt")]
                if (spec?.alignments.count ?? 0) > 1 || alignments.contains(where: { $0 != "center" }) {
                    table.set("columnalign", alignments.joined(separator: " "))
                }
                if let spec, spec.linesAfter.dropLast().contains(where: { $0 != "none" }) {
                    table.set("columnlines", spec.linesAfter.dropLast().joined(separator: " "))
                }
                if info.display { table.set("displaystyle", "true") }
                if !info.small { table.set("framespacing", ".5em .125em") }
                table.set("class", "tex-array")
            }
        }
        if info.display, info.layout == .cases { table.set("displaystyle", "true") }

        var cellBuilder = self
        cellBuilder.displayStyle = table.attribute("displaystyle") == "true"
        if info.small { cellBuilder.scriptLevel += 1 }

        let frameLeft = spec?.lineBefore ?? "none"
        let frameRight = spec?.linesAfter.last ?? "none"
        let frameTop = environment.rows.first?.lineAbove
        let frameBottom = environment.lineBelow
        for (rowIndex, row) in environment.rows.enumerated() {
            var tableRow = MathMLElement("mtr")
            let cellCount = max(row.cells.count, 1)
            for column in 0..<cellCount {
                let children = column < row.cells.count ? row.cells[column].children : []
                var elements = cellBuilder.build(children)
                let operatorColumn = (info.layout == .align && column % 2 == 1) || (isEqnarray && column == 1)
                if operatorColumn, let first = children.first, MathMLBuilder.startsWithOperator(first) {
                    elements.insert(MathMLElement("mi", text: ""), at: 0)
                }
                var cell = MathMLElement("mtd", children: elements)
                var styles: [String] = []
                if column < alignments.count, alignments[column] != "center", info.layout == .array {
                    styles.append("text-align:\(alignments[column])")
                }
                if isMultline, environment.rows.count > 1 {
                    if rowIndex == 0 {
                        cell.set("columnalign", "left")
                        styles.append("text-align:left")
                    } else if rowIndex == environment.rows.count - 1 {
                        cell.set("columnalign", "right")
                        styles.append("text-align:right")
                    }
                }
                if let spec, info.layout == .array, column + 1 < cellCount, column < spec.linesAfter.count,
                   spec.linesAfter[column] != "none"
                {
                    styles.append("border-right:0.06em \(spec.linesAfter[column])")
                }
                if rowIndex > 0, let line = row.lineAbove { styles.append("border-top:0.06em \(line)") }
                if !styles.isEmpty { cell.set("style", styles.joined(separator: ";")) }
                tableRow.children.append(cell)
            }
            table.children.append(tableRow)
        }
        let lines = environment.rows.dropFirst().map { $0.lineAbove ?? "none" }
        if lines.contains(where: { $0 != "none" }) { table.set("rowlines", lines.joined(separator: " ")) }

        var element = table
        var notation: [String] = []
        if frameLeft != "none" { notation.append("left") }
        if frameRight != "none" { notation.append("right") }
        if frameTop != nil { notation.append("top") }
        if frameBottom != nil { notation.append("bottom") }
        if notation.count == 4, frameLeft == "solid", frameRight == "solid", frameTop == "solid", frameBottom == "solid" {
            element.set("frame", "solid")
            element.set("style", "border:0.06em solid")
        } else if !notation.isEmpty, info.layout == .array {
            element = MathMLElement("menclose", [("notation", notation.joined(separator: " "))], children: [element])
        }
        if info.small {
            element = MathMLElement("mstyle", [("scriptlevel", String(scriptLevel + 1))], children: [element])
        }
        if info.left != nil || info.right != nil {
            var children: [MathMLElement] = []
            children.append(MathMLBuilder.environmentFence(info.left))
            children.append(element)
            children.append(MathMLBuilder.environmentFence(info.right))
            element = MathMLElement("mrow", children: children)
        }
        return element
    }

    /// A stretchy fence around a matrix or cases (an invisible one when there is none).
    private static func environmentFence(_ text: String?) -> MathMLElement {
        guard let text else {
            return MathMLElement("mo", text: "", [("fence", "true"), ("stretchy", "true"), ("symmetric", "true")])
        }
        return MathMLElement("mo", text: text)
    }

    /// Whether a cell starts with a relation or binary operator (`&= b`), which needs an
    /// empty `<mi>` before it so that MathML spaces it as infix.
    static func startsWithOperator(_ node: Node) -> Bool {
        switch node {
        case .atom(let atom): return atom.atomClass == .rel || atom.atomClass == .bin
        case .scripts(let scripts): return scripts.base.map(startsWithOperator) ?? false
        case .overUnder(let overUnder): return overUnder.atomClass == .rel
        default: return false
        }
    }
}
