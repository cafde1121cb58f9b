/// Markup being written (HTML, MathML, SVG, XML, JSON, Markdown), as UTF-8 bytes in memory of
/// its own that doubles when full. The escaping rules of each language are in
/// `MarkupBuffer+Escaping.swift`.
///
/// Markup is written a few bytes at a time (`<`, a name, `>`, a letter): appending to a
/// `[UInt8]` checks each time that the array is not shared, which costs more than the byte
/// itself. Here appending is a compare and a store, inlined into the caller (hence
/// `@inlinable`: the writers live in other modules); the whole is copied out once, at the
/// end. The memory is freed when the buffer goes away (it cannot be copied).
public struct MarkupBuffer: ~Copyable {
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @usableFromInline var count = 0
    @usableFromInline var capacity: Int

    /// An empty buffer with room for `capacity` bytes before it first grows.
    public init(capacity: Int = 4096) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    /// Makes room for `extra` more bytes, out of line: it is rarely needed.
    @usableFromInline @inline(never)
    mutating func grow(_ extra: Int) {
        let newCapacity = max(capacity * 2, count + extra)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Makes sure `extra` more bytes fit without growing.
    @inlinable @inline(__always)
    public mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(extra) }
    }

    /// How many bytes were written.
    public var byteCount: Int { count }

    /// The last byte written, if any.
    public var last: UInt8? { count == 0 ? nil : base[count - 1] }

    // MARK: - Bytes as they are

    /// Appends one byte.
    @inlinable @inline(__always)
    public mutating func append(_ byte: UInt8) {
        if count == capacity { grow(1) }
        base[count] = byte
        count += 1
    }

    /// Appends `length` bytes from `bytes`, with a loop: for the short pieces of fixed markup
    /// a loop costs less than a call to memcpy.
    @inlinable @inline(__always)
    mutating func appendShort(_ bytes: UnsafePointer<UInt8>, count length: Int) {
        if count + length > capacity { grow(length) }
        for index in 0..<length {
            base[count + index] = bytes[index]
        }
        count += length
    }

    /// Appends the UTF-8 of a static string (a name, a fixed piece of markup).
    @inlinable @inline(__always)
    public mutating func append(_ text: StaticString) {
        if text.hasPointerRepresentation {
            appendShort(text.utf8Start, count: text.utf8CodeUnitCount)
        } else {
            text.withUTF8Buffer { utf8 in
                if let start = utf8.baseAddress { appendShort(start, count: utf8.count) }
            }
        }
    }

    /// Appends an integer in decimal, as `String(number)` writes it (`-12`, `0`, `407`).
    public mutating func append(decimal number: Int) {
        reserve(20)
        if number < 0 { base[count] = UInt8(ascii: "-"); count += 1 }
        var magnitude = number.magnitude
        var digits = 0
        repeat {
            digits += 1
            magnitude /= 10
        } while magnitude > 0
        magnitude = number.magnitude
        for place in stride(from: digits - 1, through: 0, by: -1) {
            base[count + place] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        }
        count += digits
    }

    /// Appends bytes in one copy.
    @inlinable
    public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        (base + count).initialize(from: start, count: bytes.count)
        count += bytes.count
    }

    /// Appends bytes.
    public mutating func append<S: Sequence>(bytes more: S) where S.Element == UInt8 {
        let copied: Void? = more.withContiguousStorageIfAvailable { append($0) }
        if copied == nil { for byte in more { append(byte) } }
    }

    /// Appends text that is already markup (or needs no escaping), as it is.
    @inlinable
    public mutating func raw(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// Appends a slice of text as it is (a note's lines are slices of one string: one copy).
    public mutating func raw(_ text: Substring) {
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { append($0) }
        if copied == nil { append(bytes: text.utf8) }
    }

    /// A newline, unless the buffer is empty or already ends with one (cmark's `cr`).
    public mutating func newlineIfNeeded() {
        if count > 0, base[count - 1] != UInt8(ascii: "\n") { append(UInt8(ascii: "\n")) }
    }

    // MARK: - Out

    /// Appends the bytes written so far to `output`.
    public func copy(into output: inout [UInt8]) {
        output.append(contentsOf: UnsafeBufferPointer(start: base, count: count))
    }

    /// The bytes written so far.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// The bytes written so far, as a string.
    public var string: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }
}
