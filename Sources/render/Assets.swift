import Foundation
import Report
import TeX

/// The files every output folder gets besides the pages: the stylesheet, the math font and the
/// text font (Latin Modern, from Debian's fonts-lmodern), so pages look the same everywhere.
enum Assets {
    /// Where fonts-lmodern installs its OpenType fonts.
    static let fontFolders = [
        "/usr/share/texmf/fonts/opentype/public",
        "/usr/share/fonts/opentype",
    ]

    /// Font files shipped with the pages: (folder under a font folder, file name).
    static let fonts = [
        ("lm-math", MathML.fontFileName),
        ("lm", "lmroman10-regular.otf"), ("lm", "lmroman10-italic.otf"),
        ("lm", "lmroman10-bold.otf"), ("lm", "lmroman10-bolditalic.otf"),
    ]

    static func files() -> [(path: String, bytes: [UInt8])] {
        var files: [(String, [UInt8])] = [(PageShell.stylesheetPath, Array(Stylesheet.css.utf8))]
        for (subfolder, name) in fonts {
            for folder in fontFolders {
                if let bytes = try? NoteReader.readBytes(folder + "/" + subfolder + "/" + name) {
                    files.append(("assets/" + name, bytes))
                    break
                }
            }
        }
        return files
    }
}
