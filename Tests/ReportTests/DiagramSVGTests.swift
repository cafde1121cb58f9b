import TestSupport
import Testing

import Diagram
@testable import Report

@Suite struct DiagramSVGTests {
    @Test func everyShapeAndDirectionGivesWellFormedAccessibleSVG() throws {
        let shapes = "A[rect] --> B(round) --> C((circle)) --> D{diamond} --> E([stadium]) --> F[[sub]] --> G[(db)] --> H{{hex}} --> I>flag] --o J --x K <--> L -.-> M ==> N"
        for direction in ["LR", "RL", "TB", "BT"] {
            let rendering = DiagramSVG.render(mermaid: "flowchart \(direction)\n\(shapes)")
            guard case .drawn(let svg) = rendering else {
                Issue.record("not drawn: \(rendering)")
                continue
            }
            let root = try XMLTree.parse(svg).get()
            #expect(root.attributes["role"] == "img")
            let title = root.children.first { $0.name == "title" }
            let desc = root.children.first { $0.name == "desc" }
            #expect(title?.attributes["id"] == root.attributes["aria-labelledby"])
            #expect(desc?.attributes["id"] == root.attributes["aria-describedby"])
            #expect(root.withClass("diagram-node").count == 14)
        }
    }

    @Test func descriptionListsTheEdgesInWords() throws {
        guard case .drawn(let svg) = DiagramSVG.render(mermaid: Examples.trainingLoop) else {
            Issue.record("not drawn")
            return
        }
        let root = try XMLTree.parse(svg).get()
        let desc = root.children.first { $0.name == "desc" }?.text ?? ""
        #expect(desc.hasPrefix("State diagram, left to right, 4 states and 6 transitions."))
        #expect(desc.contains("start to forward."))
        #expect(desc.contains("update to forward, labelled next batch."))
        #expect(desc.contains("update to end, labelled converged."))
    }

    @Test func hostileLabelsAreEscaped() throws {
        let rendering = DiagramSVG.render(mermaid: "flowchart LR\nA[\"<b>&amp;</b>\"] -->|\"x < y\"| B(\"'q'\")")
        guard case .drawn(let svg) = rendering else {
            Issue.record("not drawn: \(rendering)")
            return
        }
        let root = try XMLTree.parse(svg).get()
        #expect(root.withClass("diagram-node-label").map(\.text) == ["<b>&amp;</b>", "'q'"])
        #expect(root.withClass("diagram-edge-label-text").map(\.text) == ["x < y"])
    }

    @Test func outputIsDeterministic() {
        for source in [Examples.network, Examples.trainingLoop, Examples.pipeline] {
            #expect(DiagramSVG.render(mermaid: source) == DiagramSVG.render(mermaid: source))
        }
    }

    @Test func stylesheetDefinesTheDiagramClassesForLightAndDark() {
        for name in [".diagram ", ".diagram-node-shape", ".diagram-edge-line", ".diagram-edge-label-bg", "prefers-color-scheme: dark"] {
            #expect(DiagramStyle.css.contains(name), "\(name)")
        }
    }

    /// Every edge of a laid-out diagram is one `diagram-edge` group, from and to the right
    /// nodes, with its arrowhead (the layout side is in DiagramTests).
    @Test func everyLaidOutEdgeIsOneGroupWithItsArrowhead() throws {
        let sources = [Examples.network, Examples.pipeline, Examples.trainingLoop, "flowchart LR\nA --> A\nA --> B\nB --> A"]
            + DiagramExamples.randomDAGs(count: 30, seed: 3)
        for source in sources {
            let drawn = try DiagramLayout.make(MermaidParser.parse(source).get()).get()
            let svg = try XMLTree.parse(DiagramSVG.svg(drawn)).get()
            let groups = svg.withClass("diagram-edge")
            #expect(groups.count == drawn.edges.count)
            #expect(groups.map { "\($0.attributes["data-from"] ?? "")>\($0.attributes["data-to"] ?? "")" }
                == drawn.edges.map { "\($0.from)>\($0.to)" })
            #expect(svg.withClass("diagram-arrowhead").count == drawn.edges.count)
        }
    }

    @Test func randomTextNeverCrashesAndWhatParsesAlsoDraws() throws {
        var random = SeededGenerator(seed: 42)
        let headers = ["flowchart LR", "graph TD", "stateDiagram-v2", "flowchart BT", "pie", ""]
        let pieces = [
            "A", "B", "C", "[*]", "-->", "-->", "---", "-.->", "==>", "|x|", "[", "]", "(", ")", "{", "}", "((", "))",
            ":", "\"", ";", "&", "--", "<br>", "\n", "\n", "state", "as", "%%", "<<choice>>", "A --> B", "B --> A",
        ]
        var drawn = 0
        for _ in 0..<600 {
            let count = random.next(below: 14) + 1
            let body = (0..<count).map { _ in pieces[random.next(below: pieces.count)] }.joined(separator: " ")
            let text = headers[random.next(below: headers.count)] + "\n" + body
            switch DiagramSVG.render(mermaid: text) {
            case .drawn(let svg):
                drawn += 1
                #expect(throws: Never.self) { try XMLTree.parse(svg).get() }
            case .notDrawn(let problem):
                #expect(!problem.message.isEmpty)
            }
        }
        #expect(drawn > 0)
    }
}
