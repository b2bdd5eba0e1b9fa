import Testing
import Vapor

@testable import Stoplicht

/// Behind a reverse proxy the peer is the proxy; the audit trail and the login throttle want
/// the client, and only a trusted proxy's word for it counts.
@Suite struct ClientAddressTests {
    @Test func onlyATrustedProxysForwardedAddressIsBelieved() {
        let proxy: Set<String> = ["10.0.0.2"]
        #expect(
            ClientAddress.resolve(peer: "198.51.100.4", forwardedFor: ["203.0.113.7"], trusted: []) == "198.51.100.4")
        #expect(
            ClientAddress.resolve(peer: "198.51.100.4", forwardedFor: ["203.0.113.7"], trusted: proxy) == "198.51.100.4"
        )
        #expect(ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: ["203.0.113.7"], trusted: proxy) == "203.0.113.7")
        // A client's own X-Forwarded-For is left of what the proxy added.
        #expect(
            ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: ["1.2.3.4, 203.0.113.7"], trusted: proxy)
                == "203.0.113.7")
        #expect(
            ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: ["1.2.3.4", "2001:db8::1"], trusted: proxy)
                == "2001:db8::1")
        // Two proxies in a row: the nearest hop neither of them.
        #expect(
            ClientAddress.resolve(
                peer: "10.0.0.2", forwardedFor: ["203.0.113.7, 10.0.0.3"], trusted: ["10.0.0.2", "10.0.0.3"])
                == "203.0.113.7")
        // Junk is not written into the audit trail.
        #expect(ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: ["<script>"], trusted: proxy) == "10.0.0.2")
        #expect(ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: [], trusted: proxy) == "10.0.0.2")
        #expect(
            Settings.fromEnvironment(["STOPLICHT_TRUSTED_PROXIES": " 10.0.0.2, ::1 ,"]).trustedProxies == [
                "10.0.0.2", "::1",
            ])
    }

    @Test func aRequestThroughTheProxyIsTheClients() async throws {
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        do {
            try await configure(app, settings: Settings(database: .sqliteMemory, trustedProxies: ["127.0.0.1"]))
            app.get("test-adres") { req in req.clientAddress ?? "-" }
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            let port = try #require(app.stoplichtServer?.localAddress?.port)
            let request =
                "GET /test-adres HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: 203.0.113.7\r\nConnection: close\r\n\r\n"
            let exchange = try await RawHTTP.offThePool {
                try RawHTTP.converse(port: port, request: request, limit: 20)
            }
            let answers = RawHTTP.answers(in: exchange.answer)
            #expect(answers.count == 1 && answers.first?.body == "203.0.113.7")
            await app.server.shutdown()
        } catch {
            await app.server.shutdown()
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
