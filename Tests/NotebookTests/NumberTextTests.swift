import Notebook
import Testing

/// How numbers are written in messages, cards and tables.
@Suite struct NumberTextTests {
    @Test(arguments: [
        (0.5932699921071872, "0.59327"), (0.3775, "0.3775"), (1.10590596705977, "1.10591"), (-0.19, "-0.19"),
        (12.0, "12"), (100000.0, "100000"), (1234567.0, "1.23457e6"), (0.00012345, "0.00012345"),
        (0.000012345, "1.2345e-5"), (0.0, "0"), (2.5e-300, "2.5e-300"), (-1e20, "-1e20"), (0.1 + 0.2, "0.3"),
    ])
    func sixSignificantDigits(value: Double, text: String) {
        #expect(NumberText.format(value) == text)
    }

    @Test func nonFiniteValuesAreWords() {
        #expect(NumberText.format(.nan) == "NaN")
        #expect(NumberText.format(.infinity) == "∞")
        #expect(NumberText.format(-.infinity) == "-∞")
    }

    @Test func pairsShowEnoughDigitsToDiffer() {
        #expect(NumberText.pair(0.1244, 0.0813) == ("0.1244", "0.0813"))
        #expect(NumberText.pair(1.0000001, 1.0000002) == ("1.0000001", "1.0000002"))
        #expect(NumberText.pair(2, 2) == ("2", "2"))
    }
}

/// `@eq-label` references in text.
@Suite struct EquationReferenceTests {
    @Test func referencesAreSplitOutOfText() {
        let parts = EquationReferences.split("By @eq-loss and @eq-step. Mail a@eq-x.org")
        #expect(parts.map(\.label) == [nil, "eq-loss", nil, "eq-step", nil, nil])
        #expect(parts.map(\.text).joined() == "By eq-loss and eq-step. Mail a@eq-x.org")
    }

    @Test func textWithoutAReferenceIsOnePlainRun() {
        #expect(EquationReferences.mentions(in: "see @@eq-a"))
        #expect(!EquationReferences.mentions(in: "mail me @ home, @eq, eq-1"))
        #expect(EquationReferences.split("mail me @ home, @eq").map(\.text) == ["mail me @ home, @eq"])
        #expect(EquationReferences.split("").isEmpty)
    }
}
