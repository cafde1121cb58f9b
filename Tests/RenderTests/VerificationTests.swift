import Foundation
import Testing

/// The width of the part of a long line a diagnostic shows (`DiagnosticPrinter.shownWidth`).
enum DiagnosticWidth {
    static let shown = 120
}

/// What CI sees when a note's math is wrong, and when it is right.
@Suite struct VerificationTests {
    static let wrong = """
        # Sigmoid

        The sigmoid's derivative, written wrongly:

        $$
        \\sigma'(x) = \\sigma(x)(1+\\sigma(x))
        $$

        """

    @Test func aWrongSigmoidDerivativeFailsAtItsLineAndColumn() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write(Self.wrong, to: "notes/sigmoid.md")
        let run = try RenderRunner.run(["--check", "notes", "--junit", "junit.xml"], in: scratch.url,
                                       environment: ["GITHUB_ACTIONS": "true"])
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.hasPrefix("notes/sigmoid.md:6:1: error: claim does not hold: computed ") == true, "\(run.stderr)")
        #expect(lines.first?.contains(", claimed ") == true && lines.first?.contains(" at x = ") == true)
        #expect(lines.dropFirst().first == " 6 | \\sigma'(x) = \\sigma(x)(1+\\sigma(x))")
        #expect(lines.dropFirst(2).first == "   | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~")
        #expect(run.stdout.contains("::error file=notes/sigmoid.md,line=6,col=1::claim does not hold: computed "))
        #expect(run.stdout.contains("1 claim: 0 held, 1 failed"))
        let junit = scratch.read("junit.xml") ?? ""
        #expect(junit.contains("<testcase classname=\"notes/sigmoid.md\" name=\"notes/sigmoid.md:6 sigmoid'(x) = sigmoid(x)*(1 + sigmoid(x))\">"))
        #expect(junit.contains("<failure message=\"computed "))
        #expect(junit.contains("failures=\"1\""))
        #expect(!scratch.exists("output"), "--check writes no reports")
    }

    /// A line of 300 failing claims: each diagnostic shows the part of the line around its
    /// claim, cut with `…`, the caret under the claim; the whole line each time made the output
    /// quadratic (233 MB for 4000 warnings on one line).
    @Test func diagnosticsOnALongLineShowTheirPartOfIt() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        // a_1 … a_300 are defined (1 each): `$a_{200} = 201$` is a claim, and it fails.
        let claims = (1...300).map { "$a_{\($0)} = \($0 + 1)$" }.joined(separator: ", ")
        try scratch.write("# Long\n\n$c = 1$\n\n$$a_{1..300} = c$$\n\n\(claims)\n", to: "notes/long.md")
        let run = try RenderRunner.run(["--check", "notes"], in: scratch.url)
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let error = lines.firstIndex(where: { $0.contains("error: claim does not hold: computed 1, claimed 201") }),
            error + 2 < lines.count
        else {
            Issue.record("no error for a_{200}: \(run.stderr.prefix(2000))")
            return
        }
        let source = lines[error + 1]
        let caret = lines[error + 2]
        #expect(source.hasPrefix(" 7 | …") && source.hasSuffix("…"), "\(source)")
        #expect(source.count <= " 7 | ".count + DiagnosticWidth.shown + 2, "\(source)")
        // The caret is under the claim's first character.
        guard let column = caret.firstIndex(of: "^") else {
            Issue.record("no caret: \(caret)")
            return
        }
        let offset = caret.distance(from: caret.startIndex, to: column)
        #expect(source.dropFirst(offset).hasPrefix("a_{200} = 201"), "\(source)\n\(caret)")
        #expect(caret.hasSuffix("^~~~~~~~~~~~~"), "\(caret)")
        // Linear: a few hundred bytes a claim, not the 4 KB line each.
        #expect(run.stderr.utf8.count < 300 * 600)
    }

    /// A claim that fails because a name is only declared: the root cause in the message, and
    /// a note at the declaration printed after the error, with its line and caret (rustc's way).
    @Test func aFailureFromADeclaredNameHasANoteAtTheDeclaration() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("The loss is $L(a, y)$.\n\nHere $L \\approx 0.02$.\n", to: "notes/loss.md")
        let run = try RenderRunner.run(["--check", "notes"], in: scratch.url, environment: ["GITHUB_ACTIONS": "true"])
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let error = lines.firstIndex(where: { $0.hasPrefix("notes/loss.md:3:7: error: claim does not hold: ") }) else {
            Issue.record("no error at 3:7: \(run.stderr)")
            return
        }
        #expect(lines[error].hasSuffix("; L is only declared (line 1), never defined, so its value was sampled"))
        #expect(Array(lines.dropFirst(error + 3).prefix(3)) == [
            "notes/loss.md:1:14: note: L is declared here, but never defined",
            " 1 | The loss is $L(a, y)$.",
            "   |              ^~~~~~~",
        ], "\(run.stderr)")
        #expect(run.stdout.contains("::error file=notes/loss.md,line=3,col=7::claim does not hold: "))
        #expect(run.stdout.contains("%0Anote: line 1: L is declared here, but never defined"))
    }

    @Test func theRightDerivativePasses() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write(Self.wrong.replacingOccurrences(of: "(1+\\sigma(x))", with: "(1-\\sigma(x))"), to: "notes/sigmoid.md")
        let run = try RenderRunner.run(["--check", "notes", "--junit", "junit.xml"], in: scratch.url,
                                       environment: ["GITHUB_ACTIONS": "true"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        #expect(!run.stdout.contains("::error"))
        let junit = scratch.read("junit.xml") ?? ""
        #expect(junit.contains("tests=\"1\" failures=\"0\""))
    }

    @Test func strictTurnsWarningsIntoFailure() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("Not evaluated: $\\int_0^1 x\\,dx$.\n", to: "notes/a.md")
        #expect(try RenderRunner.run(["--check", "notes"], in: scratch.url).status == 0)
        let strict = try RenderRunner.run(["--check", "--strict", "notes"], in: scratch.url)
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("notes/a.md:1:17: warning: formula not evaluated: \\int is not evaluated"))
    }

    /// The Markdown's own diagnostic (blocks nested past the limit, docs §8) is counted in the
    /// summary and fails --strict like any other; it was printed, but not counted (issue 15).
    @Test func markdownNestedTooDeepIsCountedAndFailsStrict() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("# Deep\n\n" + String(repeating: "> ", count: 1100) + "x\n", to: "notes/a.md")
        let run = try RenderRunner.run(["--check", "notes"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        let message = "notes/a.md:3:2001: warning: Markdown nested more than 1000 levels deep; the deeper part is left out"
        #expect(run.stderr.components(separatedBy: message).count == 2, "printed once: \(run.stderr)")
        #expect((run.stdout + run.stderr).contains(", 1 warning"))
        let strict = try RenderRunner.run(["--check", "--strict", "notes"], in: scratch.url)
        #expect(strict.status == 1)
    }

    @Test func setOverridesTheNoteAndIsReported() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("$x = 2$, $y = x^2$, $y \\approx 4$\n", to: "notes/a.md")
        #expect(try RenderRunner.run(["--check", "notes"], in: scratch.url).status == 0)
        let changed = try RenderRunner.run(["--check", "notes", "--set", "x=3"], in: scratch.url)
        #expect(changed.status == 1)
        #expect(changed.stderr.contains("claim does not hold: computed 9, claimed ≈ 4"))
        let bad = try RenderRunner.run(["--check", "notes", "--set", "x"], in: scratch.url)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("expected NAME=VALUE"))
    }

    @Test func diagnosticsAreSortedByFileThenLine() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("$\\int x$\n\n$\\oint y$\n", to: "notes/b.md")
        try scratch.write("$\\iint z$\n", to: "notes/a.md")
        let run = try RenderRunner.run(["--check", "notes"], in: scratch.url)
        let heads = run.stderr.split(separator: "\n").filter { $0.hasPrefix("notes/") }.map { $0.prefix(15) }
        #expect(heads == ["notes/a.md:1:2:", "notes/b.md:1:2:", "notes/b.md:3:2:"])
    }

    @Test func setAcceptsNamesAsTheyAreTyped() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("$\\eta = 0.1$, $w_{12} = 1$, $y_{true} = 1$, $s = \\eta w_{12} y_{true}$, $s \\approx 0.1$\n",
                          to: "notes/a.md")
        #expect(try RenderRunner.run(["--check", "notes"], in: scratch.url).status == 0)
        for (assignment, left) in [("eta=0.3", "0.3"), ("\\eta=0.4", "0.4"), ("η=0.5", "0.5"), ("w_{12}=2", "0.2"),
                                   ("w_12=3", "0.3"), ("y_true=4", "0.4")]
        {
            let run = try RenderRunner.run(["--check", "notes", "--set", assignment], in: scratch.url)
            #expect(run.status == 1, "--set \(assignment)")
            #expect(run.stderr.contains("claim does not hold: computed \(left), claimed ≈ 0.1"), "--set \(assignment): \(run.stderr)")
        }
    }
}
