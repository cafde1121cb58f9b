import Document
import Foundation
import Notebook
import Report
import Testing

/// What `report.json` says of a claim besides its verdict: both sides' values at the example
/// point and, for an identity checked at several points, the largest difference between its
/// sides (what the page's card shows), read back with a JSON parser as a tool would.
@Suite struct ReportJSONTests {
    static let note = """
        Take $x = 0.5$ and $w = 2$, so $z = w x$.

        $$
        \\frac{\\partial z}{\\partial w} = x
        $$

        and $z = 2$ is wrong.
        """

    static func claims() throws -> [[String: Any]] {
        let checked = Notebook.check(MarkdownParser.parse(note), path: "notes/json.md")
        let text = ReportJSON.text(for: [checked.result])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let notes = try #require(root["notes"] as? [[String: Any]])
        let statements = try #require(notes.first?["statements"] as? [[String: Any]])
        return statements.compactMap { $0["check"] as? [String: Any] }
    }

    @Test func anIdentityGivesBothSidesAndTheLargestDifference() throws {
        let claims = try Self.claims()
        let identity = try #require(claims.first { ($0["status"] as? String) == "holds" })
        #expect(identity["exampleSides"] as? [Double] == [0.5, 0.5])
        #expect(identity["largestDifference"] as? Double == 0)
    }

    @Test func aClaimAtTheExamplePointAloneHasSidesButNoLargestDifference() throws {
        let claims = try Self.claims()
        let wrong = try #require(claims.first { ($0["status"] as? String) == "fails" })
        #expect(wrong["exampleSides"] as? [Double] == [1, 2])
        #expect(wrong["largestDifference"] is NSNull)
    }

    /// A reference to no label is an error of the note, not of a statement: report.json lists it
    /// among the note's diagnostics, so a tool finds every error the summary counts.
    @Test func everyDiagnosticTheSummaryCountsIsListed() throws {
        let source = """
            $$ y = 2 $$ {#eq-y}

            See @eq-missing, and $z = 1$ is a binding.
            """
        let checked = Notebook.check(MarkdownParser.parse(source), path: "notes/refs.md")
        let text = ReportJSON.text(for: [checked.result])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let note = try #require((root["notes"] as? [[String: Any]])?.first)
        let diagnostics = try #require(note["diagnostics"] as? [[String: Any]])
        let errors = diagnostics.filter { ($0["severity"] as? String) == "error" }
        #expect(errors.count == 1)
        #expect(errors.first?["message"] as? String == "@eq-missing refers to no labelled formula")
        #expect(errors.first?["line"] as? Int == 3)
        #expect(errors.first?["column"] as? Int == 5)
        let summary = try #require(root["summary"] as? [String: Any])
        #expect(summary["errors"] as? Int == errors.count)
        let statements = try #require(note["statements"] as? [[String: Any]])
        #expect(statements.allSatisfy { ($0["diagnostics"] as? [Any])?.isEmpty == true })
    }
}
