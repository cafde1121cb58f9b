import Foundation
import Testing

/// Issue 15, the command line and the output folder as a hostile or careless user meets them:
/// output that must not depend on how a path is typed, pages that must not collide, input that
/// must be refused, a crash that must not leave the output half-updated, a front matter bomb.
@Suite struct HardeningTests {
    /// Every file under `folder` (hidden ones too) with its bytes.
    static func contents(_ scratch: Scratch, _ folder: String) -> [String: Data] {
        let root = scratch.url.appendingPathComponent(folder)
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return files }
        while let path = enumerator.nextObject() as? String {
            // The incremental state is bookkeeping (when the run started, the paths as typed), not output.
            if path == ".render-state" { continue }
            if let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) { files[path] = data }
        }
        return files
    }

    /// A note whose `z` nothing binds: it is sampled, and the sample used to be seeded with the
    /// path as typed (`notes/a.md`, `./notes/a.md`, `/tmp/.../notes/a.md`).
    static let sampledNote = "# Sampled\n\n$$ y = z^2 + w $$\n\n$$ y > 0 $$\n"

    @Test func outputIsTheSameHoweverTheFolderIsTyped() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write(Self.sampledNote, to: "notes/a.md")
        try scratch.write(Self.sampledNote, to: "notes/sub/b.md")
        let absolute = scratch.url.appendingPathComponent("notes").path
        let spellings = ["notes", "./notes", absolute, "notes/", "./notes/../notes//"]
        for (index, spelling) in spellings.enumerated() {
            let run = try RenderRunner.run([spelling, "--output", "out\(index)"], in: scratch.url)
            #expect(run.status == 0, "\(spelling): \(run.stderr)")
        }
        let first = Self.contents(scratch, "out0")
        #expect(first.count > 5)
        #expect(String(decoding: first["index.html"] ?? Data(), as: UTF8.self).contains("notes/sub/b.md"))
        for index in spellings.indices.dropFirst() {
            let other = Self.contents(scratch, "out\(index)")
            let differing = first.keys.filter { first[$0] != other[$0] }.sorted()
            #expect(other == first, "render \(spellings[index]) differs from render notes in \(differing)")
        }
    }

    @Test func aSingleNoteGivesTheSameOutputHoweverItIsTyped() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write(Self.sampledNote, to: "notes/a.md")
        let spellings = ["notes/a.md", "./notes/a.md", scratch.url.appendingPathComponent("notes/a.md").path]
        for (index, spelling) in spellings.enumerated() {
            let run = try RenderRunner.run([spelling, "--output", "out\(index)"], in: scratch.url)
            #expect(run.status == 0, "\(spelling): \(run.stderr)")
        }
        let first = Self.contents(scratch, "out0")
        #expect(Self.contents(scratch, "out1") == first)
        #expect(Self.contents(scratch, "out2") == first)
    }

    @Test func namesThatDifferOnlyInCaseAreRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("# Lower\n", to: "notes/n.md")
        try scratch.write("# Upper\n", to: "notes/n.MD")
        let run = try RenderRunner.run(["notes"], in: scratch.url)
        #expect(run.status == 2)
        #expect(run.stderr == "render: error: notes/n.MD and notes/n.md would both be written to output/n.html "
                    + "(names are compared ignoring case, as on macOS and Windows); rename one\n")
        #expect(!scratch.exists("output"))
    }

    @Test func aNoteNamedIndexIsRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("# Home\n", to: "notes/Index.md")
        try scratch.write("# Sub\n", to: "notes/sub/index.md")
        let run = try RenderRunner.run(["notes"], in: scratch.url)
        #expect(run.status == 2)
        #expect(run.stderr == "render: error: notes/Index.md would be written to output/Index.html, "
                    + "the index of all notes; rename the note\n")
        try FileManager.default.removeItem(at: scratch.url.appendingPathComponent("notes/Index.md"))
        let sub = try RenderRunner.run(["notes"], in: scratch.url)
        #expect(sub.status == 0, "an index.md in a subfolder collides with nothing: \(sub.stderr)")
        #expect(scratch.exists("output/sub/index.html"))
    }

    @Test func controlCharactersInAFileNameAreEscapedOnTheTerminalAndInJUnit() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let name = "red\u{1b}[31m\u{7}.md"
        try scratch.write("# Odd\n\n$$ 1 + 1 = 3 $$\n", to: "notes/\(name)")
        let run = try RenderRunner.run(["notes", "--junit", "junit.xml"], in: scratch.url)
        #expect(run.status == 1)
        #expect(!run.stderr.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(run.stderr.debugDescription)")
        #expect(run.stderr.contains(#"notes/red\u{1b}[31m\u{7}.md:3:4: error: claim does not hold"#), "\(run.stderr)")
        let junit = try #require(scratch.read("junit.xml"))
        #expect(!junit.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(junit.contains(#"classname="notes/red\u{1b}[31m\u{7}.md""#))
        #expect(scratch.exists("output/\(name.dropLast(3)).html"), "the page keeps the file's own name")
    }

    @Test func anOutputFolderThatIsTheNotesFolderIsRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("# A\n", to: "d/a.md")
        for output in ["d", "./d/", scratch.url.appendingPathComponent("d").path] {
            let run = try RenderRunner.run(["d", "-o", output], in: scratch.url)
            #expect(run.status == 2)
            #expect(run.stderr == "render: error: the output folder \(output) is d, a folder of notes; "
                        + "choose another with --output\n")
        }
        #expect(scratch.allFiles() == ["d/a.md"])
    }

    @Test func notesInsideTheOutputFolderAreRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("# A\n", to: "site/notes/a.md")
        try scratch.write("# B\n", to: "site/b.md")
        let folder = try RenderRunner.run(["site/notes", "-o", "site"], in: scratch.url)
        #expect(folder.status == 2)
        #expect(folder.stderr == "render: error: site/notes is inside the output folder site, where pages and "
                    + "reports are written; choose another with --output\n")
        // Its report site/b.md would overwrite the note itself.
        let file = try RenderRunner.run(["site/b.md", "-o", "site"], in: scratch.url)
        #expect(file.status == 2)
        #expect(scratch.read("site/b.md") == "# B\n")
        #expect(scratch.allFiles() == ["site/b.md", "site/notes/a.md"])
        // Only with --check, which writes nothing, is it allowed.
        #expect(try RenderRunner.run(["site/b.md", "-o", "site", "--check"], in: scratch.url).status == 0)
    }

    @Test(arguments: ["9223372036854775807", "100000000", "10001"])
    func samplesAboveTheLimitAreAUsageError(samples: String) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("$$ (x+1)^2 = x^2 + 2x + 1 $$\n", to: "notes/a.md")
        let run = try RenderRunner.run(["notes", "--check", "--samples", samples], in: scratch.url, timeout: 60)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("Error: --samples must be from 0 to 10000, not \(samples)\n"), "\(run.stderr)")
    }

    @Test func samplesAtTheLimitAreAccepted() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("$$ (x+1)^2 = x^2 + 2x + 1 $$\n", to: "notes/a.md")
        let run = try RenderRunner.run(["notes", "--check", "--samples", "10000"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test func aFormulaWithAnUnbalancedBraceIsAnError() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("# A\n\n$$ x = {1 + 2 $$\n", to: "notes/a.md")
        let run = try RenderRunner.run(["notes", "--check"], in: scratch.url)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("notes/a.md:3:8: error: unbalanced brace: { is not closed"), "\(run.stderr)")
    }

    /// A trap while checking a note (injected after the third of four notes is written, as
    /// the crashes of issue 15 did) leaves the output folder exactly as it was: no new page
    /// beside an old index. The next run sweeps what the crashed one staged.
    @Test func aCrashLeavesTheOutputFolderAsItWas() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        for name in ["a", "b", "c", "d"] {
            try scratch.write("# \(name)\n\n$$ y_\(name) = 1 $$\n", to: "notes/\(name).md")
        }
        #expect(try RenderRunner.run(["notes"], in: scratch.url).status == 0)
        let before = Self.contents(scratch, "output")
        for name in ["a", "b", "c", "d"] {
            try scratch.write("# \(name), second version\n\n$$ y_\(name) = 2 $$\n", to: "notes/\(name).md")
        }
        let crashed = try RenderRunner.run(["notes"], in: scratch.url,
                                           environment: ["RENDER_TEST_TRAP_AFTER": "c.md", "SWIFT_BACKTRACE": "enable=no"])
        #expect(crashed.status != 0 && crashed.status != 1 && crashed.status != 2, "it trapped: \(crashed.stderr)")
        let after = Self.contents(scratch, "output").filter { !$0.key.hasPrefix(".render-staging-") }
        #expect(after == before, "changed: \(after.keys.filter { after[$0] != before[$0] }.sorted())")
        let rerun = try RenderRunner.run(["notes"], in: scratch.url)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let final = Self.contents(scratch, "output")
        #expect(!final.keys.contains { $0.hasPrefix(".render-staging-") }, "the crashed run's staging folder is swept")
        #expect(String(decoding: final["index.html"] ?? Data(), as: UTF8.self).contains("second version"))
    }

    /// A write that fails (here: a folder where a page goes) leaves every other file as it was.
    @Test func aFailedWriteCommitsNothing() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("# A\n", to: "notes/a.md")
        try scratch.write("# B\n", to: "notes/b.md")
        #expect(try RenderRunner.run(["notes"], in: scratch.url).status == 0)
        let before = Self.contents(scratch, "output")
        try scratch.write("# A, second version\n", to: "notes/a.md")
        try scratch.write("# B, second version\n", to: "notes/b.md")
        try FileManager.default.removeItem(at: scratch.url.appendingPathComponent("output/b.md"))
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("output/b.md"),
                                                withIntermediateDirectories: false)
        let run = try RenderRunner.run(["notes"], in: scratch.url)
        #expect(run.status == 2)
        let after = Self.contents(scratch, "output")
        #expect(after["a.html"] == before["a.html"] && after["index.html"] == before["index.html"])
    }

    @Test func aFrontMatterAliasBombIsAnErrorNotAHang() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var lines = ["---", "values:", "  x: 2", #"a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]"#]
        let levels = Array("abcdefghi")
        for (previous, level) in zip(levels, levels.dropFirst()) {
            lines.append("\(level): &\(level) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]")
        }
        try scratch.write((lines + ["---", "", "$$ y = x + 1 $$", ""]).joined(separator: "\n"), to: "notes/bomb.md")
        let run = try RenderRunner.run(["notes", "--check"], in: scratch.url, timeout: 20)
        #expect(run.status == 1, "killed after 20 s if 9: \(run.stderr)")
        #expect(run.stderr.hasPrefix("notes/bomb.md:2:1: error: front matter not read: it uses 72 YAML aliases"),
                "\(run.stderr)")
    }
}
