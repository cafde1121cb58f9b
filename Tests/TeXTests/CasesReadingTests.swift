import Calculus
import TeX
import Testing

/// `\begin{cases}` as course notes write it: ReLU, Huber, sinc, a box, the rows' conditions
/// with their words and punctuation; and what is reported when a row cannot be read.
@Suite struct CasesReadingTests {
    /// The one expression `tex` reads as, with `x`, `r` and `δ` as names.
    static func expression(_ tex: String) -> Expression? {
        let reading = FormulaReader.read(tex, scope: ReadingScope(names: ["x", "y", "r", "δ"]))
        guard reading.statements.count == 1, reading.statements[0].kind == .expression else {
            Issue.record("\(tex) read as \(reading.statements.map(\.kind))")
            return nil
        }
        return reading.statements[0].sides.first
    }

    /// The value of `tex` at `values`.
    static func value(_ tex: String, _ values: [String: Double]) -> Double? {
        expression(tex).flatMap { Context(values: values).evaluate($0).value }
    }

    /// The reason `tex` is not evaluated, or nil when it is.
    static func reason(_ tex: String) -> String? {
        FormulaReader.read(tex, scope: ReadingScope(names: ["x", "y", "r", "δ"])).statements.first { $0.kind == .prose }?.reason
    }

    @Test func theFirstRowWhoseConditionHoldsGivesTheValue() {
        let relu = #"\begin{cases} x, & \text{if } x > 0 \\ 0, & \text{otherwise} \end{cases}"#
        #expect(Self.expression(relu)?.description == "{x if x > 0; 0 otherwise}")
        #expect(Self.value(relu, ["x": 2]) == 2)
        #expect(Self.value(relu, ["x": -2]) == 0)
        let huber = #"\begin{cases} \frac{1}{2} r^2 & |r| \le \delta \\ \delta (|r| - \frac{1}{2}\delta) & \text{otherwise.} \end{cases}"#
        #expect(Self.value(huber, ["r": 3, "δ": 1]) == 2.5)
        #expect(Self.value(huber, ["r": -0.5, "δ": 1]) == 0.125)
        // The TeXbook's example (p. 175): a semicolon ends a condition, "elsewhere." the last row.
        let texbook = #"\begin{cases} 1/3 & \text{if }0 \le x \le 1; \\ 2/3 & \text{if }3 \le x \le 4; \\ 0 & \text{elsewhere.} \end{cases}"#
        #expect([0.5, 2, 3.5].map { Self.value(texbook, ["x": $0]) } == [1.0 / 3, 0, 2.0 / 3])
    }

    @Test func conditionsChainAndJoin() {
        let box = #"\begin{cases} 1 & 0 \le x < 1 \\ 0 & \text{else} \end{cases}"#
        #expect([-0.5, 0, 0.5, 1, 2].map { Self.value(box, ["x": $0]) } == [0, 1, 1, 0, 0])
        let both = #"\begin{cases} 1 & x > 0 \text{ and } y > 0 \\ 0 & \text{otherwise} \end{cases}"#
        #expect([(1.0, 1.0), (1, -1), (-1, 1)].map { Self.value(both, ["x": $0.0, "y": $0.1]) } == [1, 0, 0])
        let comma = #"\begin{cases} 1 & x > 0, y > 0 \\ 0 & \text{otherwise} \end{cases}"#
        #expect(Self.value(comma, ["x": 1, "y": -1]) == 0)
        let either = #"\begin{cases} 1 & x > 0 \lor y > 0 \\ 0 & \text{otherwise} \end{cases}"#
        #expect([(1.0, -1.0), (-1, 1), (-1, -1)].map { Self.value(either, ["x": $0.0, "y": $0.1]) } == [1, 1, 0])
        let words = #"\begin{cases} 1 & \text{if $x = 0$ or $y = 0$} \\ 0 & \text{otherwise} \end{cases}"#
        #expect([(0.0, 3.0), (3, 0), (3, 3)].map { Self.value(words, ["x": $0.0, "y": $0.1]) } == [1, 1, 0])
    }

    @Test func withoutAnOtherwiseRowNoValueWhereNoRowHolds() {
        let sign = #"\begin{cases} 1 & x > 0 \\ -1 & x < 0 \end{cases}"#
        #expect(Self.expression(sign)?.description == "{1 if x > 0; -1 if x < 0}")
        #expect(Self.value(sign, ["x": -4]) == -1)
        #expect(Self.value(sign, ["x": 0])?.isNaN == true)
        // A last row without a condition is the otherwise row.
        #expect(Self.value(#"\begin{cases} 1 & x > 0 \\ 2 \end{cases}"#, ["x": 0]) == 2)
    }

    @Test func whatCannotBeReadIsReportedAtTheRow() {
        #expect(Self.reason(#"\begin{cases} x & x \in A \\ 0 & \text{otherwise} \end{cases}"#)?.contains("x \\in A is not evaluated") == true)
        #expect(Self.reason(#"\begin{cases} x & \text{for some } x \\ 0 & \text{otherwise} \end{cases}"#)?
            .contains("\"some\" in a condition") == true)
        #expect(Self.reason(#"\begin{cases} x & \text{otherwise} \\ 0 & x > 1 \end{cases}"#)
            == "only the last row of the cases may say otherwise")
        #expect(Self.reason(#"\begin{cases} x & x > 0 & 1 \end{cases}"#)?.contains("not 3 cells") == true)
        #expect(Self.reason(#"\begin{cases} x & x \approx 0 \end{cases}"#) == "≈ in a condition of the cases is not evaluated")
        #expect(Self.reason(#"\begin{cases} x & < 0 \end{cases}"#) == "a side of < is missing")
        #expect(Self.reason(#"\begin{cases} & x > 0 \end{cases}"#) == "this row of the cases has no value")
    }

    @Test func casesNestingPastTheLimitAreReportedNotOverflowed() {
        let rows = (0..<450).map { "\($0) & x > \($0)" }.joined(separator: #" \\ "#)
        #expect(Self.reason(#"\begin{cases} "# + rows + #" \end{cases}"#)?.hasPrefix("cases nest deeper than 400 levels") == true)
        let joined = (0..<450).map { "x > \($0)" }.joined(separator: ", ")
        #expect(Self.reason(#"\begin{cases} 1 & "# + joined + #" \\ 0 & \text{otherwise} \end{cases}"#)?
            .hasPrefix("cases nest deeper than 400 levels") == true)
        // 300 rows are read, and the last row that holds is found.
        let many = (0..<300).map { "\($0) & x < \($0)" }.joined(separator: #" \\ "#)
        #expect(Self.value(#"\begin{cases} "# + many + #" \end{cases}"#, ["x": 250.5]) == 251)
    }
}
