import Testing

@testable import TeX

/// The parse tree, as the semantic reader will see it.
@Suite struct ParserTests {
    /// The source text a range points at.
    func text(_ source: String, _ range: SourceRange) -> String {
        String(decoding: Array(source.utf8)[range], as: UTF8.self)
    }

    @Test func partialDerivativeFractionKeepsNumeratorDenominatorAndCommand() throws {
        let source = #"\frac{\partial L}{\partial w_1} = x_1 \delta"#
        let formula = Formula.parse(source)
        #expect(formula.diagnostics.isEmpty)
        #expect(formula.nodes.count == 4)
        guard case .fraction(let fraction) = formula.nodes[0],
              case .group(let numerator) = fraction.numerator,
              case .group(let denominator) = fraction.denominator
        else {
            Issue.record("expected a fraction of two groups: \(formula.nodes)")
            return
        }
        #expect(fraction.command == "frac")
        #expect(fraction.hasBar)
        #expect(numerator.braced)
        guard case .atom(let partial) = numerator.children[0], case .atom(let l) = numerator.children[1] else {
            Issue.record("expected ∂ L")
            return
        }
        #expect(partial.command == "partial" && partial.text == "\u{2202}")
        #expect(l.text == "L" && l.form == .identifier && l.atomClass == .ord)
        guard case .scripts(let w1) = denominator.children[1] else {
            Issue.record("expected w_1")
            return
        }
        #expect(text(source, w1.range) == "w_1")
        guard case .atom(let equals) = formula.nodes[1] else {
            Issue.record("expected =")
            return
        }
        #expect(equals.atomClass == .rel && equals.text == "=")
        #expect(text(source, formula.nodes[0].range) == #"\frac{\partial L}{\partial w_1}"#)
        #expect(text(source, formula.nodes[3].range) == #"\delta"#)
    }

