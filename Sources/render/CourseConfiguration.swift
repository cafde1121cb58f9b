import Document
import Foundation
import Notebook
import Yams

/// A course's `derive.yml`, at the root of the notes folder (docs/publishing.md): the course's
/// title, its chapters in reading order (grouped in parts, or not), the address it is published
/// at and the output folder. With one, the pages are a book (a table of contents on every page,
/// a front page); without one, they are as they always were.
///
/// Reading it never stops a run: what is wrong gets a diagnostic at its line and column (an
/// unknown key with the closest known one), and what could be read is used.
struct CourseConfiguration: Sendable, Equatable {
    /// A chapter as listed: a note's path relative to the notes folder, and where it is listed.
    struct Chapter: Sendable, Equatable {
        var path: String
        var position: SourcePosition
    }

    /// A part and its chapters; the chapters listed under the top-level `chapters:` (before any
    /// part) are a part without a title.
    struct Part: Sendable, Equatable {
        var title: String?
        var chapters: [Chapter]
    }

    /// The file's name in the notes folder.
    static let fileName = "derive.yml"
    /// The keys of the file, and those of a part.
    static let keys = ["title", "base-url", "output", "chapters", "parts"]
    static let partKeys = ["title", "chapters"]

    var title: String?
    /// Ends with `/`.
    var baseURL: String?
    /// As written: relative to the notes folder unless absolute.
    var output: String?
    var parts: [Part] = []
    /// Where the chapters are listed (the `parts:` or `chapters:` key): a note left out is
    /// said there.
    var listPosition = SourcePosition(line: 1, column: 1)

    /// Whether any chapter is listed (else the chapters are the notes in the order of their paths).
    var listsChapters: Bool { parts.contains { !$0.chapters.isEmpty } }

    /// Reads the text of a `derive.yml`: what could be read, and what is wrong with it.
    static func read(_ text: String) -> (configuration: CourseConfiguration, diagnostics: [Diagnostic]) {
        var reader = Reader()
        let configuration = reader.read(text)
        return (configuration, reader.diagnostics)
    }

    private struct Reader {
        var diagnostics: [Diagnostic] = []

        mutating func read(_ yaml: String) -> CourseConfiguration {
            var configuration = CourseConfiguration()
            let start = SourcePosition(line: 1, column: 1)
            // The limits of a note's front matter (issue 15): a few aliases can stand for billions of nodes.
            if let problem = YAMLLimits.problem(in: yaml) {
                error("derive.yml not read: " + problem, at: start)
                return configuration
            }
            let root: Node?
            do {
                root = try Yams.compose(yaml: yaml)
            } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
                // Yams refuses a mapping with a key given twice, and says where the first is.
                let key = duplicates.first ?? ""
                let first = SourcePosition(line: context.mark.line, column: context.mark.column)
                let second = Self.repetition(of: key, after: first, in: yaml) ?? first
                error("'\(key)' is given twice", at: second, length: max(1, key.count),
                      related: second == first ? [] : [Diagnostic(.note, "'\(key)' is first given here", at: first)])
                return configuration
            } catch {
                let (problem, position) = Self.describe(error)
                self.error("derive.yml is not valid YAML: " + problem, at: position ?? start,
                           hint: "indent a key's list under it, one '- item' a line; quote text that holds ': ' or '#'")
                return configuration
            }
            guard let root else { return configuration }  // an empty file: a book in file order
            guard case .mapping(let mapping) = root else {
                error("derive.yml should hold keys (title:, parts:, ...), not \(Self.kind(of: root))", at: Self.position(of: root),
                      hint: "known keys: " + CourseConfiguration.keys.joined(separator: ", "))
                return configuration
            }
            var topChapters: [Chapter] = []
            var parts: [Part] = []
            for (key, value, keyPosition) in entries(of: mapping, known: CourseConfiguration.keys, in: "derive.yml") {
                switch key {
                case "title":
                    configuration.title = text(of: value, key: key)
                case "base-url":
                    configuration.baseURL = text(of: value, key: key).flatMap { url($0, at: Self.position(of: value)) }
                case "output":
                    configuration.output = text(of: value, key: key)
                case "chapters":
                    configuration.listPosition = keyPosition
                    topChapters = chapters(value, key: key)
                default:  // "parts"
                    configuration.listPosition = keyPosition
                    parts = self.parts(value)
                }
            }
            configuration.parts = (topChapters.isEmpty ? [] : [Part(title: nil, chapters: topChapters)]) + parts
            return configuration
        }

