import Calculus
import Document

/// Which definition of the note something is: the name as the note writes it, and which
/// definition of that name in document order (a name defined twice, in two sections or as a
/// redefinition, has two).
public struct DefinitionName: Hashable, Sendable {
    /// The name as written (`n_1`).
    public let name: String
    /// 1 for the first definition of the name in the note, 2 for the second, ...
    public let occurrence: Int
    /// The name the calculus knows this definition by: the name itself for the first
    /// definition, a name no note can write for a later one (`n_1@2`). It is only ever a key:
    /// the note's name is `name`, never read back out of it.
    public let key: String

    public init(name: String, occurrence: Int) {
        self.name = name
        self.occurrence = occurrence
        key = occurrence == 1 ? name : "\(name)@\(occurrence)"
    }
}

/// The note's names of the calculus's keys: a key of a later definition (see
/// `DefinitionName.key`) names the definition's name; any other key is the name itself.
struct NoteNames: Sendable {
    private var laterDefinitions: [String: DefinitionName] = [:]
    /// Where each definition is, by key (kept for names defined more than once).
    private var places: [String: SourcePosition] = [:]
    private var firstPlaces: [String: SourcePosition] = [:]

    /// Sizes the table of first definitions for `count` names at once.
    mutating func reserveCapacity(_ count: Int) {
        firstPlaces.reserveCapacity(count)
    }

    /// Records a definition (only later definitions have a key of their own), made at `position`.
    mutating func add(_ definition: DefinitionName, at position: SourcePosition = SourcePosition(line: 0, column: 0)) {
        if definition.occurrence > 1 {
            laterDefinitions[definition.key] = definition
            places[definition.key] = position
            if definition.occurrence == 2, let first = firstPlaces[definition.name] { places[definition.name] = first }
        } else {
            firstPlaces[definition.key] = position
        }
    }

    /// The name as the results list it (the example point, partial derivatives, gradients):
    /// the note's name, or for a name the note binds or defines more than once, the name and
    /// the line and column of the definition meant (`η (3:2)`). Both `η`s can be in one
    /// gradient (a definition using one, through another, and the other), and the keys of
    /// `report.json`'s objects must stay unique.
    func listedName(of key: String) -> String {
        if laterDefinitions.isEmpty { return key }
        guard let place = places[key] else { return key }
        return "\(noteName(of: key)) (\(place.line):\(place.column))"
    }

    /// The note's name for the calculus's `key` (`n_1` for the key of the second `n_1`).
    func noteName(of key: String) -> String {
        // Most notes define no name twice: then every key is a name of the note.
        if laterDefinitions.isEmpty { return key }
        return laterDefinitions[key]?.name ?? key
    }

    /// What a person reads about a calculus error, names as the note writes them.
    func message(for error: CalculusError) -> String {
        if case .cycle(let path) = error {
            return "cyclic definitions: " + path.map(noteName).joined(separator: " → ")
        }
        return "cannot evaluate: \(error)"
    }
}
