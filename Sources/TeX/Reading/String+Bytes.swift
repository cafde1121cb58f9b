extension StringProtocol {
    /// Calls `body` with the string's UTF-8 bytes in place (a native string's are contiguous;
    /// a small one's are copied to the stack first). A scan of the buffer costs about a third
    /// of iterating `utf8`, which checks the string's representation at every byte. Inlinable,
    /// so that other modules' calls (the Notebook's prose reader) are specialized too.
    @inlinable
    public func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(utf8).withUnsafeBufferPointer(body)
    }
}
