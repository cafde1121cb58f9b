import Testing

@testable import Diagram

private func parse(_ source: String) throws -> MermaidDiagram {
    try MermaidParser.parse(source).get()
}

private func problem(_ source: String) -> DiagramProblem? {
    if case .failure(let problem) = MermaidParser.parse(source) { return problem }
    return nil
}

@Suite struct FlowchartParsingTests {
    @Test func headerGivesKindAndDirection() throws {
        let cases: [(String, DiagramDirection)] = [
            ("flowchart LR", .leftToRight), ("flowchart RL", .rightToLeft), ("flowchart TB", .topToBottom),
            ("flowchart TD", .topToBottom), ("flowchart BT", .bottomToTop), ("graph LR", .leftToRight),
            ("graph", .topToBottom),
        ]
        for (header, direction) in cases {
            let diagram = try parse(header + "\n  A --> B")
            #expect(diagram.kind == .flowchart)
            #expect(diagram.direction == direction, "\(header)")
        }
    }

    @Test func everyLinkSyntaxGivesItsStyleAndEnds() throws {
        let cases: [(String, DiagramEdge.Line, DiagramEdge.End, DiagramEdge.End, String?, Int)] = [
            ("A --> B", .solid, .arrow, .none, nil, 1),
            ("A --- B", .solid, .none, .none, nil, 1),
            ("A -.-> B", .dotted, .arrow, .none, nil, 1),
            ("A -.- B", .dotted, .none, .none, nil, 1),
            ("A ==> B", .thick, .arrow, .none, nil, 1),
            ("A === B", .thick, .none, .none, nil, 1),
            ("A --o B", .solid, .circle, .none, nil, 1),
            ("A --x B", .solid, .cross, .none, nil, 1),
            ("A <--> B", .solid, .arrow, .arrow, nil, 1),
            ("A ---> B", .solid, .arrow, .none, nil, 2),
            ("A -..-> B", .dotted, .arrow, .none, nil, 2),
            ("A ~~~ B", .invisible, .none, .none, nil, 1),
            ("A -->|w1| B", .solid, .arrow, .none, "w1", 1),
            ("A -- w1 --> B", .solid, .arrow, .none, "w1", 1),
            ("A -- two words --- B", .solid, .none, .none, "two words", 1),
            ("A -. maybe .-> B", .dotted, .arrow, .none, "maybe", 1),
            ("A == sure ==> B", .thick, .arrow, .none, "sure", 1),
            ("A-->B", .solid, .arrow, .none, nil, 1),
            ("A-->|x|B", .solid, .arrow, .none, "x", 1),
        ]
        for (statement, line, head, tail, label, length) in cases {
            let diagram = try parse("flowchart LR\n" + statement)
            #expect(diagram.nodes.map(\.id) == ["A", "B"], "\(statement)")
            let edge = try #require(diagram.edges.first, "\(statement)")
            #expect(diagram.edges.count == 1)
            #expect(edge.from == "A" && edge.to == "B", "\(statement)")
            #expect(edge.line == line, "\(statement)")
            #expect(edge.head == head, "\(statement)")
            #expect(edge.tail == tail, "\(statement)")
            #expect(edge.label == label, "\(statement)")
            #expect(edge.length == length, "\(statement)")
        }
    }

    @Test func everyNodeShapeIsRecognised() throws {
        let cases: [(String, DiagramNode.Shape, String)] = [
            ("A[Text]", .rectangle, "Text"), ("A(Text)", .rounded, "Text"), ("A((Text))", .circle, "Text"),
            ("A{Text}", .diamond, "Text"), ("A([Text])", .stadium, "Text"), ("A[[Text]]", .subroutine, "Text"),
            ("A[(Text)]", .cylinder, "Text"), ("A{{Text}}", .hexagon, "Text"), ("A>Text]", .slanted, "Text"),
            ("A[/Text/]", .slanted, "Text"), ("A[\"a [b] (c)\"]", .rectangle, "a [b] (c)"),
            ("A[one<br>two]", .rectangle, "one\ntwo"), ("A[say #quot;hi#quot;]", .rectangle, "say \"hi\""),
            ("A", .rectangle, "A"),
        ]
        for (statement, shape, label) in cases {
            let diagram = try parse("graph TD\n" + statement)
            let node = try #require(diagram.nodes.first, "\(statement)")
            #expect(node.id == "A", "\(statement)")
            #expect(node.shape == shape, "\(statement)")
            #expect(node.label == label, "\(statement)")
        }
    }

    @Test func chainsAndGroupsMakeOneEdgePerPair() throws {
        let chain = try parse("flowchart LR\nA --> B --> C")
        #expect(chain.edges.map { "\($0.from)\($0.to)" } == ["AB", "BC"])
        let group = try parse("flowchart LR\nA & B --> C & D")
        #expect(group.edges.map { "\($0.from)\($0.to)" } == ["AC", "AD", "BC", "BD"])
        let mixed = try parse("flowchart LR\nx1((x1)) -->|w1| h1((h1)) -- w5 --> o1")
        #expect(mixed.edges.map(\.label) == ["w1", "w5"])
        #expect(mixed.nodes.map(\.shape) == [.circle, .circle, .rectangle])
    }

    @Test func nodeDefinedLaterKeepsItsTextAndShape() throws {
        let diagram = try parse("flowchart LR\nA --> B\nB{Decide}\nA[Start] --> C")
        #expect(diagram.node("B")?.shape == .diamond)
        #expect(diagram.node("B")?.label == "Decide")
        #expect(diagram.node("A")?.label == "Start")
        #expect(diagram.nodes.map(\.id) == ["A", "B", "C"])
    }

