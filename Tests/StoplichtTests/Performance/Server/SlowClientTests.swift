import Foundation
import Testing
import Vapor

@testable import Stoplicht

/// A client that sends its head or its body too slowly is answered 408 in Dutch and cut off
/// (`RequestPace`); one that keeps pace is not. Short limits from the settings: a head within
/// 2 s, a body at 1 kB/s after a grace of 1 s.
@Suite struct SlowClientTests {
    func withShortLimits(_ test: (Int) async throws -> Void) async throws {
        try await withStoplicht(
            onDisk: true,
            adjust: { settings in
                settings.headTimeoutSeconds = 2
                settings.bodyGraceSeconds = 1
                settings.bodyMinimumRate = 1024
            }
        ) { app in
            try await withRunningServer(app, test)
        }
    }

    @Test func theLimitsComeFromTheEnvironment() {
        let plain = Settings.fromEnvironment([:])
        #expect(plain.headTimeoutSeconds == 10 && plain.bodyGraceSeconds == 10 && plain.bodyMinimumRate == 1024)
        let set = Settings.fromEnvironment([
            "STOPLICHT_HEAD_TIMEOUT": "20", "STOPLICHT_BODY_GRACE": "30", "STOPLICHT_BODY_MIN_RATE": "512",
        ])
        #expect(set.headTimeoutSeconds == 20 && set.bodyGraceSeconds == 30 && set.bodyMinimumRate == 512)
        let nonsense = Settings.fromEnvironment([
            "STOPLICHT_HEAD_TIMEOUT": "0", "STOPLICHT_BODY_GRACE": "-1", "STOPLICHT_BODY_MIN_RATE": "snel",
        ])
        #expect(
            nonsense.headTimeoutSeconds == 10 && nonsense.bodyGraceSeconds == 10 && nonsense.bodyMinimumRate == 1024)
    }

    @Test func aHeadSentAByteASecondIsCutOffAtItsDeadline() async throws {
        try await withShortLimits { port in
            let head = Array("GET /inloggen HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n\r\n".utf8).map { [$0] }
            let reply = try await RawHTTP.offThePool { try RawHTTP.trickle(port: port, head, every: 1, limit: 10) }
            let answer = try #require(RawHTTP.answers(in: reply.answer).first, "no answer after \(reply.seconds) s")
            #expect(answer.status == "HTTP/1.1 408 Request Timeout")
            #expect(answer.body.contains("De aanvraag kwam te langzaam binnen"))
            #expect(answer.headers["connection"] == "close" && answer.headers["content-security-policy"] != nil)
            #expect(reply.closed && reply.seconds >= 1.9 && reply.seconds < 6, "cut off after \(reply.seconds) s")
            #expect(reply.sent < head.count)
        }
    }

    @Test func aBodyTrickledBelowTheRateIsCutOff() async throws {
        try await withShortLimits { port in
            let form = "email=a%40b.nl&wachtwoord=" + String(repeating: "x", count: 4000)
            let head = Array(
                "POST /inloggen HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: \(form.utf8.count)\r\n\r\n"
                    .utf8)
            // 100 bytes every 0.25 s: 400 bytes a second.
            let body = Array(form.utf8)
            let pieces =
                [head] + stride(from: 0, to: body.count, by: 100).map { Array(body[$0..<min(body.count, $0 + 100)]) }
            let reply = try await RawHTTP.offThePool { try RawHTTP.trickle(port: port, pieces, every: 0.25, limit: 10) }
            let answer = try #require(RawHTTP.answers(in: reply.answer).first, "no answer after \(reply.seconds) s")
            #expect(answer.status == "HTTP/1.1 408 Request Timeout")
            #expect(reply.closed && reply.seconds < 6, "cut off after \(reply.seconds) s")
            #expect(reply.sent < head.count + body.count)
        }
    }

    @Test func aClientThatKeepsPaceIsAnswered() async throws {
        try await withShortLimits { port in
            // At once: answered as always.
            let page = try await RawHTTP.exchange(
                port: port,
                "GET /inloggen HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n")
            #expect(page.first?.status == "HTTP/1.1 200 OK")
            // A head in two parts a second apart, then a body of 4 kB at 2 kB a second (above
            // the rate, past the grace): the form's own answer (no token: 403), not a 408.
            let form = "email=a%40b.nl&wachtwoord=" + String(repeating: "x", count: 4000)
            let head =
                "POST /inloggen HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            let rest = "Content-Length: \(form.utf8.count)\r\nConnection: close\r\n\r\n"
            let body = Array(form.utf8)
            let pieces =
                [Array(head.utf8), Array(rest.utf8)]
                + stride(from: 0, to: body.count, by: 1000).map { Array(body[$0..<min(body.count, $0 + 1000)]) }
            let reply = try await RawHTTP.offThePool { try RawHTTP.trickle(port: port, pieces, every: 0.5, limit: 10) }
            let answer = try #require(RawHTTP.answers(in: reply.answer).first, "no answer after \(reply.seconds) s")
            #expect(answer.status == "HTTP/1.1 403 Forbidden")
            #expect(reply.sent == head.utf8.count + rest.utf8.count + body.count)
        }
    }
}
