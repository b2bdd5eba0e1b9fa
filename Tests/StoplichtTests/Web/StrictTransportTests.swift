import Foundation
import Testing
import Vapor

@testable import Stoplicht

/// Strict-Transport-Security goes out when a trusted reverse proxy says the request came over
/// HTTPS, on the routes' answers and on the server's early answer of a kept published report
/// alike (`SecurityHeadersMiddleware.applyTransport`); not on anyone else's word, not over plain HTTP.
@Suite struct StrictTransportTests {
    static let hsts = "max-age=31536000; includeSubDomains"

    func get(_ path: String, proto: String?) -> String {
        "GET \(path) HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
            + (proto.map { "X-Forwarded-Proto: \($0)\r\n" } ?? "") + "Connection: close\r\n\r\n"
    }

    func headers(port: Int, _ path: String = "/inloggen", proto: String?) async throws -> [String: String] {
        try #require(try await RawHTTP.exchange(port: port, get(path, proto: proto)).first).headers
    }

    @Test func aTrustedProxySayingHTTPSGetsTheHeader() async throws {
        try await withStoplicht(seeded: true, onDisk: true, adjust: { $0.trustedProxies = ["127.0.0.1"] }) { app in
            let (_, period) = try await PeriodPublication.find(programme: "dienstverlening", period: nil, on: app.db)
            _ = try await PeriodPublication.publish(
                programme: "dienstverlening", period: period, actor: "test", settings: app.settings, on: app.db)
            try await withRunningServer(app) { port in
                #expect(try await headers(port: port, proto: "https")["strict-transport-security"] == Self.hsts)
                #expect(try await headers(port: port, proto: "http")["strict-transport-security"] == nil)
                #expect(try await headers(port: port, proto: nil)["strict-transport-security"] == nil)
                // A published report: the route's answer, then the server's own (kept), both with it.
                let report = "/programmas/dienstverlening/perioden/juni-t-m-oktober-2018"
                let first = try await headers(port: port, report, proto: "https")
                let second = try await headers(port: port, report, proto: "https")
                #expect(
                    first["strict-transport-security"] == Self.hsts && second["strict-transport-security"] == Self.hsts)
                #expect(first["etag"] != nil && first["etag"] == second["etag"])
                #expect(try await headers(port: port, report, proto: nil)["strict-transport-security"] == nil)
            }
        }
    }

    @Test func anUntrustedAddressSayingHTTPSGetsNone() async throws {
        try await withStoplicht(onDisk: true, adjust: { $0.trustedProxies = ["10.0.0.1"] }) { app in
            try await withRunningServer(app) { port in
                let answered = try await headers(port: port, proto: "https")
                #expect(answered["strict-transport-security"] == nil && answered["content-security-policy"] != nil)
            }
        }
    }

    @Test func theNearestProxysWordCounts() {
        let trusted: Set<String> = ["127.0.0.1"]
        #expect(ClientAddress.cameOverHTTPS(peer: "127.0.0.1", forwardedProto: ["https"], trusted: trusted))
        #expect(ClientAddress.cameOverHTTPS(peer: "127.0.0.1", forwardedProto: ["HTTPS "], trusted: trusted))
        #expect(!ClientAddress.cameOverHTTPS(peer: "127.0.0.1", forwardedProto: ["https, http"], trusted: trusted))
        #expect(!ClientAddress.cameOverHTTPS(peer: "192.0.2.7", forwardedProto: ["https"], trusted: trusted))
        #expect(!ClientAddress.cameOverHTTPS(peer: nil, forwardedProto: ["https"], trusted: trusted))
        #expect(!ClientAddress.cameOverHTTPS(peer: "127.0.0.1", forwardedProto: [], trusted: trusted))
    }
}
