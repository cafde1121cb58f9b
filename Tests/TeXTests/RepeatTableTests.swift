import Testing

@testable import TeX

/// What caches of formulas keep (issue 17): a value from its key's second time on, so that a
/// course of formulas said once holds none of them.
@Suite struct RepeatTableTests {
    @Test func aValueIsKeptFromItsKeysSecondTime() {
        var table = RepeatTable<String, Int>(limit: 8, costLimit: 100)
        table.store(1, for: "x = 1", cost: 5)
        #expect(table["x = 1"] == nil)
        table.store(1, for: "x = 1", cost: 5)
        #expect(table["x = 1"] == 1)
        table.store(2, for: "y = 2", cost: 5)
        #expect(table["y = 2"] == nil)
        #expect(table["x = 1"] == 1)
    }

    @Test func aFullTableEmptiesAndKeepsGoing() {
        var table = RepeatTable<Int, Int>(limit: 4, costLimit: 100)
        for key in 0..<6 {
            table.store(key, for: key, cost: 1)
            table.store(key, for: key, cost: 1)
        }
        // Four kept, then emptied at the fifth: the fifth and the sixth are kept.
        #expect((0..<6).map { table[$0] } == [nil, nil, nil, nil, 4, 5])
    }

    /// What values may weigh together is bounded too: a few huge formulas said twice cannot
    /// hold much memory.
    @Test func costlyValuesEmptyTheTableAndOneTooCostlyIsNotKept() {
        var table = RepeatTable<String, String>(limit: 100, costLimit: 10)
        for key in ["a", "b", "c"] {
            table.store(key, for: key, cost: 4)
            table.store(key, for: key, cost: 4)
        }
        // a and b cost 8; c would make 12: the table empties, then keeps c.
        #expect(["a", "b", "c"].map { table[$0] } == [nil, nil, "c"])
        table.store("huge", for: "huge", cost: 11)
        table.store("huge", for: "huge", cost: 11)
        #expect(table["huge"] == nil)
        #expect(table["c"] == "c")
    }
}
