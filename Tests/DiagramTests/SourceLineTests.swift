import Testing

@testable import Diagram

/// Where in the diagram's text each edge and node is stated: what a check that compares a
/// diagram with a note's formulas names ("the diagram's line 3 has x1 --> h2: w3").
@Suite struct SourceLineTests {
    @Test func flowchartEdgesKeepTheirLineAndLabel() throws {
        let diagram = try MermaidParser.parse("""
            flowchart LR
                %% a comment
                x1((x₁)) -->|w1| h1((h₁))

                x2 --> h1 & h2 ; h2 -- w4 --> a
            """).get()
        #expect(diagram.edges.map { "\($0.from)>\($0.to):\($0.label ?? "")@\($0.sourceLine ?? 0)" }
            == ["x1>h1:w1@3", "x2>h1:@5", "x2>h2:@5", "h2>a:w4@5"])
        #expect(diagram.nodes.map { "\($0.id)@\($0.sourceLine ?? 0)" } == ["x1@3", "h1@3", "x2@5", "h2@5", "a@5"])
    }

    @Test func statementsOnTheHeaderLineAndAfterFrontMatterCountRawLines() throws {
        let inline = try MermaidParser.parse("graph LR; A --> B").get()
        #expect(inline.edges.map(\.sourceLine) == [1])
        let titled = try MermaidParser.parse("---\ntitle: Net\n---\nflowchart LR\nA --> B").get()
        #expect(titled.edges.map(\.sourceLine) == [5])
    }

    @Test func stateTransitionsKeepTheirLineAndLabel() throws {
        let diagram = try MermaidParser.parse("""
            stateDiagram-v2
                [*] --> x1
                x1 --> h1 : w1
                state h1 {
                    a --> b --> c : w2
                }
            """).get()
        #expect(diagram.edges.map { "\($0.from)>\($0.to):\($0.label ?? "")@\($0.sourceLine ?? 0)" }
            == ["[*]start>x1:@2", "x1>h1:w1@3", "a>b:@5", "b>c:w2@5"])
        #expect(diagram.node("h1")?.sourceLine == 3)
    }

    @Test func problemsSayWhatWithoutWhereAndTheMessageAddsIt() throws {
        guard case .failure(let malformed) = MermaidParser.parse("flowchart LR\nA -->") else {
            Issue.record("parsed")
            return
        }
        #expect(malformed.line == 2)
        #expect(malformed.detail == "the arrow after 'A' has no target node")
        #expect(malformed.message == "line 2: the arrow after 'A' has no target node")
        guard case .failure(let unsupported) = MermaidParser.parse("pie\n\"a\" : 1") else {
            Issue.record("parsed")
            return
        }
        #expect(unsupported.detail == "pie diagrams are not supported")
        #expect(unsupported.message == "not drawn: pie diagrams are not supported")
    }

    @Test func sizeLimitsAreCheckedWithoutLayingOut() throws {
        let small = try MermaidParser.parse("flowchart LR\nA --> B").get()
        #expect(DiagramLayout.refusal(small) == nil)
        let large = try MermaidParser.parse(
            "flowchart LR\n" + (0..<500).map { "n\($0) --> n\($0 + 1)" }.joined(separator: "\n")).get()
        let refusal = try #require(DiagramLayout.refusal(large))
        #expect(refusal.reason == .tooLarge)
        guard case .failure(let problem) = DiagramLayout.make(large) else {
            Issue.record("laid out")
            return
        }
        #expect(problem == refusal)
    }
}
