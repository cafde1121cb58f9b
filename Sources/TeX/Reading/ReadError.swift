/// Why part of a formula is outside what Derive evaluates, and where.
struct ReadError: Error, Equatable {
    var message: String
    var range: SourceRange

    init(_ message: String, _ range: SourceRange) {
        self.message = message
        self.range = range
    }
}
