/// Symbol commands (`\alpha`, `\le`, `\sum`, `\infty`...) and the classes of characters typed
/// as themselves (`+`, `=`, `(`, `≤`). One family: each command becomes one `Atom`, which
/// `MathMLBuilder.atom(_:)` writes as `<mi>`, `<mn>` or `<mo>`.
///
/// Code points follow MathJax's and amsmath's tables (the Unicode characters TeX's glyphs map to).
struct SymbolInfo: Sendable {
    let text: String
    let atomClass: AtomClass
    let form: Atom.Form
    let limits: Bool
    let upright: Bool
}

enum Symbols {
    /// Lower-case Greek and other italic letter symbols (`<mi>`).
    private static let letters: [(String, String)] = [
        ("alpha", "\u{3B1}"), ("beta", "\u{3B2}"), ("gamma", "\u{3B3}"), ("delta", "\u{3B4}"),
        ("epsilon", "\u{3F5}"), ("zeta", "\u{3B6}"), ("eta", "\u{3B7}"), ("theta", "\u{3B8}"),
        ("iota", "\u{3B9}"), ("kappa", "\u{3BA}"), ("lambda", "\u{3BB}"), ("mu", "\u{3BC}"),
        ("nu", "\u{3BD}"), ("xi", "\u{3BE}"), ("omicron", "\u{3BF}"), ("pi", "\u{3C0}"),
        ("rho", "\u{3C1}"), ("sigma", "\u{3C3}"), ("tau", "\u{3C4}"), ("upsilon", "\u{3C5}"),
        ("phi", "\u{3D5}"), ("chi", "\u{3C7}"), ("psi", "\u{3C8}"), ("omega", "\u{3C9}"),
        ("varepsilon", "\u{3B5}"), ("vartheta", "\u{3D1}"), ("varpi", "\u{3D6}"),
        ("varrho", "\u{3F1}"), ("varsigma", "\u{3C2}"), ("varphi", "\u{3C6}"),
        ("digamma", "\u{3DD}"), ("varkappa", "\u{3F0}"),
        ("varGamma", "\u{393}"), ("varDelta", "\u{394}"), ("varTheta", "\u{398}"),
        ("varLambda", "\u{39B}"), ("varXi", "\u{39E}"), ("varPi", "\u{3A0}"),
        ("varSigma", "\u{3A3}"), ("varUpsilon", "\u{3A5}"), ("varPhi", "\u{3A6}"),
        ("varPsi", "\u{3A8}"), ("varOmega", "\u{3A9}"),
        ("imath", "\u{131}"), ("jmath", "\u{237}"), ("ell", "\u{2113}"), ("partial", "\u{2202}"),
        ("hbar", "\u{210F}"), ("hslash", "\u{210F}"), ("Bbbk", "\u{1D55C}"),
        ("beth", "\u{2136}"), ("gimel", "\u{2137}"), ("daleth", "\u{2138}"), ("backprime", "\u{2035}"),
        ("varnothing", "\u{2205}"), ("measuredangle", "\u{2221}"), ("sphericalangle", "\u{2222}"),
        ("triangledown", "\u{25BD}"), ("blacktriangle", "\u{25B4}"), ("blacktriangledown", "\u{25BE}"),
        ("nexists", "\u{2204}"), ("complement", "\u{2201}"), ("AA", "\u{C5}"), ("square", "\u{25FB}"),
        ("Box", "\u{25FB}"), ("blacksquare", "\u{25FC}"), ("lozenge", "\u{25CA}"), ("Diamond", "\u{25CA}"),
        ("blacklozenge", "\u{29EB}"), ("bigstar", "\u{2605}"), ("mho", "\u{2127}"), ("Finv", "\u{2132}"),
        ("Game", "\u{2141}"), ("diagup", "\u{2571}"), ("diagdown", "\u{2572}"), ("yen", "\u{A5}"),
        ("circledR", "\u{AE}"), ("checkmark", "\u{2713}"), ("maltese", "\u{2720}"), ("pounds", "\u{A3}"),
        ("copyright", "\u{A9}"), ("degree", "\u{B0}"),
    ]

