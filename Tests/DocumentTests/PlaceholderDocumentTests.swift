import Testing

@Test func placeholderDocument() { #expect(Bool(true)) }
