/// Sizes of nodes and labels from their text, and where edges meet node outlines.
public enum NodeGeometry {
    /// Font size of node and edge text.
    public static let fontSize = 14.0
    /// Distance between text lines.
    public static let lineHeight = 18.0
    /// A fork or join bar's extent across the flow and along it.
    static let barLength = 56.0
    static let barThickness = 8.0

    /// The lines of a label.
    static func lines(_ label: String) -> [String] {
        label.isEmpty ? [] : label.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Width and height of text set in lines.
    static func textSize(_ lines: [String]) -> (width: Double, height: Double) {
        let width = lines.map { TextWidth.estimate($0, fontSize: fontSize) }.max() ?? 0
        return (width, Double(lines.count) * lineHeight)
    }

    /// Width and height of a node drawn with `shape` around `lines`.
    static func size(shape: DiagramNode.Shape, lines: [String]) -> (width: Double, height: Double) {
        let text = textSize(lines)
        let width: Double
        let height: Double
        switch shape {
        case .start, .end:
            return (18, 18)
        case .choice:
            return (30, 30)
        case .bar:
            return (barLength, barThickness)  // across the flow; turned by the direction
        case .rectangle, .rounded, .subroutine:
            width = text.width + (shape == .subroutine ? 40 : 28)
            height = text.height + 18
        case .stadium:
            height = text.height + 18
            width = text.width + 24 + height / 2
        case .cylinder:
            width = text.width + 28
            height = text.height + 30
        case .slanted:
            width = text.width + 48
            height = text.height + 18
        case .hexagon:
            height = text.height + 18
            width = text.width + 28 + height / 2
        case .circle:
            let diameter = (text.width * text.width + text.height * text.height).squareRoot() + 16
            return (max(diameter, 40), max(diameter, 40))
        case .diamond:
            width = 2 * text.width + 24
            height = 2 * text.height + 16
            return (max(width, 48), max(height, 40))
        }
        return (max(width, 48), max(height, 36))
    }

    /// How far the outline reaches along the main axis from the centre, on the line parallel
    /// to the main axis at `offset` across it. `halfMain`/`halfCross` are half the node's
    /// extent along and across the flow; `horizontalFlow` says whether the main axis is x.
    static func mainExtent(
        shape: DiagramNode.Shape, halfMain: Double, halfCross: Double, offset: Double, horizontalFlow: Bool
    ) -> Double {
        let c = min(abs(offset), halfCross * 0.95)
        switch shape {
        case .circle, .start, .end:
            let r = halfMain
            return (max(0, r * r - c * c)).squareRoot()
        case .diamond, .choice:
            return halfMain * (1 - c / max(halfCross, 1e-9))
        case .stadium where horizontalFlow:
            let r = halfCross
            return halfMain - r + (max(0, r * r - c * c)).squareRoot()
        case .hexagon where horizontalFlow:
            return halfMain - (halfCross / 2) * (c / max(halfCross, 1e-9))
        default:
            return halfMain
        }
    }
}
