import Calculus

/// General formulas with free symbolic indices (`p_i = \frac{e^{z_i}}{\sum_j e^{z_j}}`, beside
/// `p_1`, `p_2` the note defines): the general rule, not a claim about numbers. The reader
/// reads them as prose, "general form", and does not evaluate them.
enum GeneralForm {
    /// The reason a statement reading `expressions` (and defining `head`) is a general form:
    /// one of its names has an index that is a letter the note does not bind (`i` in `p_i`)
    /// while the note names instances with numbers (`p_1`); `nil` when there is none.
    static func reason(_ expressions: [Expression], head: Head?, scope: ReadingScope, parameters: Set<String>)
        -> String?
    {
        if let head, let reason = reason(for: head.name, scope: scope, parameters: parameters) { return reason }
        var stack = expressions
        while let node = stack.popLast() {
            switch node {
            case .symbol(let name), .partial(_, let name, _):
                if let reason = reason(for: name, scope: scope, parameters: parameters) { return reason }
            default:
                break
            }
            node.forEachChild { stack.append($0) }
        }
        return nil
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
                    other.first == own.first && other.dropFirst().allSatisfy { $0.isNumber || $0 == "(" || $0 == ")" }
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
        var inScript = false
        for byte in name.utf8 {
            if byte == UInt8(ascii: "_") || byte == UInt8(ascii: "^") {
                inScript = true
            } else if inScript, (byte | 0x20) >= UInt8(ascii: "a"), (byte | 0x20) <= UInt8(ascii: "z") {
                return true
            }
        }
        return false
    }

    /// `a_j^(l)` → (`a`, [`_j`, `^(l)`]): each index with the script it is in.
    static func parts(_ name: String) -> (base: Substring, indices: [Substring]) {
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

    /// An index of one or two letters (`i`, `jk`, `(l)`), or a letter shifted by a number (`{t-1}`).
    private static func isSymbolic(_ index: Substring) -> Bool {
        let index = index.dropFirst()
        let inner = index.filter { $0 != "(" && $0 != ")" && $0 != "{" && $0 != "}" }
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
