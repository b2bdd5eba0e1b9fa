import Foundation
import Testing

@testable import StoplichtCore

/// The page reader on real published reports (`../shared/real-reports/`, beside the
/// package; never copied into the repository): what a careful reader finds in each.
@Suite struct RealReportPagesTests {
    static let files = [
        "city-guelph-2024-capital-projects-status.md",
        "city-toronto-2020-major-capital-projects.md",
        "council-inner-west-2020-capital-works-corporate-support.md",
        "gemeente-gooise-meren-2019-projectenboek-april.md",
        "gemeente-nunspeet-2018-derde-hoofdlijnenrapportage-projecten.md",
        "gemeente-oostzaan-2020-jaarstukken-project-rietkraag.md",
        "gemeente-waalwijk-2023-najaarsbericht-majeure-projecten.md",
        "provincie-fryslan-2019-tweede-bestuursrapportage-grote-projecten.md",
        "provincie-fryslan-2020-tweede-bestuursrapportage-grote-projecten.md",
        "provincie-noord-brabant-2020-jaarstukken-deltaprogramma-maas.md",
        "provincie-overijssel-2020-monitor-2020-ii.md",
    ]

    /// `../shared/real-reports/` from the package root: found from this file, or from the
    /// working directory when the tests run from the package root.
    static var folder: URL {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let candidates = [
            root.appendingPathComponent("../shared/real-reports").standardizedFileURL,
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(
                "../shared/real-reports"
            ).standardizedFileURL,
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) } ?? candidates[0]
    }

    static func pages(_ name: String, reading: LightReading = .standard) throws -> ProjectPages {
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        return ProjectPageReader(reading: reading).read(ReportLine.split(text))
    }

    typealias Lights = [DimensionReading]
    static let g = LightNotation.Reading.tone(.positive)
    static let o = LightNotation.Reading.tone(.warning)

    static func lights(_ pairs: (String, LightNotation.Reading)...) -> Lights {
        pairs.map { DimensionReading(label: $0.0, reading: $0.1) }
    }

    @Test func oostzaanProjectPageNamedByTheDocumentTitle() throws {
        // MUT
        let pages = try Self.pages("gemeente-oostzaan-2020-jaarstukken-project-rietkraag.md")

        // validate
        #expect(pages.projects.map(\.name) == ["Onderzoek omgeving Rietkraag"])
        #expect(pages.projects.map(\.number) == [122])
        #expect(pages.projects.first?.dimensionLights == Self.lights(("Kwaliteit", Self.o), ("Tijd", Self.o)))
        #expect(pages.projects.first?.leaders == [])
        #expect(
            pages.projects.first?.remarks.hasPrefix(
                "We onderzoeken welke mogelijkheden er zijn voor de nieuwbouw van de school.") == true)
    }

    @Test func nunspeetTwoProjectPagesWithGeldNotRated() throws {
        // MUT
        let pages = try Self.pages("gemeente-nunspeet-2018-derde-hoofdlijnenrapportage-projecten.md")

        // validate
        #expect(
            pages.projects.map(\.name) == [
                "Project Revitalisering sportpark Wiltsangh incl. zwembad (hoofdproject)",
                "Project onderwijshuisvesting: Deelresultaat ontwikkeling Nunspeet Oost",
            ])
        for project in pages.projects {
            #expect(
                project.dimensionLights
                    == Self.lights(("Kwaliteit", Self.g), ("Tijd", Self.g), ("Geld", .notRated(notStarted: false))))
            #expect(project.light == Self.g)
        }
        #expect(
            pages.projects.last?.remarks.contains("**Kwaliteit:** Ontwikkeling van een IKC in Nunspeet Oost") == true)
        #expect(pages.projects.last?.remarks.contains("**Tijd:** Op dit moment vinden gesprekken plaats") == true)
    }

    @Test func noordBrabantOneProjectWithItsSubProjects() throws {
        // MUT
        let pages = try Self.pages("provincie-noord-brabant-2020-jaarstukken-deltaprogramma-maas.md")

        // validate
        #expect(pages.projects.map(\.name) == ["Uitvoeren Deltaprogramma Maas"])
        #expect(pages.projects.first?.dimensionLights == Self.lights(("Kwaliteit", Self.g)))
        #expect(
            pages.projects.first?.items == [
                "Lob van Gennep", "Alem", "Meanderende Maas", "Oeffelt", "Verlengen brug Veerweg Alphen",
            ])
    }

    @Test func overijsselCardsAndProjectPages() throws {
        // MUT
        let pages = try Self.pages("provincie-overijssel-2020-monitor-2020-ii.md")

        // validate
        #expect(
            pages.projects.map(\.name) == [
                "Vastleggen en waarborgen actueel ruimtelijk- en waterbeleid",
                "Uitvoering van ons ruimtelijk- en waterbeleid",
                "Toekomstbestendig maken van de woningvoorraad",
                "Actieplan Leefbaar Platteland",
                "Actieplan Leefbaar Platteland",
                "Robuust goederenvervoer netwerk",
                "N348 Raalte-Ommen 1e en 2e fase",
                "Eigentijdse invulling participatie",
            ])
        // Cards numbered 1.1.1 … have no whole number; they follow the highest one.
        #expect(pages.projects.map(\.number) == [725, 726, 727, 728, 143, 444, 468, 724])
        #expect(pages.projects.map(\.isNumbered) == [false, false, false, false, true, true, true, true])
        #expect(
            pages.projects.map(\.dimensionLights) == [
                Self.lights(("Inhoud", Self.g), ("Financiën", Self.o)),
                Self.lights(("Inhoud", Self.o), ("Financiën", Self.g)),
                Self.lights(("Inhoud", Self.g), ("Financiën", Self.g)),
                Self.lights(("Inhoud", Self.g), ("Financiën", Self.g)),
                Self.lights(("Inhoud", Self.g), ("Financiën", Self.g)),
                Self.lights(("Inhoud", Self.g), ("Financiën", Self.g)),
                Self.lights(("Inhoud", Self.o), ("Financiën", Self.o)),
                Self.lights(("Inhoud", Self.g), ("Financiën", Self.o)),
            ])
        #expect(
            pages.projects.map { $0.leaders.map(\.person) } == [
                [], [], [], [],
                ["Monique van Haaf", "Roy de Witte"], ["Bert Boerman"], ["Bert Boerman"], [],
            ])
        try #require(pages.projects.count == 8)
        #expect(pages.projects[6].remarks.contains("**Inhoud:** De werkzaamheden van fase 2 zijn"))
    }

    @Test func waalwijkPagesUnderMajeureProjecten() throws {
        // MUT
        let pages = try Self.pages("gemeente-waalwijk-2023-najaarsbericht-majeure-projecten.md")

        // validate
        #expect(pages.projects.map(\.name) == ["Insteekhaven", "Gebiedsontsluiting Oostelijke Langstraat (GOL)"])
        #expect(pages.projects.map(\.phase) == [nil, .preparation])
        #expect(pages.projects.allSatisfy { $0.light == .empty })
        try #require(pages.projects.count == 2)
        #expect(pages.projects[1].remarks.contains("**Project:** Gebiedsontwikkeling Oostelijke Langstraat (GOL)"))
    }

    @Test func gooiseMerenProjectSheet() throws {
        // MUT
        let pages = try Self.pages("gemeente-gooise-meren-2019-projectenboek-april.md")

        // validate
        #expect(pages.projects.map(\.name) == ["Verder met de vesting Muiden"])
        #expect(pages.tableLinesTaken == Set(56...60))
        #expect(pages.explanations.map(\.kind) == ["projectblad"])
        #expect(
            pages.projects.first?.remarks.hasPrefix(
                "**Omschrijving (soort project, context):** De Vesting Muiden is UNESCO werelderfgoed.") == true)
    }

    @Test func fryslan2019ProjectSevenAndNoProjectFromProse() throws {
        // MUT
        let pages = try Self.pages("provincie-fryslan-2019-tweede-bestuursrapportage-grote-projecten.md")

        // validate
        #expect(pages.projects.map(\.name) == ["Heerenveen, stad van Sport (Nieuw Thialf)"])
        #expect(pages.projects.map(\.number) == [7])
        #expect(pages.projects.first?.light == .empty)
        #expect(pages.projects.first?.dimensionLights == [])
    }

    @Test func fryslan2020NamedListsWithGroups() throws {
        // MUT
        let pages = try Self.pages("provincie-fryslan-2020-tweede-bestuursrapportage-grote-projecten.md")

        // validate
        #expect(
            pages.projects.map(\.name) == [
                "N381 Drachten-Drentse grens",
                "Capaciteitsvergroting Leeuwarden-Zwolle", "Capaciteitsvergroting Leeuwarden-Groningen",
                "Station Werpsterhoeke", "Capaciteitsvergroting Leeuwarden-Sneek",
                "Heerenveen, stad van Sport (Nieuw Thialf)", "RUG / Campus Fryslân", "Leeuwarden Fryslân 2028",
                "Europese watertechnologiehub", "Sluis Kornwerderzand",
                "Innovatiecluster Drachten (voorheen technocampus)",
                "Gebiedsontwikkelingsplan Harlingen-Franekeradeel", "Uitvoering natuuropgave",
                "Breed cofinancieringsbudget", "Corona m",
            ])
        #expect(pages.projects.map(\.number) == [1, 13, 14, 15, 16, 3, 4, 5, 6, 17, 8, 9, 10, 11, 12])
        #expect(
            pages.projects.map(\.group) == [
                nil, "Spoorprojecten", "Spoorprojecten", "Spoorprojecten", "Spoorprojecten",
                nil, nil, nil, nil, "De Nieuwe Afsluitdijk", nil, nil, nil, nil, nil,
            ])
        #expect(pages.projects.allSatisfy { $0.light == .empty && $0.dimensionLights.isEmpty })
        #expect(
            pages.warnings.map(\.description).contains(
                "regel 83: De lijst onder ‘Overige projecten’ is afgebroken; de naam ‘Corona m’ is mogelijk onvolledig."
            ))
        #expect(pages.tableLinesTaken.isEmpty)
    }

    @Test func guelphStationPageAndTierOneList() throws {
        // MUT
        let pages = try Self.pages("city-guelph-2024-capital-projects-status.md")
        let phrases = LightReading(custom: ["Within scope": Self.g, "On schedule": Self.g, "Within budget": Self.g])
        let withPhrases = try Self.pages("city-guelph-2024-capital-projects-status.md", reading: phrases)

        // validate
        #expect(
            pages.projects.map(\.name) == [
                "Baker District Redevelopment", "Downtown infrastructure renewal", "Guelph Central Station",
                "Guelph Transit and Fleet Services Facility", "South End Community Centre", "Guelph Central Station",
            ])
        #expect(pages.projects.last?.leaders == [LeaderName(person: "Amir Bhatti")])
        // The standard vocabulary reads the captions as a custom mapping of them would.
        #expect(pages.projects.last?.dimensionLights == withPhrases.projects.last?.dimensionLights)
        #expect(
            withPhrases.projects.last?.dimensionLights
                == Self.lights(("Scope", Self.g), ("Planning", Self.g), ("Budget", Self.g)))
    }

    @Test func tablesOnlyReportsGiveNoPages() throws {
        // MUT
        let toronto = try Self.pages("city-toronto-2020-major-capital-projects.md")
        let innerWest = try Self.pages("council-inner-west-2020-capital-works-corporate-support.md")

        // validate
        #expect(toronto.projects.isEmpty)
        #expect(innerWest.projects.isEmpty)
    }

    @Test func theSeedReportHasItsProjectsInTablesOnly() throws {
        // MUT
        let pages = ProjectPageReader(reading: .standard).read(ReportLine.split(try Fixtures.seedText()))

        // validate
        #expect(pages.projects.map(\.name) == [])
        #expect(pages.tableLinesTaken.isEmpty)
    }

    @Test func noLeaderIsALightWordDateOrAmount() throws {
        for file in Self.files {
            // MUT
            let pages = try Self.pages(file)

            // validate
            for leader in pages.projects.flatMap(\.leaders) {
                #expect(!LightReading.standard.read(leader.person).isLight, "\(file): \(leader.person)")
                #expect(PlanDate(parsing: leader.person) == nil, "\(file): \(leader.person)")
                #expect(ReportedAmount(parsing: leader.person) == nil, "\(file): \(leader.person)")
                #expect(!leader.person.contains { $0.isNumber }, "\(file): \(leader.person)")
            }
            for project in pages.projects {
                #expect(PageTitle.isName(project.name, reading: .standard), "\(file): \(project.name)")
            }
        }
    }
}
