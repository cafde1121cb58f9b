/// Relative links between pages.
public enum URLPath {
    /// Percent-encodes a relative path for use in `href`: every byte except letters, digits,
    /// `-._~` and `/` becomes `%XX`, so any file name makes a working link.
    public static func encode(_ path: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: "/"):
                bytes.append(byte)
            default:
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0xF)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The prefix that leads from a page at `relativePath` back to the output root
    /// (`""` for `a.html`, `"../"` for `sub/a.html`).
    public static func rootPrefix(for relativePath: String) -> String {
        String(repeating: "../", count: relativePath.split(separator: "/").count - 1)
    }

    /// The link from the page at `from` to the page at `to` (both relative to the root).
    public static func link(from: String, to: String) -> String {
        encode(rootPrefix(for: from) + to)
    }
}
