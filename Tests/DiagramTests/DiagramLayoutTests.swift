import TestSupport
import Testing

@testable import Diagram

private func layout(_ source: String) throws -> DiagramLayout {
    let diagram = try MermaidParser.parse(source).get()
    return try DiagramLayout.make(diagram).get()
}

/// Proper crossings between the straight segments of the edges' routes (segments that only
/// touch at a shared end do not count).
func crossingCount(_ layout: DiagramLayout) -> Int {
    typealias Segment = (DiagramPoint, DiagramPoint)
    let routes: [[Segment]] = layout.edges.filter { !$0.isSelfLoop && $0.line != .invisible }.map { edge in
        Array(zip(edge.points, edge.points.dropFirst()))
    }
    func orientation(_ a: DiagramPoint, _ b: DiagramPoint, _ c: DiagramPoint) -> Double {
        (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
    }
    func crosses(_ s: Segment, _ t: Segment) -> Bool {
        let d1 = orientation(t.0, t.1, s.0)
        let d2 = orientation(t.0, t.1, s.1)
        let d3 = orientation(s.0, s.1, t.0)
        let d4 = orientation(s.0, s.1, t.1)
        let epsilon = 1e-6
        return ((d1 > epsilon && d2 < -epsilon) || (d1 < -epsilon && d2 > epsilon))
            && ((d3 > epsilon && d4 < -epsilon) || (d3 < -epsilon && d4 > epsilon))
    }
    var count = 0
    for i in routes.indices {
        for j in routes.indices where j > i {
            for s in routes[i] {
                for t in routes[j] where crosses(s, t) { count += 1 }
            }
        }
    }
    return count
}

private struct Box {
    var minX, minY, maxX, maxY: Double
    init(center: DiagramPoint, width: Double, height: Double) {
        minX = center.x - width / 2
        maxX = center.x + width / 2
        minY = center.y - height / 2
        maxY = center.y + height / 2
    }
    func overlaps(_ other: Box) -> Bool {
        minX < other.maxX - 0.01 && other.minX < maxX - 0.01 && minY < other.maxY - 0.01 && other.minY < maxY - 0.01
    }
    func contains(_ p: DiagramPoint, slack: Double) -> Bool {
        p.x >= minX - slack && p.x <= maxX + slack && p.y >= minY - slack && p.y <= maxY + slack
    }
}

private func boxes(_ layout: DiagramLayout) -> [Box] {
    layout.nodes.map { Box(center: $0.center, width: $0.width, height: $0.height) }
        + layout.edges.compactMap { edge in
            edge.labelCenter.map { Box(center: $0, width: edge.labelWidth, height: edge.labelHeight) }
        }
}

/// Small graphs that have a layered drawing without crossings.
let planarGraphs: [String] = [
    "flowchart LR\nA --> B --> C --> D",
    "flowchart LR\nA --> B & C\nB --> D & E\nC --> F & G",
    "flowchart LR\nA --> B\nA --> C\nB --> D\nC --> D",
    "flowchart LR\na1 --> b1 & b2\na2 --> b2 & b3\na3 --> b3",
    "flowchart LR\nA --> D\nB --> C\nA --> E\nC --> F\nD --> G\nB --> F",
    "flowchart LR\nA --> B --> C\nA --> C",
    "flowchart LR\nA --> B --> C --> D --> E\nA --> E\nB --> D",
    "flowchart TB\nP --> Q\nR --> S\nQ --> T\nS --> T",
    "flowchart LR\nC --> D\nA --> B\nB --> D\nA --> C",
    "flowchart LR\nz --> y & x & w\ny --> v\nw --> v\nx --> v",
    Examples.pipeline,
    Examples.trainingLoop,
]

@Suite struct DiagramLayoutTests {
    @Test(arguments: planarGraphs)
    func smallPlanarGraphsAreDrawnWithoutCrossings(source: String) throws {
        #expect(crossingCount(try layout(source)) == 0)
    }

    @Test func completeBipartiteLayersCrossExactlyOnce() throws {
        // x1, x2 → h1, h2 cannot be drawn in two layers without one crossing.
        #expect(crossingCount(try layout(Examples.network)) == 1)
    }

    @Test func nodesAndLabelsNeverOverlap() throws {
        for source in planarGraphs + [Examples.network] + DiagramExamples.randomDAGs(count: 60, seed: 7) {
            let all = boxes(try layout(source))
            for i in all.indices {
                for j in all.indices where j > i {
                    #expect(!all[i].overlaps(all[j]), "overlap in\n\(source)")
                }
            }
        }
    }

    @Test func edgesOfAcyclicGraphsRunWithTheFlow() throws {
        for source in DiagramExamples.randomDAGs(count: 60, seed: 11) + [Examples.network, Examples.pipeline] {
            for direction in DiagramDirection.allCases {
                var diagram = try MermaidParser.parse(source).get()
                diagram.direction = direction
                let drawn = try DiagramLayout.make(diagram).get()
                for edge in drawn.edges {
                    let from = try #require(drawn.nodes.first { $0.id == edge.from }).center
                    let to = try #require(drawn.nodes.first { $0.id == edge.to }).center
                    switch direction {
                    case .leftToRight: #expect(from.x < to.x, "\(edge.from) → \(edge.to)")
                    case .rightToLeft: #expect(from.x > to.x, "\(edge.from) → \(edge.to)")
                    case .topToBottom: #expect(from.y < to.y, "\(edge.from) → \(edge.to)")
                    case .bottomToTop: #expect(from.y > to.y, "\(edge.from) → \(edge.to)")
                    }
                }
            }
        }
    }

    @Test func everyEdgeIsDrawnFromOutlineToOutline() throws {
        for source in planarGraphs + [Examples.network, "flowchart LR\nA --> A\nA --> B\nB --> A"] + DiagramExamples.randomDAGs(count: 30, seed: 3) {
            let drawn = try layout(source)
            #expect(drawn.edges.count == drawn.diagram.edges.count)
            for edge in drawn.edges {
                #expect(!edge.curves.isEmpty)
                let from = try #require(drawn.nodes.first { $0.id == edge.from })
                let to = try #require(drawn.nodes.first { $0.id == edge.to })
                let first = try #require(edge.curves.first?.start)
                let last = try #require(edge.curves.last?.end)
                #expect(Box(center: from.center, width: from.width, height: from.height).contains(first, slack: 1))
                #expect(Box(center: to.center, width: to.width, height: to.height).contains(last, slack: 1))
            }
        }
    }

    @Test func backEdgeOfACycleIsReversedForLayoutButPointsAtItsTarget() throws {
        let drawn = try layout(Examples.trainingLoop)
        let back = try #require(drawn.edges.first { $0.from == "update" && $0.to == "forward" })
        #expect(back.isReversed)
        let forward = try #require(drawn.nodes.first { $0.id == "forward" })
        let update = try #require(drawn.nodes.first { $0.id == "update" })
        #expect(forward.center.x < update.center.x)
        let end = try #require(back.curves.last?.end)
        #expect(Box(center: forward.center, width: forward.width, height: forward.height).contains(end, slack: 1))
        #expect(drawn.edges.filter(\.isReversed).count == 1)
    }

    @Test func labelsSitOnTheirEdges() throws {
        let drawn = try layout(Examples.network)
        for edge in drawn.edges {
            let center = try #require(edge.labelCenter)
            #expect(edge.points.contains(center), "label \(edge.label) is not on its route")
        }
    }

    @Test func selfLoopIsDrawnOutsideItsNode() throws {
        let drawn = try layout("stateDiagram-v2\nIdle --> Idle : tick\nIdle --> Done")
        let loop = try #require(drawn.edges.first { $0.isSelfLoop })
        let node = try #require(drawn.nodes.first { $0.id == "Idle" })
        let curve = try #require(loop.curves.first)
        #expect(curve.control1.y < node.center.y - node.height / 2)
        let label = try #require(loop.labelCenter)
        #expect(!Box(center: node.center, width: node.width, height: node.height)
            .overlaps(Box(center: label, width: loop.labelWidth, height: loop.labelHeight)))
    }

    @Test func longChainsLayOutWithoutDeepRecursion() throws {
        let source = "flowchart LR\n" + (0..<300).map { "n\($0) --> n\($0 + 1)" }.joined(separator: "\n")
        let drawn = try layout(source)
        #expect(Set(drawn.nodes.map(\.layer)).count == 301)
    }

    @Test func oversizedGraphsAreRefusedWithAReason() throws {
        let source = "flowchart LR\n" + (0..<500).map { "n\($0) --> n\($0 + 1)" }.joined(separator: "\n")
        guard case .failure(let problem) = DiagramLayout.make(try MermaidParser.parse(source).get()) else {
            Issue.record("a 501-node graph was drawn")
            return
        }
        #expect(problem.reason == .tooLarge)
        #expect(problem.message.hasPrefix("not drawn: "))
    }

    @Test func exactSearchFindsTheMinimumThatSweepsMiss() {
        // Two layers where the initial order crosses: the exact search must reach 0.
        var graph = LayeredGraph(layers: [[0, 1, 2], [3, 4, 5]], down: [[5], [4], [3], [], [], []], up: [[], [], [], [2], [1], [0]])
        LayerOrdering.order(&graph)
        #expect(LayerOrdering.crossings(graph) == 0)
    }
}
