import Calculus
import Document
import TeX

/// A data set written as a GFM table (docs/note-language.md §13): every header cell is one
/// formula that is a name (`| $x_1$ | $x_2$ | $y$ |`), every other cell a number. A sum
/// `\sum_{i=1}^{N} E` in the note is E summed over the rows, each row giving the columns its
/// values; `N` is the number of rows.
struct DataTable {
    /// The columns' names, as the note writes them.
    var columns: [String]
    /// The rows' numbers, one per column (rows with a bad cell are left out).
    var rows: [[Double]]
    /// Where the header row is.
    var headerLine: Int

    /// The first data table of `document` (only tables at the top level of the note are
    /// read), and a diagnostic at each bad cell: text that is not a number, a row with more or
    /// fewer cells than the header.
    static func read(_ document: Document, diagnostics: inout [Diagnostic]) -> DataTable? {
        for block in document.blocks {
            guard case .table(let table) = block, isData(table), let header = table.rows.first,
                let columns = columnNames(header)
            else { continue }
            let body = table.rows.dropFirst()
            let headerLine = table.line
            var rows: [[Double]] = []
            for offset in body.indices.map({ $0 - 1 }) {
                let line = headerLine + 2 + offset
                guard line - 1 < document.lines.count else { break }
                let cells = Self.cells(of: document.lines[line - 1])
                if cells.count != columns.count {
                    let column = cells.first?.column ?? 1
                    diagnostics.append(Diagnostic(
                        .error, "this row of the data table has \(cells.count) \(cells.count == 1 ? "cell" : "cells"), the header \(columns.count)",
                        at: SourcePosition(line: line, column: column), length: 1,
                        hint: "give every row one number per column: \(columns.joined(separator: ", "))"))
                    continue
                }
                var numbers: [Double] = []
                for (index, cell) in cells.enumerated() {
                    if let value = Self.number(cell.text) {
                        numbers.append(value)
                    } else {
                        diagnostics.append(Diagnostic(
                            .error, "'\(cell.text)' in column \(columns[index]) of the data table is not a number",
                            at: SourcePosition(line: line, column: cell.column), length: max(1, cell.text.count)))
                    }
                }
                if numbers.count == columns.count { rows.append(numbers) }
            }
            return DataTable(columns: columns, rows: rows, headerLine: headerLine)
        }
        return nil
    }

    /// Whether `document` has a table that `read` takes as data (asked before the formulas are
    /// read, so that `\sum_{i=1}^{N}` is read as a sum over its rows).
    static func isPresent(in document: Document) -> Bool {
        document.blocks.contains { block in
            guard case .table(let table) = block else { return false }
            return isData(table)
        }
    }

    /// Whether `table` is data: a header of names, and no formula in the other cells (a table
    /// of formulas is a table).
    private static func isData(_ table: Table) -> Bool {
        guard let header = table.rows.first, columnNames(header) != nil else { return false }
        return !table.rows.dropFirst().contains { row in
            row.cells.contains { cell in cell.contains { if case .math = $0 { true } else { false } } }
        }
    }

    /// The header's names when every cell is one formula that is one name.
    private static func columnNames(_ header: TableRow) -> [String]? {
        var names: [String] = []
        for cell in header.cells {
            var math: Math?
            for inline in cell {
                switch inline {
                case .math(let found) where math == nil: math = found
                case .text(let text) where text.allSatisfy(\.isWhitespace): break
                default: return nil
                }
            }
            guard let math, !math.tex.contains("="),
                let head = FormulaReader.heads(in: math.tex + " = 0").first?.head, !head.isFunction
            else { return nil }
            names.append(head.name)
        }
        return names.isEmpty ? nil : names
    }

    /// The first table at the top level of `document` that reads as data but for its header,
    /// whose cells are text that reads as names (`| x | y |`, every other cell a number): the
    /// header's line and the names, for a hint where a sum over rows is not evaluated (a note
    /// with such a table most likely means it as its data).
    static func textHeaded(in document: Document) -> (line: Int, columns: [String])? {
        for block in document.blocks {
            guard case .table(let table) = block, table.rows.count > 1, let header = table.rows.first else { continue }
            var columns: [String] = []
            for cell in header.cells {
                guard let text = plainText(cell),
                    let head = FormulaReader.heads(in: text + " = 0").first?.head, !head.isFunction
                else { break }
                columns.append(text)
            }
            guard !columns.isEmpty, columns.count == header.cells.count else { continue }
            let numbers = table.rows.dropFirst().allSatisfy { row in
                row.cells.allSatisfy { cell in plainText(cell).flatMap(number) != nil }
            }
            if numbers { return (table.line, columns) }
        }
        return nil
    }

