import Calculus
import Document
import TeX

/// Checks a note: reads every formula into statements, resolves names by section, fixes the
/// example point, evaluates definitions and their derivatives, and verifies every claim
/// (NOTE-LANGUAGE.md §2–§7).
public enum Notebook {
    /// Everything Derive computes about `document`, the note at `path`.
    public static func check(_ document: Document, path: String, options: NotebookOptions = NotebookOptions())
        -> NoteResult
    {
        var checker = NoteChecker(document: document, path: path, options: options)
        return checker.run().readingDiagrams(of: document)
    }
}
