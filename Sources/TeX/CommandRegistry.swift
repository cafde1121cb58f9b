/// One entry of the command registry: a family of related commands (all fractions, all
/// accents, ...) with the function that reads their arguments into a `Node`. The family's
/// MathML building sits next to it, in the same file under `Commands/`, as an extension of
/// `MathMLBuilder` (the model is Temml's `src/functions/`).
struct CommandFamily: Sendable {
    /// The command names (without backslash) this family reads.
    let names: [String]
    /// Reads the arguments of one command (the command token is already consumed). Returns
    /// nil for commands that produce nothing (`\relax`, `\nobreak`).
    let parse: @Sendable (inout Parser, Invocation) -> Node?

    init(names: [String], parse: @escaping @Sendable (inout Parser, Invocation) -> Node?) {
        self.names = names
        self.parse = parse
    }
}

/// Every command the parser knows, by name.
enum CommandRegistry {
    /// Families of commands that read their own arguments.
    static let all: [CommandFamily] = [
        .symbols, .multipleIntegral, .negation, .sideset, .fractions, .roots, .leftRight, .sizedDelimiters, .accents,
        .overUnder, .fonts, .texts, .operatorNames, .spaces, .colors, .enclosures,
        .environments, .plainEnvironments, .tags, .modulo, .ignored, .misplaced,
    ]

    /// Families of switches, which apply to the rest of the enclosing group (`\bf`,
    /// `\displaystyle`, `\color{red}`).
    static let allSwitches: [CommandFamily] = [.styleSwitches, .fontSwitches, .colorSwitch]

    /// Commands that read arguments, by name.
    static let families: [String: CommandFamily] = table(all)

    /// Switch commands, by name.
    static let switches: [String: CommandFamily] = table(allSwitches)

    private static func table(_ families: [CommandFamily]) -> [String: CommandFamily] {
        var table: [String: CommandFamily] = [:]
        for family in families {
            for name in family.names where table[name] == nil {
                table[name] = family
            }
        }
        return table
    }

    /// Whether a command name is known (as a command or a switch).
    static func knows(_ name: String) -> Bool {
        families[name] != nil || switches[name] != nil
    }
}
