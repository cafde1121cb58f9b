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

    @Test func namesReachOneAnotherWhenOneOfTheirDefinitionsReachesOneOfThem() {
        // u = x, v = u + 1, w = u * v, z = y: v reaches u and x, w reaches u, v and x.
        let context = Context(definitions: [
            "u": .symbol("x"),
            "v": .sum([.symbol("u"), .number(1)]),
            "w": .product([.symbol("u"), .symbol("v")]),
            "z": .symbol("y"),
        ])
        let groups: [(names: [String], reach: Bool)] = [
            (["u", "v"], true), (["v", "u"], true), (["u", "x"], true), (["x", "u"], true), (["w", "x"], true),
            (["z", "y", "u"], true), (["u", "z"], false), (["x", "y"], false), (["w"], false), ([], false),
            (["q", "v"], false), (["u"], false), (["x"], false),
        ]
        for group in groups {
            // Each group asked of a fresh index, so that numbering order cannot help.
            #expect(LeafIndex(context: context).definitionsReachAnyOf(group.names) == group.reach, "\(group.names)")
        }
        #expect(LeafIndex(context: context).leaves(of: .symbol("w")) == ["x"])
    }
}