    /// Upper-case Greek and other upright symbols of class ord (`<mi mathvariant="normal">`).
    private static let uprightLetters: [(String, String)] = [
        ("Gamma", "\u{393}"), ("Delta", "\u{394}"), ("Theta", "\u{398}"), ("Lambda", "\u{39B}"),
        ("Xi", "\u{39E}"), ("Pi", "\u{3A0}"), ("Sigma", "\u{3A3}"), ("Upsilon", "\u{3A5}"),
        ("Phi", "\u{3A6}"), ("Psi", "\u{3A8}"), ("Omega", "\u{3A9}"), ("aleph", "\u{2135}"),
        ("wp", "\u{2118}"), ("Re", "\u{211C}"), ("Im", "\u{2111}"), ("infty", "\u{221E}"),
        ("prime", "\u{2032}"), ("emptyset", "\u{2205}"), ("nabla", "\u{2207}"), ("top", "\u{22A4}"),
        ("bot", "\u{22A5}"), ("angle", "\u{2220}"), ("triangle", "\u{25B3}"), ("forall", "\u{2200}"),
        ("exists", "\u{2203}"), ("neg", "\u{AC}"), ("lnot", "\u{AC}"), ("flat", "\u{266D}"),
        ("natural", "\u{266E}"), ("sharp", "\u{266F}"), ("clubsuit", "\u{2663}"),
        ("diamondsuit", "\u{2662}"), ("heartsuit", "\u{2661}"), ("spadesuit", "\u{2660}"), ("S", "\u{A7}"),
        ("P", "\u{B6}"), ("circledS", "\u{24C8}"), ("eth", "\u{F0}"), ("#", "#"), ("$", "$"), ("%", "%"),
        ("&", "&"), ("_", "_"), ("And", "&"),
        // Capital Greek letters that look like Latin ones (KaTeX and unicode-math have them).
        ("Alpha", "\u{391}"), ("Beta", "\u{392}"), ("Epsilon", "\u{395}"), ("Zeta", "\u{396}"),
        ("Eta", "\u{397}"), ("Iota", "\u{399}"), ("Kappa", "\u{39A}"), ("Mu", "\u{39C}"), ("Nu", "\u{39D}"),
        ("Omicron", "\u{39F}"), ("Rho", "\u{3A1}"), ("Tau", "\u{3A4}"), ("Chi", "\u{3A7}"),
    ]

    /// Large operators whose limits go above and below in display style.
    private static let limitOperators: [(String, String)] = [
        ("sum", "\u{2211}"), ("prod", "\u{220F}"), ("coprod", "\u{2210}"),
        ("bigcap", "\u{22C2}"), ("bigcup", "\u{22C3}"), ("bigvee", "\u{22C1}"),
        ("bigwedge", "\u{22C0}"), ("biguplus", "\u{2A04}"), ("bigodot", "\u{2A00}"),
        ("bigoplus", "\u{2A01}"), ("bigotimes", "\u{2A02}"), ("bigsqcup", "\u{2A06}"),
        ("intop", "\u{222B}"), ("ointop", "\u{222E}"),
    ]

    /// Large operators whose limits go to the side (integrals).
    private static let sideOperators: [(String, String)] = [
        ("int", "\u{222B}"), ("iint", "\u{222C}"), ("iiint", "\u{222D}"), ("iiiint", "\u{2A0C}"),
        ("oint", "\u{222E}"), ("oiint", "\u{222F}"), ("oiiint", "\u{2230}"),
        ("smallint", "\u{222B}"),
    ]

