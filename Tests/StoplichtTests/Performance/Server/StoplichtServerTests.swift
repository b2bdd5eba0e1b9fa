import Testing
import Vapor

@testable import Stoplicht

/// Stoplicht's own HTTP/1.1 server (`StoplichtServer`, `HTTPConnection`): what a client on a
/// plain socket meets, where Vapor's server used to answer.
@Suite struct StoplichtServerTests {
    func get(_ path: String, close: Bool = false, method: String = "GET") -> String {
        "\(method) \(path) HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
            + (close ? "Connection: close\r\n" : "") + "\r\n"
    }

    @Test func requestsSentBackToBackAreAnsweredInTurn() async throws {
        try await withStoplicht(seeded: true, onDisk: true) { app in
            let report = "/programmas/dienstverlening/perioden/juni-t-m-oktober-2018"
            let (_, period) = try await PeriodPublication.find(programme: "dienstverlening", period: nil, on: app.db)
            let snapshot = try await PeriodPublication.publish(
                programme: "dienstverlening", period: period, actor: "test", settings: app.settings, on: app.db)
            try await withRunningServer(app) { port in
                // The second report is answered early, the rest by the routes: all on one
                // connection, sent at once, answered in the order asked.
                let all = [
                    get(report), get(report), get("/css/stoplicht.css"), get("/nergens"), get("/inloggen", close: true),
                ].joined()
                let answers = try await RawHTTP.exchange(port: port, all)
                #expect(
                    answers.map(\.status) == [
                        "HTTP/1.1 200 OK", "HTTP/1.1 200 OK", "HTTP/1.1 200 OK", "HTTP/1.1 404 Not Found",
                        "HTTP/1.1 200 OK",
                    ])
                guard answers.count == 5 else { return }
                #expect(answers[0].body == snapshot.html && answers[1].body == snapshot.html)
                #expect(answers[2].headers["content-type"]?.hasPrefix("text/css") == true)
                #expect(answers[3].body.contains(Strings.notFoundTitle))
                #expect(answers[4].body.contains("Inloggen"))
                #expect(answers.dropLast().allSatisfy { $0.headers["connection"] == "keep-alive" })
                #expect(answers[4].headers["connection"] == "close")
            }
        }
    }

    @Test func aHeadRequestGetsTheHeadAlone() async throws {
        try await withStoplicht(onDisk: true) { app in
            try await withRunningServer(app) { port in
                let full = try #require(try await RawHTTP.exchange(port: port, get("/inloggen", close: true)).first)
                let head = try #require(
                    try await RawHTTP.exchange(port: port, get("/inloggen", close: true, method: "HEAD")).first)
                #expect(head.status == "HTTP/1.1 200 OK" && head.body.isEmpty && !full.body.isEmpty)
                #expect(head.headers["content-length"] == full.headers["content-length"])
                #expect(head.headers["content-security-policy"] == full.headers["content-security-policy"])
            }
        }
    }

    @Test func aBodyOverItsRoutesLimitIsRefusedInDutchAndEndsTheConnection() async throws {
        try await withStoplicht(onDisk: true) { app in
            try await withRunningServer(app) { port in
                let form = String(repeating: "a", count: 20 * 1024)
                let declared =
                    "POST /inloggen HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: \(form.utf8.count)\r\n\r\n" + form + get("/inloggen")
                let refused = try await RawHTTP.exchange(port: port, declared)
                #expect(refused.count == 1, "the request after it is not read")
                #expect(refused.first?.status == "HTTP/1.1 413 Payload Too Large")
                #expect(refused.first?.headers["connection"] == "close")
                #expect(refused.first?.body.contains("hoogstens 16 kB") == true)
                #expect(refused.first?.headers["content-security-policy"] != nil)

                // Sent in chunks, without a length: refused once the bytes pass the limit.
                let chunk = String(repeating: "b", count: 8 * 1024)
                let chunked =
                    "POST /inloggen HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + String(repeating: "2000\r\n\(chunk)\r\n", count: 3) + "0\r\n\r\n"
                let alsoRefused = try await RawHTTP.exchange(port: port, chunked)
                #expect(alsoRefused.first?.status == "HTTP/1.1 413 Payload Too Large")

                // An API client gets problem JSON.
                let api =
                    "POST /api/v1/programmas HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: \(64 * 1024 * 1024)\r\n\r\n"
                let problem = try #require(try await RawHTTP.exchange(port: port, api).first)
                #expect(problem.status == "HTTP/1.1 413 Payload Too Large")
                #expect(problem.headers["content-type"]?.hasPrefix("application/problem+json") == true)

                // The import takes files far larger than a form: not refused for its size
                // (but, without a login, sent to log in).
                let upload = String(repeating: "c", count: 200 * 1024)
                let imported =
                    "POST /importeren HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: \(upload.utf8.count)\r\nConnection: close\r\n\r\n" + upload
                let answered = try #require(try await RawHTTP.exchange(port: port, imported).first)
                #expect(!answered.status.contains("413"), "\(answered.status)")
            }
        }
    }

    @Test func itRefusesToStartWithWhatItDoesNotSpeak() async throws {
        try await withStoplicht { app in
            app.http.server.configuration.supportVersions = [.one, .two]
            await #expect(throws: StartRefused.self) {
                try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            }
        }
    }

    @Test func shuttingDownClosesAConnectionLeftOpen() async throws {
        try await withStoplicht(onDisk: true) { app in
            try await withRunningServer(app) { port in
                // A browser keeps its connection open after its answer; the server, stopping,
                // closes it rather than waiting out the idle timeout (five minutes).
                let answered = RawHTTP.Flag()
                async let kept = RawHTTP.offThePool {
                    try RawHTTP.converse(port: port, request: get("/inloggen"), limit: 60, answered: answered)
                }
                // The answer has come and the connection is left open: then the server stops
                // (waiting at most 10 s for the answer, a hundredth of a second at a time).
                for _ in 0..<1000 where !answered.isSet { try await Task.sleep(for: .milliseconds(10)) }
                #expect(answered.isSet, "no answer within 10 s")
                await app.server.shutdown()
                let reply = try await kept
                #expect(reply.closed, "closed by the server, not by the client's timeout")
                #expect(RawHTTP.answers(in: reply.answer).map(\.status) == ["HTTP/1.1 200 OK"])
            }
        }
    }
}
