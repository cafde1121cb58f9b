import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// `render serve`'s HTTP server: serves the output folder on 127.0.0.1 (ServedPath decides
/// what may be sent) and keeps open pages current. Into each HTML page it sends, and only
/// there (the files on disk stay free of JavaScript), it adds a banner when the page's note has
/// a failed claim or an error, and a small script that listens to `/__derive/events`
/// (Server-Sent Events) and reloads the page when its note is rebuilt.
public final class LiveServer: Sendable {
    private let port: UInt16
    private let pages: LivePages
    /// One thread serves every connection: a preview has a few browsers at most.
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private let listener = NIOLockedValueBox<(any Channel)?>(nil)

    /// A server of the folder `root` (made if it does not exist yet) on 127.0.0.1:`port`
    /// (0: a free port, see `start`).
    public init(root: String, port: UInt16) throws {
        try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        self.port = port
        pages = LivePages(root: ServedPath.realPath(root) ?? root)
    }

    /// Starts listening and returns the port it listens on; the server then runs until `stop`.
    /// Throws a `ListenError` saying why it cannot (the port is taken, say).
    public func start() throws -> UInt16 {
        let channel: any Channel
        do {
            channel = try bootstrap().bind(host: "127.0.0.1", port: Int(port)).wait()
        } catch let error as IOError {
            throw ListenError(reason: String(cString: strerror(error.errnoCode)).lowercased())
        } catch {
            throw ListenError(reason: "\(error)")
        }
        listener.withLockedValue { $0 = channel }
        return UInt16(channel.localAddress?.port ?? 0)
    }

    /// Why the server cannot listen, in words.
    public struct ListenError: Error, CustomStringConvertible {
        public let reason: String
        public var description: String { reason }
    }

    private func bootstrap() -> ServerBootstrap {
        let pages = self.pages
        return ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(PageHandler(pages: pages))
                }
            }
    }

    /// Closes every connection and stops listening.
    public func stop() {
        pages.closeEvents()
        if let channel = listener.withLockedValue({ $0 }) { try? channel.close().wait() }
        try? group.syncShutdownGracefully()
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
final class LivePages: Sendable {
    /// The path of the event stream.
    static let eventsPath = "/__derive/events"

    /// An answer to a request: a whole response, or the start of the event stream.
    enum Answer {
        case response(HTTPResponseStatus, type: String, body: [UInt8])
        case events
    }

    private let root: String
    /// The open event streams, and the banner lines by page.
    private let state = NIOLockedValueBox<(clients: [ObjectIdentifier: any Channel], banners: [String: [String]])>(([:], [:]))

    init(root: String) {
        self.root = root
    }

    /// Closes every open event stream (the server is stopping).
    func closeEvents() {
        let clients = state.withLockedValue { state in
            defer { state.clients = [:] }
            return Array(state.clients.values)
        }
        for client in clients { client.close(promise: nil) }
    }

    /// Tells open pages that these pages (paths relative to the folder, `sub/a.html`) were
    /// rebuilt, and sets the banners of the pages (by the same paths) to show from now on:
    /// the lines of a page with none are removed.
    func rebuilt(pages: [String], banners newBanners: [String: [String]]) {
        let message = "data: " + pages.map { "/" + $0 }.joined(separator: "\ndata: ") + "\n\n"
        let clients = state.withLockedValue { state in
            state.banners = newBanners
            return Array(state.clients.values)
        }
        for client in clients { send(message, to: client) }
    }

    /// Keeps `channel` as an open event stream until it closes.
    func addClient(_ channel: any Channel) {
        let id = ObjectIdentifier(channel)
        state.withLockedValue { $0.clients[id] = channel }
        channel.closeFuture.whenComplete { [weak self] _ in
            self?.state.withLockedValue { $0.clients[id] = nil }
        }
    }

    /// Writes `text` on an event stream as one chunk.
    func send(_ text: String, to channel: any Channel) {
        let buffer = channel.allocator.buffer(string: text)
        channel.writeAndFlush(HTTPServerResponsePart.body(.byteBuffer(buffer)), promise: nil)
    }

    /// The answer to a request for `target` (the request line's target: a path, percent-encoded,
    /// maybe with a query).
    func answer(method: HTTPMethod, target: String) -> Answer {
        guard method == .GET || method == .HEAD else { return Self.plain(.methodNotAllowed, "method not allowed") }
        let encoded = target.prefix { $0 != "?" && $0 != "#" }
        guard encoded.hasPrefix("/"), let path = String(encoded).removingPercentEncoding else {
            return Self.plain(.badRequest, "bad request")
        }
        if path == Self.eventsPath { return .events }
        switch ServedPath.resolve(path, root: root) {
        case .badRequest:
            return Self.plain(.badRequest, "bad request")
        case .notFound:
            return Self.plain(.notFound, "not found")
        case .file(let path, let relative):
            guard let data = FileManager.default.contents(atPath: path) else { return Self.plain(.notFound, "not found") }
            let type = Self.contentType(of: relative)
            if type.hasPrefix("text/html") {
                return .response(.ok, type: type, body: Array(inject(into: String(decoding: data, as: UTF8.self), relative: relative).utf8))
            }
            return .response(.ok, type: type, body: Array(data))
        }
    }

    /// A response of one line of plain text.
    private static func plain(_ status: HTTPResponseStatus, _ line: String) -> Answer {
        .response(status, type: "text/plain", body: Array((line + "\n").utf8))
    }

    /// The page with its banner (if its note has failed claims or errors) and the reload script.
    func inject(into page: String, relative: String) -> String {
        var page = page
        let lines = state.withLockedValue { $0.banners[relative] ?? [] }
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

/// One connection's requests, answered in order (NIO's pipelining handler holds back the next
/// request until a response ends). An event stream's response never ends: its connection stays
/// with LivePages until the browser closes it or the server stops.
final class PageHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let pages: LivePages
    private var request: HTTPRequestHead?

    init(pages: LivePages) {
        self.pages = pages
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            request = head
        case .body:
            break
        case .end:
            guard let head = request else { return }
            request = nil
            respond(to: head, context: context)
        }
    }

    private func respond(to head: HTTPRequestHead, context: ChannelHandlerContext) {
        var headers = HTTPHeaders([("Cache-Control", "no-store")])
        switch pages.answer(method: head.method, target: head.uri) {
        case .events:
            headers.add(name: "Content-Type", value: "text/event-stream")
            context.writeAndFlush(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: .ok, headers: headers))), promise: nil)
            pages.addClient(context.channel)
            pages.send(": connected\n\n", to: context.channel)
        case .response(let status, let type, let body):
            headers.add(name: "Content-Type", value: type)
            headers.add(name: "Content-Length", value: String(body.count))
            let keepAlive = head.isKeepAlive
            headers.add(name: "Connection", value: keepAlive ? "keep-alive" : "close")
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))), promise: nil)
            if head.method != .HEAD {
                context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: body)))), promise: nil)
            }
            let written = context.writeAndFlush(wrapOutboundOut(.end(nil)))
            if !keepAlive {
                let channel = context.channel
                written.whenComplete { _ in channel.close(promise: nil) }
            }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