    /// Binary operations.
    private static let binaries: [(String, String)] = [
        ("pm", "\u{B1}"), ("mp", "\u{2213}"), ("times", "\u{D7}"), ("div", "\u{F7}"),
        ("cdot", "\u{22C5}"), ("centerdot", "\u{22C5}"), ("ast", "\u{2217}"), ("star", "\u{22C6}"),
        ("circ", "\u{2218}"), ("bullet", "\u{2219}"), ("cap", "\u{2229}"), ("cup", "\u{222A}"),
        ("uplus", "\u{228E}"), ("sqcap", "\u{2293}"), ("sqcup", "\u{2294}"), ("vee", "\u{2228}"),
        ("lor", "\u{2228}"), ("wedge", "\u{2227}"), ("land", "\u{2227}"), ("setminus", "\u{2216}"),
        ("smallsetminus", "\u{2216}"), ("wr", "\u{2240}"), ("diamond", "\u{22C4}"),
        ("bigtriangleup", "\u{25B3}"), ("bigtriangledown", "\u{25BD}"),
        ("triangleleft", "\u{25C3}"), ("triangleright", "\u{25B9}"), ("oplus", "\u{2295}"),
        ("ominus", "\u{2296}"), ("otimes", "\u{2297}"), ("oslash", "\u{2298}"), ("odot", "\u{2299}"),
        ("bigcirc", "\u{25EF}"), ("dagger", "\u{2020}"), ("ddagger", "\u{2021}"),
        ("amalg", "\u{2A3F}"), ("dotplus", "\u{2214}"), ("ltimes", "\u{22C9}"), ("rtimes", "\u{22CA}"),
        ("Cap", "\u{22D2}"), ("doublecap", "\u{22D2}"), ("Cup", "\u{22D3}"), ("doublecup", "\u{22D3}"),
        ("leftthreetimes", "\u{22CB}"), ("rightthreetimes", "\u{22CC}"), ("barwedge", "\u{22BC}"),
        ("curlywedge", "\u{22CF}"), ("veebar", "\u{22BB}"), ("curlyvee", "\u{22CE}"),
        ("doublebarwedge", "\u{2A5E}"), ("boxminus", "\u{229F}"), ("circleddash", "\u{229D}"),
        ("boxtimes", "\u{22A0}"), ("circledast", "\u{229B}"), ("boxdot", "\u{22A1}"),
        ("circledcirc", "\u{229A}"), ("boxplus", "\u{229E}"), ("divideontimes", "\u{22C7}"),
        ("intercal", "\u{22BA}"), ("*", "\u{2062}"), ("vartriangle", "\u{25B3}"), ("lhd", "\u{22B2}"), ("rhd", "\u{22B3}"),
        ("unlhd", "\u{22B4}"), ("unrhd", "\u{22B5}"),
    ]

