/// The order of names in reports: runs of digits compare as numbers (`x_2` before `x_10`),
/// everything else by Unicode scalar; a total, deterministic order.
func naturalCompare(_ a: String, _ b: String) -> Int {
    let left = Array(a.unicodeScalars)
    let right = Array(b.unicodeScalars)
    var i = 0
    var j = 0
    while i < left.count, j < right.count {
        if isDigit(left[i]), isDigit(right[j]) {
            let leftRun = digitRun(left, from: i)
            let rightRun = digitRun(right, from: j)
            let order = compareDigits(leftRun.digits, rightRun.digits)
            if order != 0 { return order }
            i = leftRun.end
            j = rightRun.end
        } else {
            if left[i] != right[j] { return left[i].value < right[j].value ? -1 : 1 }
            i += 1
            j += 1
        }
    }
    if left.count - i != right.count - j { return left.count - i < right.count - j ? -1 : 1 }
    return a == b ? 0 : (a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) ? -1 : 1)
}

/// Whether `a` comes before `b` in the natural order of names.
func naturallyPrecedes(_ a: String, _ b: String) -> Bool {
    naturalCompare(a, b) < 0
}

private func isDigit(_ scalar: Unicode.Scalar) -> Bool {
    ("0"..."9").contains(scalar)
}

private func digitRun(_ scalars: [Unicode.Scalar], from start: Int) -> (digits: [Unicode.Scalar], end: Int) {
    var end = start
    while end < scalars.count, isDigit(scalars[end]) { end += 1 }
    var digits = Array(scalars[start..<end])
    while digits.count > 1, digits[0] == "0" { digits.removeFirst() }
    return (digits, end)
}

private func compareDigits(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.count != b.count { return a.count < b.count ? -1 : 1 }
    for (x, y) in zip(a, b) where x != y { return x.value < y.value ? -1 : 1 }
    return 0
}
