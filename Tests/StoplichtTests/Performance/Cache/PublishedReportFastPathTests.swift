import Fluent
import NIOHTTP1
import Testing
import Vapor

@testable import Stoplicht

/// A kept published report is answered by the server's connection itself, without a Vapor
/// `Request` (`PublishedReportFastPath`): with the same status, headers and bytes as the route,
/// and only where the route would answer so too.
@Suite struct PublishedReportFastPathTests {
    static let path = "/programmas/dienstverlening/perioden/juni-t-m-oktober-2018"

    func publish(_ app: Application) async throws -> PublishedReport {
        let (_, period) = try await PeriodPublication.find(programme: "dienstverlening", period: nil, on: app.db)
        return try await PeriodPublication.publish(
            programme: "dienstverlening", period: period, actor: "test", settings: app.settings, on: app.db)
    }

    func request(_ method: String = "GET", _ path: String = Self.path, _ extra: String = "") -> String {
        "\(method) \(path) HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n\(extra)Connection: close\r\n\r\n"
    }

    /// The early answer for `head`, if the connection would give one.
    func early(_ app: Application, _ head: HTTPRequestHead) async throws -> FastPathResponse? {
        guard
            let answer = PublishedReportFastPath(application: app)?.answer(
                head, peer: nil, on: app.eventLoopGroup.any())
        else { return nil }
        return try await answer.get()
    }

    func head(_ uri: String = Self.path, method: HTTPMethod = .GET, headers: HTTPHeaders = ["Host": "localhost"])
        -> HTTPRequestHead
    {
        HTTPRequestHead(version: .http1_1, method: method, uri: uri, headers: headers)
    }

    @Test func aKeptReportIsAnsweredAsTheRouteAnswersIt() async throws {
        try await withStoplicht(seeded: true, onDisk: true) { app in
            let snapshot = try await publish(app)
            try await withRunningServer(app) { port in
                #expect(try await early(app, head()) == nil, "nothing kept before the route has answered")
                let byRoute = try #require(try await RawHTTP.exchange(port: port, request()).first)
                let kept = try #require(try await early(app, head()), "kept once the route has answered")
                #expect(kept.status == .ok && kept.body.map { String(buffer: $0) } == snapshot.html)

                let byServer = try #require(try await RawHTTP.exchange(port: port, request()).first)
                #expect(byRoute.status == "HTTP/1.1 200 OK" && byServer.status == byRoute.status)
                #expect(byRoute.body == snapshot.html && byServer.body == snapshot.html)
                var routeHeaders = byRoute.headers
                var serverHeaders = byServer.headers
                #expect(routeHeaders["date"] != nil && serverHeaders["date"] != nil)
                routeHeaders["date"] = nil
                serverHeaders["date"] = nil
                #expect(serverHeaders == routeHeaders)
                #expect(serverHeaders["content-security-policy"]?.contains("frame-ancestors") == true)
                #expect(serverHeaders["etag"] == "\"\(snapshot.sha256)\"")
                routeHeaders["connection"] = nil
                let keptHeaders = Dictionary(
                    kept.headers.map { ($0.name.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
                #expect(keptHeaders == routeHeaders)

                let headOnly = try #require(try await RawHTTP.exchange(port: port, request("HEAD")).first)
                #expect(headOnly.status == "HTTP/1.1 200 OK" && headOnly.body.isEmpty)
                #expect(headOnly.headers["content-length"] == String(snapshot.html.utf8.count))

                let unchanged = try #require(
                    try await RawHTTP.exchange(
                        port: port, request("GET", Self.path, "If-None-Match: \"\(snapshot.sha256)\"\r\n")
                    ).first)
                #expect(unchanged.status == "HTTP/1.1 304 Not Modified" && unchanged.body.isEmpty)
                #expect(unchanged.headers["etag"] == "\"\(snapshot.sha256)\"")
            }
        }
    }

    @Test func whatItCannotAnswerExactlyIsLeftToTheRoute() async throws {
        try await withStoplicht(seeded: true, onDisk: true) { app in
            _ = try await publish(app)
            try await withRunningServer(app) { port in
                _ = try await RawHTTP.exchange(port: port, request())
                #expect(try await early(app, head()) != nil)
                // A query, a session, credentials, a body or another method, an address
                // written otherwise, another page: the route's.
                for other in [
                    head(Self.path + "?afdrukken=1"), head(Self.path + "/"),
                    head("/programmas/dienstverlening/perioden/juni%2Dt-m-oktober-2018"),
                    head(method: .POST),
                    head(headers: ["Host": "localhost", "Cookie": "\(SessionCookies.session)=iets"]),
                    head(headers: ["Host": "localhost", "Authorization": "Bearer iets"]),
                    head(headers: ["Host": "localhost", "Content-Length": "0"]),
                    head("/programmas/dienstverlening/perioden/februari-t-m-mei-2018"),
                    head("/programmas/dienstverlening"),
                ] {
                    #expect(try await early(app, other) == nil, "\(other.method) \(other.uri) \(other.headers)")
                }
                // A closed programme is a change: nothing is answered early until the route has
                // asked again, and the route refuses the anonymous reader.
                try await Programme.query(on: app.db).filter(\.$slug == "dienstverlening").set(\.$access, to: .closed)
                    .update()
                #expect(try await early(app, head()) == nil)
                let refused = try #require(try await RawHTTP.exchange(port: port, request()).first)
                #expect(refused.status.hasPrefix("HTTP/1.1 303"), "\(refused.status)")
                #expect(try await early(app, head()) == nil)
                #expect(
                    !(try await RawHTTP.exchange(port: port, request()).first?.body.contains("mijnoverheid") ?? true))
            }
        }
    }
}
