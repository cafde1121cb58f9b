import CCmarkGFM
import Document
import Foundation

/// libcmark-gfm's own HTML for a Markdown text, with the extensions and options a note is
/// read with: table, strikethrough, autolink, tagfilter, tasklist, footnotes.
enum CmarkReference {
    static func html(_ markdown: String, unsafe: Bool) -> String {
        MarkdownParser.withCmarkLock {
            cmark_gfm_core_extensions_ensure_registered()
            guard let parser = cmark_parser_new(CMARK_OPT_FOOTNOTES) else { return "" }
            defer { cmark_parser_free(parser) }
            for name in ["table", "strikethrough", "autolink", "tagfilter", "tasklist"] {
                if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
            }
            let bytes = Array(markdown.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
            }
            guard let root = cmark_parser_finish(parser) else { return "" }
            defer { cmark_node_free(root) }
            let options = CMARK_OPT_FOOTNOTES | (unsafe ? CMARK_OPT_UNSAFE : 0)
            guard let html = cmark_render_html(root, options, cmark_parser_get_syntax_extensions(parser)) else {
                return ""
            }
            defer { free(html) }
            return String(cString: html)
        }
    }
}
