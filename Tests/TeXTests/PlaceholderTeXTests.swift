import Testing

@Test func placeholderTeX() { #expect(Bool(true)) }
