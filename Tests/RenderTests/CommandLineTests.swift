import Foundation
import Testing

/// The command line as a user meets it: pages written, bad input refused with one clear line
/// and exit status 2, help text pinned.
@Suite struct CommandLineTests {
    @Test func rendersAFolderTreeIntoMirroredPagesAndAnIndex() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("# First\n\nLet $x_1 = 0.05$.\n", to: "notes/a.md")
        try scratch.write("# Second\n\n$$\ny = x^2\n$$\n", to: "notes/sub/b.md")
        try scratch.write("not a note", to: "notes/readme.txt")
        let run = try RenderRunner.run(["notes"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(scratch.allFiles() == [
            "notes/a.md", "notes/readme.txt", "notes/sub/b.md", "output/.derive-manifest", "output/.render-state", "output/a.html", "output/a.md", "output/assets/derive.css",
            "output/assets/latinmodern-math.otf", "output/assets/lmroman10-bold.otf",
            "output/assets/lmroman10-bolditalic.otf", "output/assets/lmroman10-italic.otf",
            "output/assets/lmroman10-regular.otf", "output/index.html", "output/report.json", "output/search-index.js",
            "output/search.html", "output/sub/b.html", "output/sub/b.md",
        ])
        let index = scratch.read("output/index.html") ?? ""
        #expect(index.contains("<a href=\"a.html\">First</a>"))
        #expect(index.contains("<a href=\"sub/b.html\">Second</a>"))
        let page = scratch.read("output/sub/b.html") ?? ""
        #expect(page.contains("href=\"../assets/derive.css\""))
        #expect(page.contains("<a rel=\"prev\" href=\"../a.html\">← First</a>"))
        #expect(run.stdout.range(of: #"^render: 2 notes, 2 formulas, 0 claims: 0 held, 0 failed, 0 cannot tell → output/ in \d+\.\d\d s\n$"#,
                                 options: .regularExpression) != nil, "summary line: \(run.stdout)")
    }

    @Test func versionIsOneLine() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let run = try RenderRunner.run(["--version"], in: scratch.url)
        #expect(run.status == 0)
        #expect(run.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(run.stdout)")
        #expect(!scratch.exists("output"))
    }

    /// `--quiet` prints the problems (errors, warnings) and the summary line, not the notes.
    @Test func quietPrintsOnlyProblemsAndTheSummary() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("""
            $L_{data} = 0.3$, $w_1 = 0.5$

            Let $g_1 = \\frac{\\partial L_{data}}{\\partial w_1}$ be the data gradient, say $g_1 = 0.2$.

            Wrong: $1 + 1 = 3$.

            """, to: "notes/a.md")
        let loud = try RenderRunner.run(["notes"], in: scratch.url)
        #expect(loud.status == 1)
        #expect(loud.stderr.contains("note: g_1 names a derivative"), "\(loud.stderr)")
        let quiet = try RenderRunner.run(["notes", "--quiet"], in: scratch.url)
        #expect(quiet.status == 1)
        #expect(!quiet.stderr.contains("note:"), "\(quiet.stderr)")
        #expect(quiet.stderr.contains("notes/a.md:5:"), "\(quiet.stderr)")
        #expect(quiet.stderr.contains("error:"))
        #expect(quiet.stdout.hasPrefix("render: 1 note, "))
        #expect(quiet.stdout.split(separator: "\n").count == 1)
    }

    @Test func defaultPathIsNotesAndOutputCanBeChosen() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("Hello $a$.\n", to: "notes/a.md")
        let run = try RenderRunner.run(["--output", "site"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(scratch.exists("site/a.html"))
    }

    @Test func missingPathIsOneLineAndStatus2() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let run = try RenderRunner.run(["nowhere"], in: scratch.url)
        #expect(run.status == 2)
        #expect(run.stderr == "render: error: nowhere: no such file or folder\n")
        #expect(!scratch.exists("output"))
    }

    @Test func pathThatIsNotMarkdownIsRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("x", to: "notes.txt")
        let run = try RenderRunner.run(["notes.txt"], in: scratch.url)
        #expect(run.status == 2)
        #expect(run.stderr == "render: error: notes.txt: not a folder or a .md file\n")
    }

    @Test func emptyFolderSaysSo() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("notes"),
                                                withIntermediateDirectories: true)
        let run = try RenderRunner.run(["notes"], in: scratch.url)
        #expect(run.status == 2)
        #expect(run.stderr == "render: error: notes: no .md files in this folder\n")
    }

    /// `--set` for a name no note uses was silently ignored (issue 15): a typo in CI's command
    /// line then checks the notes at values nobody asked for.
    @Test func setForANameNoNoteUsesIsAWarningWithTheClosestNames() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("$w_1 = 0.5$, $w_2 = 0.25$\n\n$$h = w_1 + w_2 + x$$\n", to: "notes/a.md")
        let run = try RenderRunner.run(["notes", "--check", "--set", "w_l=3", "--set", "x=1"], in: scratch.url)
        #expect(run.status == 0)
        #expect(run.stderr == "render: warning: --set w_l: no note uses w_l; the closest names are w_1, w_2\n")
        let strict = try RenderRunner.run(["notes", "--check", "--strict", "--set", "w_l=3"], in: scratch.url)
        #expect(strict.status == 1)
        let used = try RenderRunner.run(["notes", "--check", "--strict", "--set", "x=1", "--set", "w_1=2"], in: scratch.url)
        #expect(used.stderr == "")
        #expect(used.status == 0)
    }

    /// The warning names a `--set` name as it was typed, and suggests names as the notes write
    /// them: `L^{(2)}` and `a^{(2)}`, not the reader's `L^(2)` and `a^(2)`.
    @Test func setWarningsSpellNamesAsTypedAndAsWritten() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("$a^{(2)} = 0.5$, $y_{pred} = 1$ and $w_1 = 2$\n\n$$L = (a^{(2)} - y_{pred})^2 w_1$$\n", to: "notes/a.md")
        let run = try RenderRunner.run(["notes", "--check", "--set", "L^{(2)}=1", "--set", "y_{pre}=1", "--set", "w_{1}=3"],
                                       in: scratch.url)
        #expect(run.status == 0)
        #expect(run.stderr == """
            render: warning: --set L^{(2)}: no note uses L^{(2)}; the closest names are a^{(2)}
            render: warning: --set y_{pre}: no note uses y_{pre}; the closest names are y_{pred}

            """)
    }

    @Test func nonUTF8FileNamesTheFileAndTheFirstBadByte() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write(Data("# Ok\n\nLine two\ncaf".utf8) + Data([0xC3, 0x28]) + Data("\n".utf8), to: "notes/bad.md")
        try scratch.write("# Good\n", to: "notes/good.md")
        let run = try RenderRunner.run(["notes"], in: scratch.url)
        #expect(run.status == 2)
        #expect(run.stderr == "render: error: notes/bad.md: not UTF-8: invalid byte at offset 18 (line 4)\n")
        #expect(scratch.exists("output/good.html"), "the other notes are still rendered")
    }

    @Test func unreadableFileIsNamedWithTheReason() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("# Good\n", to: "notes/good.md")
        try FileManager.default.createSymbolicLink(atPath: scratch.url.appendingPathComponent("notes/gone.md").path,
                                                   withDestinationPath: "/nonexistent/gone.md")
        let run = try RenderRunner.run(["notes"], in: scratch.url)
        #expect(run.status == 2)
        #expect(run.stderr == "render: error: notes/gone.md: cannot read: No such file or directory\n")
        if getuid() != 0 {
            try scratch.write("# Secret\n", to: "notes/secret.md")
            chmod(scratch.url.appendingPathComponent("notes/secret.md").path, 0)
            let denied = try RenderRunner.run(["notes/secret.md"], in: scratch.url)
            #expect(denied.stderr == "render: error: notes/secret.md: cannot read: Permission denied\n")
        }
    }

    @Test func usageErrorsExitWith2() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let run = try RenderRunner.run(["--no-such-option"], in: scratch.url)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("Error: Unknown option '--no-such-option'"))
    }

    @Test func neverWritesOutsideTheOutputFolder() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let odd = "we <ird> & \"odd\" 100% name.md"
        try scratch.write("# Odd\n", to: "notes/\(odd)")
        try scratch.write("# Elsewhere\n", to: "elsewhere/x.md")
        try FileManager.default.createSymbolicLink(atPath: scratch.url.appendingPathComponent("notes/link").path,
                                                   withDestinationPath: scratch.url.appendingPathComponent("elsewhere").path)
        let before = Set(scratch.allFiles())
        let run = try RenderRunner.run(["notes"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        let added = Set(scratch.allFiles()).subtracting(before)
        #expect(added.allSatisfy { $0.hasPrefix("output/") }, "\(added.sorted())")
        #expect(added.contains("output/link/x.html"))
        #expect(added.contains("output/we <ird> & \"odd\" 100% name.html"))
        let index = scratch.read("output/index.html") ?? ""
        #expect(index.contains("href=\"we%20%3Cird%3E%20%26%20%22odd%22%20100%25%20name.html\""))
    }

    @Test func outputFolderInsideTheNotesIsNotReadAsNotes() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("# A\n", to: "notes/a.md")
        try scratch.write("# Stale\n", to: "notes/out/stale.md")
        let run = try RenderRunner.run(["notes", "--output", "notes/out"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!scratch.exists("notes/out/stale.html"))
        #expect(scratch.exists("notes/out/a.html"))
    }

    @Test func aFailedRunLeavesEarlierPagesWhole() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("# Version one\n", to: "notes/a.md")
        #expect(try RenderRunner.run(["notes"], in: scratch.url).status == 0)
        let first = scratch.read("output/a.html")
        try scratch.write(Data([0xFF]), to: "notes/a.md")
        let run = try RenderRunner.run(["notes"], in: scratch.url)
        #expect(run.status == 2)
        #expect(scratch.read("output/a.html") == first)
        #expect(!scratch.allFiles().contains { $0.hasSuffix(".tmp") }, "no temporary files left behind")
    }

    @Test func reRenderingLeavesUnchangedFilesAlone() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("# A\n\n$$\nx = 2\n$$\n", to: "notes/a.md")
        try scratch.write("# B\n\n$$\ny = 3\n$$\n", to: "notes/b.md")
        #expect(try RenderRunner.run(["notes"], in: scratch.url).status == 0)
        func identity(_ path: String) throws -> (inode: Int, modified: Date) {
            let attributes = try FileManager.default.attributesOfItem(atPath: scratch.url.appendingPathComponent(path).path)
            return ((attributes[.systemFileNumber] as? Int) ?? -1, (attributes[.modificationDate] as? Date) ?? .distantPast)
        }
        let before = try ["output/a.html", "output/a.md", "output/b.html", "output/report.json"].map(identity)
        try scratch.write("# B\n\n$$\ny = 4\n$$\n", to: "notes/b.md")
        #expect(try RenderRunner.run(["notes"], in: scratch.url).status == 0)
        let after = try ["output/a.html", "output/a.md", "output/b.html", "output/report.json"].map(identity)
        #expect(after[0] == before[0] && after[1] == before[1], "a.md did not change: its page and report stay as they were")
        #expect(after[2].inode != before[2].inode && after[3].inode != before[3].inode, "b's page and report.json are replaced")
        #expect(scratch.read("output/b.html")?.contains("y = 4") == true)
    }

    /// report.json is written in pieces, up to 1024 a system call: a course of more notes
    /// than that still gives one whole, valid file with every note in order.
    @Test func reportOfACourseLargerThanOneWriteHoldsEveryNote() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let count = 1100
        for number in 1...count {
            try scratch.write("# Note \(number)\n\n$x = \(number)$\n", to: String(format: "notes/n%04d.md", number))
        }
        let run = try RenderRunner.run(["notes"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        let data = try #require(scratch.read("output/report.json")?.data(using: .utf8))
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let notes = try #require(report["notes"] as? [[String: Any]])
        #expect(notes.count == count)
        #expect(notes.map { ($0["path"] as? String) ?? "" } == (1...count).map { String(format: "notes/n%04d.md", $0) })
        let values = notes.map { (($0["statements"] as? [[String: Any]])?.first?["value"] as? Double) ?? 0 }
        #expect(values == (1...count).map(Double.init))
    }

    @Test func helpTextIsPinned() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let run = try RenderRunner.run(["--help"], in: scratch.url, environment: ["COLUMNS": "100"])
        #expect(run.status == 0)
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/help.txt")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try Data(run.stdout.utf8).write(to: golden)
        }
        let expected = FileManager.default.contents(atPath: golden.path).map { String(decoding: $0, as: UTF8.self) }
        #expect(run.stdout == expected, "help changed; rerun with UPDATE_GOLDEN=1 and review the diff")
    }
}
