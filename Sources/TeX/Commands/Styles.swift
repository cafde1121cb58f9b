// Style and size switches (\displaystyle \textstyle \scriptstyle \scriptscriptstyle, \tiny ...
// \Huge) and colors (\color{red} for the rest of the group, \textcolor{red}{...}).

enum Styles {
    static let styles: [String: MathStyle] = [
        "displaystyle": .display, "textstyle": .text, "scriptstyle": .script, "scriptscriptstyle": .scriptScript,
    ]

    static let sizes: [String: Double] = [
        "Tiny": 0.5, "tiny": 0.6, "scriptsize": 0.7, "footnotesize": 0.8, "small": 0.9, "normalsize": 1.0,
        "large": 1.095, "Large": 1.2, "LARGE": 1.44, "huge": 1.728, "Huge": 2.074,
    ]
}

extension CommandFamily {
    /// `\displaystyle` and the other style and size switches.
    static let styleSwitches = CommandFamily(names: Array(Styles.styles.keys) + Array(Styles.sizes.keys)) { parser, invocation in
        parser.advance()
        let body = parser.parseRest(invocation.stops)
        let end = body.last?.range.upperBound ?? invocation.range.upperBound
        return .style(StyleChange(command: invocation.name, style: Styles.styles[invocation.name],
                                  scale: Styles.sizes[invocation.name], body: body,
                                  range: invocation.range.lowerBound..<end))
    }

    /// `\color{red}`: the color of the rest of the group.
    static let colorSwitch = CommandFamily(names: ["color"]) { parser, invocation in
        parser.advance()
        let color = parser.parseRawArgument(for: "\\color", at: invocation.range)
        let body = parser.parseRest(invocation.stops)
        let end = body.last?.range.upperBound ?? color.range.upperBound
        return .color(Color(command: "color", color: color.text, body: body, range: invocation.range.lowerBound..<end))
    }

    /// `\textcolor{red}{...}`.
    static let colors = CommandFamily(names: ["textcolor"]) { parser, invocation in
        let color = parser.parseRawArgument(for: "\\textcolor", at: invocation.range)
        let body = parser.parseArgument(for: "\\textcolor", at: invocation.range)
        return .color(Color(command: "textcolor", color: color.text, body: [body],
                            range: invocation.range.lowerBound..<parser.previousEnd))
    }
}

extension MathMLBuilder {
    /// `<mstyle>` with `displaystyle`/`scriptlevel`, or `mathsize` for a size.
    func style(_ style: StyleChange) -> MathMLElement {
        if let mathStyle = style.style {
            return styled(inStyle(mathStyle).row(style.body), mathStyle)
        }
        let body = row(style.body)
        if let scale = style.scale {
            return MathMLElement("mstyle", [("mathsize", Spaces.format(scale) + "em")], children: [body])
        }
        return body
    }

    /// `<mstyle mathcolor="...">`; a color that is not a plain name or `#rgb` is dropped.
    func color(_ color: Color) -> MathMLElement {
        let body = row(color.body)
        guard let css = MathMLBuilder.cssColor(color.color) else { return body }
        return MathMLElement("mstyle", [("mathcolor", css)], children: [body])
    }

    /// A color name (`red`), `#rgb`/`#rrggbb`, or nil for xcolor expressions CSS cannot read.
    static func cssColor(_ text: String) -> String? {
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty else { return nil }
        let scalars = trimmed.unicodeScalars
        if scalars.first == "#" {
            let hex = scalars.dropFirst()
            guard hex.count == 3 || hex.count == 6,
                  hex.allSatisfy({ ($0 >= "0" && $0 <= "9") || ($0 >= "a" && $0 <= "f") || ($0 >= "A" && $0 <= "F") })
            else { return nil }
            return trimmed
        }
        guard scalars.allSatisfy({ ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") }) else { return nil }
        return trimmed
    }
}
