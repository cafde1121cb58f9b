import Testing

@testable import Report

@Suite struct PlotTicksTests {
    @Test func stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        for (span, expected) in [(12.0, 2.0), (1.0, 0.2), (0.9975, 0.2), (35.0, 5.0), (403.0, 50.0), (6.0, 1.0), (0.003, 0.0005)] {
            #expect(PlotTicks.niceStep(span: span, target: 6) == expected, "span \(span)")
        }
    }

    @Test func ticksCoverTheRangeWithCleanLabels() {
        let ticks = PlotTicks.make(0...1, target: 5)
        #expect(ticks.labels == ["0", "0.2", "0.4", "0.6", "0.8", "1"])
        let symmetric = PlotTicks.make(-6...6)
        #expect(symmetric.labels == ["\u{2212}6", "\u{2212}4", "\u{2212}2", "0", "2", "4", "6"])
    }

    @Test func widenRoundsOutToTheStep() {
        #expect(PlotTicks.widen(0.0025...0.9975, target: 5) == 0...1)
        #expect(PlotTicks.widen(1e-12...6) == 0...6)
    }

    @Test func degenerateRangesGiveNoTicksAndNoCrash() {
        #expect(PlotTicks.niceStep(span: 0, target: 5) == 1)
        #expect(PlotTicks.niceStep(span: .nan, target: 5) == 1)
        _ = PlotTicks.make(5...5)
    }
}
