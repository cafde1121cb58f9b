import Foundation
import Testing

/// The repository's `notes/` rendered by the real `render` executable into a scratch folder.
struct RenderedCourse {
    /// The repository checkout holding this test file.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    let scratch: Scratch
    /// The output folder `render` wrote.
    let output: URL
    /// Every `.html` page of the output, relative to it, sorted.
    let pages: [String]

    /// Renders `<repository>/notes` into `<scratch>/output`; nil (with a recorded failure) if
    /// render fails or writes no page.
    static func render(sourceLocation: SourceLocation = #_sourceLocation) throws -> RenderedCourse? {
        let scratch = try Scratch()
        let notes = repository.appendingPathComponent("notes")
        let run = try RenderRunner.run([notes.path, "--output", "output"], in: scratch.url)
        guard run.status == 0 else {
            Issue.record("render \(notes.path) failed with status \(run.status): \(run.stderr)", sourceLocation: sourceLocation)
            scratch.remove()
            return nil
        }
        let pages = scratch.allFiles().filter { $0.hasPrefix("output/") && $0.hasSuffix(".html") }
            .map { String($0.dropFirst("output/".count)) }
        guard !pages.isEmpty else {
            Issue.record("render wrote no .html page into \(scratch.url.path)/output", sourceLocation: sourceLocation)
            scratch.remove()
            return nil
        }
        return RenderedCourse(scratch: scratch, output: scratch.url.appendingPathComponent("output"), pages: pages)
    }
}
