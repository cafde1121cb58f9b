/// The steps of ``DiagramLayout/make(_:)``, in layout coordinates: `main` along the flow,
/// `cross` across it. Vertices are the nodes (indices `0..<nodeCount`, in the diagram's order)
/// followed by the dummies that long edges pass through.
struct LayoutBuilder {
    let diagram: MermaidDiagram
    let horizontal: Bool
    let nodeCount: Int
    var nodeIndex: [String: Int] = [:]
    /// Each vertex's text lines (none for a dummy).
    var lines: [[String]] = []
    var mainSize: [Double] = []
    var crossSize: [Double] = []
    var isDummy: [Bool] = []
    /// Whether a dummy carries its edge's label.
    var isLabel: [Bool] = []
    var layerOf: [Int] = []

    init(diagram: MermaidDiagram) {
        self.diagram = diagram
        self.horizontal = diagram.direction.isHorizontal
        self.nodeCount = diagram.nodes.count
    }

    /// An edge of the diagram as routed through the layers.
    struct Chain {
        var edge: Int
        var vertices: [Int]
        var labelVertex: Int?
        var reversed: Bool
    }

    /// A point in layout coordinates.
    typealias Point = (main: Double, cross: Double)

    /// An edge's route in layout coordinates: the polyline, one cubic (four points) per
    /// segment, the label's centre, and whether the layout reversed the edge.
    typealias Route = (points: [Point], curves: [[Point]], label: Point?, reversed: Bool)

    mutating func run() -> Result<DiagramLayout, DiagramProblem> {
        measureNodes()
        let (routed, selfLoops) = partitionEdges()
        let hasLabels = routed.contains { diagram.edges[$0].label != nil }
        let (links, reversed) = assignLayers(routed, hasLabels: hasLabels)
        let loopReserve = loopRoom(selfLoops)
        guard let (chains, down, up) = insertDummies(links: links, reversed: reversed, routed: routed) else {
            return .failure(DiagramProblem(
                reason: .tooLarge, detail: "the diagram's edges span too many layers to lay out"))
        }
        let graph = orderLayers(down: down, up: up)
        let cross = placeAcross(graph, chains: chains, loopReserve: loopReserve)
        let main = placeAlong(graph, cross: cross, hasLabels: hasLabels)
        let ports = ports(chains, cross: cross)
        var routes = routeChains(chains, main: main, cross: cross, ports: ports)
        routeSelfLoops(selfLoops, main: main, cross: cross, into: &routes)
        return .success(assemble(graph: graph, main: main, cross: cross, routes: routes, selfLoops: Set(selfLoops)))
    }

    // MARK: - Steps

    /// Each node's text and size along and across the flow.
    private mutating func measureNodes() {
        for (index, node) in diagram.nodes.enumerated() {
            nodeIndex[node.id] = index
            let text = NodeGeometry.lines(node.label)
            lines.append(text)
            if node.shape == .bar {
                mainSize.append(NodeGeometry.barThickness)
                crossSize.append(NodeGeometry.barLength)
            } else {
                let size = NodeGeometry.size(shape: node.shape, lines: text)
                mainSize.append(horizontal ? size.width : size.height)
                crossSize.append(horizontal ? size.height : size.width)
            }
            isDummy.append(false)
            isLabel.append(false)
        }
    }

    /// Edges between known nodes, by index: those routed through the layers, and the
    /// self-loops, which are drawn apart.
    private func partitionEdges() -> (routed: [Int], selfLoops: [Int]) {
        var routed: [Int] = []
        var selfLoops: [Int] = []
        for (index, edge) in diagram.edges.enumerated() {
            guard let from = nodeIndex[edge.from], let to = nodeIndex[edge.to] else { continue }
            if from == to { selfLoops.append(index) } else { routed.append(index) }
        }
        return (routed, selfLoops)
    }

