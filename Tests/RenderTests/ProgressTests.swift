import Foundation
import Testing

/// The progress line: on a terminal, a run of over a second counts notes done and erases the
/// line at the end; through a pipe, or under CI, there is none.
@Suite struct ProgressTests {
    @Test func aLongRunOnATerminalShowsProgressAndErasesIt() throws {
        guard let script = ExternalTool.require("script"), let python = ExternalTool.require("python3") else { return }
        let scratch = try Scratch()
        defer { scratch.remove() }
        let generator = RenderedCourse.repository.appendingPathComponent("scripts/generate-course.py")
        #expect(try python.run([generator.path, "notes", "800"], in: scratch.url, scratch: scratch).status == 0)
        // `script` gives render a terminal; CI is taken out of its environment.
        let command = "env -u CI '\(RenderRunner.executable.path)' notes --force"
        let onTerminal = try script.run(["-qec", command, "/dev/null"], in: scratch.url, scratch: scratch)
        #expect(onTerminal.status == 0, "\(onTerminal.stdout)")
        #expect(onTerminal.stdout.contains("/800 notes"), "a progress line: \(onTerminal.stdout.suffix(300))")
        #expect(onTerminal.stdout.contains("\r\u{1b}[Krender: 800 notes"),
                "erased before the summary: \(onTerminal.stdout.suffix(300).debugDescription)")
        let underCI = try script.run(["-qec", "env CI=true '\(RenderRunner.executable.path)' notes --force", "/dev/null"],
                                     in: scratch.url, scratch: scratch)
        #expect(!underCI.stdout.contains("/800 notes"), "no progress under CI")
        let piped = try RenderRunner.run(["notes", "--force"], in: scratch.url)
        #expect(!piped.stderr.contains("/800 notes"), "no progress through a pipe")
    }
}
