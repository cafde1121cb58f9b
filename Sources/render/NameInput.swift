/// Names typed on the command line (`--set eta=0.1`, `--set '\eta=0.1'`, `--set w_{12}=1`) in
/// the canonical form the reader gives names (`η`, `w_12`).
enum NameInput {
    private static let greek: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε", "zeta": "ζ",
        "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν",
        "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "ϕ", "varphi": "φ",
        "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ",
        "Pi": "Π", "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    ]

    static func canonical(_ input: String) -> String {
        var text = input.filter { $0 != "{" && $0 != "}" && $0 != " " }
        text = text.replacingOccurrences(of: "\\text", with: "").replacingOccurrences(of: "\\mathrm", with: "")
        if text.hasPrefix("\\") { text.removeFirst() }
        let base = String(text.prefix { $0 != "_" && $0 != "^" })
        if let letter = greek[base] { text = letter + text.dropFirst(base.count) }
        return text
    }
}
