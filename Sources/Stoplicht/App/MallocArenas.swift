import Foundation

/// glibc's allocator gives threads that allocate at once arenas of their own, up to eight per
/// core, and memory freed in one arena is not used for another thread's allocations: the Word,
/// OpenDocument and Excel files made on the thread pool's threads left their pages spread
/// over many arenas, and the server's peak moved from run to run (89 to 104 MB for
/// 100-project documents at 16 readers). An arena per core (at least two) keeps the peak
/// down; a cached page's CPU time is the same with 2 arenas as with 16 (docs/performance-log.md).
enum MallocArenas {
    static func limit(to count: Int32) {
        #if canImport(Glibc)
            // mallopt and M_ARENA_MAX (-8, from malloc.h) are not in Swift's Glibc module.
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
            let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
            _ = mallopt(-8, count)
        #endif
    }
}
