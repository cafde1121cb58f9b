import Foundation

/// The one table from the note's names (as the note reader gives them: `w_12`, `η`, `y_true`,
/// `out_h1`, `w^+`) to Swift identifiers and back, so that a cell's `let eta` or
/// `func n_1` can be tied to the note's `\eta` or `n_1` (issue 12 items 2-4).
///
/// | note name | Swift |
/// |---|---|
/// | `w_1`, `w_{12}` (read as `w_12`), `y_{true}`, `out_{h1}` | `w_1`, `w_12`, `y_true`, `out_h1` |
/// | a Greek letter: `η`, `σ`, `Δ` | its name: `eta`, `sigma`, `Delta` |
/// | `w^+`, `w^-`, `w^*`, `w'`, `w''` | `w_plus`, `w_minus`, `w_star`, `w_prime`, `w_prime2` |
/// | an accent: `ŷ`, `x̄`, `x̃`, `ẋ` | `y_hat`, `x_bar`, `x_tilde`, `x_dot` |
/// | a Swift keyword (`in`, `for`...) | `` `in` `` would be legal but unreadable: no mapping |
///
/// One alias, for a cell's function only: `func sigmoid` implements the note's `σ` as well as
/// `func sigma` does (`names(_:implement:)`).
///
/// A name with any other character maps to nothing (`nil`): the caller gives a diagnostic
/// rather than a silent rename. Two note names that map to one Swift name are a conflict the
/// caller reports too (`swiftNames(for:)` returns them).
public enum SwiftNames {
    static let greek: [(Character, String)] = [
        ("α", "alpha"), ("β", "beta"), ("γ", "gamma"), ("δ", "delta"), ("ε", "epsilon"), ("ϵ", "epsilon"),
        ("ζ", "zeta"), ("η", "eta"), ("θ", "theta"), ("ϑ", "vartheta"), ("ι", "iota"), ("κ", "kappa"),
        ("λ", "lambda"), ("μ", "mu"), ("ν", "nu"), ("ξ", "xi"), ("π", "pi"), ("ρ", "rho"), ("σ", "sigma"),
        ("τ", "tau"), ("υ", "upsilon"), ("φ", "phi"), ("ϕ", "phi"), ("χ", "chi"), ("ψ", "psi"), ("ω", "omega"),
        ("Γ", "Gamma"), ("Δ", "Delta"), ("Θ", "Theta"), ("Λ", "Lambda"), ("Ξ", "Xi"), ("Π", "Pi"),
        ("Σ", "Sigma"), ("Υ", "Upsilon"), ("Φ", "Phi"), ("Ψ", "Psi"), ("Ω", "Omega"),
    ]
    /// Combining accents by code point: hat, tilde, bar (macron), dot, two dots.
    static let accents: [UInt32: String] = [0x302: "hat", 0x303: "tilde", 0x304: "bar", 0x305: "bar", 0x307: "dot", 0x308: "ddot"]
    static let greekByCharacter = Dictionary(greek, uniquingKeysWith: { first, _ in first })
    static let keywords: Set<String> = [
        "let", "var", "func", "in", "for", "if", "else", "while", "return", "true", "false", "nil", "self", "Self",
        "class", "struct", "enum", "case", "switch", "default", "do", "try", "throw", "is", "as", "import", "init",
        "repeat", "break", "continue", "guard", "where", "defer", "static", "super", "Any", "inout", "operator",
    ]

    /// The Swift identifier for a note name, or nil when it has none.
    public static func swiftName(for noteName: String) -> String? {
        var out = ""
        var characters = Array(noteName)
        // A trailing superscript: ^+, ^-, ^*, and primes.
        var suffix = ""
        if characters.count >= 3, characters[characters.count - 2] == "^" {
            switch characters.last! {
            case "+": suffix = "_plus"
            case "-": suffix = "_minus"
            case "*", "∗": suffix = "_star"
            default: return nil
            }
            characters.removeLast(2)
        }
        var primes = 0
        while characters.last == "'" || characters.last == "′" { primes += 1; characters.removeLast() }
        if primes > 0 { suffix = "_prime" + (primes > 1 ? String(primes) : "") + suffix }
        var afterGreek = false
        for character in characters {
            // An accented letter: the letter, then the accent's name (`ŷ` → `y_hat`).
            let scalars = Array(String(character).decomposedStringWithCanonicalMapping.unicodeScalars)
            if scalars.count == 2, scalars[0].isASCII, scalars[0].properties.isAlphabetic,
               let accent = accents[scalars[1].value] {
                if afterGreek { out += "_" }
                out += String(Character(scalars[0])) + "_" + accent
                afterGreek = true
                continue
            }
            if let name = greekByCharacter[character] {
                // A Greek letter beside a letter or digit is set off by `_` (`wη` is not `weta`,
                // `Δw` not `Deltaw`).
                if let last = out.last, last.isLetter || last.isNumber { out += "_" }
                out += name
                afterGreek = true
            } else if character.isASCII, character.isLetter || character.isNumber || character == "_" {
                if afterGreek, character != "_" { out += "_" }
                out.append(character)
                afterGreek = false
            } else {
                return nil
            }
        }
        out += suffix
        guard let first = out.first, first.isLetter || first == "_", !keywords.contains(out) else { return nil }
        return out
    }

    /// Whether a cell's Swift name `swift` names the note's `noteName`: its Swift name, or
    /// `sigmoid` for `σ`.
    public static func names(_ swift: String, implement noteName: String) -> Bool {
        swiftName(for: noteName) == swift || (noteName == "σ" && swift == "sigmoid")
    }

    /// Each Swift name with the note names that map to it (more than one is a conflict).
    public static func swiftNames(for noteNames: [String]) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for name in noteNames {
            guard let swift = swiftName(for: name) else { continue }
            if !(result[swift]?.contains(name) ?? false) { result[swift, default: []].append(name) }
        }
        return result
    }
}
