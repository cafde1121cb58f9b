import Calculus

/// General formulas with free symbolic indices (`p_i = \frac{e^{z_i}}{\sum_j e^{z_j}}`, beside
/// `p_1`, `p_2` the note defines): the general rule, not a claim about numbers. The reader
/// reads them as prose, "general form", and does not evaluate them.
public enum GeneralForm {
    /// The reason a statement reading `expressions` (and defining `head`) is a general form:
    /// one of its names has an index that is a letter the note does not bind (`i` in `p_i`)
    /// while the note names instances with numbers (`p_1`); `nil` when there is none.
    static func reason(_ expressions: [Expression], head: Head?, scope: ReadingScope, parameters: Set<String>)
        -> String?
    {
        if let head, let reason = reason(for: head.name, scope: scope, parameters: parameters) { return reason }
        for expression in expressions.reversed() {
            if let reason = firstReason(in: expression, scope: scope, parameters: parameters) { return reason }
        }
        return nil
    }

    /// The reason of the first name in `expression` that makes a general form, the names taken
    /// node first, then its children right to left (the order of the message when several
    /// names would give one), walked without copying the tree onto a stack.
    private static func firstReason(in expression: Expression, scope: ReadingScope, parameters: Set<String>)
        -> String?
    {
        switch expression {
        case .symbol(let name), .partial(_, let name, _):
            if let reason = reason(for: name, scope: scope, parameters: parameters) { return reason }
        default:
            break
        }
        var found: String?
        expression.forEachChildReversed { child in
            if found == nil { found = firstReason(in: child, scope: scope, parameters: parameters) }
        }
        return found
    }

    /// The free index letters of a general form (at most two, in alphabetical order) and the
    /// numbers the note writes in each one's place (`l` and 1, 2, 3 where the note names
    /// `a^(1)`, `z^(2)`, `z^(3)`; `i` and `j` for `\frac{\partial s_i}{\partial z_j}`), ascending;
    /// `nil` when the statement is no general form, has more letters, or a letter with no number.
    static func freeIndices(_ expressions: [Expression], head: Head?, scope: ReadingScope, parameters: Set<String>)
        -> [(letter: String, values: [Int])]?
    {
        var names: [String] = head.map { [$0.name] } ?? []
        var stack = expressions
        while let node = stack.popLast() {
            switch node {
            case .symbol(let name), .partial(_, let name, _): names.append(name)
            default: break
            }
            node.forEachChild { stack.append($0) }
        }
        var letters: [String] = []
        var values: [String: Set<Int>] = [:]
        for name in names where mayBeGeneral(name) {
            let (base, indices) = parts(name)
            for (position, index) in indices.enumerated() where isSymbolic(index) {
                let own = String(index.dropFirst().filter { $0.isLetter })
                guard !isBound(index, scope: scope, parameters: parameters) else { continue }
                // `w_jk`: each letter takes a digit of the note's `w_12`.
                if own.count == 2, index.dropFirst() == Substring(own) {
                    guard let pairs = digitPairs(of: base, indices: indices, at: position, scope: scope) else { continue }
                    for (letter, numbers) in zip(own.map(String.init), [pairs.map(\.0), pairs.map(\.1)])
                    where !scope.names.contains(letter) && !parameters.contains(letter) {
                        if !letters.contains(letter) {
                            guard letters.count < maximumLetters else { return nil }
                            letters.append(letter)
                        }
                        values[letter, default: []].formUnion(numbers)
                    }
                    continue
                }
                guard own.count == 1 else { continue }
                var numbers: Set<Int> = []
                for other in scope.names {
                    let (otherBase, otherIndices) = parts(other)
                    guard otherBase == base, otherIndices.count == indices.count,
                        otherIndices[position].first == index.first,
                        let number = Int(bare(otherIndices[position])),
                        !scope.instances.contains(other) || scope.writtenNumbers.contains(number)
                    else { continue }
                    // `v_1` beside `v_{t+1}`: t = 0.
                    numbers.insert(number - (shift(of: index, letter: own) ?? 0))
                }
                // `\mu_B`, a name of the note with no numbered sibling: its letter is no index.
                if numbers.isEmpty, scope.names.contains(name) { continue }
                if !letters.contains(own) {
                    guard letters.count < maximumLetters else { return nil }
                    letters.append(own)
                }
                values[own, default: []].formUnion(numbers)
            }
        }
        guard !letters.isEmpty, letters.allSatisfy({ values[$0]?.isEmpty == false }) else { return nil }
        return letters.sorted().map { ($0, values[$0, default: []].sorted()) }
    }

    /// The digits the note writes in the place of a two-letter index (`1, 2` of `w_12^(2)` for
    /// the `jk` of `w_jk^(l)`), one pair per name; `nil` when it writes none.
    private static func digitPairs(of base: Substring, indices: [Substring], at position: Int, scope: ReadingScope)
        -> [(Int, Int)]?
    {
        var pairs: [(Int, Int)] = []
        for other in scope.names {
            let (otherBase, otherIndices) = parts(other)
            guard otherBase == base, otherIndices.count == indices.count, otherIndices[position].first == indices[position].first
            else { continue }
            let digits = otherIndices[position].dropFirst().compactMap(\.wholeNumberValue)
            guard digits.count == 2, otherIndices[position].count == 3, !scope.instances.contains(other) else { continue }
            pairs.append((digits[0], digits[1]))
        }
        return pairs.isEmpty ? nil : pairs
    }

