import Fluent
import Foundation
import StoplichtCore
import Testing
import Vapor
import VaporTesting

@testable import Stoplicht

/// The overview and the report mark what changed since the previous period.
@Suite struct ChangeMarkTests {
    func importCSV(_ text: String, _ app: Application) async throws {
        let report = try ReportReader().read(Data(text.utf8), filename: "wonen.csv").report
        _ = try await ReportImporter(database: app.db).run(report, into: ImportTarget(organisation: "Gemeente Proef"))
    }

    @Test func changesSinceThePreviousPeriodAreMarkedInWords() async throws {
        try await withStoplicht { app in
            // setup
            try await importCSV(
                """
                Programma;Wonen
                Periode;januari t/m april 2025
                Nr;Project;Projectleider;Status;Gereed
                1;Woningbouw De Hoef;Marieke Jansen;groen;Q4 2025
                2;Stationsgebied;Kees Mulder;oranje;Q2 2026
                3;Sporthal;Bram Peters;oranje;Q3 2025
                """, app)
            try await importCSV(
                """
                Programma;Wonen
                Periode;mei t/m augustus 2025
                Nr;Project;Projectleider;Status;Gereed
                1;Woningbouw De Hoef;Marieke Jansen;oranje;Q1 2026
                2;Stationsgebied;Kees Mulder;groen;Q2 2026
                3;Sporthal;Bram Peters;afgerond;Q3 2025
                4;Sociale huur Oost;Marieke Jansen;groen;2027
                """, app)

            try await openToEveryone(app, "wonen")

            // MUT
            var overview = ""
            try await app.testing().test(.GET, "/programmas/wonen", headers: ["Accept": "text/html"]) {
                overview = $0.body.string
            }
            var report = ""
            try await app.testing().test(
                .GET, "/programmas/wonen/perioden/mei-t-m-augustus-2025", headers: ["Accept": "text/html"]
            ) { report = $0.body.string }
            var first = ""
            try await app.testing().test(
                .GET, "/programmas/wonen/perioden/januari-t-m-april-2025", headers: ["Accept": "text/html"]
            ) { first = $0.body.string }

            // validate
            for html in [overview, report] {
                #expect(html.contains("Slechter dan de vorige rapportage (was Groen)"))
                #expect(html.contains("Oplevering verschoven van Q4 2025 naar Q1 2026"))
                #expect(html.contains("Beter dan de vorige rapportage (was Oranje)"))
                #expect(html.contains("Afgerond sinds de vorige rapportage"))
                #expect(html.contains("Nieuw in deze rapportage"))
            }
            // The first period has nothing to compare with.
            #expect(!first.contains("stoplicht-change "))
        }
    }
}

/// The trend grid: lights over the last periods side by side, long concerns marked.
@Suite struct TrendGridTests {
    @Test func aProjectOrangeForThreeReportsStandsOut() async throws {
        try await withStoplicht { app in
            // setup: four periods; project 2 goes oranje, rood, oranje
            let periods = [
                "januari t/m maart 2025", "april t/m juni 2025", "juli t/m september 2025", "oktober t/m december 2025",
            ]
            let lights = [("groen", "groen"), ("groen", "oranje"), ("oranje", "rood"), ("groen", "oranje")]
            for (period, (first, second)) in zip(periods, lights) {
                let csv =
                    "Programma;Wonen\nPeriode;\(period)\nNr;Project;Status\n1;De Hoef;\(first)\n2;Stationsgebied;\(second)\n"
                let report = try ReportReader().read(Data(csv.utf8), filename: "wonen.csv").report
                _ = try await ReportImporter(database: app.db).run(
                    report, into: ImportTarget(organisation: "Gemeente Proef"))
            }

            try await openToEveryone(app, "wonen")

            // MUT
            let model = try await ProgrammeTrendModel.query(slug: "wonen", on: app.db)
            var html = ""
            try await app.testing().test(.GET, "/programmas/wonen/verloop", headers: ["Accept": "text/html"]) {
                html = $0.body.string
            }

            // validate
            #expect(model.periods.map(\.name) == periods)
            #expect(
                model.rows.map { $0.lights.map { $0?.code } } == [
                    ["groen", "groen", "oranje", "groen"], ["groen", "oranje", "rood", "oranje"],
                ])
            #expect(model.rows.map(\.concern) == [0, 3])
            #expect(html.contains("Drie rapportages of langer oranje of rood: project 2."))
            #expect(html.contains("3 rapportages op rij oranje of rood"))
        }
    }

    @Test func concernCountsTheLatestReportsInARow() {
        let scale = LightScale.standard
        #expect(LightTrend.concern([scale.light("rood"), scale.light("groen"), scale.light("oranje")]) == 1)
        #expect(LightTrend.concern([scale.light("oranje"), scale.light("rood"), scale.light("oranje")]) == 3)
        #expect(LightTrend.concern([scale.light("oranje"), nil]) == 0)
        #expect(LightTrend.concern([scale.light("oranje"), scale.light("grijs")]) == 0)
    }
}