    /// Breaks cycles by reversing back edges and gives every node its layer (`layerOf`). When
    /// some edge has a label, every edge spans at least two layers, so labels get a layer of
    /// their own. The links are the routed edges between node indices, reversed where
    /// `reversed` says so.
    private mutating func assignLayers(_ routed: [Int], hasLabels: Bool)
        -> (links: [LayerAssignment.Link], reversed: [Bool])
    {
        let stretch = hasLabels ? Metrics.labelledStretch : 1
        var links = routed.map { index -> LayerAssignment.Link in
            let edge = diagram.edges[index]
            return LayerAssignment.Link(
                from: nodeIndex[edge.from] ?? 0, to: nodeIndex[edge.to] ?? 0,
                minimumSpan: max(1, edge.length) * stretch)
        }
        let reversed = LayerAssignment.backEdges(nodeCount: nodeCount, links: links)
        for index in links.indices where reversed[index] {
            let from = links[index].from
            links[index].from = links[index].to
            links[index].to = from
        }
        layerOf = LayerAssignment.ranks(nodeCount: nodeCount, links: links)
        return (links, reversed)
    }

    /// The room self-loops take on one side of their node, across the flow.
    private func loopRoom(_ selfLoops: [Int]) -> [Double] {
        var loopReserve = [Double](repeating: 0, count: nodeCount)
        var loopCount = [Int](repeating: 0, count: nodeCount)
        for index in selfLoops {
            guard let node = nodeIndex[diagram.edges[index].from] else { continue }
            loopCount[node] += 1
            let label = labelSize(diagram.edges[index].label)
            loopReserve[node] = max(
                loopReserve[node],
                Metrics.loopRoom + Metrics.loopRoomPerLoop * Double(loopCount[node])
                    + (horizontal ? label.height : label.width))
        }
        return loopReserve
    }

    /// Dummy vertices: every link spanning several layers passes through one dummy per layer
    /// between its ends; a labelled edge's label rides on its middle dummy. The chains, and
    /// each vertex's neighbours in the next and previous layers; `nil` when there would be
    /// more vertices than are laid out.
    private mutating func insertDummies(links: [LayerAssignment.Link], reversed: [Bool], routed: [Int])
        -> (chains: [Chain], down: [[Int]], up: [[Int]])?
    {
        let rank = layerOf
        var down = [[Int]](repeating: [], count: nodeCount)
        var up = [[Int]](repeating: [], count: nodeCount)
        var chains: [Chain] = []
        for (linkIndex, link) in links.enumerated() {
            let edgeIndex = routed[linkIndex]
            let span = rank[link.to] - rank[link.from]
            var vertices = [link.from]
            for step in 1..<max(1, span) {
                let vertex = isDummy.count
                if vertex >= DiagramLayout.limits.vertices { return nil }
                isDummy.append(true)
                isLabel.append(false)
                mainSize.append(0)
                crossSize.append(0)
                lines.append([])
                layerOf.append(rank[link.from] + step)
                down.append([])
                up.append([])
                vertices.append(vertex)
            }
            vertices.append(link.to)
            for (a, b) in zip(vertices, vertices.dropFirst()) {
                down[a].append(b)
                up[b].append(a)
            }
            var labelVertex: Int?
            if let label = diagram.edges[edgeIndex].label, span >= 2 {
                let vertex = vertices[span / 2]
                let size = labelSize(label)
                isLabel[vertex] = true
                mainSize[vertex] = horizontal ? size.width : size.height
                crossSize[vertex] = horizontal ? size.height : size.width
                labelVertex = vertex
            }
            chains.append(Chain(edge: edgeIndex, vertices: vertices, labelVertex: labelVertex, reversed: reversed[linkIndex]))
        }
        return (chains, down, up)
    }

