import Testing

@Test func placeholderCalculus() { #expect(Bool(true)) }
