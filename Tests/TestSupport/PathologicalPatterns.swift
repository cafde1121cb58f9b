/// The adversarial inputs of the pathological tests (issue 15), in one place: the time tests
/// of DocumentTests (the parser) and NotebookTests (the checker) run them at `n` and `8n`
/// copies, and the memory test of RenderTests runs `render` on their `8n` inputs.
extension Pathology {
    /// Math patterns that once took quadratic time in the math extension.
    public static let markdownMath: [Pathology] = [
        Pathology("unclosed $a", n: 8_000, make: repeated("$a ")),
        Pathology("unclosed $a on many lines", n: 2_000, make: repeated("$a\n")),
        Pathology("$x$ pairs", n: 1_000, make: repeated("$x$ ")),
        Pathology("$x$ pairs, one per line", n: 1_000, make: repeated("$x$\n")),
        Pathology("$x$ pairs after non-ASCII", n: 1_000, make: { "é " + String(repeating: "$x$ é ", count: $0) }),
        Pathology("$$x$$ inline", n: 1_000, make: repeated("$$x$$ ")),
        Pathology("unclosed $$a", n: 2_000, make: repeated("$$a ")),
        Pathology("$`x`$", n: 1_000, make: repeated("$`x`$ ")),
        Pathology("unclosed $`a", n: 8_000, make: repeated("$`a ")),
        Pathology("$ inside emphasis", n: 2_000, make: repeated("*$a* ")),
        Pathology("$ inside brackets", n: 2_000, make: repeated("[$a] ")),
        Pathology("escaped \\$ after $", n: 8_000, make: { "$a " + String(repeating: "\\$a ", count: $0) }),
        Pathology("unclosed $ with open braces", n: 8_000, make: repeated("${a ")),
        Pathology("unclosed ```math fence", n: 2_000, make: { "```math\n" + String(repeating: "x + $y\n", count: $0) }),
        Pathology("many ```math fences", n: 500, make: repeated("```math\nx\n```\n")),
        Pathology("many $$ blocks", n: 500, make: repeated("$$\nx\n$$\n\n")),
        Pathology("unclosed $$ blocks", n: 1_000, make: repeated("$$\nx\n")),
        Pathology("many {#eq-} labels", n: 500, make: { n in (0..<n).map { "$$x$$ {#eq-\($0)}\n" }.joined() }),
        Pathology("many labelled $$ blocks", n: 500, make: { n in (0..<n).map { "$$\nx\n$$ {#eq-\($0)}\n\n" }.joined() }),
        Pathology("formulas in table rows", n: 500, make: { "| a | b |\n|---|---|\n" + String(repeating: "| $x$ | $y$ |\n", count: $0) }),
        Pathology("formulas in a block quote", n: 1_000, make: repeated("> $x$\n")),
        Pathology("formulas in a tab-indented block quote", n: 500, make: repeated(">\t$x$ a\n")),
    ]

    /// cmark's own list (`test/pathological_tests.py`), so that our conversion of its tree stays linear.
    public static let cmark: [Pathology] = [
        Pathology("nested strong emph", n: 2_000, make: { String(repeating: "*a **a ", count: $0) + "b" + String(repeating: " a** a*", count: $0) }),
        Pathology("many emph closers with no openers", n: 10_000, make: repeated("a_ ")),
        Pathology("many emph openers with no closers", n: 10_000, make: repeated("_a ")),
        Pathology("many link closers with no openers", n: 10_000, make: repeated("a] ")),
        Pathology("many link openers with no closers", n: 10_000, make: repeated("[a ")),
        Pathology("mismatched openers and closers", n: 10_000, make: repeated("*a_ ")),
        Pathology("openers and closers multiple of 3", n: 10_000, make: { "a**b" + String(repeating: "c* ", count: $0) }),
        Pathology("link openers and emph closers", n: 10_000, make: repeated("[ a_")),
        Pathology("pattern [ (](", n: 10_000, make: repeated("[ (](")),
        Pathology("nested brackets", n: 2_000, make: { String(repeating: "[", count: $0) + "a" + String(repeating: "]", count: $0) }),
        Pathology("nested block quotes", n: 120, make: { String(repeating: "> ", count: $0) + "a" }),
        Pathology("deeply nested lists", n: 100, make: { n in (0..<n).map { String(repeating: " ", count: $0) + "* a\n" }.joined() }),
        Pathology("backticks", n: 500, make: { n in (1...n).map { "e" + String(repeating: "`", count: $0) }.joined() }),
        Pathology("unclosed links A", n: 10_000, make: repeated("[a](<b")),
        Pathology("unclosed links B", n: 10_000, make: repeated("[a](b")),
        Pathology("link references", n: 1_000, make: { n in (0..<n).map { "[a\($0)]: /u\($0)\n" }.joined() + "\n" + (0..<n).map { "[a\($0)] " }.joined() }),
        Pathology("table rows", n: 1_000, make: { "| a | b |\n|---|---|\n" + String(repeating: "| c | d |\n", count: $0) }),
    ]

