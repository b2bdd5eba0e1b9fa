import Fluent
import Foundation
import StoplichtCore
import Testing
import Vapor
import VaporTesting

@testable import Stoplicht

@Suite struct ProgrammeScaleTests {
    /// A municipality's own five-light scale, as `LightScaleFileTests` reads it.
    static let ownScale: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/Scales/eigen-schaal.csv")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    @Test func lightsInUseCannotBeRemoved() async throws {
        try await withStoplicht(seeded: true) { app in
            let scale = try LightScaleFile.parse(Self.ownScale)
            await #expect(throws: InputError.self) {
                try await ProgrammeScaleUpdate.apply(scale, toProgramme: "dienstverlening", on: app.db)
            }
            // Nothing changed.
            let context = try await ProgrammeContext.load(slug: "dienstverlening", on: app.db)
            #expect(context.scale.lights.map(\.label) == ["Groen", "Oranje", "Rood", "Grijs"])
        }
    }

    @Test func relabelledScaleShowsOnTheOverview() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup: the same codes, other words, and no red (which no project uses).
            let scale = try LightScaleFile.parse(
                """
                groen;Volgens verwachting;groen;nee;Loopt zoals gepland.
                oranje;Aandachtspunt;oranje;nee;Vraagt aandacht.
                grijs;Afgerond;grijs;ja;Overgedragen.
                """)

            // MUT
            try await ProgrammeScaleUpdate.apply(scale, toProgramme: "dienstverlening", on: app.db)

            // validate
            try await app.testing().test(.GET, "/programmas/dienstverlening/perioden/juni-t-m-oktober-2018") { res in
                let html = res.body.string
                #expect(html.contains("</span>Volgens verwachting</span>"))
                #expect(html.contains("<dd>Vraagt aandacht.</dd>"))
                #expect(!html.contains("</span>Rood</span>"))
                #expect(
                    html.contains(
                        "<span class=\"stoplicht-counts__number\">3</span><span class=\"stoplicht-light stoplicht-light--warning\"><span class=\"stoplicht-light__mark\" aria-hidden=\"true\"></span>Aandachtspunt</span>"
                    ))
            }
        }
    }

    @Test func importWarnsWhereTheScaleHasNoLight() async throws {
        try await withStoplicht(seeded: true) { app in
            try await ProgrammeScaleUpdate.apply(
                try LightScaleFile.parse("groen;Groen;groen;nee;x\noranje;Oranje;oranje;nee;y\ngrijs;Grijs;grijs;ja;z"),
                toProgramme: "dienstverlening", on: app.db)
            let report = try ReportTextParser().parse(
                """
                Rapportageperiode: november 2018 t/m februari 2019

                | Nr | Project | Projectleider | Status | Toelichting |
                |----|---------|---------------|--------|-------------|
                | 1 | Aansluiten op www.mijnoverheid.nl. | Walter de Haan | ● ○ ○ | Vastgelopen. |
                """)
            let summary = try await ReportImporter(database: app.db)
                .run(report, into: ImportTarget(organisation: DemoData.organisation, programme: "Dienstverlening"))
            #expect(
                summary.warnings.map(\.description) == [
                    "regel 5: Project 1: de schaal van dit programma heeft geen licht voor ‘rood’ (stoplicht); het project krijgt daarvoor geen status. Voeg het licht toe met stoplicht scale."
                ])
        }
    }
}

