import Foundation
import Testing

/// Incremental runs (the output folder's .render-state): after one note changes, a run writes
/// what a full rebuild writes, byte for byte, without checking the notes that did not change;
/// a note that is gone takes its page and report with it.
@Suite struct IncrementalTests {
    static let course = [
        "notes/a.md": "# Alpha\n\nLet $x = 2$. Then $x^2 = 4$.\n",
        "notes/b.md": "# Beta\n\nLet $w = 3$. Then $2w = 6$.\n",
        "notes/c.md": "# Gamma\n\nLet $t = 1$. Then $t + 1 = 2$.\n",
        "notes/sub/d.md": "# Delta\n\nLet $u = 5$. Then $u - 1 = 4$.\n",
    ]

    static func writeCourse(into scratch: Scratch) throws {
        for (path, text) in course { try scratch.write(text, to: path) }
    }

    /// Every file of the folder but the state, with its bytes.
    static func contents(of folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            guard path != ".render-state", enumerator?.fileAttributes?[.type] as? FileAttributeType == .typeRegular else { continue }
            files[path] = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path)
        }
        return files
    }

    @Test func afterOneNoteChangesTheOutputIsByteForByteAFullRebuild() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try Self.writeCourse(into: scratch)
        #expect(try RenderRunner.run(["notes"], in: scratch.url).status == 0)
        // b's title changes too: a's and c's pages link to b by its title.
        try scratch.write("# Beta, revised\n\nLet $w = 4$. Then $2w = 8$.\n", to: "notes/b.md")
        // A debug build traps after writing d's page if d is checked: unchanged, it is not.
        let incremental = try RenderRunner.run(["notes"], in: scratch.url, environment: ["RENDER_TEST_TRAP_AFTER": "sub/d.md"])
        #expect(incremental.status == 0, "\(incremental.stderr)")
        #expect(incremental.stdout.contains("4 notes, 8 formulas, 4 claims: 4 held"), "\(incremental.stdout)")
        let full = try RenderRunner.run(["notes", "--output", "full", "--force"], in: scratch.url)
        #expect(full.status == 0, "\(full.stderr)")
        let incrementalFiles = Self.contents(of: scratch.url.appendingPathComponent("output"))
        let fullFiles = Self.contents(of: scratch.url.appendingPathComponent("full"))
        #expect(incrementalFiles.keys.sorted() == fullFiles.keys.sorted())
        for (path, bytes) in fullFiles {
            #expect(incrementalFiles[path] == bytes, "\(path) differs from a full rebuild")
        }
        #expect(scratch.read("output/a.html")?.contains("Beta, revised") == true)
        // --force checks every note again: d's trap fires.
        let forced = try RenderRunner.run(["notes", "--force"], in: scratch.url, environment: ["RENDER_TEST_TRAP_AFTER": "sub/d.md"])
        #expect(forced.status != 0)
    }

    @Test func otherOptionsRebuildEveryNote() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try Self.writeCourse(into: scratch)
        #expect(try RenderRunner.run(["notes"], in: scratch.url).status == 0)
        let resampled = try RenderRunner.run(["notes", "--samples", "3"], in: scratch.url,
                                            environment: ["RENDER_TEST_TRAP_AFTER": "sub/d.md"])
        #expect(resampled.status != 0, "a run with other options checks d again")
    }

    @Test func aSecondRunWithTheSameSetValueDoesNotCallItUnused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try Self.writeCourse(into: scratch)
        // Only d uses u: were d reused, no checked note would use it.
        let first = try RenderRunner.run(["notes", "--set", "u=5"], in: scratch.url)
        let second = try RenderRunner.run(["notes", "--set", "u=5"], in: scratch.url)
        #expect(first.status == 0 && second.status == 0, "\(second.stderr)")
        #expect(!second.stderr.contains("no note uses"), "\(second.stderr)")
    }

    @Test func anUnchangedNoteWithAFailedClaimStillFailsAndSaysWhy() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("# Wrong\n\nLet $x = 2$. Then $x^2 = 5$.\n", to: "notes/a.md")
        try scratch.write("# Right\n\nLet $x = 2$. Then $x^2 = 4$.\n", to: "notes/b.md")
        let first = try RenderRunner.run(["notes", "--junit", "junit.xml"], in: scratch.url)
        let firstJUnit = scratch.read("junit.xml")
        let again = try RenderRunner.run(["notes", "--junit", "junit.xml"], in: scratch.url)
        #expect(first.status == 1 && again.status == 1)
        #expect(again.stderr == first.stderr && again.stderr.contains("notes/a.md:3"), "\(again.stderr)")
        #expect(scratch.read("junit.xml") == firstJUnit)
        #expect(firstJUnit?.contains("notes/b.md:3") == true, "the reused note's test case is kept")
    }

    @Test func aDeletedNoteTakesItsPageAndReportWithIt() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try Self.writeCourse(into: scratch)
        try scratch.write("# Mine\n", to: "output/mine.html")
        #expect(try RenderRunner.run(["notes"], in: scratch.url).status == 0)
        try FileManager.default.removeItem(at: scratch.url.appendingPathComponent("notes/c.md"))
        let run = try RenderRunner.run(["notes"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!scratch.exists("output/c.html") && !scratch.exists("output/c.md"))
        #expect(scratch.read("output/index.html")?.contains("Gamma") == false)
        #expect(scratch.exists("output/mine.html"), "a file no run wrote is left alone")
    }
}
