/// The order of names in reports: runs of ASCII digits compare as numbers (`x_2` before
/// `x_10`), everything else by code point (UTF-8 bytes keep that order); a total,
/// deterministic order. Returns -1, 0 or 1.
func naturalCompare(_ a: String, _ b: String) -> Int {
    if a == b { return 0 }
    let left = a.utf8
    let right = b.utf8
    var i = left.startIndex
    var j = right.startIndex
    while i != left.endIndex, j != right.endIndex {
        let x = left[i]
        let y = right[j]
        if isDigit(x), isDigit(y) {
            let leftRun = digitRun(left, from: i)
            let rightRun = digitRun(right, from: j)
            if leftRun.significant != rightRun.significant {
                return leftRun.significant < rightRun.significant ? -1 : 1
            }
            var p = leftRun.firstSignificant
            var q = rightRun.firstSignificant
            while p != leftRun.end {
                if left[p] != right[q] { return left[p] < right[q] ? -1 : 1 }
                p = left.index(after: p)
                q = right.index(after: q)
            }
            i = leftRun.end
            j = rightRun.end
        } else {
            if x != y { return x < y ? -1 : 1 }
            i = left.index(after: i)
            j = right.index(after: j)
        }
    }
    if (i == left.endIndex) != (j == right.endIndex) { return i == left.endIndex ? -1 : 1 }
    // Equal up to leading zeros (`x_01`, `x_1`): fall back to plain byte order.
    return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
}

/// Whether `a` comes before `b` in the natural order of names.
func naturallyPrecedes(_ a: String, _ b: String) -> Bool {
    naturalCompare(a, b) < 0
}

private func isDigit(_ byte: UInt8) -> Bool {
    byte >= 0x30 && byte <= 0x39
}

/// A run of digits from `start`: where its significant digits begin, how many there are, and
/// where the run ends.
private func digitRun(
    _ bytes: String.UTF8View, from start: String.UTF8View.Index
) -> (firstSignificant: String.UTF8View.Index, significant: Int, end: String.UTF8View.Index) {
    var index = start
    while index != bytes.endIndex, bytes[index] == 0x30 { index = bytes.index(after: index) }
    let firstSignificant = index
    var count = 0
    while index != bytes.endIndex, isDigit(bytes[index]) {
        index = bytes.index(after: index)
        count += 1
    }
    // All zeros: keep one as significant so that `0` and `00` compare equal as numbers.
    if count == 0, firstSignificant != start {
        return (bytes.index(before: firstSignificant), 1, index)
    }
    return (firstSignificant, count, index)
}
