import Calculus
import Foundation
import TeX

/// The second look at a relation that fails in `Double` (docs/note-language.md §11): both
/// sides enclosed by `IntervalEvaluator`, with the claim's rounded decimals (`WrittenDecimal`)
/// standing for every number that rounds to them.
extension ClaimChecker {
    /// What the enclosures say about a relation that doubles say fails.
    enum Recheck: Equatable {
        /// It holds: rigorously, or for some numbers that round to the decimals listed.
        case holds(widenedBy: [String])
        /// It fails: doubles were right.
        case fails
        /// The enclosures are too wide to tell; the reason says why.
        case cannotTell(String)
    }

    /// Rechecks relation `index` of `claim` at `point`, where doubles gave `left` and `right`.
    func recheck(_ claim: Claim, relation index: Int, point: SamplePoint, left: Double, right: Double) -> Recheck {
        let values = point.leafValues
        // `\approx` already allows the precision of its number (§5): its decimals are not widened again.
        let relation = claim.relations[index]
        let written = relation == .approximately || relation == .notEqual ? []
            : (claim.written?.decimals(ofSide: index) ?? []) + (claim.written?.decimals(ofSide: index + 1) ?? [])
        var decimals: [WrittenDecimal] = []
        for decimal in written where !decimals.contains(decimal) { decimals.append(decimal) }
        func enclose(widening: [WrittenDecimal]) -> (Interval, Interval, IntervalWarnings)? {
            var widths: [Double: Double] = [:]
            for decimal in widening { widths[decimal.value] = max(widths[decimal.value] ?? 0, decimal.halfUnit) }
            var evaluator = IntervalEvaluator(context: context, values: values, widths: widths)
            guard case .success(let a) = evaluator.enclose(claim.sides[index]),
                case .success(let b) = evaluator.enclose(claim.sides[index + 1])
            else { return nil }
            return (a, b, evaluator.warnings)
        }
        let tolerance = claim.tolerances[index]
        let relative = options.relativeTolerance
        // First with every number exact: a rigorous verdict.
        guard let (a, b, warnings) = enclose(widening: []) else { return .fails }
        switch Self.rigorous(relation, a, b, tolerance: tolerance, relativeTolerance: relative) {
        case .some(true): return .holds(widenedBy: [])
        case .some(false) where decimals.isEmpty: return .fails
        case .none where decimals.isEmpty:
            return .cannotTell(Self.why(a, b, left: left, right: right, warnings: warnings))
        default: break
        }
        // Then with the rounded decimals: it holds if some numbers that round to them make it hold.
        func possible(_ widening: [WrittenDecimal]) -> Bool {
            guard let (a, b, _) = enclose(widening: widening) else { return false }
            return Self.rigorous(relation, a, b, tolerance: tolerance, relativeTolerance: relative) != false
        }
        guard possible(decimals) else { return .fails }
        // Name only the decimals it needs: drop each whose rounding is not needed.
        var needed = decimals.sorted { $0.halfUnit > $1.halfUnit }
        for decimal in needed where needed.count > 1 {
            let without = needed.filter { $0 != decimal }
            if possible(without) { needed = without }
        }
        return .holds(widenedBy: written.filter(needed.contains).map(\.text).reduce(into: []) { list, text in
            if !list.contains(text) { list.append(text) }
        })
    }

    /// A claim with a side that overflows doubles, checked by its enclosures alone: holds
    /// (every relation for every member), fails (one relation for none, with the enclosures in
    /// the message), or nil when the enclosures cannot tell or cannot be made.
    func recheckBeyondDoubles(_ claim: Claim, point: SamplePoint) -> Check? {
        var evaluator = IntervalEvaluator(context: context, values: point.leafValues)
        var sides: [Interval] = []
        for side in claim.sides {
            guard case .success(let interval) = evaluator.enclose(side) else { return nil }
            sides.append(interval)
        }
        for (index, relation) in claim.relations.enumerated() where index + 1 < sides.count {
            switch Self.rigorous(relation, sides[index], sides[index + 1], tolerance: claim.tolerances[index],
                                 relativeTolerance: options.relativeTolerance) {
            case .some(true): continue
            case .some(false):
                let sidesText = sides.count > 2 ? " (sides \(index + 1) and \(index + 2))" : ""
                return Check(status: .fails, points: 1, message: "beyond the range of doubles, the sides are within "
                             + "\(Self.bounds(sides[index])) and \(Self.bounds(sides[index + 1]))\(sidesText)")
            case .none: return nil
            }
        }
        return Check(status: .holds, points: 1, message: "")
    }

    /// Whether the relation holds for every member of the enclosures (true), for none (false),
    /// or the enclosures cannot tell (nil). Equality has the tolerance of `holds`.
    static func rigorous(_ relation: Relation, _ a: Interval, _ b: Interval, tolerance: Double,
                         relativeTolerance: Double) -> Bool?
    {
        let difference = b - a
        // |a - b| against atol + rtol·max(|a|, |b|), both enclosed.
        let distance = difference.absolute
        let allowed = Interval(tolerance) + Interval(relativeTolerance) * a.absolute.hull(b.absolute)
        let equal: Bool? = (allowed - distance).isNonNegative ? true : ((distance - allowed).isPositive ? false : nil)
        switch relation {
        case .equal, .approximately: return equal
        case .notEqual: return equal.map { !$0 }
        case .less: return difference.isPositive ? true : (difference.isNonPositive ? false : nil)
        case .greater: return difference.isNegative ? true : (difference.isNonNegative ? false : nil)
        case .lessOrEqual:
            if difference.isNonNegative || equal == true { return true }
            return difference.isNegative && equal == false ? false : nil
        case .greaterOrEqual:
            if difference.isNonPositive || equal == true { return true }
            return difference.isPositive && equal == false ? false : nil
        }
    }

    /// Why enclosures that doubles say differ cannot decide.
    private static func why(_ a: Interval, _ b: Interval, left: Double, right: Double, warnings: IntervalWarnings) -> String {
        let cause: String
        if warnings.contains(.cancellation) {
            cause = "cancellation: a sum of nearly opposite terms lost its digits"
        } else if [left, right].contains(where: { $0 == 0 || $0.isSubnormal }) {
            cause = "underflow"
        } else {
            cause = "the difference is below the precision of doubles"
        }
        let (leftText, rightText) = NumberText.pair(left, right)
        return "doubles give \(leftText) and \(rightText), but with error bounds the sides are within "
            + "\(bounds(a)) and \(bounds(b)) (\(cause))"
    }

    /// `[low, high]`, in doubles while the ends are in their range, else as `m·2^k`.
    private static func bounds(_ interval: Interval) -> String {
        let (low, high) = interval.doubleBounds
        guard low.isFinite, high.isFinite, (low != 0 || interval.lower == 0), (high != 0 || interval.upper == 0) else {
            return "[\(decimal(interval.lower, interval.exponent)), \(decimal(interval.upper, interval.exponent))]"
        }
        let (lowText, highText) = NumberText.pair(low, high)
        return "[\(lowText), \(highText)]"
    }
}

/// `m · 2^k` written as a decimal with an exponent of ten (`1.97e434`), for messages.
private func decimal(_ m: Double, _ k: Int) -> String {
    if m == 0 { return "0" }
    let log10Value = Foundation.log10(Swift.abs(m)) + Double(k) * Foundation.log10(2.0)
    let power = log10Value.rounded(.down)
    let mantissa = Foundation.pow(10, log10Value - power) * (m < 0 ? -1 : 1)
    return NumberText.format(mantissa, significant: 6) + "e" + String(Int(power))
}
