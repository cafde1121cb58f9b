import Calculus
import TeX
import Testing

/// The reader against SymPy's LaTeX parser tests (issue 4): every `equals` row the reader
/// accepts must evaluate, at random points, to the value of SymPy's expected expression; the
/// rows SymPy must reject are rejected (prose) or reported (a TeX diagnostic).
@Suite struct SymPyCorpusTests {
    /// The scope the formulas are read in: every single Latin letter is a name the note binds.
    /// SymPy reads every letter as its own symbol (`xy` is `x*y`); in the note language that is
    /// the reading of a run of letters that are all names in scope (docs/note-language.md §3). With
    /// an empty scope `xy` is one identifier, a reading SymPy never makes.
    static let scope = ReadingScope(names: Set((UInt8(ascii: "a")...UInt8(ascii: "z")).map { String(UnicodeScalar($0)) }
        + (UInt8(ascii: "A")...UInt8(ascii: "Z")).map { String(UnicodeScalar($0)) }))

    /// Random points per row.
    static let pointsPerRow = 6

    /// Disagreements that are conventions of the note language, not reader bugs (LaTeX → why).
    /// A listed formula that stops disagreeing fails the test, so the list stays true.
    static let knownDifferences: [String: String] = [
        #"a_{n+k}"#: "the same one name, spelled as written (a_{n+k}) here and with sorted terms (a_{k+n}) by SymPy (issue 16)",
    ]

    /// Strings SymPy must reject that the reader accepts, with why that is right here.
    static let knownAcceptedMustFail: [String: String] = [
        #"\mathit{x + y}"#: "a font only styles: the body is the expression x + y (SymPy wants a name inside \\mathit)",
        #"\mathit{21}"#: "a font only styles: the body is the number 21 (SymPy wants a name inside \\mathit)",
    ]

    /// Ratchets: raise them when the reader reads more; never lower them to pass.
    static let minimumAccepted = 321
    static let minimumAgreed = 312
    static let minimumMustFailRejected = 46

    @Test func acceptedRowsEvaluateLikeSymPy() throws {
        let rows = SymPyCorpus.rows()
        try #require(!rows.isEmpty, "no rows read from \(SymPyCorpus.path)")
        let tally = Self.tally(rows, scope: Self.scope)
        let emptyScope = Self.tally(rows, scope: ReadingScope())
        print("SymPy corpus \(SymPyCorpus.path): \(rows.count) rows (\(rows.filter { $0.status == "xfail" }.count) xfail, not compared)")
        tally.print()
        print("""
            With an empty scope instead: accepted \(emptyScope.accepted), agreed \(emptyScope.agreed), \
            disagreed \(emptyScope.disagreed.count) (a run of letters such as xy is then one name, docs/note-language.md §3)
            """)

        for (row, difference) in tally.disagreed where Self.knownDifferences[row.latex] == nil {
            Issue.record("the reader disagrees with SymPy on \(row): \(difference)")
        }
        let disagreeing = Set(tally.disagreed.map(\.0.latex))
        for latex in Self.knownDifferences.keys.sorted() where !disagreeing.contains(latex) {
            Issue.record("the known difference \(latex) no longer disagrees: remove it from the list")
        }
        for (row, kinds) in tally.errorAccepted where Self.knownAcceptedMustFail[row.latex] == nil {
            Issue.record("the reader accepts \(row), which SymPy must reject (read as \(kinds))")
        }
        let accepted = Set(tally.errorAccepted.map(\.0.latex))
        for latex in Self.knownAcceptedMustFail.keys.sorted() where !accepted.contains(latex) {
            Issue.record("the must-fail string \(latex) is now rejected: remove it from the list")
        }
        #expect(tally.accepted >= Self.minimumAccepted)
        #expect(tally.agreed >= Self.minimumAgreed)
        #expect(tally.errorRejected.count >= Self.minimumMustFailRejected)
    }

    /// The test's own `srepr` parser reads every expected expression of the corpus, so no row is
    /// skipped for a parser gap; what Calculus cannot evaluate is counted by construct.
    @Test func everyExpectedExpressionParses() throws {
        let rows = SymPyCorpus.rows().filter { $0.kind == "equals" }
        try #require(!rows.isEmpty, "no rows read from \(SymPyCorpus.path)")
        var evaluable = 0
        var constructs: [String: Int] = [:]
        for row in rows {
            do {
                _ = try SymPyExpected(try SymPyTerm.parse(row.expectedSrepr))
                evaluable += 1
            } catch let error as SymPyNotEvaluable {
                constructs[error.construct, default: 0] += 1
            } catch {
                Issue.record("the test cannot parse SymPy's srepr of \(row): \(error)")
            }
        }
        let counts = constructs.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \($0.value)" }
        print("SymPy expected expressions: \(rows.count) parsed, \(evaluable) evaluable by Calculus; not evaluable: "
              + counts.joined(separator: ", "))
        #expect(evaluable > rows.count / 2)
    }

