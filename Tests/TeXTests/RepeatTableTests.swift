import Testing

@testable import TeX

/// What caches of formulas keep (issue 17): a value from its key's second time on, so that a
/// course of formulas said once holds none of them.
@Suite struct RepeatTableTests {
    @Test func aValueIsKeptFromItsKeysSecondTime() {
        var table = RepeatTable<String, Int>(limit: 8)
        table.store(1, for: "x = 1")
        #expect(table["x = 1"] == nil)
        table.store(1, for: "x = 1")
        #expect(table["x = 1"] == 1)
        table.store(2, for: "y = 2")
        #expect(table["y = 2"] == nil)
        #expect(table["x = 1"] == 1)
    }

    @Test func aFullTableEmptiesAndKeepsGoing() {
        var table = RepeatTable<Int, Int>(limit: 4)
        for key in 0..<6 {
            table.store(key, for: key)
            table.store(key, for: key)
        }
        // Four kept, then emptied at the fifth: the fifth and the sixth are kept.
        #expect((0..<6).map { table[$0] } == [nil, nil, nil, nil, 4, 5])
    }
}