    /// Relations, arrows included.
    private static let relations: [(String, String)] = [
        ("leq", "\u{2264}"), ("le", "\u{2264}"), ("geq", "\u{2265}"), ("ge", "\u{2265}"),
        ("neq", "\u{2260}"), ("ne", "\u{2260}"), ("equiv", "\u{2261}"), ("approx", "\u{2248}"),
        ("sim", "\u{223C}"), ("simeq", "\u{2243}"), ("cong", "\u{2245}"), ("propto", "\u{221D}"),
        ("prec", "\u{227A}"), ("succ", "\u{227B}"), ("preceq", "\u{2AAF}"), ("succeq", "\u{2AB0}"),
        ("ll", "\u{226A}"), ("gg", "\u{226B}"), ("subset", "\u{2282}"), ("supset", "\u{2283}"),
        ("subseteq", "\u{2286}"), ("supseteq", "\u{2287}"), ("sqsubseteq", "\u{2291}"),
        ("sqsupseteq", "\u{2292}"), ("sqsubset", "\u{228F}"), ("sqsupset", "\u{2290}"),
        ("in", "\u{2208}"), ("ni", "\u{220B}"), ("owns", "\u{220B}"), ("notin", "\u{2209}"),
        ("vdash", "\u{22A2}"), ("dashv", "\u{22A3}"), ("models", "\u{22A7}"), ("mid", "\u{2223}"),
        ("parallel", "\u{2225}"), ("perp", "\u{27C2}"), ("smile", "\u{2323}"), ("frown", "\u{2322}"),
        ("asymp", "\u{224D}"), ("doteq", "\u{2250}"), ("bowtie", "\u{22C8}"), ("Join", "\u{22C8}"),
        ("lt", "<"), ("gt", ">"), ("iff", "\u{27FA}"), ("notChar", "\u{29F8}"),
        ("leqq", "\u{2266}"), ("geqq", "\u{2267}"), ("leqslant", "\u{2A7D}"), ("geqslant", "\u{2A7E}"),
        ("eqslantless", "\u{2A95}"), ("eqslantgtr", "\u{2A96}"), ("lesssim", "\u{2272}"),
        ("gtrsim", "\u{2273}"), ("lessapprox", "\u{2A85}"), ("gtrapprox", "\u{2A86}"),
        ("approxeq", "\u{224A}"), ("lessdot", "\u{22D6}"), ("gtrdot", "\u{22D7}"), ("lll", "\u{22D8}"),
        ("llless", "\u{22D8}"), ("ggg", "\u{22D9}"), ("gggtr", "\u{22D9}"), ("lessgtr", "\u{2276}"),
        ("gtrless", "\u{2277}"), ("lesseqgtr", "\u{22DA}"), ("gtreqless", "\u{22DB}"),
        ("lesseqqgtr", "\u{2A8B}"), ("gtreqqless", "\u{2A8C}"), ("doteqdot", "\u{2251}"),
        ("Doteq", "\u{2251}"), ("eqcirc", "\u{2256}"), ("risingdotseq", "\u{2253}"),
        ("circeq", "\u{2257}"), ("fallingdotseq", "\u{2252}"), ("triangleq", "\u{225C}"),
        ("backsim", "\u{223D}"), ("thicksim", "\u{223C}"), ("backsimeq", "\u{22CD}"),
        ("thickapprox", "\u{2248}"), ("subseteqq", "\u{2AC5}"), ("supseteqq", "\u{2AC6}"),
        ("Subset", "\u{22D0}"), ("Supset", "\u{22D1}"), ("preccurlyeq", "\u{227C}"),
        ("succcurlyeq", "\u{227D}"), ("curlyeqprec", "\u{22DE}"), ("curlyeqsucc", "\u{22DF}"),
        ("precsim", "\u{227E}"), ("succsim", "\u{227F}"), ("precapprox", "\u{2AB7}"),
        ("succapprox", "\u{2AB8}"), ("vartriangleleft", "\u{22B2}"), ("vartriangleright", "\u{22B3}"),
        ("trianglelefteq", "\u{22B4}"), ("trianglerighteq", "\u{22B5}"), ("vDash", "\u{22A8}"),
        ("Vdash", "\u{22A9}"), ("Vvdash", "\u{22AA}"), ("smallsmile", "\u{2323}"),
        ("shortmid", "\u{2223}"), ("smallfrown", "\u{2322}"), ("shortparallel", "\u{2225}"),
        ("bumpeq", "\u{224F}"), ("between", "\u{226C}"), ("Bumpeq", "\u{224E}"),
        ("pitchfork", "\u{22D4}"), ("varpropto", "\u{221D}"), ("backepsilon", "\u{220D}"),
        ("blacktriangleleft", "\u{25C2}"), ("blacktriangleright", "\u{25B8}"),
        ("therefore", "\u{2234}"), ("because", "\u{2235}"), ("eqsim", "\u{2242}"),
        ("nless", "\u{226E}"), ("ngtr", "\u{226F}"), ("nleq", "\u{2270}"), ("ngeq", "\u{2271}"),
        ("nleqslant", "\u{2A87}"), ("ngeqslant", "\u{2A88}"), ("nleqq", "\u{2270}"),
        ("ngeqq", "\u{2271}"), ("lneq", "\u{2A87}"), ("gneq", "\u{2A88}"), ("lneqq", "\u{2268}"),
        ("gneqq", "\u{2269}"), ("lvertneqq", "\u{2268}"), ("gvertneqq", "\u{2269}"),
        ("lnsim", "\u{22E6}"), ("gnsim", "\u{22E7}"), ("lnapprox", "\u{2A89}"), ("gnapprox", "\u{2A8A}"),
        ("nprec", "\u{2280}"), ("nsucc", "\u{2281}"), ("npreceq", "\u{22E0}"), ("nsucceq", "\u{22E1}"),
        ("precneqq", "\u{2AB5}"), ("succneqq", "\u{2AB6}"), ("precnsim", "\u{22E8}"),
        ("succnsim", "\u{22E9}"), ("precnapprox", "\u{2AB9}"), ("succnapprox", "\u{2ABA}"),
        ("nsim", "\u{2241}"), ("ncong", "\u{2247}"), ("nshortmid", "\u{2224}"),
        ("nshortparallel", "\u{2226}"), ("nmid", "\u{2224}"), ("nparallel", "\u{2226}"),
        ("nvdash", "\u{22AC}"), ("nvDash", "\u{22AD}"), ("nVdash", "\u{22AE}"), ("nVDash", "\u{22AF}"),
        ("ntriangleleft", "\u{22EA}"), ("ntriangleright", "\u{22EB}"),
        ("ntrianglelefteq", "\u{22EC}"), ("ntrianglerighteq", "\u{22ED}"),
        ("nsubseteq", "\u{2288}"), ("nsupseteq", "\u{2289}"), ("nsubseteqq", "\u{2288}"),
        ("nsupseteqq", "\u{2289}"), ("subsetneq", "\u{228A}"), ("supsetneq", "\u{228B}"),
        ("varsubsetneq", "\u{228A}"), ("varsupsetneq", "\u{228B}"), ("subsetneqq", "\u{2ACB}"),
        ("supsetneqq", "\u{2ACC}"), ("varsubsetneqq", "\u{2ACB}"), ("varsupsetneqq", "\u{2ACC}"),
        // Arrows.
        ("leftarrow", "\u{2190}"), ("gets", "\u{2190}"), ("rightarrow", "\u{2192}"), ("to", "\u{2192}"),
        ("leftrightarrow", "\u{2194}"), ("Leftarrow", "\u{21D0}"), ("Rightarrow", "\u{21D2}"),
        ("Leftrightarrow", "\u{21D4}"), ("mapsto", "\u{21A6}"), ("longmapsto", "\u{27FC}"),
        ("longleftarrow", "\u{27F5}"), ("longrightarrow", "\u{27F6}"),
        ("longleftrightarrow", "\u{27F7}"), ("Longleftarrow", "\u{27F8}"),
        ("Longrightarrow", "\u{27F9}"), ("Longleftrightarrow", "\u{27FA}"),
        ("implies", "\u{27F9}"), ("impliedby", "\u{27F8}"),
        ("hookleftarrow", "\u{21A9}"), ("hookrightarrow", "\u{21AA}"),
        ("leftharpoonup", "\u{21BC}"), ("leftharpoondown", "\u{21BD}"),
        ("rightharpoonup", "\u{21C0}"), ("rightharpoondown", "\u{21C1}"),
        ("rightleftharpoons", "\u{21CC}"), ("leftrightharpoons", "\u{21CB}"),
        ("uparrow", "\u{2191}"), ("downarrow", "\u{2193}"), ("updownarrow", "\u{2195}"),
        ("Uparrow", "\u{21D1}"), ("Downarrow", "\u{21D3}"), ("Updownarrow", "\u{21D5}"),
        ("nearrow", "\u{2197}"), ("searrow", "\u{2198}"), ("swarrow", "\u{2199}"), ("nwarrow", "\u{2196}"),
        ("leftleftarrows", "\u{21C7}"), ("rightrightarrows", "\u{21C9}"),
        ("leftrightarrows", "\u{21C6}"), ("rightleftarrows", "\u{21C4}"), ("Lleftarrow", "\u{21DA}"),
        ("Rrightarrow", "\u{21DB}"), ("twoheadleftarrow", "\u{219E}"),
        ("twoheadrightarrow", "\u{21A0}"), ("leftarrowtail", "\u{21A2}"),
        ("rightarrowtail", "\u{21A3}"), ("looparrowleft", "\u{21AB}"), ("looparrowright", "\u{21AC}"),
        ("curvearrowleft", "\u{21B6}"), ("curvearrowright", "\u{21B7}"),
        ("circlearrowleft", "\u{21BA}"), ("circlearrowright", "\u{21BB}"), ("Lsh", "\u{21B0}"),
        ("Rsh", "\u{21B1}"), ("upuparrows", "\u{21C8}"), ("downdownarrows", "\u{21CA}"),
        ("upharpoonleft", "\u{21BF}"), ("upharpoonright", "\u{21BE}"),
        ("downharpoonleft", "\u{21C3}"), ("downharpoonright", "\u{21C2}"),
        ("restriction", "\u{21BE}"), ("multimap", "\u{22B8}"), ("leftrightsquigarrow", "\u{21AD}"),
        ("rightsquigarrow", "\u{21DD}"), ("leadsto", "\u{21DD}"), ("dashrightarrow", "\u{21E2}"),
        ("dashleftarrow", "\u{21E0}"), ("nleftarrow", "\u{219A}"), ("nrightarrow", "\u{219B}"),
        ("nLeftarrow", "\u{21CD}"), ("nRightarrow", "\u{21CF}"), ("nleftrightarrow", "\u{21AE}"),
        ("nLeftrightarrow", "\u{21CE}"),
    ]

