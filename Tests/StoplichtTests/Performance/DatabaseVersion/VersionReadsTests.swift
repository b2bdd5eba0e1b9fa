import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Testing

@testable import Stoplicht

/// The requests of an event loop share version reads, but never one begun before they asked.
@Suite struct VersionReadsTests {
    struct Refused: Error {}

    /// A read the test answers by hand.
    final class Database: Sendable {
        let loop: any EventLoop
        let started = NIOLockedValueBox<[EventLoopPromise<String?>]>([])

        init(loop: any EventLoop) { self.loop = loop }

        func read() -> EventLoopFuture<String?> {
            let promise = loop.makePromise(of: String?.self)
            started.withLockedValue { $0.append(promise) }
            return promise.futureResult
        }

        var reads: Int { started.withLockedValue { $0.count } }
        func answer(_ read: Int, _ version: String) { started.withLockedValue { $0[read] }.succeed(version) }
        func fail(_ read: Int) { started.withLockedValue { $0[read] }.fail(Refused()) }
    }

    @Test func requestsThatAskDuringAReadShareTheNextOne() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let loop = group.next()
        let database = Database(loop: loop)
        let reads = VersionReads(loop: loop) { database.read() }

        // Three requests ask in one go: the first starts a read, the others wait for the next.
        let (first, second, third) = try await loop.submit { (reads.next(), reads.next(), reads.next()) }.get()
        #expect(database.reads == 1)
        // A commit lands now, acknowledged before the second and third asked for all they know:
        // the read under way may not have seen it, so they do not get its answer.
        database.answer(0, "7")
        #expect(try await first.get() == "7")
        try await loop.submit {}.get()
        #expect(database.reads == 2)
        database.answer(1, "8")
        #expect(try await second.get() == "8")
        #expect(try await third.get() == "8")

        // Asked from outside the loop, and a read that fails: nil, as if nothing were kept.
        let fourth = reads.next()
        try await loop.submit {}.get()
        #expect(database.reads == 3)
        database.fail(2)
        #expect(try await fourth.get() == nil)

        // With no read under way a request starts its own at once.
        let fifth = reads.next()
        try await loop.submit {}.get()
        #expect(database.reads == 4)
        database.answer(3, "9")
        #expect(try await fifth.get() == "9")
        try await group.shutdownGracefully()
    }
}

/// When a page has to be made, those who ask for it meanwhile wait for that one making.
@Suite struct SharedRendersTests {
    struct Broken: Error {}

    @Test func oneMakesThePageAndTheOthersWaitForIt() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let loop = group.next()
        let renders = SingleFlight()
        guard case .render(let promise) = renders.join("a", on: loop) else {
            Issue.record("the first asks to make it")
            return
        }
        guard case .wait(let underway) = renders.join("a", on: loop) else {
            Issue.record("the second waits")
            return
        }
        #expect(renders.waiting(for: "a") == 1)
        // Another page, or the same at another version, is made beside it.
        guard case .render(let other) = renders.join("b", on: loop) else {
            Issue.record("another page is its own")
            return
        }
        renders.finish("a", promise, .success(ByteBuffer(string: "<p>gemaakt</p>")))
        #expect(String(buffer: try await underway.get()) == "<p>gemaakt</p>")
        #expect(renders.waiting(for: "a") == nil)
        // Once made (and kept), a page that has to be made again is made anew.
        guard case .render(let again) = renders.join("a", on: loop) else {
            Issue.record("made anew")
            return
        }
        renders.finish("a", again, .success(ByteBuffer()))
        // A making that fails fails for those who waited too.
        guard case .wait(let failing) = renders.join("b", on: loop) else {
            Issue.record("waits for b")
            return
        }
        renders.finish("b", other, .failure(Broken()))
        await #expect(throws: Broken.self) { try await failing.get() }
        try await group.shutdownGracefully()
    }
}
