import Testing
import Vapor

@testable import Stoplicht

/// A client that connects and then sends nothing is disconnected after the idle timeout,
/// so stalled connections cannot pile up. (Whether a request is answered in time depends on
/// the machine's load, and the server counts answering as idle, so that is not asserted here;
/// the timeout's default is minutes for that reason.)
@Suite struct IdleTimeoutTests {
    @Test func theTimeoutsComeFromTheEnvironment() {
        let plain = Settings.fromEnvironment([:])
        #expect(plain.idleTimeoutSeconds == 300 && plain.pdfTimeoutSeconds == 60)
        let set = Settings.fromEnvironment(["STOPLICHT_IDLE_TIMEOUT": "600", "STOPLICHT_PDF_TIMEOUT": "90"])
        #expect(set.idleTimeoutSeconds == 600 && set.pdfTimeoutSeconds == 90)
        let nonsense = Settings.fromEnvironment(["STOPLICHT_IDLE_TIMEOUT": "0", "STOPLICHT_PDF_TIMEOUT": "lang"])
        #expect(nonsense.idleTimeoutSeconds == 300 && nonsense.pdfTimeoutSeconds == 60)
    }

    @Test func anIdleConnectionIsClosed() async throws {
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        do {
            try await configure(app, settings: Settings(database: .sqliteMemory, idleTimeoutSeconds: 2))
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            let port = try #require(app.stoplichtServer?.localAddress?.port)

            let idle = try await RawHTTP.offThePool { try RawHTTP.converse(port: port, request: nil, limit: 20) }
            #expect(idle.closed && idle.answer.isEmpty)
            #expect(idle.seconds >= 1.9 && idle.seconds < 15, "closed after \(idle.seconds) s")

            await app.server.shutdown()
            try await app.asyncShutdown()
        } catch {
            await app.server.shutdown()
            try? await app.asyncShutdown()
            throw error
        }
    }
}
