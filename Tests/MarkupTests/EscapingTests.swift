import Markup
import Testing

/// Every escaping rule side by side: each row is one input and what each rule makes of it.
@Suite struct EscapingTests {
    struct Row: Sendable, CustomStringConvertible {
        var input: String
        var html: String
        var href: String
        var xml: String
        var xmlAttribute: String
        var json: String
        var markdownCell: String
        var markdownCellInCode: String

        var description: String { input.debugDescription }

        func expected(_ escaping: Escaping) -> String {
            switch escaping {
            case .html: html
            case .href: href
            case .xml: xml
            case .xmlAttribute: xmlAttribute
            case .json: json
            case .markdownCell: markdownCell
            case .markdownCellInCode: markdownCellInCode
            }
        }
    }

    static let rows: [Row] = [
        Row(input: "plain ∂x", html: "plain ∂x", href: "plain%20%E2%88%82x", xml: "plain ∂x",
            xmlAttribute: "plain ∂x", json: "plain ∂x", markdownCell: "plain ∂x", markdownCellInCode: "plain ∂x"),
        Row(input: #"a<b & "c" > d"#, html: "a&lt;b &amp; &quot;c&quot; &gt; d", href: "a%3Cb%20&amp;%20%22c%22%20%3E%20d",
            xml: "a&lt;b &amp; &quot;c&quot; &gt; d", xmlAttribute: "a&lt;b &amp; &quot;c&quot; &gt; d",
            json: #"a<b & \"c\" > d"#, markdownCell: #"a<b & "c" > d"#, markdownCellInCode: #"a<b & "c" > d"#),
        Row(input: "it's", html: "it's", href: "it&#x27;s", xml: "it&#39;s", xmlAttribute: "it's", json: "it's",
            markdownCell: "it's", markdownCellInCode: "it's"),
        Row(input: "a\nb\tc\rd", html: "a\nb\tc\rd", href: "a%0Ab%09c%0Dd", xml: "a\nb\tc\rd",
            xmlAttribute: "a&#10;b\tc\rd", json: #"a\nb\tc\rd"#, markdownCell: "a b\tc\rd", markdownCellInCode: "a b\tc\rd"),
        Row(input: "x\u{1}y\u{1F}z", html: "x\u{1}y\u{1F}z", href: "x%01y%1Fz", xml: "xyz",
            xmlAttribute: "x\u{FFFD}y\u{FFFD}z", json: #"x\u0001y\u001fz"#, markdownCell: "x\u{1}y\u{1F}z",
            markdownCellInCode: "x\u{1}y\u{1F}z"),
        Row(input: "a\u{FFFE}b\u{FFFF}c\u{FFFD}", html: "a\u{FFFE}b\u{FFFF}c\u{FFFD}",
            href: "a%EF%BF%BEb%EF%BF%BFc%EF%BF%BD", xml: "abc\u{FFFD}", xmlAttribute: "a\u{FFFD}b\u{FFFD}c\u{FFFD}",
            json: "a\u{FFFE}b\u{FFFF}c\u{FFFD}", markdownCell: "a\u{FFFE}b\u{FFFF}c\u{FFFD}",
            markdownCellInCode: "a\u{FFFE}b\u{FFFF}c\u{FFFD}"),
        Row(input: #"a|b `c` \d"#, html: #"a|b `c` \d"#, href: "a%7Cb%20%60c%60%20%5Cd", xml: #"a|b `c` \d"#,
            xmlAttribute: #"a|b `c` \d"#, json: #"a|b `c` \\d"#, markdownCell: #"a\|b 'c' \d"#,
            markdownCellInCode: #"a\\|b 'c' \d"#),
        Row(input: "https://x.org/a?b=1&c=(2)#d", html: "https://x.org/a?b=1&amp;c=(2)#d",
            href: "https://x.org/a?b=1&amp;c=(2)#d", xml: "https://x.org/a?b=1&amp;c=(2)#d",
            xmlAttribute: "https://x.org/a?b=1&amp;c=(2)#d", json: "https://x.org/a?b=1&c=(2)#d",
            markdownCell: "https://x.org/a?b=1&c=(2)#d", markdownCellInCode: "https://x.org/a?b=1&c=(2)#d"),
        Row(input: "", html: "", href: "", xml: "", xmlAttribute: "", json: "", markdownCell: "", markdownCellInCode: ""),
    ]

    @Test(arguments: rows)
    func eachRuleOnTheSameInput(row: Row) {
        for escaping in Escaping.allCases {
            var buffer = MarkupBuffer(capacity: 8)
            buffer.append(row.input, escaping: escaping)
            #expect(buffer.string == row.expected(escaping), "\(escaping)")
        }
    }

    /// Long inputs make the buffer grow while it escapes; nothing is lost.
    @Test(arguments: Escaping.allCases)
    func longInputsGrowTheBuffer(escaping: Escaping) {
        for row in Self.rows {
            var buffer = MarkupBuffer(capacity: 8)
            for _ in 0..<50 { buffer.append(row.input, escaping: escaping) }
            #expect(buffer.string == String(repeating: row.expected(escaping), count: 50), "\(row)")
        }
    }
}
