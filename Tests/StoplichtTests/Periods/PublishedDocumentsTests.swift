import Fluent
import Foundation
import SQLKit
import StoplichtCore
import Testing
import Vapor
import VaporTesting

@testable import Stoplicht

#if canImport(Glibc)
    import Glibc
#endif

/// A published period's documents are made once and served as stored, with their hash; no
/// reader makes WeasyPrint run again (issue 33, item 8).
@Suite struct PublishedDocumentsTests {
    static let download = "/programmas/dienstverlening/perioden/juni-t-m-oktober-2018/download/"

    /// Publishes the seed's period with `weasyprint` as the PDF's renderer.
    func publish(_ app: Application, weasyprint: String) async throws -> ReportingPeriod {
        app.storage[SettingsKey.self]?.weasyprint = weasyprint
        let (_, period) = try await PeriodPublication.find(programme: "dienstverlening", period: nil, on: app.db)
        _ = try await PeriodPublication.publish(
            programme: "dienstverlening", period: period, actor: "test", settings: app.settings, on: app.db)
        return period
    }

    func stored(_ app: Application, _ period: ReportingPeriod) async throws -> [String: PublishedDocument] {
        let documents = try await PublishedDocument.query(on: app.db).filter(\.$period.$id == period.requireID()).all()
        return Dictionary(documents.map { ($0.format, $0) }, uniquingKeysWith: { a, _ in a })
    }

    @Test func publishingStoresTheFiveDocumentsWithTheirHashesAndServesThemAsStored() async throws {
        let fake = try FakeWeasyPrint.writing("%PDF-1.7 nep-pdf van de publicatie")
        defer { fake.remove() }
        try await withStoplicht(seeded: true) { app in
            // MUT
            let period = try await publish(app, weasyprint: fake.program)

            // validate: stored with their hashes, the PDF made once
            let documents = try await stored(app, period)
            #expect(Set(documents.keys) == ["pdf", "odt", "docx", "xlsx", "csv"])
            for document in documents.values {
                #expect(document.sha256 == SHA256.hash(data: document.content).hex, "\(document.format)")
                #expect(document.content.count > 30, "\(document.format)")
            }
            #expect(documents["pdf"]?.content == Data("%PDF-1.7 nep-pdf van de publicatie".utf8))
            #expect(fake.runs == 1)

            // Served as stored, twice, without WeasyPrint; the ETag is the hash, and a reader's copy gets 304.
            for format in ["pdf", "odt", "docx", "xlsx", "csv", "pdf"] {
                let document = try #require(documents[format])
                try await app.testing().test(.GET, Self.download + format) { res in
                    #expect(res.status == .ok)
                    #expect(Data(res.body.readableBytesView) == document.content, "\(format)")
                    #expect(res.headers.first(name: .eTag) == "\"\(document.sha256)\"")
                    #expect(res.headers.first(name: "X-Content-SHA256") == document.sha256)
                    #expect(res.headers.first(name: .contentType) == ExportFormat(rawValue: format)?.mediaType)
                }
                try await app.testing().test(
                    .GET, Self.download + format, headers: ["If-None-Match": "\"\(document.sha256)\""]
                ) { res in
                    #expect(res.status == .notModified)
                    #expect(res.body.readableBytes == 0)
                }
            }
            #expect(fake.runs == 1, "a reader made WeasyPrint run again")
        }
    }

