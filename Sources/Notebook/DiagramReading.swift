import Diagram
import Document
import Foundation

/// A ```` ```mermaid ```` code block of a note, read when the note is checked: the page draws
/// it from here (nothing parses mermaid while writing), and a check can compare its edges
/// with the formulas.
public struct NoteDiagram: Sendable {
    /// The line of the code block's opening fence; the diagram's text starts on the next line.
    public var fenceLine: Int
    /// The diagram, or why its text cannot be read (the page shows that beside the code).
    public var reading: Result<MermaidDiagram, DiagramProblem>

    /// The diagram, when its text could be read.
    public var diagram: MermaidDiagram? {
        if case .success(let diagram) = reading { return diagram }
        return nil
    }

    /// The note's line of the diagram's line `line` (1-based, as in ``DiagramEdge/sourceLine``).
    public func noteLine(ofDiagramLine line: Int) -> Int { fenceLine + line }

    /// The note's line that states `edge` (`x1 -->|w3| h2`), for a message that names it.
    public func noteLine(of edge: DiagramEdge) -> Int? { edge.sourceLine.map(noteLine(ofDiagramLine:)) }

    /// Whether a code block with the info string `info` holds a mermaid diagram (its first
    /// word, up to a space, is `mermaid`).
    public static func isMermaid(info: String) -> Bool {
        info.split(separator: " ").first == "mermaid"
    }
}

extension NoteResult {
    /// The diagram of the code block whose fence is on `line`, if that block is a mermaid one.
    public func diagram(atFenceLine line: Int) -> NoteDiagram? {
        diagrams.first { $0.fenceLine == line }
    }

    /// This result with the mermaid diagrams of `document` read into ``diagrams`` and a
    /// diagnostic for each that is not drawn, merged into the sorted diagnostics.
    func readingDiagrams(of document: Document) -> NoteResult {
        var result = self
        var found: [Diagnostic] = []
        DiagramReading.read(document.blocks, document: document, into: &result.diagrams, diagnostics: &found)
        for diagnostic in found { DiagramReading.insert(diagnostic, into: &result.diagnostics) }
        return result
    }
}

extension DiagramProblem.Reason {
    /// Whether this is valid mermaid of a kind Derive does not draw.
    fileprivate var isUnsupportedKind: Bool {
        if case .unsupportedKind = self { return true }
        return false
    }
}

/// Reads every mermaid code block of a note (at any depth: in lists, quotes and footnotes)
/// and says, as a diagnostic at the offending line of the block, why one is not drawn.
///
/// Text that cannot be read, an empty diagram and one too large to lay out are warnings: the
/// author meant a drawing and gets none. A kind of mermaid diagram that Derive does not draw
/// (`sequenceDiagram`, `pie`, …) is a note: the text is valid mermaid, nothing in it needs
/// fixing, so it must not fail `--strict`; the page shows its code with the reason.
enum DiagramReading {
    static func read(
        _ blocks: [Block], document: Document, into diagrams: inout [NoteDiagram], diagnostics: inout [Diagnostic]
    ) {
        for block in blocks {
            switch block {
            case .codeBlock(let info, let literal, let line):
                guard NoteDiagram.isMermaid(info: info) else { continue }
                let diagram = NoteDiagram(fenceLine: line, reading: MermaidParser.parse(literal))
                if let diagnostic = diagnostic(for: diagram, literal: literal, lines: document.lines) {
                    diagnostics.append(diagnostic)
                }
                diagrams.append(diagram)
            case .blockQuote(let children):
                read(children, document: document, into: &diagrams, diagnostics: &diagnostics)
            case .list(let list):
                for item in list.items {
                    read(item.blocks, document: document, into: &diagrams, diagnostics: &diagnostics)
                }
            case .footnoteDefinition(let definition):
                read(definition.blocks, document: document, into: &diagrams, diagnostics: &diagnostics)
            case .paragraph, .heading, .thematicBreak, .htmlBlock, .table, .math:
                continue
            }
        }
    }

    /// Why `diagram` is not drawn, at the line it names; `nil` when it is drawn.
    static func diagnostic(for diagram: NoteDiagram, literal: String, lines: [Substring]) -> Diagnostic? {
        let problem: DiagramProblem
        switch diagram.reading {
        case .failure(let failure): problem = failure
        case .success(let read):
            // Only the size limits are checked here: the layout itself is the page's work.
            guard let refusal = DiagramLayout.refusal(read) else { return nil }
            problem = refusal
        }
        let severity: Diagnostic.Severity = problem.reason.isUnsupportedKind ? .note : .warning
        let hint = problem.reason.isUnsupportedKind
            ? "Derive draws flowcharts and state diagrams; the page shows this diagram's code"
            : "the page shows the diagram's code in its place"
        let message = "mermaid diagram not drawn: " + problem.detail
        let place = position(of: problem.line, in: diagram, literal: literal, lines: lines)
        return Diagnostic(severity, message, at: place.position, length: place.length, hint: hint)
    }

    /// Where the diagram's line `line` starts in the note (its first non-blank text, found on the
    /// note's line so that list indentation and `>` quote marks are counted), and how long it
    /// is; the fence line when the problem has no line.
    static func position(of line: Int?, in diagram: NoteDiagram, literal: String, lines: [Substring])
        -> (position: SourcePosition, length: Int)
    {
        let noteLine = line.map { diagram.noteLine(ofDiagramLine: $0) } ?? diagram.fenceLine
        guard noteLine >= 1, noteLine <= lines.count else {
            return (SourcePosition(line: noteLine, column: 1), 1)
        }
        let text = lines[noteLine - 1]
        var wanted: Substring = ""
        if let line {
            let literalLines = literal.split(omittingEmptySubsequences: false) {
                $0 == "\n" || $0 == "\r\n" || $0 == "\r"
            }
            if line <= literalLines.count { wanted = trimmed(literalLines[line - 1]) }
        } else {
            wanted = trimmed(text)
        }
        if !wanted.isEmpty, let start = text.range(of: wanted)?.lowerBound {
            let column = text.unicodeScalars[..<start].count + 1
            return (SourcePosition(line: noteLine, column: column), wanted.unicodeScalars.count)
        }
        let blank = text.unicodeScalars.prefix { $0 == " " || $0 == "\t" }.count
        return (SourcePosition(line: noteLine, column: blank + 1), max(1, text.unicodeScalars.count - blank))
    }

    /// `text` without spaces and tabs at either end.
    private static func trimmed(_ text: Substring) -> Substring {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = text.firstIndex(where: { !isBlank($0) }),
            let last = text.lastIndex(where: { !isBlank($0) })
        else { return "" }
        return text[first...last]
    }

    /// Inserts `diagnostic` into `diagnostics`, which are sorted by position, then message (as
    /// the checker leaves them), after every diagnostic that does not come later; a diagnostic
    /// already there is not added twice.
    static func insert(_ diagnostic: Diagnostic, into diagnostics: inout [Diagnostic]) {
        guard !diagnostics.contains(diagnostic) else { return }
        let key = (diagnostic.position, diagnostic.message)
        let index = diagnostics.firstIndex { key < ($0.position, $0.message) } ?? diagnostics.endIndex
        diagnostics.insert(diagnostic, at: index)
    }
}