    /// Layers and order: the vertices of each layer, ordered to reduce crossings.
    private func orderLayers(down: [[Int]], up: [[Int]]) -> LayeredGraph {
        let layerCount = (layerOf.max() ?? 0) + 1
        var layers = [[Int]](repeating: [], count: layerCount)
        for vertex in layerOf.indices { layers[layerOf[vertex]].append(vertex) }
        var graph = LayeredGraph(layers: layers, down: down, up: up)
        LayerOrdering.order(&graph)
        return graph
    }

    /// Across the flow: each vertex's centre. A node's extent includes the room of its
    /// self-loops; plain bends need less space than nodes and labels; long edges pull hardest,
    /// and back edges give way to the flow (their bends pull little on what they join).
    private func placeAcross(_ graph: LayeredGraph, chains: [Chain], loopReserve: [Double]) -> [Double] {
        let reservedCross = crossSize.indices.map { $0 < nodeCount ? crossSize[$0] + 2 * loopReserve[$0] : crossSize[$0] }
        let dummy = isDummy
        let label = isLabel
        var backward = [Bool](repeating: false, count: isDummy.count)
        for chain in chains where chain.reversed {
            for vertex in chain.vertices.dropFirst().dropLast() { backward[vertex] = true }
        }
        return CrossAxisPlacement.place(
            graph, size: reservedCross,
            separation: { a, b in
                let plainA = dummy[a] && !label[a]
                let plainB = dummy[b] && !label[b]
                if plainA && plainB { return Metrics.bendGap }
                if plainA || plainB { return Metrics.bendToVertexGap }
                return Metrics.vertexGap
            },
            weight: { a, b in
                if backward[a] && backward[b] { return Metrics.backEdgePull }
                if backward[a] || backward[b] { return Metrics.backEdgeEndPull }
                if dummy[a] && dummy[b] { return Metrics.longEdgePull }
                if dummy[a] || dummy[b] { return Metrics.longEdgeEndPull }
                return Metrics.edgePull
            })
    }

    /// Along the flow: each vertex's centre, its layer's. Layers are as deep as their deepest
    /// vertex, and the gap after a layer grows with the steepest edge leaving it.
    private func placeAlong(_ graph: LayeredGraph, cross: [Double], hasLabels: Bool) -> [Double] {
        let layerCount = graph.layers.count
        var layerMain = [Double](repeating: 0, count: layerCount)
        for vertex in layerOf.indices { layerMain[layerOf[vertex]] = max(layerMain[layerOf[vertex]], mainSize[vertex]) }
        let base = hasLabels ? Metrics.labelledLayerGap : Metrics.layerGap
        var layerCenter = [Double](repeating: 0, count: layerCount)
        layerCenter[0] = layerMain[0] / 2
        for index in 1..<max(1, layerCount) {
            var steepest = 0.0
            for vertex in graph.layers[index - 1] {
                for other in graph.down[vertex] { steepest = max(steepest, abs(cross[vertex] - cross[other])) }
            }
            let gap = max(base, min(steepest * Metrics.layerGapPerSlope, base * Metrics.maximumLayerGap))
            layerCenter[index] = layerCenter[index - 1] + layerMain[index - 1] / 2 + gap + layerMain[index] / 2
        }
        return layerOf.map { layerCenter[$0] }
    }

    /// Ports: where each chain leaves and enters a node, spread across the side in the order of
    /// the neighbours they lead to. Keys are chain indices; values are offsets across the flow.
    private func ports(_ chains: [Chain], cross: [Double]) -> (out: [Int: Double], in: [Int: Double]) {
        var outPort = [Int: Double]()
        var inPort = [Int: Double]()
        var outgoing = [[Int]](repeating: [], count: nodeCount)
        var incoming = [[Int]](repeating: [], count: nodeCount)
        for (index, chain) in chains.enumerated() {
            outgoing[chain.vertices[0]].append(index)
            incoming[chain.vertices[chain.vertices.count - 1]].append(index)
        }
        for node in 0..<nodeCount {
            for (list, isOut) in [(outgoing[node], true), (incoming[node], false)] where !list.isEmpty {
                let sorted = list.sorted { a, b in
                    let va = isOut ? chains[a].vertices[1] : chains[a].vertices[chains[a].vertices.count - 2]
                    let vb = isOut ? chains[b].vertices[1] : chains[b].vertices[chains[b].vertices.count - 2]
                    return (cross[va], a) < (cross[vb], b)
                }
                let count = sorted.count
                let spacing = count > 1
                    ? min(Metrics.portSpacing, crossSize[node] * Metrics.portSpread / Double(count - 1)) : 0
                for (position, chain) in sorted.enumerated() {
                    let offset = (Double(position) - Double(count - 1) / 2) * spacing
                    if isOut { outPort[chain] = offset } else { inPort[chain] = offset }
                }
            }
        }
        return (outPort, inPort)
    }

