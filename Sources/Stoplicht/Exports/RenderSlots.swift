/// A counting semaphore for async work: at most `count` holders at once, the rest wait in
/// the order they came. A reader's work is refused at once (`Full`) when `readersWaitingAtMost`
/// wait already, instead of adding to a queue no reader would sit out; other work (publication,
/// the command line) waits its turn whatever the queue. A waiter whose task is cancelled
/// leaves the queue.
actor RenderSlots {
    /// Every slot is taken and the queue is full.
    struct Full: Error {}

    private var free: Int
    private let readersWaitingAtMost: Int
    private var waiting: [(id: UInt64, continuation: CheckedContinuation<Void, any Error>)] = []
    private var nextID: UInt64 = 0

    init(count: Int, readersWaitingAtMost: Int = .max) {
        free = count
        self.readersWaitingAtMost = readersWaitingAtMost
    }

    /// How many wait for a slot now.
    var waitingCount: Int { waiting.count }

    private func acquire(forReader: Bool) async throws {
        try Task.checkCancellation()
        if free > 0 {
            free -= 1
            return
        }
        guard !forReader || waiting.count < readersWaitingAtMost else { throw Full() }
        nextID += 1
        let id = nextID
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                if Task.isCancelled {
                    continuation.resume(throwing: CancellationError())
                } else {
                    waiting.append((id, continuation))
                }
            }
        } onCancel: {
            Task { await self.leave(id) }
        }
    }

    /// A waiter that was cancelled before its turn came.
    private func leave(_ id: UInt64) {
        guard let index = waiting.firstIndex(where: { $0.id == id }) else { return }
        waiting.remove(at: index).continuation.resume(throwing: CancellationError())
    }

    /// `work` in a slot, waiting for one first (`forReader`: unless the readers' queue is full).
    nonisolated func holding<T>(forReader: Bool = false, _ work: () async throws -> T) async throws -> T {
        try await acquire(forReader: forReader)
        do {
            let result = try await work()
            await release()
            return result
        } catch {
            await release()
            throw error
        }
    }

    /// Hands the slot to the first who waits, or frees it.
    private func release() {
        if waiting.isEmpty {
            free += 1
        } else {
            waiting.removeFirst().continuation.resume()
        }
    }
}
