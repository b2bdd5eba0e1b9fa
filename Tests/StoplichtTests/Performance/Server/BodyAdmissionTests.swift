import Foundation
import Testing
import Vapor

@testable import Stoplicht

/// A body larger than a form's is read only from someone who may send it, decided from the
/// head (`BodyAdmission`): everyone else is answered before the body comes, and an upload that
/// is let in goes to a temporary file (`BodySpool`), read back by the route (`UploadForm`).
/// Serialized: they look for the server's temporary files.
@Suite(.serialized) struct BodyAdmissionTests {
    static let sixtyMB = 60 * 1024 * 1024

    func uploadHead(_ path: String = "/importeren", length: Int = sixtyMB, cookie: String? = nil, extra: String = "")
        -> String
    {
        "POST \(path) HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nContent-Type: multipart/form-data; boundary=grens\r\n"
            + (cookie.map { "Cookie: \(SessionCookies.session)=\($0)\r\n" } ?? "") + extra
            + "Content-Length: \(length)\r\n\r\n"
    }

    /// The server's spooled uploads now.
    static func spooled() -> [String] {
        let directory = FileManager.default.temporaryDirectory.path
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter {
            $0.hasPrefix("stoplicht-upload-")
        }
    }

    @Test func anAnonymousUploadIsSentToLogInBeforeItsBodyIsRead() async throws {
        try await withStoplicht(seeded: true, onDisk: true) { app in
            try await withRunningServer(app) { port in
                // The head alone, saying 60 MB follow: today's answer to an anonymous upload
                // (to the login page), at once, and the connection ends.
                let reply = try await RawHTTP.offThePool {
                    try RawHTTP.converse(port: port, request: uploadHead(), limit: 10)
                }
                let answer = try #require(
                    RawHTTP.answers(in: reply.answer).first, "no answer within \(reply.seconds) s")
                #expect(answer.status == "HTTP/1.1 303 See Other")
                #expect(answer.headers["location"] == "/inloggen")
                #expect(answer.headers["connection"] == "close")
                #expect(answer.headers["content-security-policy"] != nil)
                #expect(reply.closed && reply.seconds < 3, "answered and closed after \(reply.seconds) s")

                // The same for a cookie that names no session, and for a body sent in chunks.
                let madeUp = try await RawHTTP.exchange(port: port, uploadHead(cookie: "verzonnen"), limit: 10)
                #expect(madeUp.first?.status == "HTTP/1.1 303 See Other")
                let chunked =
                    "POST /importeren HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nContent-Type: multipart/form-data; boundary=grens\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n"
                #expect(
                    try await RawHTTP.exchange(port: port, chunked, limit: 10).first?.status == "HTTP/1.1 303 See Other"
                )

                // The actuals upload: to log in too.
                let actuals = try await RawHTTP.exchange(
                    port: port, uploadHead("/programmas/dienstverlening/financien/realisatie"), limit: 10)
                #expect(actuals.first?.status == "HTTP/1.1 303 See Other")

                // An API write of 3 MB without a token, or with a made-up one: 401 problem JSON.
                let api =
                    "POST /api/v1/programmes/dienstverlening/periods HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: \(3 * 1024 * 1024)\r\n\r\n"
                let refused = try #require(try await RawHTTP.exchange(port: port, api, limit: 10).first)
                #expect(refused.status == "HTTP/1.1 401 Unauthorized")
                #expect(refused.headers["content-type"]?.hasPrefix("application/problem+json") == true)
                let token = api.replacingOccurrences(
                    of: "Host: localhost\r\n", with: "Host: localhost\r\nAuthorization: Bearer stl_verzonnen\r\n")
                #expect(
                    try await RawHTTP.exchange(port: port, token, limit: 10).first?.status
                        == "HTTP/1.1 401 Unauthorized")
                #expect(Self.spooled().isEmpty)
            }
        }
    }

    @Test func anAccountThatMayNotImportIsRefusedBeforeTheBody() async throws {
        try await withStoplicht(seeded: true, onDisk: true) { app in
            let reader = try await Browser.loggedIn(app, email: "lezer@gemeente.nl", administrator: false)
            try await withRunningServer(app) { port in
                let reply = try await RawHTTP.offThePool {
                    try RawHTTP.converse(port: port, request: uploadHead(cookie: reader.cookie), limit: 10)
                }
                let answer = try #require(
                    RawHTTP.answers(in: reply.answer).first, "no answer within \(reply.seconds) s")
                #expect(answer.status == "HTTP/1.1 403 Forbidden")
                #expect(answer.body.contains("U hebt geen toestemming voor deze handeling."))
                #expect(reply.closed && reply.seconds < 3)
                let actuals = uploadHead("/programmas/dienstverlening/financien/realisatie", cookie: reader.cookie)
                #expect(
                    try await RawHTTP.exchange(port: port, actuals, limit: 10).first?.status == "HTTP/1.1 403 Forbidden"
                )
            }
        }
    }

    @Test func aLoggedInUploadGoesThroughAFileToThePreview() async throws {
        try await withStoplicht(seeded: true, onDisk: true) { app in
            var browser = try await Browser.loggedIn(app)
            _ = try await browser.get("/importeren")
            let csrf = try #require(browser.csrf)
            let cookie = try #require(browser.cookie)
            let name = "heuvelrug-dimensies.docx"
            var body = Data()
            for (field, value) in [(CSRF.fieldName, csrf), ("gemeente", "Gemeente Heuvelrug")] {
                body.append(
                    Data("--grens\r\nContent-Disposition: form-data; name=\"\(field)\"\r\n\r\n\(value)\r\n".utf8))
            }
            body.append(
                Data(
                    "--grens\r\nContent-Disposition: form-data; name=\"bestand\"; filename=\"\(name)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                        .utf8))
            body.append(try ImportFixtures.data(name))
            body.append(Data("\r\n--grens--\r\n".utf8))
            let head = Array(uploadHead(length: body.count, cookie: cookie, extra: "Connection: close\r\n").utf8)
            try await withRunningServer(app) { port in
                // Sent in pieces, slowly enough that the file is there while they come.
                let pieces =
                    [head]
                    + stride(from: 0, to: body.count, by: 2048).map { Array(body[$0..<min(body.count, $0 + 2048)]) }
                let half = pieces.count / 2
                async let reply = RawHTTP.offThePool { try RawHTTP.trickle(port: port, pieces, every: 0.05, limit: 30) }
                try await Task.sleep(for: .seconds(0.05 * Double(half)))
                let whileComing = Self.spooled()
                let replied = try await reply
                let answer = try #require(RawHTTP.answers(in: replied.answer).first)
                #expect(answer.status == "HTTP/1.1 303 See Other")
                #expect(whileComing.count == 1, "the body is written to a file as it comes")
                #expect(Self.spooled().isEmpty, "and the file is gone after the answer")
                let preview = try await browser.get(try #require(answer.headers["location"]))
                #expect(preview.status == .ok)
                #expect(preview.body.contains("4 projecten: 4 nieuw, 0 gewijzigd, 0 ongewijzigd."))
                #expect(preview.body.contains("Herinrichting Marktplein"))

                // A client that goes away halfway leaves no file behind.
                let gone = try await RawHTTP.offThePool {
                    try RawHTTP.trickle(port: port, Array(pieces[0...half]), every: 0.01, limit: 5, hangUp: true)
                }
                #expect(gone.sent > body.count / 3)
                try await Task.sleep(for: .seconds(1))
                #expect(Self.spooled().isEmpty)
            }
        }
    }
}
