/// Markup being written, in memory of its own that doubles when full.
///
/// MathML is written a few bytes at a time (`<`, a name, `>`, a letter): appending to a
/// `[UInt8]` checks each time that the array is not shared, which costs more than the
/// byte itself. Here appending is a compare and a store; the whole is copied to the output
/// once, at the end. The memory is freed when the buffer goes away (it cannot be copied).
struct MarkupBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int

    /// An empty buffer with room for `capacity` bytes before it first grows.
    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    /// Makes room for `extra` more bytes, out of line: it is rarely needed.
    @inline(never)
    private mutating func grow(_ extra: Int) {
        let newCapacity = max(capacity * 2, count + extra)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Appends one byte.
    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(1) }
        base[count] = byte
        count += 1
    }

    /// Appends bytes.
    @inline(__always)
    private mutating func append(_ bytes: UnsafePointer<UInt8>, count length: Int) {
        if count + length > capacity { grow(length) }
        // Names and fixed markup are short: a loop costs less than a call to memcpy.
        for index in 0..<length {
            base[count + index] = bytes[index]
        }
        count += length
    }

    /// Appends the UTF-8 of a static string (a name, a fixed piece of markup).
    @inline(__always)
    mutating func append(_ text: StaticString) {
        if text.hasPointerRepresentation {
            append(text.utf8Start, count: text.utf8CodeUnitCount)
        } else {
            text.withUTF8Buffer { utf8 in
                if let start = utf8.baseAddress { append(start, count: utf8.count) }
            }
        }
    }

    /// Appends `text` with `&`, `<`, `>` and `"` escaped, for element content and attribute values.
    mutating func appendEscaped(_ text: String) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { utf8 in
            if count + utf8.count > capacity { grow(utf8.count) }
            for byte in utf8 { appendEscaped(byte) }
        }
        if done == nil {
            for byte in text.utf8 { appendEscaped(byte) }
        }
    }

    /// Appends a byte of text, escaped if it is `&`, `<`, `>` or `"`.
    @inline(__always)
    private mutating func appendEscaped(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "&"): append("&amp;")
        case UInt8(ascii: "<"): append("&lt;")
        case UInt8(ascii: ">"): append("&gt;")
        case UInt8(ascii: "\""): append("&quot;")
        default: append(byte)
        }
    }

    /// Appends the bytes written so far to `output`.
    func copy(into output: inout [UInt8]) {
        output.append(contentsOf: UnsafeBufferPointer(start: base, count: count))
    }
}