    /// A cell's text, trimmed, when it is only text and not empty.
    private static func plainText(_ cell: [Inline]) -> String? {
        var text = ""
        for inline in cell {
            guard case .text(let piece) = inline else { return nil }
            text += piece
        }
        let trimmed = PlainText.trimmed(text)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The cells of a table row's source line: their text, trimmed, and the 1-based column
    /// (in characters) where it starts.
    static func cells(of line: Substring) -> [(text: String, column: Int)] {
        let characters = Array(line)
        var start = 0
        while start < characters.count, characters[start] == " " { start += 1 }
        if start < characters.count, characters[start] == "|" { start += 1 }
        var end = characters.count
        while end > start, characters[end - 1].isWhitespace { end -= 1 }
        if end > start, characters[end - 1] == "|", !(end - 2 >= 0 && characters[end - 2] == "\\") { end -= 1 }
        var cells: [(String, Int)] = []
        var cellStart = start
        var index = start
        func flush(_ stop: Int) {
            var first = cellStart
            while first < stop, characters[first].isWhitespace { first += 1 }
            var last = stop
            while last > first, characters[last - 1].isWhitespace { last -= 1 }
            cells.append((String(characters[first..<last]), first + 1))
        }
        while index < end {
            if characters[index] == "\\" {
                index += 2
                continue
            }
            if characters[index] == "|" {
                flush(index)
                cellStart = index + 1
            }
            index += 1
        }
        flush(min(index, end))
        return cells
    }

    // MARK: - Sums over the rows

    /// `context` with every `sum_rows(E)` in its definitions replaced by E written once per
    /// row: a column's name becomes the row's number, and each definition that depends on a
    /// column gets a copy per row (`a_1@row2`), so that what is shared stays shared.
    /// When `countsRows`, the name `N` in a body with such a sum is the number of rows (the
    /// note does not bind N), so that N is no input of the loss.
    func expandingRowSums(in context: inout Context, columnKeys: [String: Int], countsRows: Bool) {
        var copier = RowCopier(table: self, columnKeys: columnKeys, context: context)
        for (name, body) in context.definitions where Self.hasRowSum(body) {
            let expanded = copier.expandSums(body)
            context.definitions[name] = countsRows ? ((try? expanded.substituting(["N": .number(Double(rows.count))])) ?? expanded) : expanded
        }
        for (name, body) in copier.copies { context.definitions[name] = body }
    }

    /// `expression` with its row sums expanded, and the copies it needs added to `context`.
    func expandingRowSums(_ expression: Calculus.Expression, in context: inout Context, columnKeys: [String: Int],
                          countsRows: Bool) -> Calculus.Expression
    {
        guard Self.hasRowSum(expression) else { return expression }
        var copier = RowCopier(table: self, columnKeys: columnKeys, context: context)
        var result = copier.expandSums(expression)
        if countsRows { result = (try? result.substituting(["N": .number(Double(rows.count))])) ?? result }
        for (name, body) in copier.copies where context.definitions[name] == nil { context.definitions[name] = body }
        return result
    }

    /// The key of `name`'s copy for a row, when `name` is a defined name with the row's number
    /// as its last subscript and the note does not define it (`a_2` → `a@row2`), as the names
    /// after a run use it (`a_2^{(T)}`, §13).
    static func rowCopyKey(of name: String, in context: Context) -> String? {
        guard context.definitions[name] == nil, let underscore = name.lastIndex(of: "_"),
            let row = Int(name[name.index(after: underscore)...]), row >= 1
        else { return nil }
        let key = "\(name[..<underscore])@row\(row)"
        return context.definitions[key] != nil ? key : nil
    }

    static func hasRowSum(_ expression: Calculus.Expression) -> Bool {
        var found = false
        expression.visitAll { node in
            if case .apply(let name, _) = node, name == FormulaReader.rowSum { found = true }
        }
        return found
    }
}

/// Writes an expression once per row of a data table.
private struct RowCopier {
    let table: DataTable
    let columnKeys: [String: Int]
    let context: Context
    /// Copies made: `a_1@row2` → its body for row 2.
    var copies: [String: Calculus.Expression] = [:]
    /// Whether a defined name depends on a column, by name.
    private var dependsOnData: [String: Bool] = [:]

    init(table: DataTable, columnKeys: [String: Int], context: Context) {
        self.table = table
        self.columnKeys = columnKeys
        self.context = context
    }

    mutating func expandSums(_ expression: Calculus.Expression) -> Calculus.Expression {
        switch expression {
        case .apply(let name, let arguments) where name == FormulaReader.rowSum && arguments.count == 1:
            let body = arguments[0]
            if table.rows.isEmpty { return .number(0) }
            return .sum(table.rows.indices.map { copy(body, row: $0) })
        default:
            return expression.mapChildren { expandSums($0) }
        }
    }

    /// `expression` for row `row`: columns by their numbers, dependent names by their copies.
    mutating func copy(_ expression: Calculus.Expression, row: Int) -> Calculus.Expression {
        switch expression {
        case .symbol(let name):
            if let column = columnKeys[name] { return .number(table.rows[row][column]) }
            guard depends(name), let body = context.definitions[name] else { return expression }
            let copyName = "\(name)@row\(row + 1)"
            if copies[copyName] == nil {
                copies[copyName] = .number(0)  // a cycle stops here; the body replaces it below
                copies[copyName] = copy(body, row: row)
            }
            return .symbol(copyName)
        default:
            return expression.mapChildren { copy($0, row: row) }
        }
    }

    /// Whether the definition of `name` reaches a column.
    private mutating func depends(_ name: String) -> Bool {
        if let known = dependsOnData[name] { return known }
        dependsOnData[name] = false
        guard let body = context.definitions[name] else { return false }
        var result = false
        for symbol in body.symbols where columnKeys[symbol] != nil || depends(symbol) {
            result = true
            break
        }
        dependsOnData[name] = result
        return result
    }
}

extension DataTable {
    /// A cell's number: digits with at most one point, an optional sign (`-` or `−`) and an
    /// optional exponent (`1e-3`); nothing else (`nan`, `inf`, `0x10`, `1,5` are text).
    static func number(_ text: String) -> Double? {
        let plain = text.replacingOccurrences(of: "\u{2212}", with: "-")
        guard !plain.isEmpty,
            plain.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
            plain.contains(where: \.isNumber), let value = Double(plain), value.isFinite
        else { return nil }
        return value
    }
}

extension Calculus.Expression {
    /// The same node with each child replaced by `transform` of it.
    func mapChildren(_ transform: (Calculus.Expression) -> Calculus.Expression) -> Calculus.Expression {
        children.isEmpty ? self : replacingChildren(children.map(transform))
    }
}
