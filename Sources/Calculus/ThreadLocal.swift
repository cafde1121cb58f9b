import Foundation

/// Objects each thread has its own of: the caches of what formulas make (TeX's `RepeatTable`,
/// `SharedDerivatives`), which the parallel note workers would otherwise share. Shared, every
/// cached tree's reference count is written from both cores, and its cache line moves between
/// them at each retain and release: a run of 1000 notes took longer with one shared cache than
/// with none.
public enum ThreadLocal {
    /// The current thread's object under `key`, made by `make` the first time it is asked for.
    /// It lives as long as the thread.
    public static func object<T: AnyObject>(_ key: String, make: () -> T) -> T {
        let objects = Thread.current.threadDictionary
        if let known = objects[key] as? T { return known }
        let made = make()
        objects[key] = made
        return made
    }
}
