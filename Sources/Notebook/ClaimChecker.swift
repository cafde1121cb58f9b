import Calculus
import Document
import Foundation
import TeX

/// Checks a claim (a chain of relations) at the example point and, when every side depends on
/// leaves, at `samples` random points too, resampling points where a side is undefined
/// (NOTE-LANGUAGE.md §5).
struct ClaimChecker {
    let checker: NoteChecker
    let entry: NoteChecker.Entry
    /// The statement's sides with names resolved.
    let sides: [Calculus.Expression]

    func check() -> Check {
        let statement = entry.statement
        let parameters = Set(statement.head?.parameters ?? [])
        let context = checker.context
        let program: Program
        do {
            program = try context.compile(sides)
        } catch {
            return Check(status: .cannotTell, points: 0, message: NoteChecker.message(for: error))
        }
        let leavesOfSides = sides.map { Array(checker.leafIndex.leaves(of: $0, parameters: [])) }
        _ = parameters
        let identity = leavesOfSides.allSatisfy { !$0.isEmpty }
        let tolerances = statement.relations.indices.map { tolerance(for: $0) }

        var compared = 0
        var undefinedReason: String?
        func compare(at point: [String: Double]) -> Check? {
            let outcomes = program.values(at: point)
            var values: [Double] = []
            for (index, outcome) in outcomes.enumerated() {
                switch outcome {
                case .finite(let value):
                    values.append(value)
                case .nonFinite(_, let reason):
                    undefinedReason = "the \(sideName(index, of: outcomes.count)) is undefined (\(reason))"
                    return nil
                case .failure(let error):
                    return Check(status: .cannotTell, points: compared, message: NoteChecker.message(for: error))
                }
            }
            compared += 1
            for (index, relation) in statement.relations.enumerated() where index + 1 < values.count {
                let left = values[index]
                let right = values[index + 1]
                if !holds(relation, left, right, tolerance: tolerances[index]) {
                    let (leftText, rightText) = NumberText.pair(left, right)
                    let pointText = describe(point, leaves: Set(leavesOfSides[index] + leavesOfSides[index + 1]))
                    let sidesText = values.count > 2 ? " (sides \(index + 1) and \(index + 2))" : ""
                    return Check(status: .fails, points: compared,
                                 message: "left \(leftText), right \(rightText)\(sidesText)"
                                    + (pointText.isEmpty ? "" : " at \(pointText)"))
                }
            }
            return nil
        }

        if let verdict = compare(at: context.values) { return verdict }
        if identity, checker.options.samples > 0 {
            var generator = SplitMix64([checker.path, "\(entry.position.line):\(entry.position.column)"],
                                       seed: checker.options.seed)
            let leaves = program.leaves
            var attempts = 0
            var wanted = checker.options.samples
            while wanted > 0, attempts < checker.options.samples * 20 {
                attempts += 1
                var point = context.values
                // Half the attempts over [-2, 2], then over (0, 2] for sides that need positive values.
                let range: ClosedRange<Double> = attempts <= checker.options.samples * 10 ? -2...2 : 0.05...2
                for leaf in leaves { point[leaf] = generator.uniform(range) }
                let before = compared
                if let verdict = compare(at: point) { return verdict }
                if compared > before { wanted -= 1 }
            }
        }
        if compared == 0 {
            return Check(status: .cannotTell, points: 0,
                         message: (undefinedReason ?? "no side could be evaluated") + " at every point tried")
        }
        let where_ = compared == 1 ? "at the example point" : "at \(compared) points"
        return Check(status: .holds, points: compared, message: "holds \(where_)")
    }

    private func sideName(_ index: Int, of count: Int) -> String {
        if count == 2 { return index == 0 ? "left side" : "right side" }
        return "side \(index + 1)"
    }

    /// `x = 0.3, y = 0.1` for the leaves involved (at most six, in natural order).
    private func describe(_ point: [String: Double], leaves: Set<String>) -> String {
        let names = leaves.sorted(by: Names.naturalOrder)
        var parts = names.prefix(6).map { "\(NoteChecker.displayName($0)) = \(NumberText.format(point[$0] ?? .nan))" }
        if names.count > 6 { parts.append("…") }
        return parts.joined(separator: ", ")
    }

    private func holds(_ relation: Relation, _ left: Double, _ right: Double, tolerance: Double) -> Bool {
        let close = abs(left - right) <= tolerance + checker.options.relativeTolerance * max(abs(left), abs(right))
        switch relation {
        case .equal, .approximately: return close
        case .notEqual: return !close
        case .less: return left < right
        case .greater: return left > right
        case .lessOrEqual: return left <= right || close
        case .greaterOrEqual: return left >= right || close
        }
    }

    /// The absolute tolerance of relation `index`: for `\approx`, half a unit of the last digit
    /// written in the number on either side; otherwise the configured absolute tolerance.
    private func tolerance(for index: Int) -> Double {
        let statement = entry.statement
        guard statement.relations[index] == .approximately else { return checker.options.absoluteTolerance }
        let texBytes = Array(checker.formulas[entry.formula].tex.utf8)
        for side in [index + 1, index] where side < statement.sideRanges.count {
            let range = statement.sideRanges[side].clamped(to: 0..<texBytes.count)
            if let exponent = Self.lastDigitExponent(String(decoding: texBytes[range], as: UTF8.self)) {
                return 0.5 * pow(10, Double(exponent)) * (1 + 1e-9)
            }
        }
        return 1e-3
    }

    /// For a written number (`0.5933`, `12`, `1.2 \times 10^{-3}`), the power of ten of its last
    /// digit; `nil` when the text is not a plain number.
    static func lastDigitExponent(_ text: String) -> Int? {
        let compact = text.filter { !$0.isWhitespace && $0 != "{" && $0 != "}" }
            .replacingOccurrences(of: "\\,", with: "")
        var mantissa = Substring(compact)
        var exponent = 0
        for times in ["\\times10^", "\\cdot10^"] {
            if let range = compact.range(of: times) {
                mantissa = compact[..<range.lowerBound]
                guard let power = Int(compact[range.upperBound...]) else { return nil }
                exponent = power
            }
        }
        if mantissa.hasPrefix("-") || mantissa.hasPrefix("+") { mantissa = mantissa.dropFirst() }
        guard !mantissa.isEmpty, mantissa.allSatisfy({ $0.isNumber || $0 == "." }),
            mantissa.filter({ $0 == "." }).count <= 1
        else { return nil }
        if let dot = mantissa.firstIndex(of: ".") {
            return exponent - mantissa[mantissa.index(after: dot)...].count
        }
        return exponent
    }
}
