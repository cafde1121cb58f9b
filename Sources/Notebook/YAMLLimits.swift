/// The limits every YAML file Derive reads is held to (a note's front matter, a course's
/// `derive.yml`): a few aliases can stand for billions of nodes (the "billion laughs"), so
/// YAML past them is refused before anything is built from it (issue 15).
public enum YAMLLimits {
    /// Why `yaml` is refused (`"it uses 40 YAML aliases (*name), more than 32"`), or nil when
    /// it may be read.
    public static func problem(in yaml: String) -> String? {
        FrontMatterValues.tooLarge(yaml)
    }
}