    @Test func commentsStylingAndSubgraphLinesAreSkipped() throws {
        let diagram = try parse("""
            %%{init: {"theme": "dark"}}%%
            flowchart LR
              %% a comment
              classDef hot fill:#f00
              A:::hot --> B
              style A fill:#fff
              class B hot
              click A "https://example.com"
              linkStyle 0 stroke:red
              subgraph group [Group]
                direction TB
                C --> D
              end
            """)
        #expect(diagram.nodes.map(\.id) == ["A", "B", "C", "D"])
        #expect(diagram.edges.count == 2)
    }

    @Test func semicolonsSeparateStatements() throws {
        let diagram = try parse("graph LR; A-->B; B-->C[x;y]")
        #expect(diagram.edges.count == 2)
        #expect(diagram.node("C")?.label == "x;y")
    }

    @Test func frontMatterAndAccessibilityTitlesAreKept() throws {
        let diagram = try parse("---\ntitle: \"A 2-2-1 network\"\n---\nflowchart LR\nA --> B")
        #expect(diagram.title == "A 2-2-1 network")
        let described = try parse("flowchart LR\naccTitle: Net\naccDescr: Two layers\nA --> B")
        #expect(described.title == "Net")
        #expect(described.accessibleDescription == "Two layers")
    }
}

@Suite struct StateDiagramParsingTests {
    @Test func startAndEndPseudoStatesBecomeDistinctNodes() throws {
        let diagram = try parse("stateDiagram-v2\n[*] --> Idle\nIdle --> [*]")
        #expect(diagram.kind == .stateDiagram)
        #expect(diagram.direction == .topToBottom)
        #expect(diagram.nodes.map(\.shape) == [.start, .rounded, .end])
        #expect(diagram.edges.map(\.from) == ["[*]start", "Idle"])
        #expect(diagram.edges.map(\.to) == ["Idle", "[*]end"])
    }

    @Test func transitionLabelsWithAndWithoutSpaceBeforeTheColon() throws {
        let diagram = try parse("stateDiagram\nA --> B: go\nB --> C : come back")
        #expect(diagram.edges.map(\.label) == ["go", "come back"])
    }

    @Test func longNamesDescriptionsAndDirection() throws {
        let diagram = try parse("""
            stateDiagram-v2
                direction LR
                state "Forward pass" as F
                F --> L
                L : computes the loss
            """)
        #expect(diagram.direction == .leftToRight)
        #expect(diagram.node("F")?.label == "Forward pass")
        #expect(diagram.node("L")?.label == "L\ncomputes the loss")
    }

    @Test func chainsGiveTheLabelToTheLastTransition() throws {
        let diagram = try parse("stateDiagram-v2\nforward --> loss --> backward : grad")
        #expect(diagram.edges.map { "\($0.from)>\($0.to)" } == ["forward>loss", "loss>backward"])
        #expect(diagram.edges.map(\.label) == [nil, "grad"])
    }

    @Test func choiceForkNotesAndCompositesAreRead() throws {
        let diagram = try parse("""
            stateDiagram-v2
                state check <<choice>>
                state split <<fork>>
                [*] --> check
                check --> Outer
                note right of check : a note
                note left of Outer
                    several lines
                end note
                state Outer {
                    [*] --> Inner
                    Inner --> [*]
                }
                Outer --> split
            """)
        #expect(diagram.node("check")?.shape == .choice)
        #expect(diagram.node("split")?.shape == .bar)
        #expect(diagram.node("Outer/[*]start")?.shape == .start)
        #expect(diagram.node("[*]start")?.shape == .start)
        #expect(diagram.edges.count == 5)
    }
}

@Suite struct DiagramProblemTests {
    @Test func otherMermaidKindsAreNotDrawnWithAReason() {
        for kind in ["sequenceDiagram", "classDiagram", "pie", "gantt", "erDiagram", "journey", "gitGraph", "mindmap"] {
            let found = problem(kind + "\n  Alice->>Bob: Hi")
            #expect(found?.reason == .unsupportedKind(kind))
            #expect(found?.message == "not drawn: \(kind) diagrams are not supported")
        }
    }

    @Test func malformedTextNamesTheLineAndTheFault() {
        let cases: [(String, Int, String)] = [
            ("flowchart LR\nA -->", 2, "has no target node"),
            ("flowchart LR\nA[Text --> B", 2, "never closed"),
            ("flowchart LR\nA -->|w1 B", 2, "never closed"),
            ("flowchart LR\nA -- text B", 2, "never closed"),
            ("flowchart XY\nA --> B", 1, "unknown direction"),
            ("flowchart LR\nA B", 2, "expected an arrow"),
            ("flowchart LR\n--> B", 2, "expected a node name"),
            ("stateDiagram\nA --> ", 2, "no target state"),
            ("stateDiagram\nstate Outer {\nA --> B", 3, "never closed"),
            ("stateDiagram\n}", 2, "closes no composite"),
            ("stateDiagram\nthis is not valid", 2, "cannot read"),
            ("nonsense\nA --> B", 1, "is not a mermaid diagram type"),
        ]
        for (source, line, fragment) in cases {
            let found = problem(source)
            #expect(found?.reason == .malformed, "\(source)")
            #expect(found?.line == line, "\(source)")
            #expect(found?.message.contains(fragment) == true, "\(source): \(found?.message ?? "parsed")")
        }
    }

    @Test func emptyInputIsReported() {
        #expect(problem("")?.reason == .empty)
        #expect(problem("  \n%% only a comment\n")?.reason == .empty)
        #expect(problem("flowchart LR\n%% nothing")?.reason == .empty)
    }
}
