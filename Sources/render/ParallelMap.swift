import Foundation

/// Runs work items on a fixed set of threads, one per core, and returns results in order.
///
/// Threads are created with a large stack (64 MiB): notes are trees, and deeply nested
/// Markdown or TeX recurses (both are also capped, with a diagnostic, well before that).
enum ParallelMap {
    static let stackSize = 64 << 20

    static func map<T: Sendable>(count: Int, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                                 _ work: @escaping @Sendable (Int) -> T) -> [T]
    {
        let results = ResultSlots<T>(count: count)
        let workers = max(1, min(threads, count))
        let done = DispatchGroup()
        for _ in 0..<workers {
            done.enter()
            let thread = Thread {
                while let index = results.claimNext() {
                    results.store(work(index), at: index)
                }
                done.leave()
            }
            thread.stackSize = stackSize
            thread.start()
        }
        done.wait()
        return results.collected()
    }
}

/// The shared state of a `ParallelMap` run: the next index to take and the results so far.
private final class ResultSlots<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var slots: [T?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func claimNext() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < slots.count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ value: T, at index: Int) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    func collected() -> [T] {
        lock.lock()
        defer { lock.unlock() }
        // Each result is moved out of its slot, not copied.
        var results: [T] = []
        results.reserveCapacity(slots.count)
        for index in slots.indices {
            if let value = slots[index].take() { results.append(value) }
        }
        return results
    }
}
