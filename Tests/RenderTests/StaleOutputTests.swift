import Foundation
import Testing

/// A run removes the pages and reports of notes that no longer exist, and only what Derive
/// wrote (the output folder's `.derive-manifest` lists it): a stranger's file stays.
@Suite struct StaleOutputTests {
    @Test func theStalePageOfARenamedNoteIsGoneAndAForeignFileIsNot() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("# Code\n\nLet $x = 2$.\n", to: "notes/code.md")
        try scratch.write("# Sub\n\nLet $y = 3$.\n", to: "notes/sub/old.md")
        try scratch.write("# Other\n", to: "notes/other.md")
        var run = try RenderRunner.run(["notes"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(scratch.exists("output/code.html") && scratch.exists("output/sub/old.md"))
        // Files Derive did not write, some named like its own.
        try scratch.write("example.org\n", to: "output/CNAME")
        try scratch.write("<p>mine</p>\n", to: "output/mine.html")
        try scratch.write("mine\n", to: "output/sub/notes.md")

        try FileManager.default.moveItem(at: scratch.url.appendingPathComponent("notes/code.md"),
                                         to: scratch.url.appendingPathComponent("notes/renamed.md"))
        try FileManager.default.removeItem(at: scratch.url.appendingPathComponent("notes/sub"))
        run = try RenderRunner.run(["notes"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!scratch.exists("output/code.html"))
        #expect(!scratch.exists("output/code.md"))
        #expect(!scratch.exists("output/sub/old.html"))
        #expect(scratch.exists("output/renamed.html") && scratch.exists("output/renamed.md"))
        #expect(scratch.exists("output/other.html"))
        #expect(scratch.read("output/CNAME") == "example.org\n")
        #expect(scratch.read("output/mine.html") == "<p>mine</p>\n")
        // The folder held a stranger's file: it stays, with that file.
        #expect(scratch.read("output/sub/notes.md") == "mine\n")
        let manifest = scratch.read("output/.derive-manifest") ?? ""
        #expect(manifest.contains("renamed.html\tnotes/renamed.md\n"))
        #expect(!manifest.contains("code.html"))
    }

    @Test func aFolderLeftEmptyGoesAndRenderingOneNoteKeepsTheOthers() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("# A\n", to: "notes/a.md")
        try scratch.write("# B\n", to: "notes/part/b.md")
        var run = try RenderRunner.run(["notes"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        // One note rendered into the course's folder: the other note's pages are not stale.
        run = try RenderRunner.run(["notes/a.md"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(scratch.exists("output/part/b.html"))
        #expect(scratch.read("output/.derive-manifest")?.contains("part/b.html\tnotes/part/b.md\n") == true)
        try FileManager.default.removeItem(at: scratch.url.appendingPathComponent("notes/part"))
        run = try RenderRunner.run(["notes"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!scratch.exists("output/part"))
        #expect(scratch.exists("output/a.html"))
    }

    /// CI renders into a fresh folder beside output/ and compares it with the committed one:
    /// the manifest records the notes folder relative to the output folder (OutputCourse), so
    /// it is the same for every output folder beside the notes, however the paths are typed
    /// and wherever render runs from.
    @Test func theManifestIsTheSameForEveryOutputFolderBesideTheNotes() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("# A\n", to: "notes/sub/a.md")
        let fresh = scratch.url.appendingPathComponent("fresh").path
        #expect(try RenderRunner.run(["notes"], in: scratch.url).status == 0)
        #expect(try RenderRunner.run(["./notes/", "-o", fresh], in: scratch.url).status == 0)
        #expect(try RenderRunner.run([".", "-o", "../inside"], in: scratch.url.appendingPathComponent("notes")).status == 0)
        let manifest = scratch.read("output/.derive-manifest") ?? ""
        #expect(manifest.contains("\nfolder\t../notes\n") && manifest.contains("sub/a.html\tnotes/sub/a.md\n"), "\(manifest)")
        #expect(scratch.read("fresh/.derive-manifest") == manifest)
        #expect(scratch.read("inside/.derive-manifest") == manifest)
        // Elsewhere, only the folder's line differs.
        #expect(try RenderRunner.run(["notes", "-o", "far/away/site"], in: scratch.url).status == 0)
        #expect(scratch.read("far/away/site/.derive-manifest")
                == manifest.replacingOccurrences(of: "folder\t../notes", with: "folder\t../../../notes"))
    }

    @Test func aManifestNamingFilesOutsideTheFolderOrNotPagesRemovesNothing() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("# A\n", to: "notes/a.md")
        try scratch.write("keep\n", to: "keep.md")
        try scratch.write("keep\n", to: "output/data.json")
        try scratch.write("keep\n", to: "output/x.html")
        try scratch.write("""
            ../keep.md\tnotes/gone.md
            data.json\tnotes/gone.md
            ./x.html\tnotes/gone.md

            """, to: "output/.derive-manifest")
        let run = try RenderRunner.run(["notes"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(scratch.read("keep.md") == "keep\n")
        #expect(scratch.read("output/data.json") == "keep\n")
        #expect(scratch.read("output/x.html") == "keep\n")
    }
}
