import Document

/// Which definition a use of a name takes (docs/note-language.md §4).
///
/// A use resolves in the smallest section that contains both the use and at least one
/// definition of the name; among the definitions there it takes the last one above the use,
/// or, if none is above, the first one below. A statement never resolves a name to its own
/// definition (`w_1 = w_1 - \eta g` takes the `w_1` defined before it).
public struct ScopeResolver: Sendable {
    private let sections: Sections
    /// Definition sites of each name, in document order.
    private var definitions: [String: [StatementSite]] = [:]
    /// Names whose sites, added in document order, do not have their sections ascending (a
    /// footnote's formulas, which cmark-gfm moves to the end of the note, could break it):
    /// resolved by a scan instead of binary searches.
    private var unordered: Set<String> = []

    public init(sections: Sections) {
        self.sections = sections
    }

    /// Sizes the table for `count` names at once.
    public mutating func reserveCapacity(_ count: Int) {
        definitions.reserveCapacity(count)
    }

    /// Records that `name` is defined at `site`. Sites must be added in document order.
    public mutating func define(_ name: String, at site: StatementSite) {
        if let last = definitions[name]?.last, site < last || site.section < last.section { unordered.insert(name) }
        definitions[name, default: []].append(site)
    }

    /// Every definition site of `name`.
    public func sites(of name: String) -> [StatementSite] { definitions[name] ?? [] }

    /// The definition a use of `name` at `use` takes, or `nil` when the name has no
    /// definition the use can see.
    public func resolve(_ name: String, at use: StatementSite) -> StatementSite? {
        guard let all = definitions[name] else { return nil }
        if unordered.contains(name) { return resolveByScan(all, at: use) }
        // The sites of a section and its subsections are consecutive in `all` (document order,
        // sections ascending): found by binary search, not by a scan per use (a name defined
        // and used 16,000 times was quadratic).
        var section: Int? = use.section
        while let current = section {
            let subtree = sections.subtree(of: current)
            let start = countOfPrefix(of: all) { $0.section < subtree.lowerBound }
            let end = countOfPrefix(of: all) { $0.section < subtree.upperBound }
            let above = start + countOfPrefix(of: all[start..<end]) { $0 < use }
            if above > start { return all[above - 1] }
            // None above: the first one, unless it is the use's own definition.
            let first = start < end && all[start] == use ? start + 1 : start
            if first < end { return all[first] }
            section = sections.sections[current].parent
        }
        return nil
    }

    /// `resolve` by looking at every site, for sites not in document order.
    private func resolveByScan(_ all: [StatementSite], at use: StatementSite) -> StatementSite? {
        var section: Int? = use.section
        while let current = section {
            // The candidates in this section: the last above the use, else the first.
            var first: StatementSite?
            var lastAbove: StatementSite?
            for site in all where site != use && sections.contains(current, site.section) {
                if first == nil { first = site }
                if site < use { lastAbove = site }
            }
            if let first { return lastAbove ?? first }
            section = sections.sections[current].parent
        }
        return nil
    }

    /// Names defined more than once directly in the same section: (name, the later site).
    public func redefinitions() -> [(name: String, site: StatementSite, previous: StatementSite)] {
        var found: [(String, StatementSite, StatementSite)] = []
        for (name, sites) in definitions {
            // The site before each one in its section: kept as the sites go by, not searched
            // for (a name defined once in each of 16,000 sections searched them all each time).
            var lastInSection: [Int: StatementSite] = [:]
            for site in sites {
                if let previous = lastInSection[site.section] { found.append((name, site, previous)) }
                lastInSection[site.section] = site
            }
        }
        return found.sorted { $0.1 < $1.1 }
    }
}
