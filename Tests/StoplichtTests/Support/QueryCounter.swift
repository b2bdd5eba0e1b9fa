import Foundation
import Logging
import NIOConcurrencyHelpers
import Vapor

/// Counts the SQL statements a request runs: the database drivers log each one at debug
/// level with the request's id, which this log handler collects.
final class QueryCounter: Sendable {
    private let queries = NIOLockedValueBox<[String: Int]>([:])

    func count(for requestID: String) -> Int {
        queries.withLockedValue { $0[requestID] ?? 0 }
    }

    func record(requestID: String) {
        queries.withLockedValue { $0[requestID, default: 0] += 1 }
    }

    /// Installs the counter as the application's logger.
    func install(on app: Application) {
        app.logger = Logger(label: "stoplicht.test") { _ in Handler(counter: self) }
    }

    struct Handler: LogHandler {
        let counter: QueryCounter
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .debug

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            guard event.message.description == "Executing query" else { return }
            let merged = self.metadata.merging(event.metadata ?? [:]) { $1 }
            if case .string(let id)? = merged["request-id"] { counter.record(requestID: id) }
        }
    }
}
