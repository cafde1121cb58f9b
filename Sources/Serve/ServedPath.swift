import Foundation

/// Where a request's path leads inside the served folder, or why it leads nowhere: the one
/// place that decides what `render serve` may send. A path with a `..` or `.` component (also
/// once percent-decoded, `%2e%2e`), a NUL or a backslash is refused (400); a hidden name
/// (`.render-state`, staging folders) and anything whose real path (symbolic links followed)
/// is not inside the folder's real path is not found (404). `/` and a folder's `/` are its
/// `index.html`.
public enum ServedPath: Equatable, Sendable {
    /// A regular file inside the folder: its real path, and its path relative to the folder.
    case file(path: String, relative: String)
    case badRequest
    case notFound

    /// Resolves `requestPath` (decoded, `/sub/a.html`) against the folder whose real path is `root`.
    public static func resolve(_ requestPath: String, root: String) -> ServedPath {
        // Decoded once more: a server in front may pass `%2e%2e` through undecoded.
        let decoded = requestPath.removingPercentEncoding ?? requestPath
        for text in [requestPath, decoded] {
            if text.contains("\0") || text.contains("\\") { return .badRequest }
            let components = text.split(separator: "/", omittingEmptySubsequences: true)
            if components.contains(where: { $0 == ".." || $0 == "." }) { return .badRequest }
        }
        var components = decoded.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if components.contains(where: { $0.hasPrefix(".") }) { return .notFound }
        if decoded.hasSuffix("/") || components.isEmpty { components.append("index.html") }
        let relative = components.joined(separator: "/")
        let candidate = root.hasSuffix("/") ? root + relative : root + "/" + relative
        guard let real = realPath(candidate), real.hasPrefix(root.hasSuffix("/") ? root : root + "/") else { return .notFound }
        var status = stat()
        guard stat(real, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return .notFound }
        return .file(path: real, relative: relative)
    }

    /// The real path of `path` (symbolic links followed), or nil when it does not exist.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