    /// Opening delimiters.
    private static let openings: [(String, String)] = [
        ("{", "{"), ("lbrace", "{"), ("langle", "\u{27E8}"), ("lfloor", "\u{230A}"),
        ("lceil", "\u{2308}"), ("lvert", "|"), ("lVert", "\u{2016}"), ("lbrack", "["),
        ("ulcorner", "\u{231C}"), ("llcorner", "\u{231E}"), ("lgroup", "\u{27EE}"),
        ("lmoustache", "\u{23B0}"),
    ]

    /// Closing delimiters.
    private static let closings: [(String, String)] = [
        ("}", "}"), ("rbrace", "}"), ("rangle", "\u{27E9}"), ("rfloor", "\u{230B}"),
        ("rceil", "\u{2309}"), ("rvert", "|"), ("rVert", "\u{2016}"), ("rbrack", "]"),
        ("urcorner", "\u{231D}"), ("lrcorner", "\u{231F}"), ("rgroup", "\u{27EF}"),
        ("rmoustache", "\u{23B1}"),
    ]

    /// Ordinary symbols written as operators (`<mo>`): fences used alone, dots, slashes.
    private static let operatorOrds: [(String, String)] = [
        ("vert", "|"), ("Vert", "\u{2016}"), ("|", "\u{2016}"), ("backslash", "\\"),
        ("arrowvert", "\u{23D0}"), ("Arrowvert", "\u{2016}"), ("bracevert", "\u{23AA}"),
        ("surd", "\u{221A}"), ("ldots", "\u{2026}"), ("cdots", "\u{22EF}"), ("vdots", "\u{22EE}"),
        ("ddots", "\u{22F1}"), ("iddots", "\u{22F0}"), ("adots", "\u{22F0}"), ("dots", "\u{2026}"),
        ("dotsc", "\u{2026}"), ("dotsb", "\u{22EF}"), ("dotsm", "\u{22EF}"), ("dotsi", "\u{22EF}"),
        ("dotso", "\u{2026}"),
    ]

