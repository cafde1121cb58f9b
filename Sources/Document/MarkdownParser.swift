import CCmarkGFM
import Foundation

/// Reads a note into a `Document` with cmark-gfm and the math extension.
///
/// GitHub's extensions (table, strikethrough, autolink, tagfilter, tasklist) and footnotes
/// are on, as on GitHub. Parsing is thread-safe: cmark-gfm's special-character table is
/// process-global, so cmark's own parsing (feeding the text and finishing the tree) is
/// serialized behind one lock; everything around it, turning cmark's tree into ours
/// included, runs in parallel.
public enum MarkdownParser {
    /// The cmark options used for parsing (footnotes on).
    static let parseOptions: Int32 = CMARK_OPT_FOOTNOTES

    private static let lock = NSLock()

    /// Runs `body` while holding the lock that serializes all use of cmark-gfm's parser in this
    /// process (its special-character table is global). For code that calls cmark directly,
    /// such as a test comparing with cmark's own renderer.
    public static func withCmarkLock<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Parses `text` as `parse` does but with every formula scanned to its end, without the
    /// index of closers ahead: for the test that both find the same formulas.
    static func parseScanningEveryFormula(_ text: String) -> Document {
        parse(text, indexingClosers: false)
    }

    /// Parses a note. Never fails: any text is some Markdown.
    public static func parse(_ text: String) -> Document {
        parse(text, indexingClosers: true)
    }

    private static func parse(_ text: String, indexingClosers: Bool) -> Document {
        let source = SourceText(text)
        let prepass = BlockPrepass(source: source)
        var rewritten = prepass.dollarBlocks
        // A rewritten `$$` block must come out as our fence at its line; when it does not (it
        // sat in an HTML block or indented code), undo that rewrite and parse again.
        for _ in 0..<3 {
            let (document, taken) = parseOnce(source: source, prepass: prepass, rewriting: rewritten, indexingClosers: indexingClosers)
            if taken.count == rewritten.count { return document }
            rewritten = rewritten.filter { taken.contains($0.openerLine) }
        }
        return parseOnce(source: source, prepass: prepass, rewriting: [], indexingClosers: indexingClosers).document
    }

    private static func parseOnce(source: SourceText, prepass: BlockPrepass,
                                  rewriting blocks: [BlockPrepass.DollarBlock], indexingClosers: Bool)
        -> (document: Document, takenDollarBlocks: Set<Int>)
    {
        let input = prepass.cmarkInput(rewriting: blocks)
        let extensions = CmarkExtensions.shared
        guard let parser = cmark_parser_new(parseOptions) else {
            return (Document(blocks: []), [])
        }
        defer { cmark_parser_free(parser) }
        for ext in extensions.github { cmark_parser_attach_syntax_extension(parser, ext) }
        cmark_parser_attach_syntax_extension(parser, extensions.math)
        // Only cmark's own parsing touches its global tables (the table extension parses rows
        // while lines are fed); turning its tree into ours runs beside other parses.
        let collector = InlineMathCollector()
        collector.usesCloserIndex = indexingClosers
        let parsed: OpaquePointer? = withCmarkLock {
            activeInlineMathCollector = collector
            defer { activeInlineMathCollector = nil }
            input.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    cmark_parser_feed(parser, chars.baseAddress, chars.count)
                }
            }
            return cmark_parser_finish(parser)
        }
        guard let root = parsed else { return (Document(blocks: []), []) }
        defer { cmark_node_free(root) }
        var converter = CmarkConverter(
            source: source, records: collector.records,
            dollarBlocks: Dictionary(uniqueKeysWithValues: blocks.map { ($0.openerLine, $0) }))
        let converted = converter.blocks(of: root, depth: 0)
        let document = Document(
            blocks: converted, frontMatter: prepass.frontMatter, diagnostics: converter.diagnostics,
            lines: source.substrings())
        return (document, converter.takenDollarBlocks)
    }
}
