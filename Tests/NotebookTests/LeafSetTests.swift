@testable import Notebook
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
}