    @Test func sreprParserReadsNestedCallsStringsAndKeywords() throws {
        let term = try SymPyTerm.parse(#"Mul(Float('-1.5', precision=53), Symbol("a'"), Function('f')(Symbol('x_{1}')))"#)
        let expected: SymPyTerm = .call(.name("Mul"), [
            .call(.name("Float"), [.string("-1.5"), .keyword("precision", .number("53"))]),
            .call(.name("Symbol"), [.string("a'")]),
            .call(.call(.name("Function"), [.string("f")]), [.call(.name("Symbol"), [.string("x_{1}")])]),
        ])
        #expect(term == expected)
        #expect(throws: SymPyParseError.self) { try SymPyTerm.parse("Add(Symbol('x'),") }
        #expect(SymPyNames.readerName(of: "alpha_{beta}''") == "α_β''")
        #expect(SymPyNames.readerName(of: "h_{theta}") == "h_θ")
        #expect(SymPyNames.readerName(of: "test") == "test")
    }

    /// Reads every row with `scope` and compares with SymPy.
    static func tally(_ rows: [SymPyRow], scope: ReadingScope) -> SymPyTally {
        var tally = SymPyTally()
        for row in rows where row.kind == "equals" && row.status == "pass" {
            tally.equalsRows += 1
            let verdict = SymPyReaderVerdict(latex: row.latex, scope: scope)
            guard case .accepted(let sides, let relations) = verdict else {
                if case .rejected(let reason) = verdict { tally.rejected.append((row, reason)) }
                continue
            }
            tally.accepted += 1
            let term: SymPyTerm
            do {
                term = try SymPyTerm.parse(row.expectedSrepr)
            } catch {
                Issue.record("the test cannot parse SymPy's srepr of \(row): \(error)")
                continue
            }
            let expected: SymPyExpected
            do {
                expected = try SymPyExpected(term)
            } catch {
                tally.skipped.append((row, "\(error)", describe(sides, relations)))
                continue
            }
            if let difference = difference(reader: sides, relations, sympy: expected, seed: UInt64(row.line)) {
                tally.disagreed.append((row, difference))
            } else {
                tally.agreed += 1
            }
        }
        for row in rows where row.kind == "error" {
            tally.errorRows += 1
            let reading = FormulaReader.read(row.latex, scope: scope)
            if let prose = reading.statements.first(where: { $0.kind == .prose }) {
                tally.errorRejected.append((row, prose.reason ?? "prose"))
            } else if let diagnostic = reading.diagnostics.first {
                tally.errorRejected.append((row, "TeX diagnostic: \(diagnostic.message)"))
            } else if reading.statements.isEmpty {
                tally.errorRejected.append((row, "no statement"))
            } else {
                tally.errorAccepted.append((row, reading.statements.map(\.kind.rawValue).joined(separator: ", ")))
            }
        }
        return tally
    }

    /// Why the reader's sides differ from SymPy's at some point, or `nil` when they agree at
    /// every point.
    static func difference(reader: [Expression], _ relations: [Relation], sympy: SymPyExpected, seed: UInt64) -> String? {
        guard relations == sympy.relations, reader.count == sympy.sides.count else {
            return "relations differ: reader \(describe(reader, relations)), SymPy \(describe(sympy.sides, sympy.relations))"
        }
        var names: [String] = []
        for side in reader + sympy.sides {
            for name in side.symbols where Constants.value(of: name) == nil && !names.contains(name) {
                names.append(name)
            }
        }
        var sampler = SymPySampler(seed: 0x5359_4D50_5900_0000 ^ seed)
        for _ in 0..<pointsPerRow {
            var values: [String: Double] = [:]
            for name in names { values[name] = sampler.value() }
            let context = Context(values: values)
            for (readerSide, sympySide) in zip(reader, sympy.sides) {
                let mine = context.evaluate(readerSide)
                let theirs = context.evaluate(sympySide)
                guard let theirValue = theirs.value else {
                    return "SymPy's \(sympySide) cannot be evaluated (\(theirs)): a test parser problem"
                }
                guard let myValue = mine.value else {
                    return "the reading \(readerSide) cannot be evaluated (\(mine))"
                }
                if !sympyValuesAgree(myValue, theirValue) {
                    let point = names.map { "\($0)=\(values[$0] ?? .nan)" }.joined(separator: ", ")
                    return "reader \(readerSide) = \(myValue), SymPy \(sympySide) = \(theirValue) at \(point)"
                }
            }
        }
        return nil
    }

    /// `a = b < c`: the sides with the relations between them.
    static func describe(_ sides: [Expression], _ relations: [Relation]) -> String {
        var text = sides.first?.description ?? ""
        for (relation, side) in zip(relations, sides.dropFirst()) { text += " \(relation.rawValue) \(side)" }
        return text
    }
}

/// The counts and lists the test prints.
struct SymPyTally {
    var equalsRows = 0
    var accepted = 0
    var agreed = 0
    var disagreed: [(SymPyRow, String)] = []
    var skipped: [(SymPyRow, String, String)] = []
    var rejected: [(SymPyRow, String)] = []
    var errorRows = 0
    var errorRejected: [(SymPyRow, String)] = []
    var errorAccepted: [(SymPyRow, String)] = []

