import Document
import Foundation
import Testing

@testable import Notebook

/// Issue 15: YAML front matter with an alias bomb ("billion laughs") is refused before anything
/// is expanded, with an error at the front matter's first line; ordinary front matter, aliases
/// included, is read as before.
@Suite struct FrontMatterLimitsTests {
    static func check(_ note: String) -> NoteResult {
        Notebook.check(MarkdownParser.parse(note), path: "note.md").result
    }

    /// The classic bomb: nine levels, each a list of nine aliases of the level before (9⁹
    /// strings, about 387 million).
    static let bomb: String = {
        var lines = ["---", "values:", "  x: 2", #"a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]"#]
        let levels = Array("abcdefghi")
        for (previous, level) in zip(levels, levels.dropFirst()) {
            lines.append("\(level): &\(level) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]")
        }
        return (lines + ["---", "# Bomb", "", "$$ y = x + 1 $$", ""]).joined(separator: "\n")
    }()

    /// The limit stops a hang only: it counts from when the test is scheduled, and on two cores
    /// the pathological tests beside it can hold both threads for two minutes (a limit of one
    /// minute failed a test whose check took 9 ms). What is asserted of the time is the 5 s below.
    @Test(.timeLimit(.minutes(10))) func theBillionLaughsIsAnErrorAtTheFrontMatterNotAHang() {
        let start = ContinuousClock.now
        let result = Self.check(Self.bomb)
        #expect(ContinuousClock.now - start < .seconds(5))
        let problems = result.diagnostics.filter { $0.message.hasPrefix("front matter not read") }
        #expect(problems.map(\.severity) == [.error])
        #expect(problems.first?.position == SourcePosition(line: 2, column: 1))
        #expect(problems.first?.message.contains("72 YAML aliases") == true, "\(problems)")
    }

    /// Few aliases that still expand far (ten levels of three: 3¹⁰ nodes) are caught by the
    /// expanded-size budget.
    @Test(.timeLimit(.minutes(10))) func fewAliasesThatExpandFarAreCaughtByTheNodeBudget() {
        var lines = ["---", "values:", "  x: 2", #"l0: &l0 ["a","b","c"]"#]
        for level in 1...10 { lines.append("l\(level): &l\(level) [*l\(level - 1),*l\(level - 1),*l\(level - 1)]") }
        let result = Self.check((lines + ["---", "", "$$ y = x + 1 $$", ""]).joined(separator: "\n"))
        let messages = result.diagnostics.map(\.message)
        #expect(messages.contains { $0.contains("expand to more than 10000 YAML nodes") }, "\(messages)")
    }

    @Test func ordinaryFrontMatterWithAnAliasIsStillRead() {
        let result = Self.check("""
            ---
            base: &base 3
            values:
              x: *base
            ---

            $$ y = x + 1 $$

            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.point.first { $0.name == "x" }?.value == 3)
    }
}