    /// Punctuation commands.
    private static let punctuation: [(String, String)] = [
        ("colon", ":"), ("ldotp", "."), ("cdotp", "\u{22C5}"),
    ]

    /// Every symbol command, by name without backslash.
    static let commands: [String: SymbolInfo] = {
        var table: [String: SymbolInfo] = [:]
        func add(_ list: [(String, String)], _ atomClass: AtomClass, _ form: Atom.Form,
                 limits: Bool = false, upright: Bool = false)
        {
            for (name, text) in list {
                table[name] = SymbolInfo(text: text, atomClass: atomClass, form: form, limits: limits, upright: upright)
            }
        }
        add(letters, .ord, .identifier)
        add(uprightLetters, .ord, .identifier, upright: true)
        add(limitOperators, .op, .operator, limits: true)
        add(sideOperators, .op, .operator)
        add(binaries, .bin, .operator)
        add(relations, .rel, .operator)
        add(openings, .open, .operator)
        add(closings, .close, .operator)
        add(operatorOrds, .ord, .operator)
        add(punctuation, .punct, .operator)
        return table
    }()

    /// The class and form of characters typed as themselves, for the non-letters.
    static let characters: [Unicode.Scalar: SymbolInfo] = {
        var table: [Unicode.Scalar: SymbolInfo] = [:]
        // Characters that commands produce get the command's class ("≤" is a relation). When
        // several commands make the same character, the first by name decides, so the table is
        // the same in every run (dictionary order is not).
        for (_, info) in commands.sorted(by: { $0.key < $1.key }) {
            let scalars = Array(info.text.unicodeScalars)
            if scalars.count == 1, table[scalars[0]] == nil {
                table[scalars[0]] = info
            }
        }
        func set(_ characters: String, _ atomClass: AtomClass, _ form: Atom.Form = .operator) {
            for scalar in characters.unicodeScalars {
                table[scalar] = SymbolInfo(text: String(scalar), atomClass: atomClass, form: form, limits: false, upright: false)
            }
        }
        set("+", .bin)
        set("=<>:", .rel)
        set(",;", .punct)
        set("([", .open)
        set(")]!?", .close)
        set("/|.@\"`", .ord)
        table["-"] = SymbolInfo(text: "\u{2212}", atomClass: .bin, form: .operator, limits: false, upright: false)
        table["*"] = SymbolInfo(text: "\u{2217}", atomClass: .bin, form: .operator, limits: false, upright: false)
        return table
    }()

