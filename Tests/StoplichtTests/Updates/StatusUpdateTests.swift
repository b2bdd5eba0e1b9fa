import Fluent
import Foundation
import SQLKit
import StoplichtCore
import Testing
import Vapor

@testable import Stoplicht

/// A project leader's update: saved with an audit entry, refused without the explanation
/// an orange light needs, a conflict when someone saved first, inert scripts.
@Suite struct StatusUpdateTests {
    @Test func aLeaderUpdatesTheirProjectAndTheOverviewShowsIt() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup
            var walter = try await Browser.member(
                app, "walter@woudenberg.nl", role: .projectLeader, person: "Walter de Haan")
            let form = try await walter.get(Cycle.statusPath(1))
            #expect(form.status == .ok)
            #expect(form.body.contains("Status bijwerken: 1. Aansluiten op www.mijnoverheid.nl."))
            let revision = try #require(Browser.hiddenValue(StatusField.revision, in: form.body))

            // MUT
            let saved = try await walter.post(
                Cycle.statusPath(1),
                Cycle.statusForm(
                    light: "groen", remarks: "PIP-pagina **live** sinds 1 november.",
                    revision: revision, planned: "Q1 2019"))

            // validate
            #expect(saved.status == .seeOther)
            #expect(saved.location == "/programmas/dienstverlening/projecten/1?bijgewerkt=1")
            let status = try #require(try await Cycle.status(1, on: app.db))
            #expect(status.light == "groen")
            #expect(status.remarks == "PIP-pagina **live** sinds 1 november.")
            #expect(status.plannedDelivery == "2019-Q1")
            #expect(status.revision == Int(revision)! + 1)
            #expect(status.updatedBy == "walter@woudenberg.nl")
            let overview = try await walter.get(Cycle.overview)
            let row = try #require(
                overview.body.components(separatedBy: "<tr id=\"project-1\"").dropFirst().first?.components(
                    separatedBy: "</tr>"
                ).first)
            #expect(row.contains("</span>Groen</span>"))
            #expect(row.contains("PIP-pagina live sinds 1 november."))
            // The audit trail has who, from where, and the fields before and after.
            let entry = try #require(try await AuditEntry.query(on: app.db).filter(\.$action == "bijwerken").first())
            #expect(entry.actor == "walter@woudenberg.nl")
            #expect(entry.entity == "status")
            #expect(entry.entityID == status.id?.uuidString)
            #expect(entry.before?.contains("\"Status\":\"Geen status\"") == true)
            #expect(entry.after?.contains("\"Status\":\"Groen\"") == true)
            #expect(entry.after?.contains("Q1 2019") == true)
            let verification = try await AuditTrail.verify(on: app.db)
            #expect(verification.brokenAt == nil)
            // …and the project's audit page shows it.
            let log = try await walter.get("/programmas/dienstverlening/projecten/1/wijzigingen")
            #expect(log.status == .ok)
            #expect(log.body.contains("walter@woudenberg.nl"))
            #expect(log.body.contains("bijwerken — status"))
            #expect(log.body.contains("<dt>Status</dt><dd>Groen</dd>"))
            let periodLog = try await walter.get(
                "/programmas/dienstverlening/perioden/juni-t-m-oktober-2018/wijzigingen")
            #expect(periodLog.body.contains("<dt>Status</dt><dd>Groen</dd>"))
        }
    }

    @Test func anOrangeLightNeedsCauseConsequenceAndMeasure() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup
            var walter = try await Browser.member(
                app, "walter@woudenberg.nl", role: .projectLeader, person: "Walter de Haan")
            let revision = try #require(
                Browser.hiddenValue(StatusField.revision, in: try await walter.get(Cycle.statusPath(1)).body))
            let before = try await Cycle.status(1, on: app.db)

            // MUT
            let refused = try await walter.post(
                Cycle.statusPath(1),
                Cycle.statusForm(
                    light: "oranje", remarks: "Leverancier later.",
                    revision: revision, cause: "De leverancier heeft geen capaciteit."))

            // validate: 422, the missing parts named, what was typed kept, nothing saved
            #expect(refused.status == .unprocessableEntity)
            #expect(
                refused.body.contains(
                    "Bij het stoplicht Oranje hoort een toelichting: vul het gevolg voor het programmadoel in."))
            #expect(refused.body.contains("Bij het stoplicht Oranje hoort een toelichting: vul de maatregel in."))
            #expect(!refused.body.contains("vul de oorzaak in"))
            #expect(refused.body.contains("De leverancier heeft geen capaciteit."))
            #expect(refused.body.contains("Leverancier later."))
            let after = try await Cycle.status(1, on: app.db)
            #expect(after?.light == before?.light)
            #expect(after?.revision == before?.revision)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "bijwerken").count() == 0)

            // With all three it is saved.
            let saved = try await walter.post(
                Cycle.statusPath(1),
                Cycle.statusForm(
                    light: "oranje", remarks: "Leverancier later.", revision: revision,
                    cause: "De leverancier heeft geen capaciteit.",
                    consequence: "De PIP-pagina komt een kwartaal later.", measure: "Tweede leverancier gevraagd."))
            #expect(saved.status == .seeOther)
            let status = try #require(try await Cycle.status(1, on: app.db))
            #expect(
                [status.light, status.cause, status.consequence, status.measure] == [
                    "oranje", "De leverancier heeft geen capaciteit.", "De PIP-pagina komt een kwartaal later.",
                    "Tweede leverancier gevraagd.",
                ])
            let page = try await walter.get("/programmas/dienstverlening/projecten/1")
            #expect(page.body.contains("Tweede leverancier gevraagd."))
            // The report prints the explanation with the remarks, under its labels.
            let report = try await walter.get("/programmas/dienstverlening/perioden/juni-t-m-oktober-2018")
            let row = try #require(
                report.body.components(separatedBy: "<tr id=\"project-1\"").dropFirst().first?.components(
                    separatedBy: "</tr>"
                ).first)
            #expect(row.contains("<strong>Oorzaak</strong>"))
            #expect(row.contains("De leverancier heeft geen capaciteit."))
            #expect(row.contains("<strong>Maatregel</strong>"))
        }
    }

    @Test func badInputIsRefusedInDutchAndKeepsWhatWasTyped() async throws {
        try await withStoplicht(seeded: true) { app in
            var walter = try await Browser.member(
                app, "walter@woudenberg.nl", role: .projectLeader, person: "Walter de Haan")
            let form = try await walter.get(Cycle.statusPath(1))
            let revision = try #require(Browser.hiddenValue(StatusField.revision, in: form.body))
            // "No light" is a choice the browser sends as an empty value, not as its label.
            // (Plot writes an empty attribute bare: `<option value>` has the value "".)
            #expect(form.body.contains("<option value selected=\"selected\">Geen status</option>"))
            #expect(form.body.contains("<option value selected=\"selected\">—</option>"))

            let refused = try await walter.post(
                Cycle.statusPath(1),
                Cycle.statusForm(
                    light: "paars", remarks: "Mijn tekst", revision: revision,
                    planned: "ergens volgend jaar"))

            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("Er is geen stoplicht ‘paars’ in dit programma"))
            #expect(refused.body.contains("Geplande oplevering: ‘ergens volgend jaar’ is geen datum."))
            #expect(refused.body.contains(">Mijn tekst</textarea>"))
            #expect(refused.body.contains("value=\"ergens volgend jaar\""))
        }
    }

    @Test func theSecondOfTwoSavesGetsTheConflictWithBothVersions() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup: the leader and the programme manager open the same status
            var walter = try await Browser.member(
                app, "walter@woudenberg.nl", role: .projectLeader, person: "Walter de Haan")
            var erna = try await Browser.member(
                app, "erna@woudenberg.nl", role: .programmeManager, person: "Erna Jongerius")
            let walterRevision = try #require(
                Browser.hiddenValue(StatusField.revision, in: try await walter.get(Cycle.statusPath(2)).body))
            let ernaRevision = try #require(
                Browser.hiddenValue(StatusField.revision, in: try await erna.get(Cycle.statusPath(2)).body))
            #expect(walterRevision == ernaRevision)

            // MUT
            let first = try await erna.post(
                Cycle.statusPath(2),
                Cycle.statusForm(light: "groen", remarks: "Versie van Erna.", revision: ernaRevision))
            let second = try await walter.post(
                Cycle.statusPath(2),
                Cycle.statusForm(light: "groen", remarks: "Versie van Walter.", revision: walterRevision))

            // validate: the second gets 409 with both versions; Erna's is stored, Walter's is in his form
            #expect(first.status == .seeOther)
            #expect(second.status == .conflict)
            #expect(second.body.contains("Iemand anders heeft dit intussen opgeslagen"))
            #expect(second.body.contains("erna@woudenberg.nl"))
            #expect(
                second.body.contains(
                    "<th scope=\"row\">Opmerking(en) (verschilt)</th><td>Versie van Walter.</td><td>Versie van Erna.</td>"
                ))
            #expect(second.body.contains(">Versie van Walter.</textarea>"))
            #expect(try await Cycle.status(2, on: app.db)?.remarks == "Versie van Erna.")

            // Walter saves his version knowingly: the conflict page's revision is the current one.
            let conflictRevision = try #require(Browser.hiddenValue(StatusField.revision, in: second.body))
            #expect(conflictRevision == String(Int(ernaRevision)! + 1))
            let third = try await walter.post(
                Cycle.statusPath(2),
                Cycle.statusForm(light: "groen", remarks: "Versie van Walter.", revision: conflictRevision))
            #expect(third.status == .seeOther)
            #expect(try await Cycle.status(2, on: app.db)?.remarks == "Versie van Walter.")
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "bijwerken").count() == 2)
        }
    }

    @Test func concurrentSavesOfOneRevisionLetExactlyOneWin() async throws {
        try await withStoplicht(seeded: true) { app in
            let context = try await ProgrammeContext.load(slug: Cycle.programme, on: app.db)
            let project = try #require(try await Project.query(on: app.db).filter(\.$number == 4).first())
            let period = try #require(context.latestPeriod)
            let revision = try await Cycle.status(4, on: app.db)?.revision ?? 0
            var input = StatusInput(
                form: FormFields(Cycle.statusForm(light: "groen", remarks: "", revision: String(revision))),
                dimensions: [])

            // On PostgreSQL every loser gets the conflict; the embedded SQLite may refuse a
            // concurrent writer outright ("database is locked"), which loses too and writes nothing.
            let onSQLite = (app.db as? any SQLDatabase)?.dialect.name == "sqlite"
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for n in 0..<8 {
                    input.remarks = "Poging \(n)"
                    let attempt = input
                    group.addTask {
                        let update = StatusUpdate(
                            project: project, period: period, context: context, actor: "poging\(n)@test", address: nil)
                        do {
                            if case .saved = try await update.save(attempt, on: app.db) { return true }
                            return false
                        } catch  where onSQLite {
                            return false
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }

            #expect(outcomes.filter { $0 }.count == 1)
            #expect(try await Cycle.status(4, on: app.db)?.revision == revision + 1)
        }
    }

    @Test func savesOfDifferentProjectsAtOnceAllSucceedAndChainTheirAuditEntries() async throws {
        try await withStoplicht(seeded: true) { app in
            let context = try await ProgrammeContext.load(slug: Cycle.programme, on: app.db)
            let period = try #require(context.latestPeriod)
            let projects = try await Project.query(on: app.db).filter(\.$number <= 10).sort(\.$number).all()
            var revisions: [Int: Int] = [:]
            for project in projects {
                revisions[project.number] = try await Cycle.status(project.number, on: app.db)?.revision ?? 0
            }
            let onSQLite = (app.db as? any SQLDatabase)?.dialect.name == "sqlite"

            let saved = try await withThrowingTaskGroup(of: Bool.self) { group in
                for project in projects {
                    let input = StatusInput(
                        form: FormFields(
                            Cycle.statusForm(
                                light: "groen", remarks: "Gelijktijdig \(project.number)",
                                revision: String(revisions[project.number]!))), dimensions: [])
                    group.addTask {
                        let update = StatusUpdate(
                            project: project, period: period, context: context, actor: "p\(project.number)@test",
                            address: nil)
                        do {
                            if case .saved = try await update.save(input, on: app.db) { return true }
                            return false
                        } catch  where onSQLite && DatabaseBusy.matches(error) {
                            return false  // the embedded database's write lock; the form would say so
                        }
                    }
                }
                return try await group.reduce(into: 0) { $0 += $1 ? 1 : 0 }
            }

            // On PostgreSQL every save succeeds; on SQLite the ones that did are all there.
            if !onSQLite { #expect(saved == projects.count) }
            #expect(saved >= 1)
            let entries = try await AuditEntry.query(on: app.db).filter(\.$action == "bijwerken").count()
            #expect(entries == saved)
            let verification = try await AuditTrail.verify(on: app.db)
            #expect(verification.brokenAt == nil, "\(verification.problem ?? "")")
        }
    }

    @Test func writesWithoutTheFormTokenOrToAPublishedPeriodAreRefused() async throws {
        try await withStoplicht(seeded: true) { app in
            var walter = try await Browser.member(
                app, "walter@woudenberg.nl", role: .projectLeader, person: "Walter de Haan")
            let revision = try #require(
                Browser.hiddenValue(StatusField.revision, in: try await walter.get(Cycle.statusPath(1)).body))

            let forged = try await walter.post(
                Cycle.statusPath(1), Cycle.statusForm(light: "rood", remarks: "x", revision: revision), csrf: false)
            #expect(forged.status == .forbidden)
            #expect(forged.body.contains("beveiligingskenmerk"))

            let (context, period) = try await PeriodPublication.find(
                programme: Cycle.programme, period: nil, on: app.db)
            _ = context
            _ = try await PeriodPublication.publish(
                programme: Cycle.programme, period: period, actor: "test", settings: app.settings, on: app.db)
            let frozen = try await walter.post(
                Cycle.statusPath(1), Cycle.statusForm(light: "groen", remarks: "x", revision: revision))
            #expect(frozen.status == .conflict)
            #expect(frozen.body.contains("is gepubliceerd en daarmee bevroren"))
            let form = try await walter.get(Cycle.statusPath(1))
            #expect(form.status == .conflict)
            // The database refuses it too, whatever the application does.
            let status = try #require(try await Cycle.status(1, on: app.db))
            status.remarks = "buiten de applicatie om"
            await #expect(throws: (any Error).self) { try await status.save(on: app.db) }
            #expect(try await Cycle.status(1, on: app.db)?.remarks != "buiten de applicatie om")
        }
    }

    @Test func scriptsInRemarksAndTextsComeOutInert() async throws {
        try await withStoplicht(seeded: true) { app in
            var erna = try await Browser.member(app, "erna@woudenberg.nl", role: .programmeManager)
            let revision = try #require(
                Browser.hiddenValue(StatusField.revision, in: try await erna.get(Cycle.statusPath(1)).body))
            let attack = """
                <script>alert('xss')</script> <img src=x onerror="alert(1)"> [klik](javascript:alert(2)) <a href="javascript:alert(3)">a</a>

                <iframe src="https://kwaad.example"></iframe> **vet**
                """
            let saved = try await erna.post(
                Cycle.statusPath(1), Cycle.statusForm(light: "groen", remarks: attack, revision: revision))
            #expect(saved.status == .seeOther)

            for path in [
                "/programmas/dienstverlening/projecten/1", Cycle.overview,
                "/programmas/dienstverlening/perioden/juni-t-m-oktober-2018",
                Cycle.statusPath(1), "/programmas/dienstverlening/projecten/1/wijzigingen",
            ] {
                let page = try await erna.get(path)
                #expect(page.status == .ok, "\(path)")
                #expect(!page.body.contains("<script>alert"), "\(path)")
                #expect(!page.body.contains("<img src=x"), "\(path)")
                #expect(!page.body.contains("<iframe"), "\(path)")
                // No element carries a script: escaped text may spell one out, a tag may not.
                #expect(
                    page.body.range(
                        of: #"<a\b[^>]*href\s*=\s*"?javascript:"#, options: [.regularExpression, .caseInsensitive])
                        == nil, "\(path)")
                #expect(
                    page.body.range(
                        of: #"<[a-z]+\b[^>]*\bonerror\s*="#, options: [.regularExpression, .caseInsensitive]) == nil,
                    "\(path)")
            }
            let project = try await erna.get("/programmas/dienstverlening/projecten/1")
            #expect(project.body.contains("&lt;script&gt;alert("))
            #expect(project.body.contains("<strong>vet</strong>"))
        }
    }
}
