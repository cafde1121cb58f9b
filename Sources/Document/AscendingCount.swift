/// How many elements at the start of `values` satisfy `isBefore`, which holds for a prefix of
/// them and for nothing after it, by binary search: the one search by which Derive places a
/// value among ascending ones (`countOfElements`, and the sites of a name in `ScopeResolver`).
@inlinable
public func countOfPrefix<C: RandomAccessCollection>(of values: C, where isBefore: (C.Element) -> Bool) -> Int
where C.Index == Int {
    var low = values.startIndex
    var high = values.endIndex
    while low < high {
        let middle = (low + high) / 2
        if isBefore(values[middle]) { low = middle + 1 } else { high = middle }
    }
    return low - values.startIndex
}

/// How many elements of the ascending `values` are `<= bound`: how a byte offset is placed
/// among line starts or continuation bytes (`Math`, `SourceText`, `ContentLocator`), so that
/// locating many formulas on one line stays linear, and a line among the first lines of a note's
/// sections (`Sections`).
@inlinable
public func countOfElements<C: RandomAccessCollection>(in values: C, atMost bound: Int) -> Int
where C.Element == Int, C.Index == Int {
    countOfPrefix(of: values) { $0 <= bound }
}
