import Fluent
import Foundation
import StoplichtCore
import Testing
import Vapor
import VaporTesting

@testable import Stoplicht

/// Reports shaped unlike the seed, in every format the importer reads; each asserts the
/// projects, leaders, lights and remarks exactly.
@Suite struct FormatImportTests {
    typealias Expected = ImportFixtures.Expected

    @Test func wordWithLightsPerDimensionMergedLeaderAndContinuedTable() throws {
        // MUT
        let result = try ImportFixtures.read("heuvelrug-dimensies.docx")
        let report = result.report

        // validate
        #expect(result.format == .docx)
        #expect(report.programmeName == "Fysiek Domein")
        #expect(report.periodName == "januari t/m april 2024")
        #expect(report.programmeManager == "Ilse Bakker")
        #expect(report.title == "Voortgangsrapportage programma Fysiek Domein")
        #expect(report.sections.map(\.title) == ["Inleiding", "Gevraagde besluiten", "Bijlage: projecten"])
        #expect(report.sections[0].markdown == "Het programma ligt op koers. Twee projecten vragen aandacht.")
        #expect(
            report.decisions.map(\.markdown) == [
                "Instemmen met het uitstellen van de herinrichting van het Marktplein."
            ])
        #expect(
            report.projects.map(Expected.init) == [
                Expected(
                    1, "Herinrichting Marktplein", ["Joost Smit"], .tone(.negative),
                    "De aannemer heeft vertraging door de levering van natuursteen.\n\nMaatregelen:\n\n- Planning herzien met de aannemer\n- Bewoners informeren via de wijkkrant"
                ),
                // The leader cell is merged down from project 1.
                Expected(
                    2, "Fietspad Langbroek", ["Joost Smit"], .tone(.positive),
                    "Aanbesteding afgerond. Oplevering Q3 2024."),
                // The first row after the page break continues project 3's remarks.
                Expected(
                    3, "Warmtevisie", ["Fatima El Amrani"], .tone(.warning),
                    "Participatie loopt langer dan gepland.\n\nEerste bijeenkomst in maart; tweede in mei."),
                Expected(4, "Omgevingsvisie", ["Afdeling Ruimte"], .finished, "Vastgesteld door de raad. AFGEROND."),
            ])
        #expect(
            report.projects[0].dimensionLights == [
                DimensionReading(label: "Tijd", reading: .tone(.negative)),
                DimensionReading(label: "Geld", reading: .tone(.warning)),
                DimensionReading(label: "Kwaliteit", reading: .tone(.positive)),
            ])
        // "niet van toepassing" is no light, and never green.
        #expect(
            report.projects[3].dimensionLights == [
                DimensionReading(label: "Tijd", reading: .tone(.positive)),
                DimensionReading(label: "Geld", reading: .notRated(notStarted: false)),
                DimensionReading(label: "Kwaliteit", reading: .tone(.positive)),
            ])
        #expect(report.projects[3].lifecycle == .delivered)
        #expect(report.projects[1].forecastDelivery == .quarter(2024, 3))
        #expect(
            report.warnings.map(\.description) == [
                "tabel 1, rij 2: De tabel geeft geen totaallicht, alleen lichten per dimensie; voor de projecten 1, 2, 3 is het ernstigste licht van de dimensies als totaallicht genomen.",
                "tabel 2, rij 1: Vervolgrij (over een paginagrens) samengevoegd met project 3.",
            ])
    }

    @Test func openDocumentWithLightsForThreePeriodsAndSpannedCells() throws {
        let result = try ImportFixtures.read("zeewolde-perioden.odt")
        let report = result.report

        #expect(result.format == .odt)
        #expect(report.programmeName == "Sociaal Domein")
        #expect(report.periodName == "mei t/m augustus 2024")
        #expect(report.politicalSponsor == "wethouder Anouk de Graaf")
        #expect(report.sections.map(\.kind) == [.successes, .risks, .other("projecten")])
        #expect(
            report.risks.map(\.markdown) == [
                "Tekort aan jeugdzorgaanbieders in de regio.", "Stijgende kosten Wmo-vervoer.",
            ])
        #expect(
            report.projects.map(Expected.init) == [
                Expected(1, "Inkoop jeugdhulp", [], .tone(.positive), "Contracten getekend."),
                Expected(
                    2, "Wmo-vervoer", ["Pieter Kok"], .tone(.warning), "Vervoerder failliet; noodcontract tot januari."),
                Expected(
                    3, "Armoedebeleid", ["Pieter Kok"], .tone(.negative),
                    "Nieuwe regeling vanaf januari.\n\nEvaluatie in het najaar.\n\nRaadsinformatiebrief volgt."),
            ])
        #expect(report.projects.map(\.previousLight) == [.tone(.warning), .tone(.positive), .tone(.negative)])
        #expect(report.projects.map(\.expectedLight) == [.tone(.positive), .tone(.negative), .tone(.warning)])
        #expect(
            report.warnings.map(\.description) == [
                "tabel 1, rij 2: Project 1 (Inkoop jeugdhulp) heeft geen projectleider.",
                "tabel 1, rij 5: Vervolgrij (over een paginagrens) samengevoegd met project 3.",
            ])
    }

    @Test func englishWorkbookWithTheFivePointScale() throws {
        let result = try ImportFixtures.read("stratford-dca.xlsx")
        let report = result.report

        #expect(result.format == .xlsx)
        #expect(report.programmeName == "Digital Services")
        #expect(report.periodName == "april t/m juni 2024")
        #expect(
            report.projects.map(Expected.init) == [
                Expected(
                    1, "Website replatforming", ["Tom Hughes"], .between(better: .positive, worse: .warning),
                    "Supplier appointed; migration started.\n\n**Budget:** € 649.000.000,00"),
                // The owner cell is merged down over two rows.
                Expected(
                    2, "Customer portal", ["Tom Hughes"], .between(better: .warning, worse: .negative),
                    "Integration with case system delayed.\n\n**Budget:** € 1.234.567,89"),
                Expected(3, "Data platform", ["Priya Shah"], .tone(.positive), "On track.\n\n**Budget:** -12,5%"),
                Expected(
                    4, "Telephony", ["Priya Shah"], .tone(.negative),
                    "Contract dispute with the vendor.\n\n**Budget:** -€ 12,50"),
            ])
        #expect(
            report.projects.map(\.plannedDelivery) == [
                .day(2024, 11, 15), .quarter(2024, 4), .half(2025, 2), .month(2024, 11),
            ])
        #expect(
            report.projects.map(\.budget) == [
                .money(cents: 64_900_000_000), .money(cents: 123_456_789), .percentage(hundredths: -1250),
                .money(cents: -1250),
            ])
        // The second sheet is no continuation of the project table: its "Legend" table is
        // taken for a legend and kept as text, not as cover fields.
        #expect(report.cover.map(\.label) == ["Programme", "Period"])
        #expect(report.tables.map(\.kind) == [.projects, .legend])
    }

    @Test func csvWithoutNumbersSymbolsAmountsAndDates() throws {
        let result = try ImportFixtures.read("leusden-zonder-nummers.csv")
        let report = result.report

        #expect(result.format == .csv)
        #expect(report.programmeName == "Wonen en Werken")
        #expect(report.periodName == "september t/m december 2024")
        #expect(
            report.projects.map(Expected.init) == [
                Expected(
                    1, "Woningbouw De Hoef", ["Marieke Jansen"], .tone(.positive),
                    "Eerste fase opgeleverd.\n\n**Budget:** € 649.000.000,00"),
                Expected(
                    2, "Bedrijventerrein Princenhof", [], .tone(.warning),
                    "Grondaankoop vertraagd.\n\nOverleg met de provincie loopt.\n\n**Budget:** € 1.234.567,00"),
                Expected(
                    3, "Huisvesting statushouders", ["Wethouder Van Dam"], .tone(.negative),
                    "Te weinig locaties.\n\n**Budget:** € 21.750,00"),
                Expected(
                    4, "Duurzaamheidsleningen", ["Afdeling Publiekszaken"], .notRated(notStarted: true),
                    "**Planning:** eind 2025"),
            ])
        #expect(report.projects.map(\.isNumbered) == [false, false, false, false])
        #expect(report.projects.map(\.lifecycle) == [.running, .running, .running, .notStarted])
        #expect(report.projects.map(\.plannedDelivery) == [.quarter(2024, 4), .half(2025, 2), .month(2024, 11), nil])
        #expect(
            report.warnings.map(\.description) == [
                "regel 4: De bedragen in de kolom budget hebben nog geen eigen veld; ze staan per project in de toelichting, exact overgenomen.",
                "regel 5: Project zonder nummer: het wordt op naam gekoppeld aan een bestaand project, of krijgt het eerstvolgende vrije nummer.",
                "regel 6: Project zonder nummer: het wordt op naam gekoppeld aan een bestaand project, of krijgt het eerstvolgende vrije nummer.",
                "regel 6: Project 2 (Bedrijventerrein Princenhof) heeft geen projectleider.",
                "regel 8: Project zonder nummer: het wordt op naam gekoppeld aan een bestaand project, of krijgt het eerstvolgende vrije nummer.",
                "regel 9: Project zonder nummer: het wordt op naam gekoppeld aan een bestaand project, of krijgt het eerstvolgende vrije nummer.",
                "regel 9: Project 4 (Duurzaamheidsleningen): ‘eind 2025’ als planning is geen datum, maand, kwartaal of halfjaar; de tekst staat in de toelichting.",
            ])
    }

    @Test func htmlWithLettersFillsAndSpans() throws {
        let result = try ImportFixtures.read("bos-bedrijfsvoering.html")
        let report = result.report

        #expect(result.format == .html)
        #expect(report.programmeName == "Bedrijfsvoering")
        #expect(report.sections.map(\.title) == ["Financiën", "Bijlagen"])
        #expect(report.sections[0].markdown == "De kosten blijven binnen het krediet van € 2,1 mln.")
        #expect(
            report.projects.map(Expected.init) == [
                Expected(
                    1, "Nieuwe salarisadministratie", ["Team HRM"], .tone(.positive),
                    "Livegang per 1 oktober.\n\n- Parallelle run geslaagd\n- Medewerkers getraind"),
                // "Team HRM" spans two rows; the remarks span two columns.
                Expected(
                    2, "Inkoopbeleid & contractbeheer", ["Team HRM"], .tone(.warning),
                    "Nieuwe contractbeheerder start in november."),
                // A cell filled red without a word is a red light; "<50%>" is text, not markup.
                Expected(
                    3, "Archief op orde", ["Wethouder Bos"], .tone(.negative),
                    "Achterstand in de digitalisering: <50%> van de dossiers."),
                Expected(4, "Werkplekbeheer", ["Ahmed Yilmaz/Bureau Werkplek BV"], .tone(.negative), ""),
            ])
        // The script's text is not report text.
        #expect(!report.sections.contains { $0.markdown.contains("alert") })
        #expect(report.warnings.isEmpty)
    }

    @Test func openDocumentSpreadsheetWithADateAndRepeatedEmptyCells() throws {
        let result = try ImportFixtures.read("almere-rekenblad.ods")
        let report = result.report

        #expect(result.format == .ods)
        #expect(report.programmeName == "Duurzaam Almere")
        #expect(report.periodName == "januari t/m juni 2025")
        #expect(
            report.projects.map(Expected.init) == [
                Expected(
                    1, "Zonnepanelen op scholen", ["Team Energie"], .tone(.positive), "Twaalf scholen aangesloten."),
                Expected(2, "Warmtenet Poort", ["Team Energie"], .tone(.warning), "Vergunning later verleend."),
            ])
        #expect(report.projects.map(\.plannedDelivery) == [.day(2025, 9, 15), .quarter(2026, 1)])
        #expect(report.warnings.isEmpty)
    }

    @Test func aSecondHeaderRowNamesTheColumnsUnderASpannedHeader() throws {
        let html = """
            <h1>Programma Mobiliteit</h1><p>Rapportageperiode: maart t/m juni 2025</p>
            <table>
            <tr><th rowspan="2">Nr</th><th rowspan="2">Project</th><th colspan="3">Status</th><th rowspan="2">Toelichting</th></tr>
            <tr><th>Vorige</th><th>Huidige</th><th>Komende</th></tr>
            <tr><td>1</td><td>Fietsenstalling station</td><td>groen</td><td>oranje</td><td>oranje</td><td>Vergunning vertraagd.</td></tr>
            </table>
            """
        let report = try ReportReader().read(Data(html.utf8), filename: "mobiliteit.html").report
        #expect(
            report.projects.map(Expected.init) == [
                Expected(1, "Fietsenstalling station", [], .tone(.warning), "Vergunning vertraagd.")
            ])
        #expect(report.projects[0].previousLight == .tone(.positive))
        #expect(report.projects[0].expectedLight == .tone(.warning))
    }

    @Test func theSeedInItsTextForm() throws {
        let result = try ReportReader().read(Fixtures.seed(), filename: "woudenberg.txt")
        #expect(result.format == .text)
        #expect(result.report.projects.count == 36)
        #expect(
            Expected(result.report.projects[32])
                == Expected(
                    33, "Onderzoeken samenwerking met de gemeente Veenendaal", ["Erna Jongerius", "Walter de Haan"],
                    .finished, "AFGEROND."))
    }

    @Test func importedLightsLandOnTheProgrammesScale() async throws {
        try await withStoplicht { app in
            // setup
            let result = try ImportFixtures.read("stratford-dca.xlsx")

            // MUT
            let summary = try await ImportFixtures.importReport(result, into: app)

            // validate: a new programme rating Amber/Green gets the five-point scale.
            let programme = try #require(
                try await Programme.query(on: app.db).filter(\.$slug == "digital-services").first())
            let scale = try await ProgrammeLight.query(on: app.db).filter(\.$programme.$id == programme.requireID())
                .sort(\.$rank).all()
            #expect(scale.map(\.code) == ["groen", "oranje-groen", "oranje", "oranje-rood", "rood", "grijs"])
            #expect(summary.projectChanges.map(\.light) == ["oranje-groen", "oranje-rood", "groen", "rood"])
            #expect(summary.projectChanges.map(\.action) == [.created, .created, .created, .created])
        }
    }

    @Test func lightsPerDimensionAndPeriodAreStored() async throws {
        try await withStoplicht { app in
            // MUT
            _ = try await ImportFixtures.importReport(ImportFixtures.read("heuvelrug-dimensies.docx"), into: app)
            _ = try await ImportFixtures.importReport(ImportFixtures.read("zeewolde-perioden.odt"), into: app)

            // validate: the new programme reports on the dimensions its report uses.
            let fysiek = try #require(try await Programme.query(on: app.db).filter(\.$slug == "fysiek-domein").first())
            let dimensions = try await ProgrammeDimension.query(on: app.db).filter(
                \.$programme.$id == fysiek.requireID()
            ).sort(\.$position).all()
            #expect(dimensions.map(\.label) == ["Tijd", "Geld", "Kwaliteit"])
            let project1 = try #require(
                try await Project.query(on: app.db).filter(\.$programme.$id == fysiek.requireID()).filter(
                    \.$number == 1
                ).first())
            let status = try #require(
                try await ProjectStatus.query(on: app.db).filter(\.$project.$id == project1.requireID()).with(
                    \.$dimensionLights
                ).first())
            #expect(status.light == "rood")
            #expect(
                Dictionary(uniqueKeysWithValues: status.dimensionLights.map { ($0.dimension, $0.light) }) == [
                    "tijd": "rood", "geld": "oranje", "kwaliteit": "groen",
                ])

            let sociaal = try #require(
                try await Programme.query(on: app.db).filter(\.$slug == "sociaal-domein").first())
            let wmo = try #require(
                try await Project.query(on: app.db).filter(\.$programme.$id == sociaal.requireID()).filter(
                    \.$number == 2
                ).first())
            let wmoStatus = try #require(
                try await ProjectStatus.query(on: app.db).filter(\.$project.$id == wmo.requireID()).first())
            #expect(
                [wmoStatus.previousLight, wmoStatus.light, wmoStatus.expectedLight] == ["groen", "oranje", "rood"])
            // The project page shows them beside the period's own light.
            try await openToEveryone(app, "sociaal-domein")
            try await app.testing().test(
                .GET, "/programmas/sociaal-domein/projecten/2", headers: ["Accept": "text/html"]
            ) { res in
                #expect(res.status == .ok)
                #expect(
                    res.body.string.contains(
                        "<dt>Vorige periode (volgens deze rapportage)</dt><dd><span class=\"stoplicht-light stoplicht-light--positive\">"
                    ))
                #expect(
                    res.body.string.contains(
                        "<dt>Verwacht voor de komende periode</dt><dd><span class=\"stoplicht-light stoplicht-light--negative\">"
                    ))
            }
        }
    }
}
