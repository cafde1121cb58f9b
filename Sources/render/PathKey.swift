import Foundation

/// How a path typed on the command line is named where the name must not depend on how it was
/// typed: `notes`, `./notes/` and `/home/me/course/notes` are all the folder `notes`.
enum PathKey {
    /// The last component of `path` once it is made absolute and `.` and `..` are resolved,
    /// without following symbolic links (`.` names the current folder, `notes/` is `notes`);
    /// empty for the root folder.
    static func folderName(_ path: String) -> String {
        absoluteComponents(path).last.map(String.init) ?? ""
    }

    /// `path` made absolute (against the current folder) with `.`, `..` and doubled slashes
    /// resolved lexically, as components.
    static func absoluteComponents(_ path: String) -> [Substring] {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var components: [Substring] = []
        for component in absolute.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": _ = components.popLast()
            default: components.append(component)
            }
        }
        return components
    }

    /// The path that leads from the folder `from` to `to`, both made absolute and resolved
    /// lexically (`absoluteComponents`): `../notes` from `output` to `notes`, `.` from a folder
    /// to itself. Symbolic links are not followed, as in `folderName`.
    static func relative(from: String, to: String) -> String {
        let source = absoluteComponents(from)
        let target = absoluteComponents(to)
        var common = 0
        while common < source.count, common < target.count, source[common] == target[common] { common += 1 }
        let parts = Array(repeating: "..", count: source.count - common) + target[common...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// `relative` joined to the folder `base` and resolved lexically, as an absolute path: the
    /// inverse of `relative(from: base, to:)`.
    static func joined(_ base: String, _ relative: String) -> String {
        "/" + absoluteComponents(NoteDiscovery.join(base, relative)).joined(separator: "/")
    }

    /// The real path of `path` (symbolic links followed) when it exists; when it does not,
    /// the real path of its nearest existing ancestor followed by the rest, so that an output
    /// folder not made yet can still be compared with the inputs.
    static func resolved(_ path: String) -> String {
        let components = absoluteComponents(path)
        var existing = components.count
        while existing >= 0 {
            let prefix = "/" + components[..<existing].joined(separator: "/")
            if let real = realPath(prefix) {
                let rest = components[existing...].joined(separator: "/")
                if rest.isEmpty { return real }
                return real == "/" ? "/" + rest : real + "/" + rest
            }
            existing -= 1
        }
        return "/" + components.joined(separator: "/")
    }

    /// Whether `inner` is `outer` or inside it (both resolved paths).
    static func isSameOrInside(_ inner: String, _ outer: String) -> Bool {
        inner == outer || outer == "/" || inner.hasPrefix(outer + "/")
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// Text shown on a terminal or in a report that comes from outside (a file name, a line of a
/// note): control characters are written as Swift escapes (`\u{1b}`), so a file name cannot
/// move the cursor, recolour the terminal or make an XML report invalid. Tabs are kept.
enum ControlCharacters {
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// C0 controls but tab, DEL, and C1 controls (`U+009B` is a terminal's CSI too).
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x09) || (0x7F...0x9F).contains(value)
    }
}
