/// The order of names in reports: runs of ASCII digits compare as numbers (`x_2` before
/// `x_10`), everything else by code point (UTF-8 bytes keep that order); a total,
/// deterministic order. Returns -1, 0 or 1.
func naturalCompare(_ a: String, _ b: String) -> Int {
    if a == b { return 0 }
    // On the UTF-8 bytes in place (names are native strings: no copy).
    var a = a
    var b = b
    return a.withUTF8 { left in b.withUTF8 { right in naturalCompare(left, right) } }
}

private func naturalCompare(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Int {
    var i = 0
    var j = 0
    while i < left.count, j < right.count {
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
                p += 1
                q += 1
            }
            i = leftRun.end
            j = rightRun.end
        } else {
            if x != y { return x < y ? -1 : 1 }
            i += 1
            j += 1
        }
    }
    if (i == left.count) != (j == right.count) { return i == left.count ? -1 : 1 }
    // Equal up to leading zeros (`x_01`, `x_1`): fall back to plain byte order.
    return left.lexicographicallyPrecedes(right) ? -1 : 1
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
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int
) -> (firstSignificant: Int, significant: Int, end: Int) {
    var index = start
    while index < bytes.count, bytes[index] == 0x30 { index += 1 }
    let firstSignificant = index
    var count = 0
    while index < bytes.count, isDigit(bytes[index]) {
        index += 1
        count += 1
    }
    // All zeros: keep one as significant so that `0` and `00` compare equal as numbers.
    if count == 0, firstSignificant != start {
        return (firstSignificant - 1, 1, index)
    }
    return (firstSignificant, count, index)
}
