import Foundation
import Report

/// The files every output folder gets besides the pages: the stylesheet and the math font.
enum Assets {
    /// Where Debian's fonts-lmodern puts Latin Modern Math.
    static let fontCandidates = [
        "/usr/share/texmf/fonts/opentype/public/lm-math/latinmodern-math.otf",
        "/usr/share/fonts/opentype/lm-math/latinmodern-math.otf",
    ]

    static func files() -> [(path: String, bytes: [UInt8])] {
        var files: [(String, [UInt8])] = [(PageShell.stylesheetPath, Array(Stylesheet.css.utf8))]
        for candidate in fontCandidates {
            if let bytes = try? NoteReader.readBytes(candidate) {
                files.append(("assets/latinmodern-math.otf", bytes))
                break
            }
        }
        return files
    }
}