    /// The atom for a character typed as itself.
    static func atom(for scalar: Unicode.Scalar, range: SourceRange) -> Atom {
        let info = scalar.isASCII ? asciiCharacters[Int(scalar.value)] : characterInfo(scalar)
        return Atom(atomClass: info.atomClass, form: info.form, text: info.text, limits: info.limits,
                    upright: info.upright, range: range)
    }

    /// `characterInfo` of every ASCII character, by code: the common case without hashing.
    private static let asciiCharacters: [SymbolInfo] = (0..<128).map { characterInfo(Unicode.Scalar(UInt8($0))) }

    /// The class, form and text of a character typed as itself.
    private static func characterInfo(_ scalar: Unicode.Scalar) -> SymbolInfo {
        if let info = characters[scalar] { return info }
        let properties = scalar.properties
        let form: Atom.Form
        var upright = false
        if scalar.value >= 0x391 && scalar.value <= 0x3A9 {
            // A capital Greek letter typed as itself is upright, like \Gamma.
            form = .identifier
            upright = true
        } else if properties.numericType == .decimal {
            form = .number
        } else if properties.isAlphabetic {
            form = .identifier
        } else {
            form = .operator
        }
        return SymbolInfo(text: String(scalar), atomClass: .ord, form: form, limits: false, upright: upright)
    }

    /// The atom for a symbol command.
    static func atom(command: String, range: SourceRange) -> Atom? {
        guard let info = commands[command] else { return nil }
        return Atom(atomClass: info.atomClass, form: info.form, text: info.text, command: command,
                    limits: info.limits, upright: info.upright, range: range)
    }
}

