import Fluent
import Foundation
@testable import Stoplicht
import StoplichtCore
import Testing
import Vapor
import VaporTesting

/// The overview and the report mark what changed since the previous period.
@Suite struct ChangeMarkTests {
    func importCSV(_ text: String, _ app: Application) async throws {
        let report = try ReportReader().read(Data(text.utf8), filename: "wonen.csv").report
        _ = try await ReportImporter(database: app.db).run(report, into: ImportTarget(organisation: "Gemeente Proef"))
    }

    @Test func changesSinceThePreviousPeriodAreMarkedInWords() async throws {
        try await withStoplicht { app in
            // setup
            try await importCSV("""
            Programma;Wonen
            Periode;januari t/m april 2025
            Nr;Project;Projectleider;Status;Gereed
            1;Woningbouw De Hoef;Marieke Jansen;groen;Q4 2025
            2;Stationsgebied;Kees Mulder;oranje;Q2 2026
            3;Sporthal;Bram Peters;oranje;Q3 2025
            """, app)
            try await importCSV("""
            Programma;Wonen
            Periode;mei t/m augustus 2025
            Nr;Project;Projectleider;Status;Gereed
            1;Woningbouw De Hoef;Marieke Jansen;oranje;Q1 2026
            2;Stationsgebied;Kees Mulder;groen;Q2 2026
            3;Sporthal;Bram Peters;afgerond;Q3 2025
            4;Sociale huur Oost;Marieke Jansen;groen;2027
            """, app)

            // MUT
            var overview = ""
            try await app.testing().test(.GET, "/programmas/wonen", headers: ["Accept": "text/html"]) { overview = $0.body.string }
            var report = ""
            try await app.testing().test(.GET, "/programmas/wonen/perioden/mei-t-m-augustus-2025", headers: ["Accept": "text/html"]) { report = $0.body.string }
            var first = ""
            try await app.testing().test(.GET, "/programmas/wonen/perioden/januari-t-m-april-2025", headers: ["Accept": "text/html"]) { first = $0.body.string }

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
