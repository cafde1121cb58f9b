import Foundation
import Testing

/// Golden files in `Tests/Golden/Report/` (outside the test target, so SwiftPM does not see them): compared byte for byte, rewritten when the
/// environment variable `UPDATE_GOLDEN=1` is set (then review the diff before committing).
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Golden/Report", isDirectory: true)

    static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }

    /// Compares `actual` with the golden file `name`, or rewrites it when updating.
    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name)
        if updating {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try Data((actual + "\n").utf8).write(to: url)
            } catch {
                Issue.record("could not write golden file \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let data = try? Data(contentsOf: url), let expected = String(data: data, encoding: .utf8) else {
            Issue.record(
                "golden file \(url.path) is missing; run with UPDATE_GOLDEN=1 to create it, then review it",
                sourceLocation: sourceLocation)
            return
        }
        if expected != actual + "\n" {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = (actual + "\n").split(separator: "\n", omittingEmptySubsequences: false)
            let firstDifference = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }
            let line = firstDifference?.offset ?? min(expectedLines.count, actualLines.count)
            Issue.record(
                """
                output differs from golden file \(name) at line \(line + 1)
                  expected: \(line < expectedLines.count ? String(expectedLines[line]) : "<end>")
                  actual:   \(line < actualLines.count ? String(actualLines[line]) : "<end>")
                rerun with UPDATE_GOLDEN=1 to accept the new output, then review the diff
                """, sourceLocation: sourceLocation)
        }
    }
}