extension CommandFamily {
    /// `\idotsint`: ∫⋯∫ as one large operator.
    static let multipleIntegral = CommandFamily(names: ["idotsint"]) { parser, invocation in
        let range = invocation.range
        let parts = ["\u{222B}", "\u{22EF}", "\u{222B}"].map {
            Node.atom(Atom(atomClass: $0 == "\u{22EF}" ? .ord : .op, form: .operator, text: $0, command: "idotsint", range: range))
        }
        return .enclosure(Enclosure(command: "idotsint", kind: .atomClass(.op),
                                    body: .group(Group(children: parts, braced: false, range: range)), range: range))
    }

    /// Every symbol command: one `Atom` each.
    static let symbols = CommandFamily(names: Array(Symbols.commands.keys)) { parser, invocation in
        .atom(Symbols.atom(command: invocation.name, range: invocation.range)
            ?? Atom(atomClass: .ord, form: .identifier, text: invocation.name, range: invocation.range))
    }

    /// `\not`: negates the relation after it (`\not=` is ≠, `\not\in` is ∉).
    static let negation = CommandFamily(names: ["not"]) { parser, invocation in
        let next = parser.nested { $0.parsePrimary() }
        guard case .atom(var atom)? = next else {
            let negation = Node.atom(Atom(atomClass: .rel, form: .operator, text: "\u{29F8}", command: "not", range: invocation.range))
            if let next { return .group(Group(children: [negation, next], braced: false, range: invocation.range.lowerBound..<next.range.upperBound)) }
            return negation
        }
        if let negated = Negations.table[atom.text] {
            atom.text = negated
        } else {
            atom.text += "\u{338}"
        }
        atom.atomClass = .rel
        atom.form = .operator
        atom.command = "not" + (atom.command.map { "\\" + $0 } ?? atom.text)
        atom.range = invocation.range.lowerBound..<atom.range.upperBound
        return .atom(atom)
    }
}

/// The negated forms of relations, for `\not`.
enum Negations {
    static let table: [String: String] = [
        "\u{2190}": "\u{219A}", "\u{2192}": "\u{219B}", "\u{2194}": "\u{21AE}", "\u{21D0}": "\u{21CD}",
        "\u{21D2}": "\u{21CF}", "\u{21D4}": "\u{21CE}", "\u{2208}": "\u{2209}", "\u{220B}": "\u{220C}",
        "\u{2223}": "\u{2224}", "\u{2225}": "\u{2226}", "\u{223C}": "\u{2241}", "~": "\u{2241}",
        "\u{2243}": "\u{2244}", "\u{2245}": "\u{2247}", "\u{2248}": "\u{2249}", "\u{224D}": "\u{226D}",
        "=": "\u{2260}", "\u{2261}": "\u{2262}", "<": "\u{226E}", ">": "\u{226F}", "\u{2264}": "\u{2270}",
        "\u{2265}": "\u{2271}", "\u{2272}": "\u{2274}", "\u{2273}": "\u{2275}", "\u{2276}": "\u{2278}",
        "\u{2277}": "\u{2279}", "\u{227A}": "\u{2280}", "\u{227B}": "\u{2281}", "\u{2282}": "\u{2284}",
        "\u{2283}": "\u{2285}", "\u{2286}": "\u{2288}", "\u{2287}": "\u{2289}", "\u{22A2}": "\u{22AC}",
        "\u{22A8}": "\u{22AD}", "\u{22A9}": "\u{22AE}", "\u{22AB}": "\u{22AF}", "\u{227C}": "\u{22E0}",
        "\u{227D}": "\u{22E1}", "\u{2291}": "\u{22E2}", "\u{2292}": "\u{22E3}", "\u{22B2}": "\u{22EA}",
        "\u{22B3}": "\u{22EB}", "\u{22B4}": "\u{22EC}", "\u{22B5}": "\u{22ED}", "\u{2203}": "\u{2204}",
    ]
}