        /// The mapping's entries whose key is known, in order; an unknown key is an error that
        /// names the closest known one. (Yams refuses a key given twice.)
        mutating func entries(of mapping: Node.Mapping, known: [String], in place: String)
            -> [(key: String, value: Node, position: SourcePosition)]
        {
            var result: [(key: String, value: Node, position: SourcePosition)] = []
            for (keyNode, value) in mapping {
                let position = Self.position(of: keyNode)
                guard case .scalar(let scalar) = keyNode else {
                    error("a key in \(place) should be a word, not \(Self.kind(of: keyNode))", at: position)
                    continue
                }
                let key = scalar.string
                guard known.contains(key) else {
                    let closest = known.map { (SetValues.distance(key.lowercased(), $0), $0) }
                        .filter { $0.0 <= max(2, key.count / 3) }.min { ($0.0, $0.1) < ($1.0, $1.1) }?.1
                    error("unknown key '\(key)' in \(place)" + (closest.map { ": did you mean '\($0)'?" } ?? ""),
                          at: position, length: key.count, hint: "known keys: " + known.joined(separator: ", "))
                    continue
                }
                result.append((key, value, position))
            }
            return result
        }

        /// A key's value as text, or nil (with an error) when it is empty or not text.
        mutating func text(of node: Node, key: String) -> String? {
            guard case .scalar(let scalar) = node else {
                error("'\(key)' should be text, not \(Self.kind(of: node))", at: Self.position(of: node))
                return nil
            }
            let value = scalar.string.trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty, !Self.isNull(scalar) else {
                error("'\(key)' has no value", at: Self.position(of: node))
                return nil
            }
            return value
        }

        /// `value` as a base URL (ending with `/`), or nil with an error.
        mutating func url(_ value: String, at position: SourcePosition) -> String? {
            guard let components = URLComponents(string: value), let scheme = components.scheme?.lowercased(),
                  scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty,
                  components.query == nil, components.fragment == nil
            else {
                error("'base-url' should be the address the course is published at, starting with https:// or http://, "
                      + "not '\(value)'", at: position, length: value.count,
                      hint: "for example: base-url: https://example.org/course/")
                return nil
            }
            return value.hasSuffix("/") ? value : value + "/"
        }

