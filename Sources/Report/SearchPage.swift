import Markup

/// `search.html` at the output folder's root: a search box, and the script (SearchScript)
/// that searches the index `search-index.js` (SearchIndex) for the query in the box or in the
/// page's `?q=` (the index page's link and any `<form action="search.html">` with an input
/// named `q` lead here). The only page with a script: note pages have none. Without
/// JavaScript it says that search needs it, and the search box (shown by the script) stays hidden.
public enum SearchPage {
    /// The page's name in the output folder.
    public static let fileName = "search.html"

    /// The page, in `shell` (its title and navigation; the page is at the output root).
    public static func bytes(shell: PageShell = PageShell(
        title: "Search", rootPrefix: "", index: PageShell.Link(title: "Index", href: "index.html"))) -> [UInt8]
    {
        shell.page { html in
            html.raw("""
                <h1>Search</h1>
                <form class="search-page" id="search-form" action="\(fileName)" method="get" role="search" hidden>
                <label for="search-query">Search the course’s notes</label>
                <div class="search-row"><input type="search" id="search-query" name="q" autocomplete="off" spellcheck="false" \
                aria-describedby="search-status"><button type="submit">Search</button></div>
                </form>
                <noscript><p class="search-status">Search needs JavaScript, which is off in this browser: the \
                <a href="index.html">index</a> lists every note.</p></noscript>
                <p class="search-status" id="search-status" role="status" aria-live="polite"></p>
                <ol class="search-results" id="search-results"></ol>
                <script src="\(SearchIndex.fileName)"></script>
                <script>

                """)
            html.raw(SearchScript.source)
            html.raw("</script>\n")
        }
    }
}
