import Calculus

/// The right sides of one section's update rules as a step applies them (docs/note-language.md
/// §13): in order, each rule reading the new value of every name a rule above it updates,
/// directly or through the definitions it uses (`v ← βv + ∂L/∂θ`, then `θ ← θ - ηv` reads the
/// new v, as momentum and Adam mean), and every derivative at the values from before the step
/// (the step's gradient, which backpropagation takes once).
///
/// Each side is written in the values from before the step, so that one program still computes
/// the whole step: a name updated above stands for a helper definition holding its rule's side
/// (computed once, however many rules read it), and a definition that reaches one for a helper
/// holding its body so rewritten.
struct StepBodies {
    /// The rules' sides, in order.
    var sides: [Expression] = []
    /// The helper definitions the sides use, by name (`\u{1}`-prefixed: no name of a note).
    var helpers: [String: Expression] = [:]

    /// The most nodes the rewritten definitions of one section may hold together: each rule
    /// that reads a definition reaching an update rewrites it anew.
    static let maximumRewritten = 200_000

    /// The sides of `rules` (key updated, side resolved), in order. Throws `tooDeep` when
    /// definitions are followed deeper than an expression may nest, `tooLarge` past
    /// `maximumRewritten` nodes of rewritten definitions.
    init(_ rules: [(key: String, body: Expression)], section: Int, context: Context, leafIndex: LeafIndex)
        throws(CalculusError)
    {
        var updated: [String: String] = [:]
        var reach = LeafSet()
        var rewritten = 0
        var helpers: [String: Expression] = [:]
        var sides: [Expression] = []
        sides.reserveCapacity(rules.count)
        for (index, (key, body)) in rules.enumerated() {
            var inlined: [String: String] = [:]
            var failure: CalculusError?
            func rewrite(_ expression: Expression, depth: Int) -> Expression {
                if failure != nil { return expression }
                guard depth <= Expression.maximumDepth else {
                    failure = .tooDeep(limit: Expression.maximumDepth)
                    return expression
                }
                switch expression {
                case .partial:
                    return expression
                case .symbol(let name):
                    if let helper = updated[name] { return .symbol(helper) }
                    guard !reach.isEmpty, let definition = context.definitions[name],
                        leafIndex.leafSet(of: expression).intersects(reach)
                    else { return expression }
                    if let helper = inlined[name] { return .symbol(helper) }
                    let helper = "\u{1}step \(section).\(index) \(name)"
                    inlined[name] = helper
                    let body = rewrite(definition, depth: depth + 1)
                    if body.hasMoreNodes(than: Self.maximumRewritten - rewritten) {
                        failure = .tooLarge(limit: Self.maximumRewritten)
                        return expression
                    }
                    body.forEachNode { _ in rewritten += 1 }
                    helpers[helper] = body
                    return .symbol(helper)
                default:
                    return expression.mapChildren { rewrite($0, depth: depth + 1) }
                }
            }
            let side = rewrite(body, depth: 0)
            if let failure { throw failure }
            sides.append(side)
            let helper = "\u{1}step \(section).\(index)"
            helpers[helper] = side
            updated[key] = helper
            reach.formUnion(leafIndex.leafSet(of: .symbol(key)))
        }
        self.sides = sides
        self.helpers = helpers
    }

    /// `context` with `helpers` added.
    static func context(over context: Context, helpers: [String: Expression]) -> Context {
        guard !helpers.isEmpty else { return context }
        var extended = context
        for (name, body) in helpers { extended.definitions[name] = body }
        return extended
    }
}
