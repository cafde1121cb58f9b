/// One entry of the command registry: a family of related commands (all fractions, all
/// accents, ...) with the function that reads their arguments into a `Node`. The family's
/// MathML building sits next to it, in the same file under `Commands/`, as an extension of
/// `MathMLBuilder` (the model is Temml's `src/functions/`).
struct CommandFamily: Sendable {
    /// The command names (without backslash) this family reads.
    let names: [String]
    /// Reads the arguments of one command (the command token is already consumed). Returns
    /// nil for commands that produce nothing (`\relax`).
    let parse: @Sendable (inout Parser, Invocation) -> Node?

    init(names: [String], parse: @escaping @Sendable (inout Parser, Invocation) -> Node?) {
        self.names = names
        self.parse = parse
    }
}

/// What a command family's parse function is given.
struct Invocation {
    /// The command name without backslash.
    var name: String
    /// The command token's range.
    var range: SourceRange
    /// For switches: where the rest of the current list ends.
    var stops: Parser.Stops
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

    /// What a command name is to the parser, found with one lookup.
    struct Entry: Sendable {
        /// The family that reads the command's arguments.
        var family: CommandFamily?
        /// The switch family, for a switch.
        var switchFamily: CommandFamily?
        /// The infix fraction, for `\over` and its relatives.
        var infix: InfixFraction?
    }

    /// Every command the parser treats specially, by name: the families of `all` and
    /// `allSwitches` (the first family naming a command reads it) and the infix fractions.
    static let entries: [String: Entry] = {
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(all.reduce(allSwitches.count) { $0 + $1.names.count })
        for family in all {
            for name in family.names where entries[name]?.family == nil {
                entries[name, default: Entry()].family = family
            }
        }
        for family in allSwitches {
            for name in family.names where entries[name]?.switchFamily == nil {
                entries[name, default: Entry()].switchFamily = family
            }
        }
        for (name, infix) in InfixFraction.commands {
            entries[name, default: Entry()].infix = infix
        }
        return entries
    }()

    /// Whether a command name is known (as a command or a switch).
    static func knows(_ name: String) -> Bool {
        entries[name].map { $0.family != nil || $0.switchFamily != nil } ?? false
    }
}