    /// Whole notes through the checker: the math patterns that reach it, and many definitions.
    public static let notes: [Pathology] = [
        Pathology("unclosed $a", n: 1_000, make: repeated("$a ")),
        Pathology("$x$ pairs", n: 200, make: repeated("$x$ ")),
        Pathology("$$x$$ inline", n: 200, make: repeated("$$x$$ ")),
        Pathology("$`x`$", n: 200, make: repeated("$`x`$ ")),
        Pathology("$ inside emphasis", n: 1_000, make: repeated("*$a* ")),
        Pathology("unclosed ```math fence", n: 500, make: { "```math\n" + String(repeating: "x + y\n", count: $0) }),
        Pathology("many {#eq-} labels", n: 200, make: { n in (0..<n).map { "$$x_{\($0)} = 1$$ {#eq-\($0)}\n\n" }.joined() }),
        Pathology("definitions", n: 200, make: { n in (0..<n).map { "$a_{\($0)} = \($0)$\n\n" }.joined() }),
        // Each statement of a formula was located by scanning its TeX from the start.
        Pathology("statements joined by \\quad in one formula", n: 200, make: { n in
            "$$" + (0..<n).map { "a_{\($0)} = \($0)" }.joined(separator: " \\quad ") + "$$\n"
        }),
        Pathology("statements joined by \\text{ and } in one formula", n: 200, make: { n in
            "$$" + (0..<n).map { "a_{\($0)} = \($0)" }.joined(separator: " \\text{ and } ") + "$$\n"
        }),
        // Each infinite value was followed back to where it overflowed on its own, through
        // every definition below it.
        Pathology("a chain of infinite definitions", n: 200, make: { n in
            "$$x = 1000$$\n\n$$h_{0} = e^{x}$$\n\n" + (1...n).map { "$$h_{\($0)} = h_{\($0 - 1)} + 1$$\n\n" }.joined()
        }),
        // The partials of a definition holding a derivative are taken symbolically, one per
        // name it uses, each as long as the definition: n^2 (fuzzing found it).
        Pathology("a derivative times a long product", n: 250, make: { n in
            "Let $y = 2$.\n\n$$P = \\frac{\\partial y^2}{\\partial y} " + (1...n).map { "x_{\($0)}" }.joined(separator: " ") + "$$\n"
        }),
        // Each definition of a cycle was evaluated on its own around the whole cycle, and the
        // cycle's first definition in the note searched for once per definition.
        Pathology("a cycle through every definition", n: 200, make: { n in
            "$$x = 2$$\n\n" + (1..<n).map { "$$h_{\($0)} = h_{\($0 + 1)} + 1$$\n\n" }.joined() + "$$h_{\(n)} = h_{1} + x$$\n"
        }),
        // Each definition below one that cannot be evaluated was evaluated on its own, down to it.
        Pathology("a chain below a definition that fails", n: 200, make: { n in
            "$$x = 2$$\n\n$$g(u) = u^2$$\n\n$$h_{0} = g(x, 1)$$\n\n"
                + (1...n).map { "$$h_{\($0)} = h_{\($0 - 1)} + 1$$\n\n" }.joined()
        }),
        // Each function was evaluated, plotted and searched for cycles through all those below it.
        Pathology("a chain of functions", n: 200, make: { n in
            "$$f_{0}(x) = x$$\n\n" + (1...n).map { "$$f_{\($0)}(x) = f_{\($0 - 1)}(x) + 1$$\n\n" }.joined()
        }),
        // A function's parameter reaches what it applies (`F_k(a) = h(k) + h(k + 1)`, where h
        // uses the note's a): h's body is written into each F_k. (Functions each applying a
        // chain of functions at other values than the chain's own are quadratic today,
        // docs/note-language.md §8: `F_k(b) = g_k(b)` beside `g_k(y) = g_{k-1}(y) + 1`.)
        Pathology("functions whose parameter reaches the function they apply", n: 400, make: { n in
            "$a = 2$\n\n$$h(y) = y + a$$\n\n" + (1...n).map { "$$F_{\($0)}(a) = h(\($0)) + h(\($0 + 1))$$\n\n" }.joined()
        }),
        // `\sum_j` with no bounds over an index inside a longer subscript: the term is read
        // once per instance to count them, then once per term.
        Pathology("a sum without bounds over a row of weights", n: 400, make: { n in
            (1...n).map { "$x_{\($0)} = 1$ and $w_{2\($0)} = 1$\n\n" }.joined() + "$$ S = \\sum_j w_{2j} x_j $$\n"
        }),
        // Nielsen's general form over a layer of n inputs: each weight read at the instance
        // asked whether its base has numbered layers, which looked at every name.
        Pathology("a general form summing a layer's weights", n: 200, make: { n in
            (1...n).map { "$a^1_{\($0)} = 1$ and $w^2_{1,\($0)} = 1$\n\n" }.joined()
                + "$b^2_1 = 0$\n\n$$ z^l_j = \\sum_k w^l_{j,k} a^{l-1}_k + b^l_j $$\n"
        }),
        // Each use of a name looked at every definition of it, and each definition searched
        // the ones before it for one in its section.
        Pathology("one name defined and used in every section", n: 400, make: { n in
            (0..<n).map { "## Part \($0)\n\n$x = \($0)$ and $y = x + 1$\n\n" }.joined()
        }),
        Pathology("one name defined and used again and again", n: 400, make: { n in
            (0..<n).map { "$x = \($0)$ and $y = x + 1$\n\n" }.joined()
        }),
        Pathology("a chain of functions written last first", n: 200, make: { n in
            (1...n).reversed().map { "$$f_{\($0)}(x) = f_{\($0 - 1)}(x) + 1$$\n\n" }.joined() + "$$f_{0}(x) = x$$\n"
        }),
        // Each rule reads the new value of the one above (§13): written out in the values from
        // before the step, the sides would grow as 1, 2, …, n.
        Pathology("update rules each reading the rule above", n: 200, make: { n in
            "$T = 2$\n\n" + (0...n).map { "$x_{\($0)} = 1$\n\n" }.joined()
                + (1...n).map { "$x_{\($0)} \\leftarrow x_{\($0 - 1)} + x_{\($0)}$\n\n" }.joined()
        }),
        // Each rule's ∂L/∂w_i was taken symbolically over the whole loss: n rules, n terms.
        Pathology("update rules each differentiating a loss of as many terms", n: 200, make: { n in
            "$\\eta = 0.1$, $T = 1$\n\n" + (1...n).map { "$w_{\($0)} = 1$\n\n" }.joined()
                + "$$L = " + (1...n).map { "w_{\($0)}^2" }.joined(separator: " + ") + "$$\n\n"
                + (1...n).map { "$w_{\($0)} \\leftarrow w_{\($0)} - \\eta \\frac{\\partial L}{\\partial w_{\($0)}}$\n\n" }.joined()
        }),
        // n failing claims, checked together: each looked its leaves up among the n of their
        // program (found by fuzzing, with an index range: `x_1 = a_{0..2000}`).
        Pathology("failing claims", n: 300, make: { n in
            "$$ g(x) = \\sin x $$\n\n" + (0..<n).map { "$g(x) \\delta \\rho x_1 = a_{\($0)}$\n\n" }.joined()
        }),
        // Cases of n rows (under the 400 levels of nesting they make), evaluated and differentiated.
        Pathology("cases of many rows", n: 40, make: { n in
            "$$f(x) = \\begin{cases} " + (0..<n).map { "x^{2} + \($0) & x < \($0)" }.joined(separator: " \\\\ ")
                + " \\\\ 0 & \\text{otherwise} \\end{cases}$$\n\nSo $f(2.5) = 9.25$ and $f'(2.5) = 5$.\n"
        }),
    ]
}
