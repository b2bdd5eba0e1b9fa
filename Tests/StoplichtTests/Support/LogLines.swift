import Logging
import NIOConcurrencyHelpers

/// Collects what is logged through `logger`, to check what reaches the log.
final class LogLines: Sendable {
    private let collected = NIOLockedValueBox<[String]>([])

    var lines: [String] { collected.withLockedValue { $0 } }

    var logger: Logger {
        Logger(label: "stoplicht.test") { _ in Handler(lines: self) }
    }

    struct Handler: LogHandler {
        let lines: LogLines
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let line = "\(event.level): \(event.message)"
            lines.collected.withLockedValue { $0.append(line) }
        }
    }
}
