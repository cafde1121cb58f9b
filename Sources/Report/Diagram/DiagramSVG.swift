import Diagram
import Foundation

/// Writes a laid-out diagram as inline SVG: nodes with their shapes and text, edges as curves
/// with arrowheads, edge labels on a background so they stay readable.
///
/// The SVG has `role="img"`, a `<title>` and a `<desc>` listing the edges, scales to its
/// container down to 70 % of its natural size (wrap it in `<div class="diagram-scroll">` so
/// wider diagrams scroll on phones instead of widening the page), and takes its colours from CSS classes prefixed `diagram-` (see
/// ``DiagramStyle/css``), with presentation attributes as a fallback.
public enum DiagramSVG {
    /// The inline `<svg>` element for `layout`; `id` prefixes the ids of `<title>` and `<desc>`
    /// (`nil` derives a stable one from the content).
    public static func svg(_ layout: DiagramLayout, id: String? = nil) -> String {
        let diagram = layout.diagram
        let title = diagram.title ?? (diagram.kind == .flowchart ? "Flowchart" : "State diagram")
        let desc = description(layout)
        let prefix = id.map { StableID.sanitize($0, fallback: "diagram") }
            ?? StableID.make(prefix: "diagram-", content: title + "\u{1F}" + desc)
        var w = SVGWriter()
        w.open("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("class", "diagram diagram-\(diagram.kind == .flowchart ? "flowchart" : "state")"),
            ("viewBox", "0 0 \(fmt(layout.width)) \(fmt(layout.height))"),
            ("width", "100%"),
            // Scales down with the page, but not below 70 % (text stays ≥ 10 px); wider
            // diagrams scroll inside a `.diagram-scroll` wrapper on narrow screens.
            ("style", "max-width: \(fmt(layout.width))px; min-width: \(fmt((layout.width * 0.7).rounded()))px; height: auto"),
            ("role", "img"),
            ("aria-labelledby", "\(prefix)-title"),
            ("aria-describedby", "\(prefix)-desc"),
            ("font-family", "system-ui, sans-serif"),
            ("font-size", fmt(NodeGeometry.fontSize)),
        ])
        w.element("title", [("id", "\(prefix)-title")], text: title)
        w.element("desc", [("id", "\(prefix)-desc")], text: desc)
        w.open("g", [("class", "diagram-edges")])
        for edge in layout.edges where edge.line != .invisible {
            writeEdge(&w, edge)
        }
        w.close("g")
        w.open("g", [("class", "diagram-nodes")])
        for node in layout.nodes { writeNode(&w, node) }
        w.close("g")
        let labelled = layout.edges.filter { !$0.label.isEmpty && $0.labelCenter != nil && $0.line != .invisible }
        if !labelled.isEmpty {
            w.open("g", [("class", "diagram-edge-labels")])
            for edge in labelled { writeEdgeLabel(&w, edge) }
            w.close("g")
        }
        w.close("svg")
        return w.markup
    }

    // MARK: - Edges

    private static func writeEdge(_ w: inout SVGWriter, _ edge: DiagramLayout.Edge) {
        var curves = edge.curves
        guard !curves.isEmpty else { return }
        var classes = "diagram-edge"
        if edge.line == .dotted { classes += " diagram-edge-dotted" }
        if edge.line == .thick { classes += " diagram-edge-thick" }
        if edge.isSelfLoop { classes += " diagram-edge-loop" }
        w.open("g", [("class", classes), ("data-from", edge.from), ("data-to", edge.to)])
        var ends: [(String, [(String, String)])] = []
        if let last = curves.last, let made = endMark(edge.head, curve: last) {
            curves[curves.count - 1] = made.curve
            ends.append(made.mark)
        }
        if let first = curves.first {
            let backward = DiagramCurve(start: first.end, control1: first.control2, control2: first.control1, end: first.start)
            if let made = endMark(edge.tail, curve: backward) {
                let c = made.curve
                curves[0] = DiagramCurve(start: c.end, control1: c.control2, control2: c.control1, end: c.start)
                ends.append(made.mark)
            }
        }
        var d = "M" + point(curves[0].start)
        for curve in curves {
            d += "C" + point(curve.control1) + " " + point(curve.control2) + " " + point(curve.end)
        }
        var attributes: [(String, String)] = [
            ("class", "diagram-edge-line"), ("d", d), ("fill", "none"), ("stroke", "currentColor"),
            ("stroke-width", edge.line == .thick ? "3" : "1.5"),
        ]
        if edge.line == .dotted { attributes.append(("stroke-dasharray", "4 4")) }
        w.element("path", attributes)
        for (name, attributes) in ends { w.element(name, attributes) }
        w.close("g")
    }

    /// The mark drawn at the end of `curve` for `end`, and the curve shortened to meet it.
    private static func endMark(_ end: DiagramEdge.End, curve: DiagramCurve)
        -> (curve: DiagramCurve, mark: (String, [(String, String)]))?
    {
        let tip = curve.end
        var dx = tip.x - curve.control2.x
        var dy = tip.y - curve.control2.y
        if dx * dx + dy * dy < 1e-9 {
            dx = tip.x - curve.start.x
            dy = tip.y - curve.start.y
        }
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > 1e-9 else { return nil }
        let ux = dx / length
        let uy = dy / length
        func back(_ p: DiagramPoint, _ distance: Double) -> DiagramPoint {
            DiagramPoint(x: p.x - ux * distance, y: p.y - uy * distance)
        }
        func shortened(_ distance: Double) -> DiagramCurve {
            DiagramCurve(start: curve.start, control1: curve.control1, control2: back(curve.control2, distance), end: back(tip, distance))
        }
        switch end {
        case .none:
            return nil
        case .arrow:
            let base = back(tip, 9)
            let left = DiagramPoint(x: base.x - uy * 4.5, y: base.y + ux * 4.5)
            let right = DiagramPoint(x: base.x + uy * 4.5, y: base.y - ux * 4.5)
            let d = "M" + point(tip) + "L" + point(left) + "L" + point(right) + "Z"
            return (shortened(8), ("path", [("class", "diagram-arrowhead"), ("d", d), ("fill", "currentColor")]))
        case .circle:
            let center = back(tip, 4.5)
            return (shortened(9), ("circle", [
                ("class", "diagram-arrowhead diagram-arrowhead-circle"), ("cx", fmt(center.x)), ("cy", fmt(center.y)),
                ("r", "4"), ("fill", "Canvas"), ("stroke", "currentColor"), ("stroke-width", "1.5"),
            ]))
        case .cross:
            let center = back(tip, 5)
            let a = 3.5
            let d = "M" + point(DiagramPoint(x: center.x - a, y: center.y - a)) + "L" + point(DiagramPoint(x: center.x + a, y: center.y + a))
                + "M" + point(DiagramPoint(x: center.x - a, y: center.y + a)) + "L" + point(DiagramPoint(x: center.x + a, y: center.y - a))
            return (shortened(5), ("path", [
                ("class", "diagram-arrowhead diagram-arrowhead-cross"), ("d", d), ("fill", "none"),
                ("stroke", "currentColor"), ("stroke-width", "1.5"),
            ]))
        }
    }

    private static func writeEdgeLabel(_ w: inout SVGWriter, _ edge: DiagramLayout.Edge) {
        guard let center = edge.labelCenter else { return }
        w.open("g", [("class", "diagram-edge-label")])
        w.element("rect", [
            ("class", "diagram-edge-label-bg"),
            ("x", fmt(center.x - edge.labelWidth / 2)), ("y", fmt(center.y - edge.labelHeight / 2)),
            ("width", fmt(edge.labelWidth)), ("height", fmt(edge.labelHeight)), ("rx", "3"), ("fill", "Canvas"),
        ])
        writeText(&w, edge.label, center: center, className: "diagram-edge-label-text")
        w.close("g")
    }

    // MARK: - Nodes

    private static func writeNode(_ w: inout SVGWriter, _ node: DiagramLayout.Node) {
        w.open("g", [("class", "diagram-node diagram-node-\(node.shape.rawValue)"), ("data-id", node.id)])
        let cx = node.center.x
        let cy = node.center.y
        let left = cx - node.width / 2
        let right = cx + node.width / 2
        let top = cy - node.height / 2
        let bottom = cy + node.height / 2
        let outline: [(String, String)] = [
            ("class", "diagram-node-shape"), ("fill", "none"), ("stroke", "currentColor"), ("stroke-width", "1.5"),
        ]
        func rect(_ radius: Double) -> [(String, String)] {
            [("x", fmt(left)), ("y", fmt(top)), ("width", fmt(node.width)), ("height", fmt(node.height)), ("rx", fmt(radius))]
        }
        func polygon(_ points: [(Double, Double)]) -> [(String, String)] {
            [("points", points.map { fmt($0.0) + "," + fmt($0.1) }.joined(separator: " "))]
        }
        switch node.shape {
        case .rectangle:
            w.element("rect", outline + rect(3))
        case .rounded:
            w.element("rect", outline + rect(10))
        case .stadium:
            w.element("rect", outline + rect(min(node.width, node.height) / 2))
        case .subroutine:
            w.element("rect", outline + rect(2))
            w.element("path", [
                ("class", "diagram-node-detail"),
                ("d", "M\(fmt(left + 8)) \(fmt(top))V\(fmt(bottom))M\(fmt(right - 8)) \(fmt(top))V\(fmt(bottom))"),
                ("fill", "none"), ("stroke", "currentColor"), ("stroke-width", "1.5"),
            ])
        case .cylinder:
            let rx = node.width / 2
            let ry = 7.0
            let body = "M\(fmt(left)) \(fmt(top + ry))A\(fmt(rx)) \(fmt(ry)) 0 0 1 \(fmt(right)) \(fmt(top + ry))"
                + "V\(fmt(bottom - ry))A\(fmt(rx)) \(fmt(ry)) 0 0 1 \(fmt(left)) \(fmt(bottom - ry))Z"
            w.element("path", outline + [("d", body)])
            w.element("path", [
                ("class", "diagram-node-detail"),
                ("d", "M\(fmt(left)) \(fmt(top + ry))A\(fmt(rx)) \(fmt(ry)) 0 0 0 \(fmt(right)) \(fmt(top + ry))"),
                ("fill", "none"), ("stroke", "currentColor"), ("stroke-width", "1.5"),
            ])
        case .slanted:
            w.element("polygon", outline + polygon([(left + 12, top), (right, top), (right - 12, bottom), (left, bottom)]))
        case .hexagon:
            let inset = node.height / 4
            w.element("polygon", outline + polygon([
                (left + inset, top), (right - inset, top), (right, cy), (right - inset, bottom), (left + inset, bottom), (left, cy),
            ]))
        case .circle:
            w.element("circle", outline + [("cx", fmt(cx)), ("cy", fmt(cy)), ("r", fmt(node.width / 2))])
        case .diamond, .choice:
            w.element("polygon", outline + polygon([(cx, top), (right, cy), (cx, bottom), (left, cy)]))
        case .start:
            w.element("circle", [
                ("class", "diagram-start"), ("cx", fmt(cx)), ("cy", fmt(cy)), ("r", fmt(node.width / 2 - 1)),
                ("fill", "currentColor"),
            ])
        case .end:
            w.element("circle", [
                ("class", "diagram-end"), ("cx", fmt(cx)), ("cy", fmt(cy)), ("r", fmt(node.width / 2 - 1)),
                ("fill", "none"), ("stroke", "currentColor"), ("stroke-width", "1.5"),
            ])
            w.element("circle", [
                ("class", "diagram-end-dot"), ("cx", fmt(cx)), ("cy", fmt(cy)), ("r", fmt(node.width / 2 - 5)),
                ("fill", "currentColor"),
            ])
        case .bar:
            w.element("rect", [("class", "diagram-bar")] + rect(2) + [("fill", "currentColor")])
        }
        if node.shape != .start && node.shape != .end && node.shape != .bar && node.shape != .choice {
            writeText(&w, node.lines, center: node.center, className: "diagram-node-label")
        }
        w.close("g")
    }

    private static func writeText(_ w: inout SVGWriter, _ lines: [String], center: DiagramPoint, className: String) {
        guard !lines.isEmpty else { return }
        let first = center.y - Double(lines.count - 1) * NodeGeometry.lineHeight / 2 + NodeGeometry.fontSize * 0.35
        if lines.count == 1 {
            w.element("text", [
                ("class", className), ("x", fmt(center.x)), ("y", fmt(first)), ("text-anchor", "middle"),
                ("fill", "currentColor"),
            ], text: lines[0])
            return
        }
        w.open("text", [("class", className), ("text-anchor", "middle"), ("fill", "currentColor")])
        for (index, line) in lines.enumerated() {
            w.element("tspan", [
                ("x", fmt(center.x)), ("y", fmt(first + Double(index) * NodeGeometry.lineHeight)),
            ], text: line)
        }
        w.close("text")
    }

    // MARK: - Text for assistive technology

    /// The text of `<desc>`: kind, direction, counts, then every edge in words.
    static func description(_ layout: DiagramLayout) -> String {
        let diagram = layout.diagram
        let isState = diagram.kind == .stateDiagram
        let realNodes = diagram.nodes.filter { $0.shape != .start && $0.shape != .end }
        let visible = diagram.edges.filter { $0.line != .invisible }
        let nodeWord = isState ? (realNodes.count == 1 ? "state" : "states") : (realNodes.count == 1 ? "node" : "nodes")
        let edgeWord = isState
            ? (visible.count == 1 ? "transition" : "transitions") : (visible.count == 1 ? "edge" : "edges")
        var text = "\(isState ? "State diagram" : "Flowchart"), \(diagram.direction.words), "
            + "\(realNodes.count) \(nodeWord) and \(visible.count) \(edgeWord)."
        if let extra = diagram.accessibleDescription, !extra.isEmpty { text += " " + extra }
        func name(_ id: String) -> String {
            guard let node = diagram.node(id) else { return id }
            switch node.shape {
            case .start: return "start"
            case .end: return "end"
            default:
                return node.label.isEmpty ? id : node.label.replacingOccurrences(of: "\n", with: " ")
            }
        }
        let shown = visible.prefix(60)
        for edge in shown {
            text += " \(name(edge.from)) to \(name(edge.to))"
            if let label = edge.label { text += ", labelled \(label.replacingOccurrences(of: "\n", with: " "))" }
            text += "."
        }
        if visible.count > shown.count { text += " And \(visible.count - shown.count) more." }
        return text
    }

    private static func point(_ p: DiagramPoint) -> String { fmt(p.x) + " " + fmt(p.y) }
    private static func fmt(_ value: Double) -> String { SVGNumber.fixed(value, decimals: 2) }
}
