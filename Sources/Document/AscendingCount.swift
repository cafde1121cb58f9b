/// How many elements of the ascending `values` are `<= bound`, by binary search: the one search
/// by which a byte offset is placed among line starts or continuation bytes (`Math`,
/// `SourceText`, `ContentLocator`), so that locating many formulas on one line stays linear,
/// and a line among the first lines of a note's sections (`Sections`).
public func countOfElements<C: RandomAccessCollection>(in values: C, atMost bound: Int) -> Int
where C.Element == Int, C.Index == Int {
    var low = values.startIndex
    var high = values.endIndex
    while low < high {
        let middle = (low + high) / 2
        if values[middle] <= bound { low = middle + 1 } else { high = middle }
    }
    return low - values.startIndex
}
