import Fluent
import Foundation
import StoplichtCore
import Testing
import Vapor

@testable import Stoplicht

/// The programme manager's period: opening one carries the last forward, the desk lists
/// who has not yet updated, texts and projects are edited, archived projects stay behind.
@Suite struct PeriodCycleTests {
    static let desk = "/programmas/dienstverlening/beheer"

    @Test func openingAPeriodCarriesTheLastOneForwardAndListsWhoHasNotUpdated() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup
            var erna = try await Browser.member(app, "erna@woudenberg.nl", role: .programmeManager)
            _ = try await erna.get(Self.desk)
            let early = try await erna.post(
                "/programmas/dienstverlening/perioden", ["naam": "november 2018 t/m februari 2019"])
            #expect(early.status == .conflict)
            #expect(early.body.contains("De periode juni t/m oktober 2018 is nog niet gepubliceerd."))
            let published = try await erna.post(
                "/programmas/dienstverlening/perioden/juni-t-m-oktober-2018/status",
                PeriodMoveField.form([.target: "publiceren", .confirmed: "ja", .skipReview: "ja"]))
            #expect(published.status == .seeOther)
            // Project 4 is archived: it stays in the published report but goes no further.
            _ = try await erna.get("/programmas/dienstverlening/projecten/4/wijzigen")
            #expect(
                try await erna.post(
                    "/programmas/dienstverlening/projecten/4/archiveren", ProjectArchiveField.form([.archived: "ja"])
                ).status == .seeOther)

            // MUT
            let opened = try await erna.post(
                "/programmas/dienstverlening/perioden", ["naam": "november 2018 t/m februari 2019"])

            // validate
            #expect(opened.status == .seeOther)
            let context = try await ProgrammeContext.load(slug: Cycle.programme, on: app.db)
            let old = context.periods[0]
            let new = try #require(context.latestPeriod)
            #expect(new.name == "november 2018 t/m februari 2019")
            #expect(new.startsOn == "2018-11-01")
            #expect(new.state == .open)
            let oldStatuses = try await ProjectStatus.query(on: app.db).filter(\.$period.$id == old.requireID()).all()
            let newStatuses = try await ProjectStatus.query(on: app.db).filter(\.$period.$id == new.requireID()).all()
            #expect(newStatuses.count == oldStatuses.count - 1)
            #expect(newStatuses.allSatisfy { $0.carriedForward })
            let byProject = Dictionary(uniqueKeysWithValues: oldStatuses.map { ($0.$project.id, $0) })
            for status in newStatuses {
                let previous = try #require(byProject[status.$project.id])
                #expect(status.light == previous.light)
                #expect(status.remarks == previous.remarks)
                #expect(status.plannedDelivery == previous.plannedDelivery)
                #expect(status.forecastDelivery == previous.forecastDelivery)
                #expect(status.previousLight == previous.light)
            }
            let sections = try await ProgrammeSection.query(on: app.db).filter(\.$period.$id == new.requireID()).count()
            #expect(sections == 9)
            // The desk lists the leaders who still have to update, Walter among them.
            let deskPage = try await erna.get(Self.desk)
            #expect(deskPage.body.contains("Nog niet bijgewerkt"))
            #expect(deskPage.body.contains("<dt>Walter de Haan</dt>"))
            #expect(deskPage.body.contains("1. Aansluiten op www.mijnoverheid.nl."))
            #expect(!deskPage.body.contains("4. Projectomgeving"))

            // Walter updates project 1 and it leaves the list.
            var walter = try await Browser.member(
                app, "walter@woudenberg.nl", role: .projectLeader, person: "Walter de Haan")
            let path = Cycle.statusPath(1, period: new.slug)
            let revision = try #require(Browser.hiddenValue(StatusField.revision, in: try await walter.get(path).body))
            #expect(
                try await walter.post(
                    path, Cycle.statusForm(light: "groen", remarks: "Bijgewerkt.", revision: revision)
                ).status == .seeOther)
            let after = try await erna.get(Self.desk)
            #expect(!after.body.contains("1. Aansluiten op www.mijnoverheid.nl."))
            #expect(after.body.contains("2. Doorontwikkelen website"))
            // The published period still shows project 4; the overview of the new one does not.
            let overview = try await erna.get(Cycle.overview)
            #expect(!overview.body.contains("<tr id=\"project-4\""))
            #expect(overview.body.contains("<tr id=\"project-1\""))
        }
    }

    @Test func aProgrammeManagerEditsTextsAndASecondSaveIsAConflict() async throws {
        try await withStoplicht(seeded: true) { app in
            let path = "/programmas/dienstverlening/perioden/juni-t-m-oktober-2018/teksten"
            var erna = try await Browser.member(app, "erna@woudenberg.nl", role: .programmeManager)
            var marleen = try await Browser.member(app, "marleen@woudenberg.nl", role: .programmeManager)
            let form = try await erna.get(path)
            #expect(form.status == .ok)
            let fingerprint = try #require(Browser.hiddenValue(PeriodTextsField.fingerprint, in: form.body))
            _ = try await marleen.get(path)
            func fields(_ successen: String, newRisk: String = "") async throws -> [String: String] {
                var fields = PeriodTextsField.form([.fingerprint: fingerprint])
                for section in try await ProgrammeSection.query(on: app.db).all() {
                    fields[PeriodTextsField.sectionTitle(section.key).name] = section.title
                    fields[PeriodTextsField.sectionBody(section.key).name] =
                        section.key == "successen" ? successen : section.body
                }
                let decisions = try await Decision.query(on: app.db).sort(\.$position).all()
                for (i, d) in decisions.enumerated() {
                    fields[PeriodTextsField.decision(i, .id).name] = d.id!.uuidString
                    fields[PeriodTextsField.decision(i, .text).name] = d.text
                    fields[PeriodTextsField.decision(i, .requestedFrom).name] = "college"
                    fields[PeriodTextsField.decision(i, .outcome).name] = i == 0 ? "akkoord" : "gevraagd"
                }
                fields[PeriodTextsField.decision(decisions.count, .id).name] = ""
                fields[PeriodTextsField.decision(decisions.count, .text).name] = ""
                let risks = try await Risk.query(on: app.db).sort(\.$position).all()
                for (i, r) in risks.enumerated() {
                    fields[PeriodTextsField.risk(i, .id).name] = r.id!.uuidString
                    fields[PeriodTextsField.risk(i, .text).name] = r.description
                }
                fields[PeriodTextsField.risk(risks.count, .id).name] = ""
                fields[PeriodTextsField.risk(risks.count, .text).name] = newRisk
                fields[PeriodTextsField.risk(risks.count, .measures).name] =
                    newRisk.isEmpty ? "" : "Tweede leverancier."
                return fields
            }

            // MUT
            let first = try await erna.post(
                path, try await fields("Nieuwe successen van Erna.", newRisk: "Leverancier valt uit."))
            let second = try await marleen.post(path, try await fields("Successen van Marleen."))

            // validate
            #expect(first.status == .seeOther)
            // The report says the texts were saved and offers each section's text to edit.
            #expect(first.location == "/programmas/dienstverlening/perioden/juni-t-m-oktober-2018?opgeslagen=1")
            let saved = try await erna.get(try #require(first.location))
            #expect(
                saved.body.contains(
                    "<div class=\"utrecht-alert utrecht-alert--ok\" role=\"status\"><p class=\"utrecht-paragraph\">De teksten, besluiten en risico's zijn opgeslagen.</p></div>"
                ))
            #expect(
                saved.body.contains(
                    "<p class=\"stoplicht-edit-link\"><a class=\"utrecht-link\" href=\"\(path)#sectie-successen-tekst\">Tekst bewerken<span class=\"stoplicht-visually-hidden\">: 1. Successen</span></a></p>"
                ))
            let successen = try #require(
                try await ProgrammeSection.query(on: app.db).filter(\.$key == "successen").first())
            #expect(successen.body == "Nieuwe successen van Erna.")
            #expect(try await Decision.query(on: app.db).filter(\.$outcome == .approved).count() == 1)
            #expect(try await Decision.query(on: app.db).filter(\.$requestedFrom == "college").count() == 3)
            let risk = try #require(
                try await Risk.query(on: app.db).filter(\.$description == "Leverancier valt uit.").first())
            #expect(risk.measures == "Tweede leverancier.")
            #expect(second.status == .conflict)
            #expect(second.body.contains("<td>Successen van Marleen.</td><td>Nieuwe successen van Erna.</td>"))
            #expect(second.body.contains(">Successen van Marleen.</textarea>"))
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entity == "paragraaf").count() == 1)
            let report = try await erna.get("/programmas/dienstverlening/perioden/juni-t-m-oktober-2018")
            #expect(report.body.contains("Nieuwe successen van Erna."))
            #expect(report.body.contains("Leverancier valt uit."))
        }
    }

    @Test func aProgrammeManagerAddsAndChangesProjects() async throws {
        try await withStoplicht(seeded: true) { app in
            var erna = try await Browser.member(app, "erna@woudenberg.nl", role: .programmeManager)
            _ = try await erna.get("/programmas/dienstverlening/projecten/nieuw")
            let taken = try await erna.post(
                "/programmas/dienstverlening/projecten/nieuw", ProjectField.form([.number: "1", .name: "Dubbel"]))
            #expect(taken.status == .unprocessableEntity)
            #expect(taken.body.contains("Er is al een project met nummer 1 in dit programma."))
            #expect(taken.body.contains("value=\"Dubbel\""))

            let added = try await erna.post(
                "/programmas/dienstverlening/projecten/nieuw",
                ProjectField.form([
                    .number: "37", .name: "Chatbot website", .leaders: "Laura Biermans\nNieuwe Collega",
                    .lifecycle: "niet-gestart",
                    .items: "Marktverkenning\nOfferte",
                ]))
            #expect(added.status == .seeOther)
            #expect(added.location == "/programmas/dienstverlening/projecten/37")
            let page = try await erna.get("/programmas/dienstverlening/projecten/37")
            #expect(page.body.contains("Chatbot website"))
            #expect(page.body.contains("Laura Biermans, Nieuwe Collega"))
            #expect(page.body.contains("<li>Marktverkenning</li>"))
            #expect(try await Person.query(on: app.db).filter(\.$name == "Nieuwe Collega").count() == 1)
            // The new project waits in the open period for its leader's update.
            let desk = try await erna.get(Self.desk)
            #expect(desk.body.contains("37. Chatbot website"))

            _ = try await erna.get("/programmas/dienstverlening/projecten/37/wijzigen")
            let changed = try await erna.post(
                "/programmas/dienstverlening/projecten/37/wijzigen",
                ProjectField.form([
                    .number: "37", .name: "Chatbot en webcare", .leaders: "Laura Biermans", .lifecycle: "lopend",
                ]))
            #expect(changed.status == .seeOther)
            let entries = try await AuditEntry.query(on: app.db).filter(\.$entity == "project").sort(\.$sequence).all()
            #expect(entries.map(\.action).suffix(2) == ["project-toevoegen", "project-wijzigen"])
            #expect(entries.last?.before?.contains("Chatbot website") == true)
            #expect(entries.last?.after?.contains("Chatbot en webcare") == true)
        }
    }
}
