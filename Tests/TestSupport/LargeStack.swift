import Foundation

/// Runs `body` on a thread with the stack `render` checks notes on (`ParallelMap.stackSize`,
/// 64 MiB) and returns its result. A test of reading as deep as Derive reads (400 levels of a
/// debug build's frames) ran on the test runner's thread, whose stack it once overflowed.
public func onRenderStack<Result: Sendable>(_ body: @escaping @Sendable () -> Result) -> Result {
    let box = ResultBox<Result>()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        box.result = body()
        done.signal()
    }
    thread.stackSize = 64 << 20
    thread.start()
    done.wait()
    return box.result!
}

/// The result of `onRenderStack`'s thread, read after the thread signals it is done.
private final class ResultBox<Result>: @unchecked Sendable {
    var result: Result?
}
