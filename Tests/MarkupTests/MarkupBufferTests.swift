import Foundation
import Markup
import Testing

/// The buffer every writer writes into: it grows as needed and keeps every byte.
@Suite struct MarkupBufferTests {
    @Test func growsPastItsCapacityKeepingEveryByte() {
        var buffer = MarkupBuffer(capacity: 64)
        var expected = ""
        for index in 0..<2_000 {
            buffer.append("<mi>")
            buffer.escaped("x\(index)")
            buffer.append("</mi>")
            buffer.append(UInt8(ascii: "\n"))
            expected += "<mi>x\(index)</mi>\n"
        }
        var output: [UInt8] = Array("before ".utf8)
        buffer.copy(into: &output)
        #expect(String(decoding: output, as: UTF8.self) == "before " + expected)
    }

    @Test func escapesMarkupCharactersInText() {
        var buffer = MarkupBuffer(capacity: 64)
        // Long enough that escaping alone makes the buffer grow.
        let text = String(repeating: "a<b & \"c\" > d ∂ ", count: 40)
        buffer.escaped(text)
        var output: [UInt8] = []
        buffer.copy(into: &output)
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        #expect(String(decoding: output, as: UTF8.self) == escaped)
    }
}
