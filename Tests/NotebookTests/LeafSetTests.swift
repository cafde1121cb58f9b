@testable import Notebook
import Calculus
import Testing

@Suite struct LeafSetTests {
    @Test func membersComeBackInIncreasingOrderAcrossWords() {
        var set = LeafSet()
        for member in [130, 3, 64, 0, 63, 200, 3] { set.insert(member) }
        var members: [Int] = []
        set.forEachMember { members.append($0) }
        #expect(members == [0, 3, 63, 64, 130, 200])
        #expect(set.count == 6)
        #expect(set.contains(130) && !set.contains(129) && !set.contains(500))
    }

    @Test func unionHasTheMembersOfBoth() {
        var small = LeafSet()
        small.insert(1)
        var large = LeafSet()
        large.insert(2)
        large.insert(190)
        small.formUnion(large)
        var members: [Int] = []
        small.forEachMember { members.append($0) }
        #expect(members == [1, 2, 190])
        large.formUnion(LeafSet())
        #expect(large.count == 2)
    }

    @Test func aSetIsEmptyUntilAMemberIsInsertedInAnyWord() {
        var set = LeafSet()
        #expect(set.isEmpty)
        set.insert(150)
        #expect(!set.isEmpty)
        var low = LeafSet()
        low.insert(0)
        #expect(!low.isEmpty)
    }

    @Test func aDefinitionReachesTheDefinitionsAndLeavesBehindItsNames() {
        // w = u * v with v = u + 1: v reaches u; u = x reaches the leaf x only.
        let context = Context(definitions: [
            "u": .symbol("x"),
            "v": .sum([.symbol("u"), .number(1)]),
            "w": .product([.symbol("u"), .symbol("v")]),
        ])
        let index = LeafIndex(context: context)
        #expect(index.definition("v", reachesAnyOf: ["u", "v"]))
        #expect(index.definition("v", reachesAnyOf: ["x"]))
        #expect(!index.definition("u", reachesAnyOf: ["u", "v"]))
        #expect(!index.definition("x", reachesAnyOf: ["u", "v", "x"]))  // a leaf, no definition
        #expect(index.leaves(of: .symbol("w")) == ["x"])
    }

    @Test func namesReachOneAnotherWhenOneOfTheirDefinitionsReachesOneOfThem() {
        let context = Context(definitions: [
            "u": .symbol("x"),
            "v": .sum([.symbol("u"), .number(1)]),
            "w": .product([.symbol("u"), .symbol("v")]),
            "z": .symbol("y"),
        ])
        let groups: [[String]] = [["u", "v"], ["v", "u"], ["u", "x"], ["x", "u"], ["u", "z"], ["x", "y"], ["w"],
                                  ["w", "x"], ["z", "y", "u"], [], ["q", "v"]]
        for names in groups {
            // Each group asked of a fresh index, so that numbering order cannot help.
            let fresh = LeafIndex(context: context)
            let expected = names.contains { LeafIndex(context: context).definition($0, reachesAnyOf: names) }
            #expect(fresh.definitionsReachAnyOf(names) == expected, "\(names)")
        }
        #expect(LeafIndex(context: context).definitionsReachAnyOf(["u", "v"]))
        #expect(!LeafIndex(context: context).definitionsReachAnyOf(["u", "z"]))
    }
}