        /// A list of chapters (note paths).
        mutating func chapters(_ node: Node, key: String) -> [Chapter] {
            guard case .sequence(let sequence) = node else {
                if case .scalar(let scalar) = node, Self.isNull(scalar) { return [] }
                error("'\(key)' should be a list of notes, one '- path.md' a line, not \(Self.kind(of: node))",
                      at: Self.position(of: node))
                return []
            }
            var result: [Chapter] = []
            for item in sequence {
                let position = Self.position(of: item)
                guard case .scalar(let scalar) = item, !Self.isNull(scalar), !scalar.string.isEmpty else {
                    error("a chapter should be a note's path relative to the notes folder (e.g. 01-intro.md), "
                          + "not \(Self.kind(of: item))", at: position)
                    continue
                }
                var path = scalar.string
                while path.hasPrefix("./") { path.removeFirst(2) }
                let components = path.split(separator: "/", omittingEmptySubsequences: false)
                if path.hasPrefix("/") || components.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) {
                    error("'\(scalar.string)' is not a path inside the notes folder: a chapter is written relative to "
                          + "derive.yml's folder (e.g. sub/intro.md)", at: position, length: scalar.string.count)
                    continue
                }
                guard NoteDiscovery.isMarkdown(path) else {
                    error("'\(scalar.string)' is not a note: a chapter is a Markdown file (.md)", at: position,
                          length: scalar.string.count)
                    continue
                }
                result.append(Chapter(path: path, position: position))
            }
            return result
        }

        /// The list of parts: each a title and its chapters.
        mutating func parts(_ node: Node) -> [Part] {
            guard case .sequence(let sequence) = node else {
                if case .scalar(let scalar) = node, Self.isNull(scalar) { return [] }
                error("'parts' should be a list of parts, each '- title: ...' with its 'chapters:', not \(Self.kind(of: node))",
                      at: Self.position(of: node))
                return []
            }
            var result: [Part] = []
            for item in sequence {
                guard case .mapping(let mapping) = item else {
                    error("a part should have a title and chapters ('- title: ...' and 'chapters:' under it), "
                          + "not \(Self.kind(of: item))", at: Self.position(of: item))
                    continue
                }
                var part = Part(title: nil, chapters: [])
                var titled = false
                for (key, value, _) in entries(of: mapping, known: CourseConfiguration.partKeys, in: "a part") {
                    if key == "title" {
                        titled = true
                        part.title = text(of: value, key: key)
                    } else {
                        part.chapters = chapters(value, key: key)
                    }
                }
                if !titled { error("a part needs a title", at: Self.position(of: item), hint: "add 'title: ...' to it") }
                // A part whose title is wrong is still a part: its chapters keep their place.
                result.append(Part(title: part.title ?? "Part \(result.count + 1)", chapters: part.chapters))
            }
            return result
        }

        mutating func error(_ message: String, at position: SourcePosition, length: Int = 1, hint: String? = nil,
                            related: [Diagnostic] = []) {
            diagnostics.append(Diagnostic(.error, message, at: position, length: length, hint: hint, related: related))
        }

        /// Where `key:` is given again after `first`, at the same column with only indentation
        /// (or a list's `- `) before it.
        static func repetition(of key: String, after first: SourcePosition, in yaml: String) -> SourcePosition? {
            let lines = yaml.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            guard first.line >= 1, first.line < lines.count else { return nil }
            for index in first.line..<lines.count {
                let line = lines[index].unicodeScalars
                guard line.count >= first.column - 1 else { continue }
                let lead = line.prefix(first.column - 1)
                if lead.allSatisfy({ $0 == " " || $0 == "-" }),
                   String(String.UnicodeScalarView(line.dropFirst(first.column - 1))).hasPrefix(key + ":") {
                    return SourcePosition(line: index + 1, column: first.column)
                }
            }
            return nil
        }

        static func position(of node: Node) -> SourcePosition {
            node.mark.map { SourcePosition(line: $0.line, column: $0.column) } ?? SourcePosition(line: 1, column: 1)
        }

        /// `~`, `null` or nothing, unquoted.
        static func isNull(_ scalar: Node.Scalar) -> Bool {
            scalar.style != .singleQuoted && scalar.style != .doubleQuoted
                && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
        }

        /// What a node is, in plain words.
        static func kind(of node: Node) -> String {
            switch node {
            case .scalar(let scalar): isNull(scalar) ? "nothing" : "'\(scalar.string)'"
            case .mapping: "keys"
            case .sequence: "a list"
            case .alias: "an alias"
            }
        }

        /// A YAML error's problem and position.
        static func describe(_ error: any Error) -> (String, SourcePosition?) {
            switch error as? YamlError {
            case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
                 .composer(let context, let problem, let mark, _):
                let text = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
                return (text, SourcePosition(line: mark.line, column: mark.column))
            case .reader(let problem, _, _, _):
                return (problem, nil)
            default:
                return (String(describing: error), nil)
            }
        }
    }
}