@Suite struct ProgrammeDimensionTests {
    /// Lights for two dimensions on project 18, as a project leader would set them.
    func setDimensionLights(_ app: Application) async throws {
        let project = try #require(try await Project.query(on: app.db).filter(\.$number == 18).first())
        let status = try #require(
            try await ProjectStatus.query(on: app.db).filter(\.$project.$id == project.requireID()).first())
        try await StatusDimensionLight(statusID: status.requireID(), dimension: "planning", light: "rood").save(
            on: app.db)
        try await StatusDimensionLight(statusID: status.requireID(), dimension: "budget", light: "oranje").save(
            on: app.db)
    }

    @Test func aProgrammeReportsOnItsOwnDimensions() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup
            try await ProgrammeDimensionsUpdate.apply(
                labels: ["Planning", "Budget", "Risico"], toProgramme: "dienstverlening", on: app.db)
            try await setDimensionLights(app)

            // validate: the annex names each light given per dimension, in the programme's
            // order, within the project's light cell; its columns stay those of any report.
            for path in ["/programmas/dienstverlening/perioden/juni-t-m-oktober-2018", "/programmas/dienstverlening"] {
                try await app.testing().test(.GET, path) { res in
                    let html = res.body.string
                    let header = try #require(
                        html.components(separatedBy: "<thead>").last?.components(separatedBy: "</thead>").first)
                    #expect(!header.contains("Planning") && !header.contains("Budget"))
                    let row = try #require(
                        html.components(separatedBy: "<tr id=\"project-18\"").last?.components(separatedBy: "</tr>")
                            .first)
                    let light = try #require(
                        row.components(separatedBy: "<td class=\"stoplicht-col-light\"").last?.components(
                            separatedBy: "</td>"
                        ).first)
                    #expect(
                        light.contains(
                            "<ul class=\"stoplicht-dimension-lights\" aria-label=\"Lichten per dimensie\"><li class=\"stoplicht-dimension-light stoplicht-light--negative\"><span class=\"stoplicht-light__mark\" aria-hidden=\"true\"></span>Planning: Rood</li><li class=\"stoplicht-dimension-light stoplicht-light--warning\"><span class=\"stoplicht-light__mark\" aria-hidden=\"true\"></span>Budget: Oranje</li></ul>"
                        ))
                    // A dimension without a light is left out, not shown as an empty column.
                    #expect(!light.contains("Risico"))
                    #expect(row.components(separatedBy: "<li class=\"stoplicht-dimension-light ").count == 3)
                }
            }
            try await app.testing().test(.GET, "/programmas/dienstverlening/projecten/18") { res in
                #expect(
                    res.body.string.contains(
                        "<dl class=\"stoplicht-dimensions\"><dt>Planning</dt><dd><span class=\"stoplicht-light stoplicht-light--negative\">"
                    ))
            }
        }
    }

    @Test func withoutDimensionLightsTheAnnexShowsNone() async throws {
        try await withStoplicht(seeded: true) { app in
            try await app.testing().test(.GET, "/programmas/dienstverlening/perioden/juni-t-m-oktober-2018") { res in
                // The report itself, with its annex and the project rows in it: no lights to show
                // because none were given, not because the page or the table is another.
                #expect(res.status == .ok)
                let html = res.body.string
                let header = try #require(
                    html.components(separatedBy: "<thead>").dropFirst().first?.components(separatedBy: "</thead>")
                        .first,
                    "no annex table: \(html.prefix(300))")
                #expect(
                    header.contains(
                        "<th scope=\"col\" class=\"stoplicht-col-light\">Status</th><th scope=\"col\" class=\"stoplicht-col-remarks\">Opmerking(en)</th>"
                    ))
                #expect(html.contains("<tr id=\"project-18\""))
                #expect(!html.contains("stoplicht-dimension-lights"))
            }
        }
    }

    @Test func dimensionsInUseCannotBeRemoved() async throws {
        try await withStoplicht(seeded: true) { app in
            try await ProgrammeDimensionsUpdate.apply(
                labels: ["Planning", "Budget"], toProgramme: "dienstverlening", on: app.db)
            try await setDimensionLights(app)
            await #expect(throws: InputError.self) {
                try await ProgrammeDimensionsUpdate.apply(
                    labels: ["Planning"], toProgramme: "dienstverlening", on: app.db)
            }
            try await ProgrammeDimensionsUpdate.apply(
                labels: ["Budget", "Planning", "Kwaliteit"], toProgramme: "dienstverlening", on: app.db)
            let context = try await ProgrammeContext.load(slug: "dienstverlening", on: app.db)
            #expect(context.dimensions.map(\.label) == ["Budget", "Planning", "Kwaliteit"])
        }
    }
}
