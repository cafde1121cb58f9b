/// `sitemap.xml` for a book published at a base URL: the address of every page, front page
/// first, so that search engines find every chapter (sitemaps.org protocol 0.9).
public enum Sitemap {
    public static func xml(book: Book) -> String? {
        guard let front = book.url(of: "index.html") else { return nil }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for url in [front] + book.chapters.compactMap({ book.url(of: $0.page) }) {
            xml += "<url><loc>" + escaped(url) + "</loc></url>\n"
        }
        return xml + "</urlset>\n"
    }

    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
