import Fluent
import Foundation
import StoplichtCore
import Testing
import Vapor

@testable import Stoplicht

/// Sections, decisions and risks of a period through the API: created, read with an ETag,
/// changed and removed with If-Match (428 without, 412 with a stale one, nothing written),
/// the web's checks and audit entries, and who may do what.
@Suite struct APIPeriodTextsTests {
    static let period = "/api/v1/programmes/dienstverlening/periods/juni-t-m-oktober-2018"

    @Test func aDecisionIsAskedDecidedAndWithdrawn() async throws {
        try await withStoplicht(seeded: true) { app in
            let erna = try await APIClient.token(app, "erna@woudenberg.nl", role: .programmeManager)
            let before = try await Decision.query(on: app.db).count()
            let asked = try await APIClient.send(
                app, .POST, "\(Self.period)/decisions", token: erna,
                body: ["text": "Akkoord op de planning van project 5.", "requestedFrom": "college"])
            #expect(asked.0 == .created)
            let location = try #require(asked.1.first(name: .location))
            #expect(asked.2["outcome"] as? String == "gevraagd" && asked.2["number"] as? Int == before + 1)
            let read = try await APIClient.send(app, .GET, location, token: erna)
            #expect(read.0 == .ok && read.2["text"] as? String == "Akkoord op de planning van project 5.")
            let etag = try #require(read.1.first(name: .eTag))
            #expect(etag == asked.1.first(name: .eTag))

            let change: [String: Any] = [
                "text": "Akkoord op de planning van project 5.", "requestedFrom": "college", "outcome": "akkoord",
                "decidedOn": "20-11-2018",
            ]
            #expect(try await APIClient.send(app, .PUT, location, token: erna, body: change).0 == .preconditionRequired)
            let decided = try await APIClient.send(app, .PUT, location, token: erna, ifMatch: etag, body: change)
            #expect(decided.0 == .ok)
            #expect(decided.2["outcome"] as? String == "akkoord" && decided.2["decidedOn"] as? String == "2018-11-20")
            let idText = try #require(asked.2["id"] as? String)
            let id = try #require(UUID(uuidString: idText))
            let stored = try #require(try await Decision.find(id, on: app.db))
            #expect(stored.outcome == .approved && stored.decidedOn == "2018-11-20")
            let audited = try await AuditEntry.query(on: app.db).filter(\.$entity == "besluit").filter(
                \.$entityID == id.uuidString
            ).all()
            #expect(audited.map(\.actor) == ["erna@woudenberg.nl", "erna@woudenberg.nl"])

            // The first ETag again: 412 with the current one, and nothing changed.
            let stale = try await APIClient.send(
                app, .PUT, location, token: erna, ifMatch: etag, body: ["text": "Iets anders."])
            #expect(stale.0 == .preconditionFailed && stale.1.first(name: .eTag) == decided.1.first(name: .eTag))
            #expect(try await Decision.find(id, on: app.db)?.text == "Akkoord op de planning van project 5.")
            // A text is required, an outcome must be one of the four, a day a day: 422 in Dutch.
            let current = try #require(decided.1.first(name: .eTag))
            for bad: [String: Any] in [
                ["text": " "], ["text": "x", "outcome": "misschien"], ["text": "x", "decidedOn": "ooit"],
            ] {
                let refused = try await APIClient.send(app, .PUT, location, token: erna, ifMatch: current, body: bad)
                #expect(refused.0 == .unprocessableEntity, "\(bad)")
                #expect(!(refused.2["detail"] as? String ?? "").isEmpty)
            }
            #expect(
                try await APIClient.send(app, .PUT, location, token: erna, ifMatch: current, body: ["tekst": "x"]).0
                    == .badRequest)

            #expect(try await APIClient.send(app, .DELETE, location, token: erna).0 == .preconditionRequired)
            #expect(try await APIClient.send(app, .DELETE, location, token: erna, ifMatch: current).0 == .noContent)
            #expect(try await APIClient.send(app, .GET, location, token: erna).0 == .notFound)
            #expect(try await Decision.query(on: app.db).count() == before)
        }
    }

    @Test func aDecisionSomethingHangsOnIsNotWithdrawnAndDecidingCarriesItOut() async throws {
        try await withStoplicht(seeded: true) { app in
            try await DemoFinance.load(programme: "dienstverlening", on: app.db)
            let erna = try await APIClient.token(app, "erna@woudenberg.nl", role: .programmeManager)
            let transfer = try #require(try await BudgetTransfer.query(on: app.db).first())
            let path = "\(Self.period)/decisions/\(transfer.$decision.id)"
            let read = try await APIClient.send(app, .GET, path, token: erna)
            let etag = try #require(read.1.first(name: .eTag))
            let refused = try await APIClient.send(app, .DELETE, path, token: erna, ifMatch: etag)
            #expect(refused.0 == .conflict)
            #expect(try await Decision.find(transfer.$decision.id, on: app.db) != nil)

            let text = try #require(read.2["text"] as? String)
            let decided = try await APIClient.send(
                app, .PUT, path, token: erna, ifMatch: etag, body: ["text": text, "outcome": "akkoord"])
            #expect(decided.0 == .ok)
            // Agreed: the transfer is carried out, as from the web form.
            #expect(try await BudgetTransfer.find(transfer.id, on: app.db)?.state == .executed)
        }
    }

    @Test func aSectionIsRewrittenWithItsETag() async throws {
        try await withStoplicht(seeded: true) { app in
            let erna = try await APIClient.token(app, "erna@woudenberg.nl", role: .programmeManager)
            let list = try await APIClient.send(app, .GET, "\(Self.period)/sections?page-size=2", token: erna)
            #expect(list.0 == .ok && (list.2["sections"] as? [Any])?.count == 2 && list.2["total"] as? Int == 9)
            let path = "\(Self.period)/sections/financien"
            let read = try await APIClient.send(app, .GET, path, token: erna)
            let etag = try #require(read.1.first(name: .eTag))
            let empty = try await APIClient.send(
                app, .PUT, path, token: erna, ifMatch: etag, body: ["title": "", "body": "x"])
            #expect(empty.0 == .unprocessableEntity && empty.2["detail"] as? String == "De titel is verplicht.")
            let saved = try await APIClient.send(
                app, .PUT, path, token: erna, ifMatch: etag, body: ["title": "3. Financiën", "body": "Binnen budget."])
            #expect(saved.0 == .ok && saved.2["body"] as? String == "Binnen budget.")
            let stored = try #require(
                try await ProgrammeSection.query(on: app.db).filter(\.$key == "financien").first())
            #expect(stored.title == "3. Financiën" && stored.body == "Binnen budget.")
            #expect(
                try await APIClient.send(
                    app, .PUT, path, token: erna, ifMatch: etag, body: ["title": "Oud", "body": "Oud."]
                ).0 == .preconditionFailed)
            #expect(
                try await APIClient.send(app, .GET, "\(Self.period)/sections/bestaat-niet", token: erna).0 == .notFound)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entity == "paragraaf").count() == 1)
        }
    }

    @Test func aRiskIsAddedChangedAndRemoved() async throws {
        try await withStoplicht(seeded: true) { app in
            let erna = try await APIClient.token(app, "erna@woudenberg.nl", role: .programmeManager)
            let before = try await Risk.query(on: app.db).count()
            let added = try await APIClient.send(
                app, .POST, "\(Self.period)/risks", token: erna,
                body: ["description": "Leverancier failliet", "impact": "Vertraging", "measures": "Tweede leverancier"])
            #expect(added.0 == .created && added.2["number"] as? Int == before + 1 && added.2["cause"] as? String == "")
            let location = try #require(added.1.first(name: .location))
            let etag = try #require(added.1.first(name: .eTag))
            let changed = try await APIClient.send(
                app, .PUT, location, token: erna, ifMatch: etag,
                body: ["description": "Leverancier failliet", "cause": "Markt", "impact": "Vertraging"])
            #expect(
                changed.0 == .ok && changed.2["cause"] as? String == "Markt" && changed.2["measures"] as? String == "")
            #expect(
                try await APIClient.send(app, .DELETE, location, token: erna, ifMatch: etag).0 == .preconditionFailed)
            let changedTag = try #require(changed.1.first(name: .eTag))
            #expect(try await APIClient.send(app, .DELETE, location, token: erna, ifMatch: changedTag).0 == .noContent)
            #expect(try await Risk.query(on: app.db).count() == before)
            let actions = try await AuditEntry.query(on: app.db).filter(\.$entity == "risico").all()
            #expect(actions.count == 3)
        }
    }

    @Test func whoMayReadAndWriteTheTexts() async throws {
        try await withStoplicht(seeded: true) { app in
            try await Cycle.setAccess(.closed, on: app.db)
            let reader = try await APIClient.token(app, "lezer@woudenberg.nl", role: .reader)
            let leader = try await APIClient.token(
                app, "walter@woudenberg.nl", role: .projectLeader, person: "Walter de Haan")
            let readOnly = try await APIClient.token(app, "erna@woudenberg.nl", role: .programmeManager, scope: .read)
            let risk: [String: Any] = ["description": "Iets"]
            #expect(try await APIClient.send(app, .GET, "\(Self.period)/risks", token: nil).0 == .unauthorized)
            #expect(try await APIClient.send(app, .GET, "\(Self.period)/risks", token: reader).0 == .ok)
            #expect(
                try await APIClient.send(app, .POST, "\(Self.period)/risks", token: reader, body: risk).0 == .forbidden)
            #expect(
                try await APIClient.send(app, .POST, "\(Self.period)/risks", token: leader, body: risk).0 == .forbidden)
            let refused = try await APIClient.send(app, .POST, "\(Self.period)/risks", token: readOnly, body: risk)
            #expect(refused.0 == .forbidden && refused.2["detail"] as? String == Strings.tokenReadOnly)
            #expect(
                try await APIClient.send(app, .POST, "\(Self.period)/risks", token: nil, body: risk).0 == .unauthorized)

            // Published, and the programme's reports opened: anyone reads them, nobody writes them.
            let manager = try await APIClient.token(app, "jan@woudenberg.nl", role: .programmeManager)
            // As on the desk, an open period is put ter controle before it is published.
            let fromOpen = try await APIClient.send(
                app, .PUT, "\(Self.period)/state", token: manager, body: ["state": "gepubliceerd"])
            #expect(fromOpen.0 == .conflict && fromOpen.2["detail"] as? String == Strings.apiPublishFromOpen)
            #expect(
                try await APIClient.send(
                    app, .PUT, "\(Self.period)/state", token: manager, body: ["state": "in-review"]
                ).0 == .ok)
            #expect(
                try await APIClient.send(
                    app, .PUT, "\(Self.period)/state", token: manager, body: ["state": "gepubliceerd"]
                ).0 == .ok)
            try await Cycle.setAccess(.publishedReports, on: app.db)
            #expect(try await APIClient.send(app, .GET, "\(Self.period)/sections", token: nil).0 == .ok)
            let frozen = try await APIClient.send(app, .POST, "\(Self.period)/risks", token: manager, body: risk)
            #expect(frozen.0 == .conflict)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entity == "risico").count() == 0)
        }
    }

    @Test func ofEightChangesWithOneETagOneWins() async throws {
        try await withStoplicht(seeded: true) { app in
            let erna = try await APIClient.token(app, "erna@woudenberg.nl", role: .programmeManager)
            let path = "\(Self.period)/sections/inleiding"
            let etag = try #require(try await APIClient.send(app, .GET, path, token: erna).1.first(name: .eTag))
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for writer in 0..<8 {
                    group.addTask {
                        try await APIClient.send(
                            app, .PUT, path, token: erna, ifMatch: etag,
                            body: ["title": "Inleiding", "body": "Versie \(writer)"]
                        ).0
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .ok }.count == 1, "\(statuses)")
            #expect(
                statuses.allSatisfy { $0 == .ok || $0 == .preconditionFailed || $0 == .serviceUnavailable },
                "\(statuses)")
            let body = try #require(try await ProgrammeSection.query(on: app.db).filter(\.$key == "inleiding").first())
                .body
            #expect(body.hasPrefix("Versie "))
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entity == "paragraaf").count() == 1)
        }
    }
}
