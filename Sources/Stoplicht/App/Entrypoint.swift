import Foundation
import Logging
import Vapor

/// Starts the `stoplicht` executable: picks the database from the environment (a fresh
/// demo file for `demo`), runs the command, and reports failures in Dutch.
public enum Entrypoint {
    public static func main() async {
        // Before the server starts its threads; MALLOC_ARENA_MAX in the environment still decides.
        if ProcessInfo.processInfo.environment["MALLOC_ARENA_MAX"] == nil {
            MallocArenas.limit(to: Int32(max(2, System.coreCount)))
        }
        var env: Environment
        do { env = try Environment.detect() } catch { fail("Onbekende omgeving: \(error)") }
        // Read once: Vapor makes a logger for every request, and reading the environment
        // each time cost a quarter of a simple request's time.
        let level = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let isDemo = env.arguments.dropFirst().first == "demo"
        let settings = Settings.fromEnvironment(demo: isDemo)
        if isDemo, case .sqliteFile(let path) = settings.database {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let app: Application
        do { app = try await Application.make(env) } catch { fail("Stoplicht kan niet starten: \(error)") }
        do {
            try await configure(app, settings: settings)
            try await app.execute()
        } catch {
            try? await app.asyncShutdown()
            fail(message(for: error))
        }
        try? await app.asyncShutdown()
    }

    static func message(for error: any Error) -> String {
        if let error = error as? InputError { return error.message }
        if let error = error as? any AbortError { return error.reason }
        let description = String(reflecting: error)
        if description.contains("Address already in use") {
            return "Het adres of de poort is al in gebruik door een ander programma; kies een andere poort met --port."
        }
        if description.contains("Connection refused") || description.contains("connectionRefused")
            || description.contains("PSQLError")
        {
            return "De database is niet bereikbaar (\(description)). Controleer DATABASE_URL en of PostgreSQL draait."
        }
        return "Stoplicht stopte door een fout: \(description)"
    }

    private static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("stoplicht: \(message)\n".utf8))
        exit(1)
    }
}