    /// Routes in layout coordinates, by edge index: from the source's outline through the
    /// bends to the target's outline, one cubic per segment with tangents along the neighbours.
    private func routeChains(
        _ chains: [Chain], main: [Double], cross: [Double], ports: (out: [Int: Double], in: [Int: Double])
    ) -> [Int: Route] {
        func outline(_ node: Int, offset: Double) -> Double {
            NodeGeometry.mainExtent(
                shape: diagram.nodes[node].shape, halfMain: mainSize[node] / 2, halfCross: crossSize[node] / 2,
                offset: offset, horizontalFlow: horizontal)
        }
        var routes = [Int: Route]()
        for (index, chain) in chains.enumerated() {
            let first = chain.vertices[0]
            let last = chain.vertices[chain.vertices.count - 1]
            let startOffset = ports.out[index] ?? 0
            let endOffset = ports.in[index] ?? 0
            var points: [Point] = [(main[first] + outline(first, offset: startOffset), cross[first] + startOffset)]
            let interior = chain.vertices.dropFirst().dropLast()
            // A single plain bend (an unlabelled edge stretched over a label layer) is drawn
            // as one smooth curve from end to end.
            if !(interior.count == 1 && chain.labelVertex == nil) {
                for vertex in interior { points.append((main[vertex], cross[vertex])) }
            }
            points.append((main[last] - outline(last, offset: endOffset), cross[last] + endOffset))
            var slopes = [Double](repeating: 0, count: points.count)
            for k in 1..<max(1, points.count - 1) where points.count > 2 {
                let span = points[k + 1].main - points[k - 1].main
                slopes[k] = span > 0 ? (points[k + 1].cross - points[k - 1].cross) / span : 0
            }
            var curves: [[Point]] = []
            for k in 0..<(points.count - 1) {
                let a = points[k]
                let b = points[k + 1]
                let half = (b.main - a.main) / 2
                curves.append([a, (a.main + half, a.cross + half * slopes[k]), (b.main - half, b.cross - half * slopes[k + 1]), b])
            }
            let labelPoint = chain.labelVertex.map { (main[$0], cross[$0]) }
            routes[chain.edge] = (points, curves, labelPoint, chain.reversed)
        }
        return routes
    }

    /// Self-loops, on the side of smaller cross coordinates: each further loop of a node is
    /// wider and higher, its label above its top.
    private func routeSelfLoops(_ selfLoops: [Int], main: [Double], cross: [Double], into routes: inout [Int: Route]) {
        var loopNumber = [Int](repeating: 0, count: nodeCount)
        for index in selfLoops {
            guard let node = nodeIndex[diagram.edges[index].from] else { continue }
            loopNumber[node] += 1
            let k = Double(loopNumber[node] - 1)
            let halfMain = mainSize[node] / 2
            let halfCross = crossSize[node] / 2
            let a = min(halfMain * Metrics.loopFootShare, Metrics.loopFoot + Metrics.loopFootPerLoop * k)
            let edgeCross = NodeGeometry.mainExtent(
                shape: diagram.nodes[node].shape, halfMain: halfCross, halfCross: halfMain, offset: a,
                horizontalFlow: !horizontal)
            let top = cross[node] - edgeCross
            let height = Metrics.loopHeight + Metrics.loopHeightPerLoop * k
            let start: Point = (main[node] - a, top)
            let end: Point = (main[node] + a, top)
            let curve: [Point] = [
                start, (start.main - Metrics.loopFlare, top - height), (end.main + Metrics.loopFlare, top - height), end,
            ]
            let size = labelSize(diagram.edges[index].label)
            let labelCross = horizontal ? size.height : size.width
            let labelPoint: Point? = diagram.edges[index].label == nil ? nil
                : (main[node], top - height * Metrics.loopApex - labelCross / 2 - Metrics.loopLabelGap)
            routes[index] = ([start, (main[node], top - height * Metrics.loopApex), end], [curve], labelPoint, false)
        }
    }