    /// Without WeasyPrint the period is published all the same; its PDF is made at the first
    /// request, once, and stored.
    @Test func aPeriodPublishedWithoutWeasyPrintGetsItsPDFAtTheFirstRequest() async throws {
        let fake = try FakeWeasyPrint.writing("%PDF-1.7 nep-pdf van later")
        defer { fake.remove() }
        try await withStoplicht(seeded: true) { app in
            // MUT
            let period = try await publish(app, weasyprint: "/nergens/weasyprint")

            // validate
            #expect(try await ReportingPeriod.find(period.id, on: app.db)?.state == .published)
            #expect(Set(try await stored(app, period).keys) == ["odt", "docx", "xlsx", "csv"])
            app.storage[SettingsKey.self]?.weasyprint = fake.program
            app.storage[PDFRenderer.SlotsKey.self] = RenderSlots(count: 1)  // not the suite's, busy with its real PDFs
            for _ in 0..<2 {
                try await app.testing().test(.GET, Self.download + "pdf") { res in
                    #expect(res.status == .ok)
                    #expect(res.body.string == "%PDF-1.7 nep-pdf van later")
                    #expect(
                        res.headers.first(name: "X-Content-SHA256")
                            == SHA256.hash(data: Data("%PDF-1.7 nep-pdf van later".utf8)).hex)
                }
            }
            #expect(fake.runs == 1)
            #expect(try await stored(app, period)["pdf"]?.content == Data("%PDF-1.7 nep-pdf van later".utf8))
        }
    }

    @Test func theDatabaseLetsADocumentInOnceForAPublishedPeriodAndNeverChangesIt() async throws {
        let fake = try FakeWeasyPrint.writing("%PDF-1.7 nep")
        defer { fake.remove() }
        try await withStoplicht(seeded: true) { app in
            // An open period's document is refused; publication lets one of each format in.
            let (_, open) = try await PeriodPublication.find(programme: "dienstverlening", period: nil, on: app.db)
            await #expect(throws: (any Error).self) {
                try await PublishedDocument(
                    periodID: open.requireID(), format: .pdf, content: Data("vals".utf8), storedAt: Date()
                ).create(on: app.db)
            }
            let period = try await publish(app, weasyprint: fake.program)
            let sql = app.db as! any SQLDatabase

            // MUT and validate: a second of a format, an update, a delete
            await #expect(throws: (any Error).self) {
                try await PublishedDocument(
                    periodID: period.requireID(), format: .pdf, content: Data("tweede".utf8), storedAt: Date()
                ).create(on: app.db)
            }
            await #expect(throws: (any Error).self) {
                try await sql.raw("UPDATE published_documents SET sha256 = 'vervalst'").run()
            }
            await #expect(throws: (any Error).self) { try await sql.raw("DELETE FROM published_documents").run() }
            let documents = try await stored(app, period)
            #expect(documents.count == 5)
            #expect(documents["pdf"]?.content == Data("%PDF-1.7 nep".utf8))
            #expect(documents.values.allSatisfy { $0.sha256 == SHA256.hash(data: $0.content).hex })
        }
    }

    /// A live report's PDF waits for a slot; when they are all taken and the queue is full the
    /// reader gets a Dutch 503 with Retry-After at once.
    @Test func aLivePDFBeyondTheQueueGetsA503WithRetryAfter() async throws {
        let hanging = try FakeWeasyPrint("exec sleep 600")
        defer { hanging.remove() }
        try await withStoplicht(seeded: true) { app in
            app.storage[SettingsKey.self]?.weasyprint = hanging.program
            let slots = RenderSlots(count: 1, readersWaitingAtMost: 0)
            app.storage[PDFRenderer.SlotsKey.self] = slots
            let holder = Task {
                try await ReportDocuments.render(
                    try await ReportPageModel.query(
                        programme: "dienstverlening", period: ExportTests.period, on: app.db),
                    format: .pdf, settings: app.settings, pdfSlots: slots)
            }
            for _ in 0..<200 where hanging.pid == nil { try await Task.sleep(for: .milliseconds(50)) }
            #expect(hanging.pid != nil)

            // MUT
            try await app.testing().test(.GET, Self.download + "pdf", headers: ["Accept": "text/html"]) { res in
                // validate
                #expect(res.status == .serviceUnavailable)
                #expect(res.headers.first(name: .retryAfter) != nil)
                #expect(res.body.string.contains("te veel PDF"))
            }
            holder.cancel()
            _ = try? await holder.value
            #expect(hanging.runs == 1)
        }
    }

    /// A reader who closes the connection stops their live PDF: WeasyPrint is killed.
    @Test func aReaderWhoLeavesStopsTheirLivePDF() async throws {
        let hanging = try FakeWeasyPrint("exec sleep 600")
        defer { hanging.remove() }
        try await withStoplicht(seeded: true) { app in
            app.storage[SettingsKey.self]?.weasyprint = hanging.program
            app.storage[PDFRenderer.SlotsKey.self] = RenderSlots(count: 1)
            try await withRunningServer(app) { port in
                // MUT: the reader asks, waits until WeasyPrint runs (however busy the machine) and hangs up
                let request = "GET \(Self.download)pdf HTTP/1.1\r\nHost: x\r\n\r\n"
                let fd = try RawHTTP.connected(port: port)
                _ = request.utf8CString.withUnsafeBufferPointer { send(fd, $0.baseAddress, $0.count - 1, 0) }
                for _ in 0..<600 where hanging.pid == nil { try await Task.sleep(for: .milliseconds(50)) }
                close(fd)

                // validate
                let pid = try #require(hanging.pid, "WeasyPrint never started")
                var gone = false
                for _ in 0..<100 where !gone {
                    gone = kill(pid, 0) != 0
                    if !gone { try await Task.sleep(for: .milliseconds(50)) }
                }
                #expect(gone, "WeasyPrint still runs for a reader who left")
            }
        }
    }
}
