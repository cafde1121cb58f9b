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

    public init(sections: Sections) {
        self.sections = sections
    }

    /// Sizes the table for `count` names at once.
    public mutating func reserveCapacity(_ count: Int) {
        definitions.reserveCapacity(count)
    }

    /// Records that `name` is defined at `site`. Sites must be added in document order.
    public mutating func define(_ name: String, at site: StatementSite) {
        definitions[name, default: []].append(site)
    }

    /// Every definition site of `name`.
    public func sites(of name: String) -> [StatementSite] { definitions[name] ?? [] }

    /// The definition a use of `name` at `use` takes, or `nil` when the name has no
    /// definition the use can see.
    public func resolve(_ name: String, at use: StatementSite) -> StatementSite? {
        guard let all = definitions[name] else { return nil }
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
            for (index, site) in sites.enumerated() {
                if let previous = sites[..<index].last(where: { $0.section == site.section }) {
                    found.append((name, site, previous))
                }
            }
        }
        return found.sorted { $0.1 < $1.1 }
    }
}