    @Test func primesAreCountedOnTheirBase() throws {
        let formula = Formula.parse("f''(x) + x'_1")
        guard case .scripts(let f) = formula.nodes[0], case .atom(let base)? = f.base else {
            Issue.record("expected f''")
            return
        }
        #expect(base.text == "f")
        #expect(f.primes == 2 && f.sub == nil && f.sup == nil)
        guard case .atom(let open) = formula.nodes[1] else {
            Issue.record("expected (")
            return
        }
        #expect(open.atomClass == .open)
        guard case .scripts(let x1) = formula.nodes[5] else {
            Issue.record("expected x'_1 in \(formula.nodes)")
            return
        }
        #expect(x1.primes == 1)
        if case .atom(let one)? = x1.sub { #expect(one.text == "1" && one.form == .number) } else { Issue.record("sub") }
    }

    @Test func subscriptNamesKeepTheirGroupsAndText() throws {
        let formula = Formula.parse(#"w_{12} + y_\text{pred}"#)
        guard case .scripts(let w) = formula.nodes[0], case .group(let twelve)? = w.sub else {
            Issue.record("expected w_{12}")
            return
        }
        #expect(twelve.braced)
        if case .atom(let number) = twelve.children[0] { #expect(number.text == "12" && number.form == .number) }
        guard case .scripts(let y) = formula.nodes[2], case .text(let pred)? = y.sub else {
            Issue.record("expected y_\\text{pred}")
            return
        }
        #expect(pred.plainText == "pred" && pred.command == "text")
    }

    @Test func bigOperatorsCarryLimitsAndTheirClass() throws {
        let formula = Formula.parse(#"\sum_{i=1}^{n} x_i \int_0^1"#)
        guard case .scripts(let sum) = formula.nodes[0], case .atom(let sigma)? = sum.base else {
            Issue.record("expected a scripted sum")
            return
        }
        #expect(sigma.atomClass == .op && sigma.limits && sigma.command == "sum")
        #expect(sum.sub != nil && sum.sup != nil)
        guard case .scripts(let integral) = formula.nodes[2], case .atom(let sign)? = integral.base else {
            Issue.record("expected a scripted integral")
            return
        }
        #expect(sign.atomClass == .op && !sign.limits)
    }

    @Test func rootsFencesAndEnvironmentsKeepTheirParts() throws {
        let formula = Formula.parse(#"\sqrt[n]{x} \left( a \middle| b \right] \begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}"#)
        #expect(formula.diagnostics.isEmpty)
        guard case .root(let root) = formula.nodes[0] else {
            Issue.record("expected a root")
            return
        }
        #expect(root.index != nil)
        guard case .fenced(let fenced) = formula.nodes[1] else {
            Issue.record("expected \\left...\\right")
            return
        }
        #expect(fenced.left.text == "(" && fenced.right.text == "]")
        #expect(fenced.body.contains { if case .sizedDelimiter(let d) = $0 { return d.size == .middle }; return false })
        guard case .environment(let matrix) = formula.nodes[2] else {
            Issue.record("expected an environment")
            return
        }
        #expect(matrix.name == "pmatrix")
        #expect(matrix.rows.map { $0.cells.count } == [2, 2])
    }

    @Test func statementSeparatorsAndLabelsStayVisibleAtTopLevel() throws {
        let formula = Formula.parse(#"n1: a = 1, b = 2 \quad c = 3 \\ d = 4"#)
        #expect(formula.diagnostics.isEmpty)
        let kinds = formula.nodes.map { node -> String in
            switch node {
            case .atom(let atom): return atom.atomClass == .punct || atom.atomClass == .rel ? atom.text : "·"
            case .space(let space): return space.command
            case .lineBreak: return "\\\\"
            default: return "?"
            }
        }
        #expect(kinds == ["·", "·", ":", "·", "=", "·", ",", "·", "=", "·", "quad", "·", "=", "·", "\\\\", "·", "=", "·"])
    }

    @Test func fontsFunctionNamesAndSpacingKeepTheirCommands() throws {
        let formula = Formula.parse(#"\mathbf{W} \operatorname{relu}(x) \sin x \, \mathrm{d}x"#)
        guard case .font(let bold) = formula.nodes[0] else {
            Issue.record("expected \\mathbf")
            return
        }
        #expect(bold.command == "mathbf" && bold.font == .bold)
        guard case .operatorName(let relu) = formula.nodes[1] else {
            Issue.record("expected \\operatorname")
            return
        }
        #expect(relu.name == "relu" && !relu.limits)
        guard case .operatorName(let sine) = formula.nodes[5] else {
            Issue.record("expected \\sin in \(formula.nodes)")
            return
        }
        #expect(sine.command == "sin")
        guard case .space(let thin) = formula.nodes[7] else {
            Issue.record("expected \\,")
            return
        }
        #expect(thin.command == "," && thin.width == "0.167em")
    }

    @Test func numbersAreOneAtomButArgumentsTakeOneDigit() throws {
        let formula = Formula.parse(#"3.14x \frac12"#)
        guard case .atom(let pi) = formula.nodes[0] else {
            Issue.record("expected a number")
            return
        }
        #expect(pi.text == "3.14" && pi.form == .number)
        guard case .fraction(let half) = formula.nodes[2],
              case .atom(let one) = half.numerator, case .atom(let two) = half.denominator
        else {
            Issue.record("expected \\frac12 as 1/2")
            return
        }
        #expect(one.text == "1" && two.text == "2")
    }

    @Test func infixOverSplitsItsGroup() throws {
        let formula = Formula.parse(#"{a + b \over c}"#)
        guard case .group(let group) = formula.nodes[0], case .fraction(let fraction) = group.children[0],
              case .group(let numerator) = fraction.numerator
        else {
            Issue.record("expected a fraction inside the group")
            return
        }
        #expect(fraction.command == "over" && numerator.children.count == 3)
    }

    @Test func rangesAreUTF8ByteOffsetsNestedInTheirParents() throws {
        let sources = [
            #"α + \beta_{ij} = \frac{1}{1+e^{-x}}"#,
            #"\left( \sum_{i=1}^n w_i x_i \right)^2 \text{für alle } i"#,
            #"\begin{cases} 1 & x > 0 \\ 0 & \text{sonst} \end{cases}"#,
            #"\overbrace{a+b}^{n} \sqrt[3]{x} \hat{y} \binom{n}{k} {a \over b} \color{red} c"#,
        ]
        for source in sources {
            let formula = Formula.parse(source)
            let count = source.utf8.count
            func check(_ node: Node, within parent: SourceRange) {
                #expect(node.range.lowerBound >= 0 && node.range.upperBound <= count, "\(node.range) out of \(source)")
                #expect(node.range.lowerBound >= parent.lowerBound && node.range.upperBound <= parent.upperBound,
                        "\(text(source, node.range)) outside \(text(source, parent)) in \(source)")
                for child in node.children { check(child, within: node.range) }
            }
            for node in formula.nodes { check(node, within: 0..<count) }
        }
        let greek = Formula.parse("α + b")
        #expect(greek.nodes.map(\.range) == [0..<2, 3..<4, 5..<6])
    }
}