    func print() {
        let mustFailRows = errorRejected.count + errorAccepted.count
        let mustFail = errorRejected.filter { $0.0.status == "pass" }.count
        let mustFailTotal = mustFail + errorAccepted.filter { $0.0.status == "pass" }.count
        let strictOnly = errorRejected.count - mustFail
        let knownCount = disagreed.filter { SymPyCorpusTests.knownDifferences[$0.0.latex] != nil }.count
        Swift.print("""
            SymPy corpus: \(equalsRows) rows kind=equals status=pass, \(errorRows) rows kind=error
              accepted by the reader: \(accepted)
                agreed with SymPy: \(agreed)
                disagreed: \(disagreed.count) (known differences: \(knownCount))
                skipped, SymPy's expected expression not evaluable: \(skipped.count)
              rejected by the reader (prose, a declaration, or several statements): \(rejected.count)
              strings SymPy must reject: \(errorRejected.count) of \(mustFailRows) rejected or reported \
            (\(mustFail) of \(mustFailTotal) must-fail, \(strictOnly) of \(mustFailRows - mustFailTotal) strict-only); \
            accepted: \(errorAccepted.count)
            """)
        Swift.print("Disagreements:")
        for (row, difference) in disagreed {
            let known = SymPyCorpusTests.knownDifferences[row.latex].map { " [known: \($0)]" } ?? ""
            Swift.print("  \(row)\n    \(difference)\(known)")
        }
        Swift.print("Accepted, but SymPy's expected expression is not evaluable:")
        for (row, construct, reading) in skipped { Swift.print("  \(row)\n    read as \(reading); SymPy has \(construct)") }
        Swift.print("Rejected by the reader, by reason:")
        Self.printGrouped(rejected)
        Swift.print("Strings SymPy must reject that the reader accepts:")
        for (row, kinds) in errorAccepted {
            let known = SymPyCorpusTests.knownAcceptedMustFail[row.latex].map { " [known: \($0)]" } ?? ""
            Swift.print("  \(row) (read as \(kinds))\(known)")
        }
        Swift.print("Strings SymPy must reject, rejected or reported, by reason:")
        Self.printGrouped(errorRejected)
    }

    /// One line per reason: how many rows, and the distinct formulas.
    private static func printGrouped(_ rows: [(SymPyRow, String)]) {
        var order: [String] = []
        var formulas: [String: [String]] = [:]
        var counts: [String: Int] = [:]
        for (row, reason) in rows {
            if counts[reason] == nil { order.append(reason) }
            counts[reason, default: 0] += 1
            if !(formulas[reason] ?? []).contains(row.latex) { formulas[reason, default: []].append(row.latex) }
        }
        for reason in order.sorted(by: { (counts[$0] ?? 0, $1) > (counts[$1] ?? 0, $0) }) {
            let shown = (formulas[reason] ?? []).prefix(4).joined(separator: "   ")
            let more = (formulas[reason]?.count ?? 0) > 4 ? "   ..." : ""
            Swift.print("  \(counts[reason] ?? 0) × \(reason): \(shown)\(more)")
        }
    }
}
