import Document
import Foundation
import Notebook
import Report

/// A notes folder's `derive.yml` (CourseConfiguration) as a run uses it: where it is, its
/// lines for diagnostics, and the configuration applied to the notes found in the folder.
///
/// It is read when `render` is given one folder, or notes of the course an output folder holds
/// (that course's folder's: OutputCourse); given several folders, or notes rendered alone, no
/// `derive.yml` is read and the pages are as without one.
struct Course: Sendable {
    /// The notes folder, as typed.
    var folder: String
    /// `notes/derive.yml`, for messages.
    var path: String
    var lines: [Substring]
    var configuration: CourseConfiguration
    /// What is wrong in the file; `arrange` adds what is wrong with its chapters.
    var diagnostics: [Diagnostic]

    /// The chapters' order and grouping, by note path relative to the folder (`sub/a.md`):
    /// every note of the run once, the listed ones first.
    struct Layout: Sendable {
        var title: String
        var baseURL: String?
        var parts: [(title: String?, paths: [String])]
    }

    /// The `derive.yml` of the one folder in `paths`, or nil when there is none (or several paths).
    static func load(paths: [String]) -> Course? {
        guard paths.count == 1, let folder = paths.first else { return nil }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else { return nil }
        let path = NoteDiscovery.join(folder, CourseConfiguration.fileName)
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { return nil }
        let start = SourcePosition(line: 1, column: 1)
        let text: String
        do throws(RenderError) {
            text = try NoteReader.decode(try NoteReader.readBytes(path), path: path)
        } catch {
            return Course(folder: folder, path: path, lines: [], configuration: CourseConfiguration(),
                          diagnostics: [Diagnostic(.error, "derive.yml not read: \(error)", at: start)])
        }
        let (configuration, diagnostics) = CourseConfiguration.read(text)
        return Course(folder: folder, path: path, lines: text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline),
                      configuration: configuration, diagnostics: diagnostics)
    }

    /// The output folder derive.yml names (relative to the notes folder unless absolute), or nil.
    var outputFolder: String? {
        guard let output = configuration.output else { return nil }
        return output.hasPrefix("/") ? output : NoteDiscovery.join(folder, output)
    }

    /// The notes in the book's order, its layout, and the diagnostics of the chapters: a
    /// chapter with no note (with the closest note's path), a chapter listed twice; and a
    /// warning for each note derive.yml does not list (placed after the listed ones).
    func arrange(_ notes: [NoteFile]) -> (notes: [NoteFile], layout: Layout, diagnostics: [Diagnostic]) {
        var byPath: [String: Int] = [:]
        for (index, note) in notes.enumerated() { byPath[note.relativePath] = index }
        var diagnostics: [Diagnostic] = []
        var placed: [Int] = []
        var firstListed: [String: SourcePosition] = [:]
        var parts: [(title: String?, paths: [String])] = []
        for part in configuration.parts {
            var paths: [String] = []
            for chapter in part.chapters {
                let length = chapter.path.count
                if let first = firstListed[chapter.path] {
                    diagnostics.append(Diagnostic(
                        .error, "'\(chapter.path)' is listed twice: a chapter has one place in the book", at: chapter.position,
                        length: length, related: [Diagnostic(.note, "'\(chapter.path)' is first listed here", at: first)]))
                    continue
                }
                firstListed[chapter.path] = chapter.position
                guard let index = byPath[chapter.path] else {
                    let closest = notes.map { (SetValues.distance(chapter.path, $0.relativePath), $0.relativePath) }
                        .min { ($0.0, $0.1) < ($1.0, $1.1) }
                    let hint = closest.flatMap { $0.0 <= max(3, chapter.path.count / 3) ? "did you mean '\($0.1)'?" : nil }
                    diagnostics.append(Diagnostic(
                        .error, "no note '\(chapter.path)' in \(PathKey.folderName(folder).isEmpty ? "the notes folder" : PathKey.folderName(folder) + "/")",
                        at: chapter.position, length: length, hint: hint))
                    continue
                }
                placed.append(index)
                paths.append(chapter.path)
            }
            parts.append((part.title, paths))
        }
        let listed = Set(placed)
        let unlisted = notes.indices.filter { !listed.contains($0) }
        if configuration.listsChapters {
            for index in unlisted {
                diagnostics.append(Diagnostic(
                    .warning, "\(notes[index].name) is not listed in derive.yml: it is placed after the listed chapters",
                    at: configuration.listPosition,
                    hint: "add '- \(notes[index].relativePath)' to the chapters of a part to give it its place"))
            }
        }
        if !unlisted.isEmpty {
            // Nothing is lost: a note derive.yml leaves out is still a page of the book, at its end.
            let paths = unlisted.map { notes[$0].relativePath }
            if configuration.parts.contains(where: { $0.title != nil }) {
                parts.append(("Other notes", paths))
            } else if parts.isEmpty {
                parts.append((nil, paths))
            } else {
                parts[parts.count - 1].paths += paths
            }
        }
        let layout = Layout(title: configuration.title ?? "Notes", baseURL: configuration.baseURL, parts: parts)
        return (placed.map { notes[$0] } + unlisted.map { notes[$0] }, layout, diagnostics)
    }
}

extension Course.Layout {
    /// The book of a run's notes: each listed chapter with the title its note gave it; a note
    /// that could not be read has no page and is left out.
    func book(of notes: [Pipeline.NoteRun]) -> Book {
        var byPath: [String: Pipeline.NoteRun] = [:]
        for note in notes where note.listed { byPath[note.note.relativePath] = note }
        return Book(title: title, parts: parts.map { part in
            Book.Part(title: part.title, chapters: part.paths.compactMap { path in
                byPath[path].map {
                    Book.Chapter(title: $0.title, page: OutputFolder.relativePage(for: path), source: path)
                }
            })
        }, baseURL: baseURL)
    }
}