    /// The most free letters a general form is expanded over (the softmax Jacobian has two,
    /// Nielsen's `∂C/∂w^l_{jk} = a^{l-1}_k δ^l_j` three).
    static let maximumLetters = 3

    /// `name` with the index `letter` written as `value`: `p_i` → `p_2`, `z^(l)` → `z^(2)`.
    static func instance(of name: String, letter: String, value: Int) -> String {
        let (base, indices) = parts(name)
        return String(base) + indices.map { index -> String in
            let script = index.first.map(String.init) ?? ""
            let inner = index.dropFirst()
            if inner == Substring(letter) { return script + String(value) }
            if inner.hasPrefix("{"), let shift = shift(of: index, letter: letter) { return script + String(value + shift) }
            if inner == Substring("(" + letter + ")") { return script + "(\(value))" }
            if inner == Substring("[" + letter + "]") { return script + "[\(value)]" }
            return String(index)
        }.joined()
    }

    /// The number a braced index adds to `letter` (`{t+1}`: 1, `{t-1}`: -1); `nil` for any
    /// other index.
    static func shift(of index: Substring, letter: String) -> Int? {
        let inner = index.dropFirst()
        guard inner.hasPrefix("{"), inner.hasSuffix("}") else { return nil }
        let body = inner.dropFirst().dropLast().filter { $0 != " " }
        guard body.hasPrefix(letter) else { return nil }
        let rest = body.dropFirst(letter.count)
        guard let sign = rest.first, sign == "+" || sign == "-", let amount = Int(rest.dropFirst()) else { return nil }
        return sign == "+" ? amount : -amount
    }

    /// Why `name` makes a statement a general form, if it does.
    private static func reason(for name: String, scope: ReadingScope, parameters: Set<String>) -> String? {
        guard mayBeGeneral(name) else { return nil }
        let (base, indices) = parts(name)
        let free = indices.filter { isSymbolic($0) && !isBound($0, scope: scope, parameters: parameters) }
        guard let index = free.first else { return nil }
        // The first in sorted order, so that the message is the same every run.
        let instance = scope.names.filter { other in
            let (otherBase, otherIndices) = parts(other)
            return otherBase == base && otherIndices.count == indices.count
                && zip(otherIndices, indices).allSatisfy { other, own in
                    other.first == own.first && other.dropFirst().allSatisfy { $0.isNumber || isBracket($0) }
                }
        }.min()
        if let instance {
            let letter = index.dropFirst().filter { $0.isLetter }
            return "general form: the index \(letter) of \(name) is free (the note names \(instance)); "
                + "the rule is not evaluated"
        }
        return nil
    }

    /// A quick test on the bytes: a Latin letter after the first `_` or `^` (`p_i`, `a^(l)`; not
    /// `w_1`, which most names are like).
    private static func mayBeGeneral(_ name: String) -> Bool {
        name.withBytes { bytes in
            var inScript = false
            for byte in bytes {
                if byte == UInt8(ascii: "_") || byte == UInt8(ascii: "^") {
                    inScript = true
                } else if inScript, (byte | 0x20) >= UInt8(ascii: "a"), (byte | 0x20) <= UInt8(ascii: "z") {
                    return true
                }
            }
            return false
        }
    }

    /// `a_j^(l)` → (`a`, [`_j`, `^(l)`]): each index with the script it is in.
    public static func parts(_ name: String) -> (base: Substring, indices: [Substring]) {
        guard let first = name.firstIndex(where: { $0 == "_" || $0 == "^" }) else { return (name[...], []) }
        var indices: [Substring] = []
        var start = first
        for index in name[name.index(after: first)...].indices where name[index] == "_" || name[index] == "^" {
            indices.append(name[start..<index])
            start = index
        }
        indices.append(name[start...])
        return (name[..<first], indices)
    }

    /// An index as written without its script and layer brackets: `1` for `_1`, `l` for `^(l)`.
    public static func bare(_ index: Substring) -> String {
        index.dropFirst().filter { !isBracket($0) }
    }

    /// The brackets of a layer index: `(l)` (`W^{(l)}`) or `[l]` (`W^{[l]}`, Ng's notation).
    private static func isBracket(_ character: Character) -> Bool {
        character == "(" || character == ")" || character == "[" || character == "]"
    }

    /// An index of one or two letters (`i`, `jk`, `(l)`), or a letter shifted by a number (`{t-1}`).
    private static func isSymbolic(_ index: Substring) -> Bool {
        let index = index.dropFirst()
        let inner = index.filter { !isBracket($0) && $0 != "{" && $0 != "}" }
        let letters = inner.filter { $0.isLetter }
        if inner.count <= 2, letters.count == inner.count, !letters.isEmpty,
            letters.allSatisfy({ ExpressionReader.isLatinLetter(String($0)) })
        {
            return true
        }
        return index.hasPrefix("{") && letters.count == 1 && inner.contains(where: { $0 == "+" || $0 == "-" })
    }

    /// Whether every letter of an index is a name the note binds or defines, or a parameter.
    private static func isBound(_ index: Substring, scope: ReadingScope, parameters: Set<String>) -> Bool {
        index.dropFirst().filter { $0.isLetter }.allSatisfy { letter in
            let name = String(letter)
            return scope.names.contains(name) || parameters.contains(name)
        }
    }
}
