import Foundation
import Testing

/// `render --watch` and `render serve` as an author uses them: a note edited (saved by rename,
/// as editors do) shows up in its page, a deleted note's page goes, the server sends nothing
/// from outside the output folder, and an open page reloads itself.
@Suite(.serialized) struct WatchServeTests {
    @Test func watchRebuildsAnEditedNoteAndRemovesADeletedOnesPage() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try IncrementalTests.writeCourse(into: scratch)
        let watch = try LiveRender(["notes", "--watch"], in: scratch)
        defer { watch.stop() }
        #expect(LiveRender.wait(seconds: 60) { watch.stdout.contains("render: watching notes") }, "\(watch.stderr)")
        try saveByRename("# Beta\n\nLet $w = 21$. Then $2w = 42$.\n", to: scratch.url.appendingPathComponent("notes/b.md"))
        #expect(LiveRender.wait(seconds: 30) { scratch.read("output/b.html")?.contains("42") == true }, "\(watch.stdout)")
        // A note that does not parse mid-edit is one more diagnostic; the watcher goes on.
        try saveByRename("# Beta\n\n$$ w = \\frac{1}{ $$\n", to: scratch.url.appendingPathComponent("notes/b.md"))
        #expect(LiveRender.wait(seconds: 30) { watch.stderr.contains("notes/b.md:3") }, "\(watch.stderr)")
        try FileManager.default.removeItem(at: scratch.url.appendingPathComponent("notes/c.md"))
        #expect(LiveRender.wait(seconds: 30) { !scratch.exists("output/c.html") }, "\(watch.stdout)")
        #expect(watch.stdout.contains("notes/b.md changed: 1 claim: 1 held"), "\(watch.stdout)")
        // The page goes before the line that says so is printed and read.
        #expect(LiveRender.wait(seconds: 30) { watch.stdout.contains("c.md removed") }, "\(watch.stdout)")
        #expect(watch.process.isRunning)
        #expect(watch.stop() == 0, "Ctrl-C stops it cleanly")
    }

    /// `render serve --port 0` on a course; the port it says it serves on.
    static func serve(_ scratch: Scratch) throws -> (LiveRender, UInt16)? {
        let server = try LiveRender(["serve", "notes", "--port", "0"], in: scratch)
        let said = LiveRender.wait(seconds: 60) { server.stdout.contains("render: watching") }
        guard said, let match = server.stdout.firstMatch(of: /127\.0\.0\.1:(\d+)\//), let port = UInt16(match.1) else {
            Issue.record("render serve did not start: \(server.stdout) \(server.stderr)")
            return nil
        }
        return (server, port)
    }

    @Test func serveSendsNothingFromOutsideTheOutputFolder() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try IncrementalTests.writeCourse(into: scratch)
        try scratch.write("SECRET\n", to: "secret.txt")
        guard let (server, port) = try Self.serve(scratch) else { return }
        defer { server.stop() }
        try FileManager.default.createSymbolicLink(atPath: scratch.url.appendingPathComponent("output/leak.html").path,
                                                   withDestinationPath: scratch.url.appendingPathComponent("secret.txt").path)
        try FileManager.default.createSymbolicLink(atPath: scratch.url.appendingPathComponent("output/up").path,
                                                   withDestinationPath: scratch.url.path)
        let page = try HTTP.get("/a.html", port: port)
        #expect(page.status == 200)
        #expect(page.body.contains("Alpha") && page.body.contains("EventSource"), "served pages reload themselves")
        #expect(scratch.read("output/a.html")?.contains("<script") == false, "pages on disk stay free of JavaScript")
        #expect(try HTTP.get("/", port: port).body.contains("<a href=\"a.html\">Alpha</a>"))
        for path in ["/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/etc/passwd", "/sub/..%2f..%2fsecret.txt",
                     "/leak.html", "/up/secret.txt", "/up/notes/a.md", "/.render-state", "/no-such-page.html",
                     "/a.html%00.css", "/..\\secret.txt"] {
            let response = try HTTP.get(path, port: port)
            #expect([400, 404].contains(response.status), "\(path): \(response.status)")
            #expect(!response.body.contains("SECRET") && !response.body.contains("Let $x"), "\(path) sent: \(response.body)")
        }
        #expect(server.stop() == 0, "Ctrl-C stops the server cleanly")
    }

    @Test func serveAnswersAsAnHTTPServerShould() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try IncrementalTests.writeCourse(into: scratch)
        guard let (server, port) = try Self.serve(scratch) else { return }
        defer { server.stop() }
        let page = try HTTP.exchange("GET /a.html?from=index#top HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", port: port)
        #expect(page.hasPrefix("HTTP/1.1 200") && page.contains("Alpha"), "a query and a fragment are not part of the path: \(page)")
        let head = try HTTP.exchange("HEAD /a.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", port: port)
        #expect(head.hasPrefix("HTTP/1.1 200") && head.lowercased().contains("content-length: ") && !head.contains("Alpha"),
                "HEAD: the headers of GET, no body: \(head)")
        let post = try HTTP.exchange("POST /a.html HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc", port: port)
        #expect(post.hasPrefix("HTTP/1.1 405"), "\(post)")
        // Two requests on one connection (keep-alive, pipelined): two answers, in order.
        let both = try HTTP.exchange("GET /a.html HTTP/1.1\r\nHost: x\r\n\r\nGET /no-such.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                                     port: port)
        #expect(both.components(separatedBy: "HTTP/1.1 ").count == 3 && both.contains("HTTP/1.1 404"), "\(both)")
        let garbage = try HTTP.exchange("NOT HTTP AT ALL\r\n\r\n", port: port)
        #expect(garbage.isEmpty || garbage.hasPrefix("HTTP/1.1 400"), "\(garbage)")
        #expect(server.stop() == 0)
    }

    @Test func servingOnAPortAlreadyTakenSaysSoAndExits() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try IncrementalTests.writeCourse(into: scratch)
        guard let (server, port) = try Self.serve(scratch) else { return }
        defer { server.stop() }
        let second = try RenderRunner.run(["serve", "notes", "--port", String(port), "--output", "output2"], in: scratch.url, timeout: 60)
        #expect(second.status == 2, "\(second.stdout) \(second.stderr)")
        #expect(second.stderr.contains("cannot serve on 127.0.0.1:\(port): address already in use"), "\(second.stderr)")
        #expect(server.stop() == 0)
    }

    @Test func anOpenPageShowsTheNewValueAndABannerWithoutBeingReloadedByTheTest() throws {
        guard let python = ExternalTool.require("python3"), ExternalTool.require("chromium") != nil else { return }
        let scratch = try Scratch()
        defer { scratch.remove() }
        try IncrementalTests.writeCourse(into: scratch)
        guard let (server, port) = try Self.serve(scratch) else { return }
        defer { server.stop() }
        let script = RenderedCourse.repository.appendingPathComponent("scripts/live-reload-check.py")
        // The script opens the page, then saves the note with w = 4 and 2w = 9 (a failed claim),
        // and watches the open page (never reloading it) until it shows 9 and a banner.
        let run = try python.run([script.path, "http://127.0.0.1:\(port)/b.html", "notes/b.md", "w = 3", "w = 4",
                                  "2w = 6", "2w = 9"], in: scratch.url, scratch: scratch)
        #expect(run.status == 0, "\(run.stderr)\n\(server.stdout)\n\(server.stderr)")
        let report = try JSONDecoder().decode(LiveReport.self, from: Data(run.stdout.utf8))
        // MathML's text is one token a line (𝑤, =, 3): the values are looked for alone.
        #expect(report.before.contains("6") && !report.before.contains("9"), "\(report.before)")
        #expect(report.after.contains("9") && !report.after.contains("6"), "\(report.after)")
        #expect(report.reloadedItself, "the page reloaded itself (its marker is gone)")
        #expect(report.banner.contains("claim failed") || report.banner.contains("claims failed"), "banner: \(report.banner)")
    }

    struct LiveReport: Decodable {
        var before: String
        var after: String
        var banner: String
        var reloadedItself: Bool
    }
}

/// A bare HTTP/1.1 client over a socket: the path is sent as given (no client normalises `..`).
enum HTTP {
    struct Response {
        var status: Int
        var body: String
    }

    static func get(_ path: String, port: UInt16) throws -> Response {
        let text = try exchange("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", port: port)
        let status = Int(text.split(separator: " ").dropFirst().first ?? "") ?? 0
        let body = text.range(of: "\r\n\r\n").map { String(text[$0.upperBound...]) } ?? ""
        return Response(status: status, body: body)
    }

    /// Sends `request` as it is and reads until the server closes the connection.
    static func exchange(_ request: String, port: UInt16) throws -> String {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EIO) }
        defer { close(descriptor) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        let bytes = Array(request.utf8)
        _ = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, 0) }
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            data.append(contentsOf: buffer[0..<count])
        }
        return String(decoding: data, as: UTF8.self)
    }
}
