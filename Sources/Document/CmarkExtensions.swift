import CCmarkGFM

/// The cmark-gfm syntax extensions a note is parsed with, created once per process.
///
/// cmark's extension objects and node types are process-global; the math extension must stay
/// alive for as long as any node points at it, so it is never freed.
struct CmarkExtensions: @unchecked Sendable {
    /// Our `$` extension.
    let math: OpaquePointer
    /// GitHub's extensions: table, strikethrough, autolink, tagfilter, tasklist.
    let github: [OpaquePointer]

    static let githubExtensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    static let shared: CmarkExtensions = {
        cmark_gfm_core_extensions_ensure_registered()
        let github = githubExtensionNames.compactMap { cmark_find_syntax_extension($0) }
        precondition(github.count == githubExtensionNames.count, "libcmark-gfm-extensions is incomplete")
        guard let math = cmark_syntax_extension_new("math") else {
            preconditionFailure("cmark_syntax_extension_new failed (out of memory)")
        }
        cmark_syntax_extension_set_match_inline_func(math, MathSyntaxExtension.match)
        let specials = cmark_llist_append(
            cmark_get_default_mem_allocator(), nil, UnsafeMutableRawPointer(bitPattern: Int(UInt8(ascii: "$"))))
        cmark_syntax_extension_set_special_inline_chars(math, specials)
        return CmarkExtensions(math: math, github: github)
    }()
}