    /// The box of an edge label: its text with padding.
    private func labelSize(_ label: String?) -> (width: Double, height: Double) {
        guard let label else { return (0, 0) }
        let text = NodeGeometry.textSize(NodeGeometry.lines(label))
        return (text.width + Metrics.labelPaddingWidth, text.height + Metrics.labelPaddingHeight)
    }
}

extension LayoutBuilder {
    /// Turns layout coordinates into the final drawing: direction applied, moved to the origin.
    func assemble(
        graph: LayeredGraph, main: [Double], cross: [Double],
        routes: [Int: Route],
        selfLoops: Set<Int>
    ) -> DiagramLayout {
        let direction = diagram.direction
        func turn(_ p: Point) -> DiagramPoint {
            switch direction {
            case .leftToRight: DiagramPoint(x: p.main, y: p.cross)
            case .rightToLeft: DiagramPoint(x: -p.main, y: p.cross)
            case .topToBottom: DiagramPoint(x: p.cross, y: p.main)
            case .bottomToTop: DiagramPoint(x: p.cross, y: -p.main)
            }
        }
        var nodes: [DiagramLayout.Node] = []
        for (index, node) in diagram.nodes.enumerated() {
            let width = horizontal ? mainSize[index] : crossSize[index]
            let height = horizontal ? crossSize[index] : mainSize[index]
            nodes.append(DiagramLayout.Node(
                id: node.id, lines: lines[index], shape: node.shape, center: turn((main[index], cross[index])),
                width: width, height: height, layer: layerOf[index]))
        }
        var edges: [DiagramLayout.Edge] = []
        for (index, edge) in diagram.edges.enumerated() {
            let label = edge.label.map(NodeGeometry.lines) ?? []
            let size = labelSize(edge.label)
            guard let route = routes[index] else { continue }
            var points = route.points.map(turn)
            var curves = route.curves.map { c in
                DiagramCurve(start: turn(c[0]), control1: turn(c[1]), control2: turn(c[2]), end: turn(c[3]))
            }
            if route.reversed {
                points.reverse()
                curves = curves.reversed().map {
                    DiagramCurve(start: $0.end, control1: $0.control2, control2: $0.control1, end: $0.start)
                }
            }
            edges.append(DiagramLayout.Edge(
                from: edge.from, to: edge.to, label: label, labelCenter: route.label.map(turn),
                labelWidth: size.width, labelHeight: size.height, points: points, curves: curves, line: edge.line,
                head: edge.head, tail: edge.tail, isSelfLoop: selfLoops.contains(index), isReversed: route.reversed))
        }
        // Bounding box of everything drawn.
        var minX = Double.infinity
        var minY = Double.infinity
        var maxX = -Double.infinity
        var maxY = -Double.infinity
        func include(_ x: Double, _ y: Double) {
            minX = min(minX, x)
            minY = min(minY, y)
            maxX = max(maxX, x)
            maxY = max(maxY, y)
        }
        for node in nodes {
            include(node.center.x - node.width / 2, node.center.y - node.height / 2)
            include(node.center.x + node.width / 2, node.center.y + node.height / 2)
        }
        for edge in edges {
            for curve in edge.curves {
                for p in [curve.start, curve.control1, curve.control2, curve.end] { include(p.x, p.y) }
            }
            if let center = edge.labelCenter {
                include(center.x - edge.labelWidth / 2, center.y - edge.labelHeight / 2)
                include(center.x + edge.labelWidth / 2, center.y + edge.labelHeight / 2)
            }
        }
        if !minX.isFinite {
            minX = 0
            minY = 0
            maxX = 0
            maxY = 0
        }
        let margin = Metrics.margin
        let dx = margin - minX
        let dy = margin - minY
        func shift(_ p: DiagramPoint) -> DiagramPoint { DiagramPoint(x: p.x + dx, y: p.y + dy) }
        for index in nodes.indices { nodes[index].center = shift(nodes[index].center) }
        for index in edges.indices {
            edges[index].points = edges[index].points.map(shift)
            edges[index].curves = edges[index].curves.map {
                DiagramCurve(start: shift($0.start), control1: shift($0.control1), control2: shift($0.control2), end: shift($0.end))
            }
            edges[index].labelCenter = edges[index].labelCenter.map(shift)
        }
        return DiagramLayout(
            diagram: diagram, width: maxX - minX + 2 * margin, height: maxY - minY + 2 * margin, nodes: nodes,
            edges: edges)
    }
}

