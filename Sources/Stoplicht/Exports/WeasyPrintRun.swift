import Foundation
import NIOConcurrencyHelpers

#if canImport(Glibc)
    import Glibc
#endif

/// One WeasyPrint process, stopped when it runs past its deadline or when the task waiting
/// for it is cancelled (its reader left).
final class WeasyPrintRun: @unchecked Sendable {
    enum Ending: Sendable, CustomStringConvertible {
        case exited(Int32)
        /// Killed at the deadline.
        case stopped

        var description: String {
            switch self {
            case .exited(let status): "status \(status)"
            case .stopped: "gestopt na de tijdslimiet"
            }
        }
    }

    // The process is only touched under `lock`: started once, killed at most once.
    private let process = Process()
    private let lock = NIOLock()
    private var timedOut = false
    private var cancelled = false

    /// `environment` is all the process gets; it runs in `directory`.
    init(executable: String, arguments: [String], environment: [String: String], directory: URL, errors: FileHandle) {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
    }

    /// Runs the process to its end, or stops it after `seconds`; a cancelled task stops it
    /// at once and throws `CancellationError`.
    func wait(seconds: Int) async throws -> Ending {
        try Task.checkCancellation()
        let timer = deadline(seconds: seconds)
        defer { timer.cancel() }
        let status: Int32 = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
                do {
                    try lock.withLock {
                        // Cancelled before it started: it never starts.
                        guard !cancelled else { throw CancellationError() }
                        try process.run()
                    }
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        } onCancel: {
            lock.withLock {
                cancelled = true
                stop()
            }
        }
        if lock.withLock({ cancelled }) { throw CancellationError() }
        return lock.withLock { timedOut } ? .stopped : .exited(status)
    }

    /// After `seconds` a process still running is killed.
    private func deadline(seconds: Int) -> Task<Void, Never> {
        Task { [self] in
            try? await Task.sleep(for: .seconds(seconds))
            guard !Task.isCancelled else { return }
            lock.withLock {
                guard process.isRunning else { return }
                timedOut = true
                stop()
            }
        }
    }

    /// Under `lock`. SIGKILL, not Process.terminate()'s SIGTERM: `serve` ignores SIGTERM to shut
    /// down gracefully (Vapor's ServeCommand), a child inherits ignored signals, and a hung
    /// renderer need not act on it.
    private func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
    }
}
