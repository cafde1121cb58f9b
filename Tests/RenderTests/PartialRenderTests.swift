import Foundation
import Testing

/// Rendering part of a course (OutputCourse): `render notes/b.md` into the output folder of
/// `render notes/` updates b's page and whatever depends on it, keeps every other note's page
/// as it is, and keeps the index, report.json and the navigation whole.
@Suite struct PartialRenderTests {
    static let course = [
        "notes/a.md": "# Alpha\n\nLet $x = 2$. Then $x^2 = 4$.\n",
        "notes/b.md": "# Beta\n\nLet $w = 3$. Then $2w = 6$.\n",
        "notes/c.md": "# Gamma\n\nLet $t = 1$. Then $t + 1 = 2$.\n",
    ]

    /// A course rendered into `output/`, with a stranger's file in it.
    static func renderedCourse() throws -> Scratch {
        let scratch = try Scratch()
        for (path, text) in course { try scratch.write(text, to: path) }
        let run = try RenderRunner.run(["notes"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        try scratch.write("example.org\n", to: "output/CNAME")
        return scratch
    }

    /// Every file of a folder but the state: its bytes and its modification time.
    static func snapshot(_ scratch: Scratch, _ folder: String = "output") -> [String: (bytes: Data, modified: Date)] {
        var files: [String: (bytes: Data, modified: Date)] = [:]
        let root = scratch.url.appendingPathComponent(folder)
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let path = enumerator?.nextObject() as? String {
            guard path != ".render-state", enumerator?.fileAttributes?[.type] as? FileAttributeType == .typeRegular,
                  let modified = enumerator?.fileAttributes?[.modificationDate] as? Date,
                  let bytes = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else { continue }
            files[path] = (bytes, modified)
        }
        return files
    }

    /// report.json's notes (by path) and its summary.
    static func report(_ scratch: Scratch) throws -> (notes: [String], summary: [String: Int]) {
        let json = try JSONSerialization.jsonObject(with: Data((scratch.read("output/report.json") ?? "").utf8)) as? [String: Any]
        let notes = (json?["notes"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
        return (notes, json?["summary"] as? [String: Int] ?? [:])
    }

    /// Whether `output/` is, byte for byte, what a full render of the notes gives now (the
    /// stranger's file aside).
    static func expectFullRender(_ scratch: Scratch, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let full = try RenderRunner.run(["notes", "--output", "full", "--force"], in: scratch.url)
        #expect(full.status <= 1, "\(full.stderr)", sourceLocation: sourceLocation)
        var partial = snapshot(scratch).mapValues(\.bytes)
        partial["CNAME"] = nil
        let fresh = snapshot(scratch, "full").mapValues(\.bytes)
        #expect(partial.keys.sorted() == fresh.keys.sorted(), sourceLocation: sourceLocation)
        for (path, bytes) in fresh where partial[path] != bytes {
            Issue.record("output/\(path) differs from a full render", sourceLocation: sourceLocation)
        }
    }

    @Test func oneNoteRenderedIntoItsCourseUpdatesItsPageAndKeepsTheRestWhole() throws {
        let scratch = try Self.renderedCourse()
        defer { scratch.remove() }
        let before = Self.snapshot(scratch)
        // b's claim now fails: its page, the index, report.json and the JUnit file say so.
        try scratch.write("# Beta\n\nLet $w = 3$. Then $2w = 7$.\n", to: "notes/b.md")
        // A debug build traps after writing a's page if a is checked: kept, it is not.
        let run = try RenderRunner.run(["notes/b.md", "--junit", "junit.xml"], in: scratch.url,
                                       environment: ["RENDER_TEST_TRAP_AFTER": "a.md"])
        #expect(run.status == 1, "b's failed claim is the run's: \(run.stderr)")
        #expect(run.stderr.contains("notes/b.md:3"), "\(run.stderr)")
        #expect(!run.stderr.contains("a.md") && !run.stderr.contains("c.md"), "\(run.stderr)")
        #expect(run.stdout.contains("render: 1 note, 2 formulas, 1 claim: 0 held, 1 failed"), "\(run.stdout)")
        #expect(run.stdout.contains("(and the 2 other notes of the course, kept from the last run)"), "\(run.stdout)")
        let after = Self.snapshot(scratch)
        #expect(after["b.html"]?.bytes != before["b.html"]?.bytes)
        #expect(after["b.md"]?.bytes != before["b.md"]?.bytes)
        for page in ["a.html", "a.md", "c.html", "c.md", "CNAME"] {
            #expect(after[page]?.bytes == before[page]?.bytes, "\(page) was rewritten")
            #expect(after[page]?.modified == before[page]?.modified, "\(page) was touched")
        }
        let index = scratch.read("output/index.html") ?? ""
        #expect(index.contains("Alpha") && index.contains("Beta") && index.contains("Gamma"), "\(index)")
        #expect(index.contains("3 notes"), "\(index)")
        let report = try Self.report(scratch)
        #expect(report.notes == ["notes/a.md", "notes/b.md", "notes/c.md"])
        #expect(report.summary["failed"] == 1 && report.summary["held"] == 2, "\(report.summary)")
        let junit = scratch.read("junit.xml") ?? ""
        #expect(junit.contains("notes/a.md:3") && junit.contains("notes/c.md:3") && junit.contains("<failure"), "\(junit)")
        try Self.expectFullRender(scratch)
    }

    @Test func aNewTitleRewritesTheNeighboursLinksAndNothingElse() throws {
        let scratch = try Self.renderedCourse()
        defer { scratch.remove() }
        try scratch.write("# Zeta\n\nLet $u = 1$.\n", to: "notes/d.md")
        #expect(try RenderRunner.run(["notes"], in: scratch.url).status == 0)
        let before = Self.snapshot(scratch)
        try scratch.write("# Beta, revised\n\nLet $w = 3$. Then $2w = 6$.\n", to: "notes/b.md")
        let run = try RenderRunner.run(["notes/b.md"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("kept from the last run; 2 of their pages rewritten for new links"), "\(run.stdout)")
        let after = Self.snapshot(scratch)
        #expect(after["a.html"]?.bytes != before["a.html"]?.bytes && after["c.html"]?.bytes != before["c.html"]?.bytes)
        #expect(scratch.read("output/a.html")?.contains("Beta, revised") == true)
        for page in ["d.html", "a.md", "c.md", "d.md"] {
            #expect(after[page]?.modified == before[page]?.modified, "\(page) was touched")
        }
        try Self.expectFullRender(scratch)
    }

    @Test func severalNotesAndAFolderInsideTheCourse() throws {
        let scratch = try Self.renderedCourse()
        defer { scratch.remove() }
        try scratch.write("# Delta\n\nLet $v = 2$. Then $v + v = 4$.\n", to: "notes/part/d.md")
        #expect(try RenderRunner.run(["notes"], in: scratch.url).status == 0)
        let before = Self.snapshot(scratch)
        try scratch.write("# Alpha\n\nLet $x = 3$. Then $x^2 = 9$.\n", to: "notes/a.md")
        try scratch.write("# Gamma\n\nLet $t = 2$. Then $t + 1 = 3$.\n", to: "notes/c.md")
        var run = try RenderRunner.run(["notes/a.md", "./notes/c.md"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("render: 2 notes") && run.stdout.contains("the 2 other notes of the course"), "\(run.stdout)")
        #expect(Self.snapshot(scratch)["b.html"]?.modified == before["b.html"]?.modified)
        try Self.expectFullRender(scratch)
        // A folder inside the course's renders its notes into the course, where they belong
        // (part/d.html, not d.html).
        try scratch.write("# Delta\n\nLet $v = 5$. Then $v + v = 10$.\n", to: "notes/part/d.md")
        run = try RenderRunner.run(["notes/part"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("render: 1 note") && run.stdout.contains("the 3 other notes"), "\(run.stdout)")
        #expect(!scratch.exists("output/d.html"))
        try Self.expectFullRender(scratch)
    }

    @Test func watchingOneNoteOfACourseKeepsTheCourseWhole() throws {
        let scratch = try Self.renderedCourse()
        defer { scratch.remove() }
        let watch = try LiveRender(["notes/b.md", "--watch"], in: scratch)
        defer { watch.stop() }
        #expect(LiveRender.wait(seconds: 60) { watch.stdout.contains("render: watching notes/b.md") }, "\(watch.stderr)")
        try saveByRename("# Beta\n\nLet $w = 21$. Then $2w = 42$.\n", to: scratch.url.appendingPathComponent("notes/b.md"))
        #expect(LiveRender.wait(seconds: 30) { scratch.read("output/b.html")?.contains("42") == true }, "\(watch.stdout)")
        // The page is moved into place before the run's line is printed: the line is waited for.
        #expect(LiveRender.wait(seconds: 30) { watch.stdout.contains("notes/b.md changed: 1 claim: 1 held") }, "\(watch.stdout)")
        #expect(scratch.read("output/index.html")?.contains("3 notes") == true)
        #expect(watch.stop() == 0)
        try Self.expectFullRender(scratch)
    }

    /// In a book (derive.yml), a note rendered alone goes where derive.yml says, in its order,
    /// and a new title rewrites every page's table of contents.
    @Test func inABookOneNoteGoesWhereDeriveYmlSaysInItsOrder() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        for (path, text) in Self.course { try scratch.write(text, to: path) }
        try scratch.write("title: Three\noutput: ../site\nchapters:\n  - c.md\n  - a.md\n  - b.md\n", to: "notes/derive.yml")
        #expect(try RenderRunner.run(["notes"], in: scratch.url).status == 0)
        let before = Self.snapshot(scratch, "site")
        try scratch.write("# Beta\n\nLet $w = 4$. Then $2w = 8$.\n", to: "notes/b.md")
        var run = try RenderRunner.run(["notes/b.md"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("→ notes/../site (and the 2 other notes of the course"), "\(run.stdout)")
        #expect(!scratch.exists("output"))
        let after = Self.snapshot(scratch, "site")
        #expect(after["b.html"]?.bytes != before["b.html"]?.bytes)
        #expect(after["c.html"]?.modified == before["c.html"]?.modified && after["a.html"]?.modified == before["a.html"]?.modified)
        // The book's order: c, a, b (a's next is b).
        let full = try RenderRunner.run(["notes", "-o", "full", "--force"], in: scratch.url)
        #expect(full.status == 0, "\(full.stderr)")
        let fresh = Self.snapshot(scratch, "full").mapValues(\.bytes)
        #expect(!fresh.isEmpty)
        let partial = after.mapValues(\.bytes)
        #expect(partial.keys.sorted() == fresh.keys.sorted())
        for (path, bytes) in fresh where partial[path] != bytes { Issue.record("site/\(path) differs from a full render") }
        // A new title is in every page's contents.
        try scratch.write("# Beta, revised\n\nLet $w = 4$. Then $2w = 8$.\n", to: "notes/b.md")
        run = try RenderRunner.run(["notes/b.md"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(scratch.read("site/c.html")?.contains("Beta, revised") == true)
        #expect(run.stdout.contains("2 of their pages rewritten"), "\(run.stdout)")
    }

    @Test func aNewNoteOfTheFolderJoinsTheCourse() throws {
        let scratch = try Self.renderedCourse()
        defer { scratch.remove() }
        try scratch.write("# Beta two\n\nLet $k = 1$. Then $k = 1$.\n", to: "notes/b2.md")
        let run = try RenderRunner.run(["notes/b2.md"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(scratch.read("output/index.html")?.contains("4 notes") == true)
        // Between b and c in the course's order: both link to it.
        #expect(scratch.read("output/c.html")?.contains("Beta two") == true)
        try Self.expectFullRender(scratch)
    }

    @Test func aNoteKeptFromTheLastRunIsAsThatRunLeftItUntilItsFolderIsRendered() throws {
        let scratch = try Self.renderedCourse()
        defer { scratch.remove() }
        let before = Self.snapshot(scratch)
        // a changes, but only b is rendered: a's page and entries are the last run's.
        try scratch.write("# Alpha\n\nLet $x = 2$. Then $x^2 = 5$.\n", to: "notes/a.md")
        var run = try RenderRunner.run(["notes/b.md"], in: scratch.url)
        #expect(run.status == 0, "a's failure is not this run's: \(run.stderr)")
        #expect(Self.snapshot(scratch)["a.html"]?.bytes == before["a.html"]?.bytes)
        #expect(try Self.report(scratch).summary["failed"] == 0)
        // The folder's next run sees that a changed.
        run = try RenderRunner.run(["notes"], in: scratch.url)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("notes/a.md:3"), "\(run.stderr)")
    }

    @Test func aNoteFromElsewhereIsRefusedByACourseAndRenderedAloneElsewhere() throws {
        let scratch = try Self.renderedCourse()
        defer { scratch.remove() }
        try scratch.write("# Stranger\n\nLet $s = 1$.\n", to: "other/s.md")
        try scratch.write("# Hidden\n\nLet $h = 1$.\n", to: "notes/.draft.md")
        let before = Self.snapshot(scratch)
        var run = try RenderRunner.run(["other/s.md"], in: scratch.url)
        #expect(run.status == 2)
        #expect(run.stderr.contains("render: error: other/s.md is not a note of the course in output/, rendered from notes"),
                "\(run.stderr)")
        run = try RenderRunner.run(["notes/a.md", "notes/.draft.md"], in: scratch.url)
        #expect(run.status == 2)
        #expect(run.stderr.contains("notes/.draft.md is not a note of the course: a run of notes skips it"), "\(run.stderr)")
        let after = Self.snapshot(scratch)
        #expect(after.keys.sorted() == before.keys.sorted())
        for (path, file) in before { #expect(after[path]?.modified == file.modified, "\(path) was touched") }
        // Into a new folder, or one of notes rendered alone, it is rendered alone, as before.
        run = try RenderRunner.run(["other/s.md", "-o", "single"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(scratch.exists("single/s.html"))
        run = try RenderRunner.run(["notes/a.md", "-o", "single"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(scratch.exists("single/a.html") && scratch.exists("single/s.html"))
    }

    @Test func withoutItsStateTheWholeCourseIsRenderedAndSaysSo() throws {
        let scratch = try Self.renderedCourse()
        defer { scratch.remove() }
        // A fresh clone of a repository with output/ committed: no .render-state.
        try FileManager.default.removeItem(at: scratch.url.appendingPathComponent("output/.render-state"))
        try scratch.write("# Beta\n\nLet $w = 3$. Then $2w = 7$.\n", to: "notes/b.md")
        let run = try RenderRunner.run(["notes/b.md"], in: scratch.url)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("render: output/.render-state is missing (git does not keep it), so the other notes"),
                "\(run.stderr)")
        #expect(run.stderr.contains("rendering the whole course, notes,"), "\(run.stderr)")
        #expect(run.stdout.contains("render: 3 notes"), "\(run.stdout)")
        #expect(scratch.exists("output/.render-state"))
        try Self.expectFullRender(scratch)
        // A state that cannot be read is no state.
        try scratch.write("derive-render-state\ngarbage", to: "output/.render-state")
        let again = try RenderRunner.run(["notes/a.md"], in: scratch.url)
        #expect(again.stderr.contains("output/.render-state cannot be read (damaged, or written by another version of Derive)")
                && again.stderr.contains("rendering the whole course"), "\(again.stderr)")
        try Self.expectFullRender(scratch)
    }

    @Test func aFolderGoneFromTheCourseTakesItsPagesAndAnOlderManifestIsRefused() throws {
        let scratch = try Self.renderedCourse()
        defer { scratch.remove() }
        // c is deleted, then b alone is rendered: c's files go, as in a run of the folder.
        try FileManager.default.removeItem(at: scratch.url.appendingPathComponent("notes/c.md"))
        var run = try RenderRunner.run(["notes/b.md"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!scratch.exists("output/c.html") && scratch.exists("output/a.html"))
        try Self.expectFullRender(scratch)
        // A manifest of a folder's notes that does not name the folder (an older Derive's).
        let manifest = scratch.read("output/.derive-manifest") ?? ""
        try scratch.write(manifest.split(separator: "\n").filter { !$0.hasPrefix("folder\t") }.map { $0 + "\n" }.joined(),
                          to: "output/.derive-manifest")
        run = try RenderRunner.run(["notes/b.md"], in: scratch.url)
        #expect(run.status == 2)
        #expect(run.stderr.contains("render notes/ --output output/"), "\(run.stderr)")
    }
}