/// The measures of the layout, in SVG user units (pixels at natural size) unless said otherwise.
private enum Metrics {
    /// How many layers an edge spans, at least, when some edge of the diagram has a label:
    /// every label gets a layer of its own between the layers of its edge's ends.
    static let labelledStretch = 2

    /// The room across the flow beside a node with self-loops: this, plus `loopRoomPerLoop`
    /// for each of its loops, plus the widest label.
    static let loopRoom = 24.0
    static let loopRoomPerLoop = 10.0

    /// The free space between two neighbours in a layer when both are plain bends of long
    /// edges, when one is, and when neither is (nodes and edge labels).
    static let bendGap = 10.0
    static let bendToVertexGap = 16.0
    static let vertexGap = 28.0

    /// How hard an edge between two vertices pulls them into line across the flow: between
    /// two bends of a back edge, from a back edge's bend to anything, between two bends of a
    /// long edge (so it runs straight), from a long edge's bend to its end, and between two nodes.
    static let backEdgePull = 2.0
    static let backEdgeEndPull = 0.1
    static let longEdgePull = 8.0
    static let longEdgeEndPull = 2.0
    static let edgePull = 1.0

    /// The gap between consecutive layers: at least this (less when labels have layers of their
    /// own), growing by `layerGapPerSlope` of the widest sideways step of an edge between
    /// them, up to `maximumLayerGap` times the least.
    static let layerGap = 52.0
    static let labelledLayerGap = 30.0
    static let layerGapPerSlope = 0.4
    static let maximumLayerGap = 3.0

    /// Edges leaving (or entering) one side of a node are this far apart at most, and spread
    /// over at most this share of the side.
    static let portSpacing = 12.0
    static let portSpread = 0.7

    /// A self-loop leaves and enters its node at ± this distance from the centre along the flow
    /// (more for each further loop, at most `loopFootShare` of the node's half-length), rises
    /// `loopHeight` (more for each further loop), flares out by `loopFlare` at its top, and
    /// its label sits `loopLabelGap` above its apex, at `loopApex` of its height.
    static let loopFoot = 12.0
    static let loopFootPerLoop = 4.0
    static let loopFootShare = 0.5
    static let loopHeight = 26.0
    static let loopHeightPerLoop = 10.0
    static let loopFlare = 14.0
    static let loopApex = 0.75
    static let loopLabelGap = 2.0

    /// An edge label's box: its text plus this much width and height.
    static let labelPaddingWidth = 10.0
    static let labelPaddingHeight = 4.0

    /// The space around everything drawn.
    static let margin = 8.0
}
