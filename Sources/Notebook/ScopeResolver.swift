/// Which definition a use of a name takes (NOTE-LANGUAGE.md §4).
///
/// A use resolves in the smallest section that contains both the use and at least one
/// definition of the name; among the definitions there it takes the last one above the use,
/// or, if none is above, the first one below. A statement never resolves a name to its own
/// definition (`w_1 = w_1 - \eta g` takes the `w_1` defined before it).
public struct ScopeResolver: Sendable {
    /// Where something is in a note: document order plus the innermost section.
    public struct Site: Sendable, Hashable, Comparable {
        /// Order in the note (formula index, then statement index within the formula).
        public var order: Int
        public var section: Int

        public init(order: Int, section: Int) {
            self.order = order
            self.section = section
        }

        public static func < (lhs: Site, rhs: Site) -> Bool { lhs.order < rhs.order }
    }

    private let sections: Sections
    /// Definition sites of each name, in document order.
    private var definitions: [String: [Site]] = [:]

    public init(sections: Sections) {
        self.sections = sections
    }

    /// Records that `name` is defined at `site`. Sites must be added in document order.
    public mutating func define(_ name: String, at site: Site) {
        definitions[name, default: []].append(site)
    }

    /// Every definition site of `name`.
    public func sites(of name: String) -> [Site] { definitions[name] ?? [] }

    /// Whether the note defines `name` anywhere.
    public func isDefined(_ name: String) -> Bool { definitions[name] != nil }

    /// The definition a use of `name` at `use` takes, or `nil` when the name has no
    /// definition the use can see.
    public func resolve(_ name: String, at use: Site) -> Site? {
        guard let all = definitions[name] else { return nil }
        var section: Int? = use.section
        while let current = section {
            // The candidates in this section: the last above the use, else the first.
            var first: Site?
            var lastAbove: Site?
            for site in all where site.order != use.order && sections.contains(current, site.section) {
                if first == nil { first = site }
                if site.order < use.order { lastAbove = site }
            }
            if let first { return lastAbove ?? first }
            section = sections.sections[current].parent
        }
        return nil
    }

    /// Names defined more than once directly in the same section: (name, the later site).
    public func redefinitions() -> [(name: String, site: Site, previous: Site)] {
        var found: [(String, Site, Site)] = []
        for (name, sites) in definitions {
            for (index, site) in sites.enumerated() {
                if let previous = sites[..<index].last(where: { $0.section == site.section }) {
                    found.append((name, site, previous))
                }
            }
        }
        return found.sorted { $0.1.order < $1.1.order }
    }
}
