import FlyingFox
import FlyingSocks
import Foundation

/// `render serve`'s HTTP server: serves the output folder on 127.0.0.1 (ServedPath decides
/// what may be sent) and keeps open pages current. Into each HTML page it sends, and only
/// there (the files on disk stay free of JavaScript), it adds a banner when the page's note has
/// a failed claim or an error, and a small script that listens to `/__derive/events`
/// (Server-Sent Events) and reloads the page when its note is rebuilt.
public final class LiveServer: Sendable {
    private let server: HTTPServer
    private let pages: LivePages

    /// A server of the folder `root` (made if it does not exist yet) on 127.0.0.1:`port`
    /// (0: a free port, see `start`).
    public init(root: String, port: UInt16) throws {
        try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        pages = LivePages(root: ServedPath.realPath(root) ?? root)
        server = HTTPServer(address: try sockaddr_in.inet(ip4: "127.0.0.1", port: port), timeout: 15, logger: .disabled, handler: pages)
    }

    /// Starts listening and returns the port it listens on; the server then runs until `stop`.
    public func start() async throws -> UInt16 {
        let server = self.server
        Task { try? await server.run() }
        try await server.waitUntilListening(timeout: 10)
        switch await server.listeningAddress {
        case .ip4(_, let port), .ip6(_, let port): return port
        default: return 0
        }
    }

    /// Closes every connection and stops listening.
    public func stop() async {
        pages.closeEvents()
        await server.stop(timeout: 1)
    }

    /// Tells open pages that these pages (paths relative to the folder, `sub/a.html`) were
    /// rebuilt, and sets the banners of the pages (by the same paths) to show from now on:
    /// the lines of a page with none are removed.
    public func rebuilt(pages rebuilt: [String], banners: [String: [String]]) {
        pages.rebuilt(pages: rebuilt, banners: banners)
    }
}

/// What the server sends: the folder's files, HTML pages with their banner and script, and
/// the event stream.
final class LivePages: HTTPHandler, @unchecked Sendable {
    /// The path of the event stream.
    static let eventsPath = "/__derive/events"

    private let root: String
    private let lock = NSLock()
    private var clients: [UUID: AsyncStream<[UInt8]>.Continuation] = [:]
    private var banners: [String: [String]] = [:]

    init(root: String) {
        self.root = root
    }

    func closeEvents() {
        lock.withLock {
            for client in clients.values { client.finish() }
            clients = [:]
        }
    }

    /// Tells open pages that these pages (paths relative to the folder, `sub/a.html`) were
    /// rebuilt, and sets the banners of the pages (by the same paths) to show from now on:
    /// the lines of a page with none are removed.
    func rebuilt(pages: [String], banners newBanners: [String: [String]]) {
        let message = "data: " + pages.map { "/" + $0 }.joined(separator: "\ndata: ") + "\n\n"
        lock.withLock {
            banners = newBanners
            for client in clients.values { client.yield(Array(message.utf8)) }
        }
    }

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed)
        }
        if request.path == Self.eventsPath { return events() }
        switch ServedPath.resolve(request.path, root: root) {
        case .badRequest:
            return HTTPResponse(statusCode: .badRequest, headers: [.contentType: "text/plain"], body: Data("bad request\n".utf8))
        case .notFound:
            return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/plain"], body: Data("not found\n".utf8))
        case .file(let path, let relative):
            guard var data = FileManager.default.contents(atPath: path) else { return HTTPResponse(statusCode: .notFound) }
            let type = Self.contentType(of: relative)
            if type.hasPrefix("text/html") {
                data = Data(inject(into: String(decoding: data, as: UTF8.self), relative: relative).utf8)
            }
            return HTTPResponse(statusCode: .ok, headers: [.contentType: type, .cacheControl: "no-store"], body: data)
        }
    }

    /// The page with its banner (if its note has failed claims or errors) and the reload script.
    func inject(into page: String, relative: String) -> String {
        var page = page
        let lines = lock.withLock { banners[relative] ?? [] }
        if !lines.isEmpty, let body = page.range(of: "<body>") {
            let items = lines.map { "<li>" + Self.escape($0) + "</li>" }.joined()
            page.insert(contentsOf: "\n<div class=\"derive-banner\" role=\"alert\" style=\"background:#fde8e8;color:#8a1c1c;"
                        + "border-bottom:2px solid #c62828;padding:.6em 1em;font:15px/1.4 sans-serif\">"
                        + "<strong>Derive:</strong><ul style=\"margin:.3em 0 0 1.2em;padding:0\">" + items + "</ul></div>",
                        at: body.upperBound)
        }
        let script = "<script>(function(){var s=new EventSource(\"\(Self.eventsPath)\");s.onmessage=function(e){"
            + "var p=decodeURIComponent(location.pathname);if(p.charAt(p.length-1)==\"/\")p+=\"index.html\";"
            + "if(e.data.split(\"\\n\").indexOf(p)>=0){s.close();location.reload();}};})();</script>\n"
        if let end = page.range(of: "</body>", options: .backwards) {
            page.insert(contentsOf: script, at: end.lowerBound)
        } else {
            page += script
        }
        return page
    }

    /// An event stream that stays open: one event per rebuild, listing the pages rebuilt.
    private func events() -> HTTPResponse {
        let id = UUID()
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream()
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            self.lock.withLock { self.clients[id] = nil }
        }
        continuation.yield(Array(": connected\n\n".utf8))
        lock.withLock { clients[id] = continuation }
        return HTTPResponse(statusCode: .ok,
                            headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                            body: HTTPBodySequence(from: ChunkStream(stream: stream)))
    }

    static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "json": "application/json"
        case "md": "text/markdown; charset=utf-8"
        case "svg": "image/svg+xml"
        case "otf": "font/otf"
        case "png": "image/png"
        case "xml": "application/xml"
        default: "application/octet-stream"
        }
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

/// An `AsyncStream` of byte chunks as FlyingFox's buffered sequence (a response body of
/// unknown length, sent chunked as it comes).
struct ChunkStream: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let stream: AsyncStream<[UInt8]>

    func makeAsyncIterator() -> Iterator { Iterator(base: stream.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var base: AsyncStream<[UInt8]>.Iterator
        var pending: [UInt8] = []

        mutating func next() async -> UInt8? {
            if pending.isEmpty { pending = await base.next() ?? [] }
            return pending.isEmpty ? nil : pending.removeFirst()
        }

        mutating func nextBuffer(suggested count: Int) async -> [UInt8]? {
            if pending.isEmpty {
                guard let chunk = await base.next() else { return nil }
                pending = chunk
            }
            let chunk = Array(pending.prefix(count))
            pending.removeFirst(chunk.count)
            return chunk
        }
    }
}
