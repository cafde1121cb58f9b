import Foundation
import Testing

/// Swift cells through the real `render`: output under the cell, a crash as an error at its
/// cell, the cache (a second render starts no compiler and writes the same bytes), and a
/// machine without swiftc. The compiler is a wrapper script (DERIVE_SWIFTC) that counts its runs.
@Suite struct CellRenderTests {
    static let note = """
        # Cells

        ```swift
        let x = 6
        print("x * 7 =", x * 7)
        ```

        ```swift
        let empty: [Int] = []
        print(empty[x])
        ```

        """

    /// A scratch folder with the note and a counting swiftc wrapper, or nil without swiftc.
    func setUp() throws -> Scratch? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        guard path.split(separator: ":").contains(where: { FileManager.default.isExecutableFile(atPath: "\($0)/swiftc") }) else {
            return nil
        }
        let scratch = try Scratch()
        try scratch.write(Self.note, to: "notes/cells.md")
        try scratch.write("#!/bin/sh\n[ \"$1\" = \"--version\" ] || echo run >> \"$(dirname \"$0\")/compiles\"\nexec swiftc \"$@\"\n",
                          to: "swiftc-counting")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: scratch.url.appendingPathComponent("swiftc-counting").path)
        return scratch
    }

    @Test func outputShownCrashLocatedAndSecondRenderStartsNoCompiler() throws {
        guard let scratch = try setUp() else { return }
        defer { scratch.remove() }
        let environment = ["DERIVE_SWIFTC": scratch.url.appendingPathComponent("swiftc-counting").path]
        let first = try RenderRunner.run(["notes"], in: scratch.url, environment: environment, timeout: 120)
        #expect(first.status == 1)
        #expect(first.stderr.contains("notes/cells.md:9:1: error: cell 2 crashed"), "\(first.stderr)")
        #expect(scratch.read("compiles") == "run\n")
        let page = scratch.read("output/cells.html") ?? ""
        #expect(page.contains("<pre class=\"cell-output\"><samp>x * 7 = 42\n</samp></pre>"))
        #expect(page.contains("Fatal error: Index out of range"))
        #expect(scratch.read("output/cells.md")?.contains("Output of cell 1:\n\n```text\nx * 7 = 42\n```\n") == true)
        #expect(scratch.read("output/report.json")?.contains("\"stdout\": \"x * 7 = 42\\n\"") == true)
        let pages = ["output/cells.html", "output/cells.md", "output/report.json"].map { scratch.read($0) }
        let second = try RenderRunner.run(["notes"], in: scratch.url, environment: environment, timeout: 120)
        #expect(second.stderr == first.stderr)
        #expect(scratch.read("compiles") == "run\n", "the second render started the compiler")
        #expect(["output/cells.html", "output/cells.md", "output/report.json"].map { scratch.read($0) } == pages)
        // --no-exec --no-cache: nothing runs, the cells say so.
        let noExec = try RenderRunner.run(["notes", "--no-exec", "--no-cache"], in: scratch.url, environment: environment)
        #expect(noExec.status == 0, "\(noExec.stderr)")
        #expect(scratch.read("output/cells.html")?.contains("<em>not run</em>") == true)
        #expect(scratch.read("compiles") == "run\n")
    }

    @Test func withoutSwiftcOneWarningAndTheStatusUnchangedUnlessStrict() throws {
        guard let scratch = try setUp() else { return }
        defer { scratch.remove() }
        let environment = ["PATH": "/nonexistent", "DERIVE_SWIFTC": ""]
        let run = try RenderRunner.run(["notes"], in: scratch.url, environment: environment)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "render: warning: no swiftc found (on PATH or in DERIVE_SWIFTC): Swift cells are not run\n")
        #expect(scratch.read("output/cells.md")?.contains("*Cell 2: not run.*") == true)
        let strict = try RenderRunner.run(["notes", "--strict", "--check"], in: scratch.url, environment: environment)
        #expect(strict.status == 1)
    }
}
