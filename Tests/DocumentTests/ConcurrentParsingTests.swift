import Dispatch
import Document
import Testing

/// `render` parses notes on every core at once; cmark-gfm keeps some tables process-global.
@Suite struct ConcurrentParsingTests {
    static let note = """
        # Tables, math and friends

        | weight | value | note |
        |---|---|---|
        | $w_1 = 0.5$ | ~~old~~ new | see www.example.com |
        | $w_2 = -0.3$ | $\\frac{1}{2}$ | a $x^2$ b |

        The loss is $L = \\frac{1}{2}(a - y)^2$ and ~~not~~ $\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))$.

        $$
        a = \\sigma(w_1 x_1 + w_2 x_2)
        $$

        - [x] a task with $y$ in it, and https://example.org/a_b
        - [ ] ~two~ $z_{i} = 3$
        """

    @Test func parsesOnManyThreadsGiveTheSameDocumentAsOne() {
        let expected = MarkdownParser.parse(Self.note)
        #expect(expected.formulas.count == 9)
        let rounds = 400
        let results = Results(count: rounds)
        DispatchQueue.concurrentPerform(iterations: rounds) { index in
            results.set(index, MarkdownParser.parse(Self.note) == expected)
        }
        #expect(results.allTrue, "\(results.falseCount) of \(rounds) concurrent parses differed")
    }
}

/// Flags set from many threads.
private final class Results: @unchecked Sendable {
    private var flags: [Bool]
    private let lock = DispatchSemaphore(value: 1)

    init(count: Int) { flags = Array(repeating: false, count: count) }

    func set(_ index: Int, _ value: Bool) {
        lock.wait()
        flags[index] = value
        lock.signal()
    }

    var allTrue: Bool { flags.allSatisfy { $0 } }
    var falseCount: Int { flags.filter { !$0 }.count }
}
