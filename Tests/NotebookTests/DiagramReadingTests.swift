import Document
import Testing

@testable import Notebook

/// Mermaid blocks are read when a note is checked: the result holds each diagram by its
/// fence line, and a diagram that is not drawn is a diagnostic at the line that is wrong.
@Suite struct DiagramReadingTests {
    static func check(_ note: String) -> NoteResult {
        Notebook.check(MarkdownParser.parse(note), path: "note.md").result
    }

    static func lines(_ result: NoteResult) -> [String] {
        result.diagnostics.map { "\($0.position) \($0.severity.rawValue): \($0.message)" }
    }

    @Test func aDiagramThatParsesIsKeptByItsFenceLineWithoutADiagnostic() throws {
        let result = Self.check("""
            # Net

            ```mermaid
            flowchart LR
                x1 -->|w1| h1
                x2 -->|w2| h1
            ```

            $y = 2$
            """)
        #expect(result.diagnostics.isEmpty)
        let diagram = try #require(result.diagram(atFenceLine: 3))
        let read = try #require(diagram.diagram)
        #expect(read.edges.map { "\($0.from)>\($0.to):\($0.label ?? "")" } == ["x1>h1:w1", "x2>h1:w2"])
        #expect(read.edges.map(diagram.noteLine(of:)) == [5, 6])
        #expect(result.diagram(atFenceLine: 4) == nil)
    }

    @Test func malformedTextIsAWarningAtTheOffendingLineAndColumn() {
        let result = Self.check("""
            Text.

            - item

              ```mermaid
              flowchart LR
                  x1 --> h1
                  x2 -->
              ```
            """)
        #expect(Self.lines(result) == ["8:7 warning: mermaid diagram not drawn: the arrow after 'x2' has no target node"])
        #expect(result.diagnostics.first?.length == 6)
        #expect(result.summary.warnings == 1)
        guard case .failure(let problem) = result.diagram(atFenceLine: 5)?.reading else {
            Issue.record("the diagram was read")
            return
        }
        #expect(problem.line == 3)
    }

    @Test func anUnsupportedKindIsANoteThatDoesNotCount() {
        let result = Self.check("""
            > ```mermaid
            > sequenceDiagram
            >     Alice->>Bob: Hi
            > ```
            """)
        #expect(Self.lines(result) == ["2:3 note: mermaid diagram not drawn: sequenceDiagram diagrams are not supported"])
        #expect(result.summary.warnings == 0)
    }

    @Test func anEmptyOrOversizedDiagramIsAWarningAtTheFence() {
        let empty = Self.check("Text.\n\n```mermaid\n```\n")
        #expect(Self.lines(empty) == ["3:1 warning: mermaid diagram not drawn: the diagram is empty"])
        let chain = (0..<500).map { "n\($0) --> n\($0 + 1)" }.joined(separator: "\n")
        let large = Self.check("```mermaid\nflowchart LR\n\(chain)\n```\n")
        #expect(Self.lines(large).count == 1)
        #expect(large.diagnostics.first?.position == SourcePosition(line: 1, column: 1))
        #expect(large.diagnostics.first?.message.hasPrefix("mermaid diagram not drawn: the diagram has 501 nodes") == true)
        #expect(large.diagram(atFenceLine: 1)?.diagram != nil)
    }

    @Test func diagramDiagnosticsJoinTheOthersInOrder() {
        let result = Self.check("""
            $x = $

            ```mermaid
            graph LR
              A -- B
            ```

            $y = $
            """)
        let positions = result.diagnostics.map(\.position)
        #expect(positions == positions.sorted())
        #expect(Self.lines(result).contains("5:3 warning: mermaid diagram not drawn: the edge text after '--' ('B') is never closed by an arrow such as -->"))
    }

    @Test func otherCodeBlocksAreNotDiagrams() {
        let result = Self.check("```swift\nlet x = 1\n```\n\n```mermaidx\nA\n```\n")
        #expect(result.diagrams.isEmpty)
        #expect(result.diagnostics.isEmpty)
    }
}
