import Foundation
import Testing

@testable import StoplichtCore

/// Real public progress reports of Dutch municipalities and provinces and of cities in
/// Canada and Australia, read from `../shared/real-reports/` (kept outside the repository),
/// through the importer as a user meets it: what a careful person reads from each.
@Suite struct RealReportImportTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/real-reports")

    static func read(_ name: String) throws -> ParsedReport {
        let url = folder.appendingPathComponent(name)
        let data = try Data(contentsOf: url)
        return try ReportReader().read(data, filename: name).report
    }

    static func project(_ report: ParsedReport, _ name: String) throws -> ParsedProject {
        try #require(report.projects.first { $0.name == name }, "\(name) not in \(report.projects.map(\.name))")
    }

    static func lights(_ project: ParsedProject) -> [String: LightNotation.Reading] {
        Dictionary(project.dimensionLights.map { ($0.label, $0.reading) }, uniquingKeysWith: { first, _ in first })
    }

    /// No leader is a light word, a date or an amount.
    static func leadersArePeople(_ report: ParsedReport) {
        for leader in report.projects.flatMap(\.leaders) {
            #expect(!LightNotation.read(leader.person).isLight, "\(leader.person)")
            #expect(PlanDate(parsing: leader.person) == nil, "\(leader.person)")
            #expect(!ColumnContent.isAmount(leader.person), "\(leader.person)")
        }
    }

    @Test func torontoMajorCapitalProjects() throws {
        let report = try Self.read("city-toronto-2020-major-capital-projects.md")
        #expect(
            report.projects.map(\.name) == [
                "The Guild Cultural Revitalization", "Casa Loma Phase 10", "KIPLING ACRES SITE 2",
                "CAREFREE LODGE REDEVELOPMENT",
            ])
        // Division rows are the groups of the projects under them, not projects.
        #expect(
            report.projects.map(\.group) == [
                "Economic Development & Culture", "Economic Development & Culture",
                "Senior Services & Long Term Care", "Senior Services & Long Term Care",
            ])
        #expect(report.projects.map(\.light) == [.tone(.positive), .tone(.positive), .finished, .tone(.warning)])
        // "On Budget" and "On Time" hold the circled letters Ⓖ Ⓨ.
        #expect(Self.lights(report.projects[0]) == ["Budget": .tone(.positive), "Tijd": .tone(.positive)])
        #expect(Self.lights(report.projects[3]) == ["Budget": .tone(.positive), "Tijd": .tone(.warning)])
        #expect(
            report.projects.map(\.plannedDelivery) == [
                .month(2020, 12), .month(2021, 12), .month(2016, 3), .month(2025, 12),
            ])
        #expect(report.projects[2].forecastDelivery == .month(2017, 5))
        #expect(report.projects.allSatisfy { $0.leaders.isEmpty })
        Self.leadersArePeople(report)
    }

    @Test func innerWestCapitalWorks() throws {
        let report = try Self.read("council-inner-west-2020-capital-works-corporate-support.md")
        // The first header names the programme, not a column word: the cells show the names.
        #expect(
            report.projects.map(\.name) == [
                "Information & Communication Technology", "Fleet", "Capital Program Property & Assets",
            ])
        #expect(report.projects.map(\.light) == [.tone(.warning), .tone(.positive), .tone(.positive)])
        // The Grand Total row sums the others; it is no project.
        #expect(!report.projects.contains { $0.name.contains("Total") })
        #expect(report.projects[1].plannedDelivery == .month(2020, 6))
        #expect(report.projects[0].remarks.contains("The next release of the Core Applications consolidation program"))
        Self.leadersArePeople(report)
    }

    @Test func guelphCapitalProjects() throws {
        let report = try Self.read("city-guelph-2024-capital-projects-status.md")
        // The two snapshots of the quarterly table, the Tier 1 list and the station's page.
        #expect(
            Set(report.projects.map(\.name)) == [
                "Baker District redevelopment", "Site Preparation, Environmental and Servicing",
                "Downtown infrastructure renewal", "Guelph Central Station",
                "Guelph Transit and Fleet Services Facility", "South End Community Centre",
            ])
        let station = try Self.project(report, "Guelph Central Station")
        #expect(station.leaders.map(\.person) == ["Amir Bhatti"])
        #expect(
            Self.lights(station) == [
                "Scope": .tone(.positive), "Planning": .tone(.positive), "Budget": .tone(.positive),
            ])
        #expect(station.light == .tone(.positive))
        // The table's status cells are icons without text: no light, and no unknown word.
        #expect(try !Self.project(report, "Baker District redevelopment").light.isLight)
        #expect(report.unknownLightWords.isEmpty)
        // "Scope status", "Schedule status", "Budget status": a light per dimension each.
        let table = try #require(report.tables.first { $0.kind == .projects })
        #expect(table.columns.suffix(3).map(\.role) == ["licht:Scope", "licht:Planning", "licht:Budget"])
        // The legend table is a legend, not projects; it teaches the captions.
        #expect(report.tables.contains { $0.kind == .legend })
        #expect(report.legend.contains { $0.label == "Risk of not meeting schedule" && $0.reading == .tone(.warning) })
        Self.leadersArePeople(report)
    }

    @Test func nunspeetProjectPages() throws {
        let report = try Self.read("gemeente-nunspeet-2018-derde-hoofdlijnenrapportage-projecten.md")
        #expect(
            report.projects.map(\.name) == [
                "Project Revitalisering sportpark Wiltsangh incl. zwembad (hoofdproject)",
                "Project onderwijshuisvesting: Deelresultaat ontwikkeling Nunspeet Oost",
            ])
        for project in report.projects {
            #expect(Self.lights(project)["Kwaliteit"] == .tone(.positive))
            #expect(Self.lights(project)["Tijd"] == .tone(.positive))
            // "--" is printed where no colour was given.
            #expect(Self.lights(project)["Geld"] == .notRated(notStarted: false))
            #expect(project.light == .tone(.positive))
        }
        // The legend from the same series: Groen / Oranje / Rood over three lines.
        #expect(report.legend.filter { ["Groen", "Oranje", "Rood"].contains($0.label) }.count == 3)
        Self.leadersArePeople(report)
    }

    @Test func oostzaanProjectPage() throws {
        let report = try Self.read("gemeente-oostzaan-2020-jaarstukken-project-rietkraag.md")
        // The page itself names no project; the document's title does, with its number.
        #expect(report.projects.map(\.number) == [122])
        #expect(report.projects.map(\.name) == ["Onderzoek omgeving Rietkraag"])
        #expect(Self.lights(report.projects[0]) == ["Kwaliteit": .tone(.warning), "Tijd": .tone(.warning)])
        #expect(report.projects[0].light == .tone(.warning))
        #expect(report.projects[0].leaders.isEmpty)
    }

    @Test func noordBrabantDeltaprogramma() throws {
        let report = try Self.read("provincie-noord-brabant-2020-jaarstukken-deltaprogramma-maas.md")
        #expect(report.projects.map(\.name) == ["Uitvoeren Deltaprogramma Maas"])
        let project = report.projects[0]
        #expect(Self.lights(project) == ["Kwaliteit": .tone(.positive)])
        #expect(
            project.items == ["Lob van Gennep", "Alem", "Meanderende Maas", "Oeffelt", "Verlengen brug Veerweg Alphen"])
        // The flattened indicator table is kept as text, not turned into invented columns.
        #expect(report.tables.allSatisfy { $0.kind != .projects })
    }

    @Test func overijsselMonitor() throws {
        let report = try Self.read("provincie-overijssel-2020-monitor-2020-ii.md")
        #expect(
            report.projects.map(\.name) == [
                "Vastleggen en waarborgen actueel ruimtelijk- en waterbeleid",
                "Uitvoering van ons ruimtelijk- en waterbeleid",
                "Toekomstbestendig maken van de woningvoorraad",
                "Actieplan Leefbaar Platteland", "Robuust goederenvervoer netwerk",
                "N348 Raalte-Ommen 1e en 2e fase", "Eigentijdse invulling participatie",
            ])
        // Prestatie 1.4.3 on the overview is project 143's page: one project.
        let platteland = try Self.project(report, "Actieplan Leefbaar Platteland")
        #expect(platteland.number == 143)
        #expect(platteland.leaders.map(\.person) == ["Monique van Haaf", "Roy de Witte"])
        #expect(Self.lights(platteland) == ["Inhoud": .tone(.positive), "Financiën": .tone(.positive)])
        let n348 = try Self.project(report, "N348 Raalte-Ommen 1e en 2e fase")
        #expect(n348.number == 468)
        #expect(n348.leaders.map(\.person) == ["Bert Boerman"])
        #expect(Self.lights(n348) == ["Inhoud": .tone(.warning), "Financiën": .tone(.warning)])
        let participatie = try Self.project(report, "Eigentijdse invulling participatie")
        #expect(participatie.leaders.isEmpty)
        #expect(Self.lights(participatie) == ["Inhoud": .tone(.positive), "Financiën": .tone(.warning)])
        #expect(
            Self.lights(try Self.project(report, "Vastleggen en waarborgen actueel ruimtelijk- en waterbeleid"))
                == ["Inhoud": .tone(.positive), "Financiën": .tone(.warning)])
        #expect(
            Self.lights(try Self.project(report, "Uitvoering van ons ruimtelijk- en waterbeleid"))
                == ["Inhoud": .tone(.warning), "Financiën": .tone(.positive)])
        Self.leadersArePeople(report)
    }

    @Test func waalwijkMajeureProjecten() throws {
        let report = try Self.read("gemeente-waalwijk-2023-najaarsbericht-majeure-projecten.md")
        #expect(report.projects.map(\.name) == ["Insteekhaven", "Gebiedsontsluiting Oostelijke Langstraat (GOL)"])
        #expect(report.projects[1].phase == .preparation)
        // No colours in the stored part: no lights.
        #expect(report.projects.allSatisfy { $0.light == .empty && $0.dimensionLights.isEmpty })
    }

    @Test func gooiseMerenProjectSheet() throws {
        let report = try Self.read("gemeente-gooise-meren-2019-projectenboek-april.md")
        #expect(report.projects.map(\.name) == ["Verder met de vesting Muiden"])
        #expect(report.projects[0].remarks.contains("UNESCO werelderfgoed"))
        #expect(report.tables.map(\.kind).contains(.projectSheet))
    }

    @Test func fryslan2019OverigeProjecten() throws {
        let report = try Self.read("provincie-fryslan-2019-tweede-bestuursrapportage-grote-projecten.md")
        #expect(report.projects.map(\.name) == ["Heerenveen, stad van Sport (Nieuw Thialf)"])
        #expect(report.projects[0].number == 7)
        // Its icons are beyond the cut; the running text about Knooppunt Joure is no table or page.
        #expect(report.projects[0].light == .empty)
        // The legend per dimension: three answers each.
        #expect(report.legend.contains { $0.label == "Niet zeker of dit gaat lukken" && $0.reading == .tone(.warning) })
    }

    @Test func fryslan2020GroteProjecten() throws {
        let report = try Self.read("provincie-fryslan-2020-tweede-bestuursrapportage-grote-projecten.md")
        let names = report.projects.map(\.name)
        #expect(
            names.prefix(5) == [
                "N381 Drachten-Drentse grens", "Capaciteitsvergroting Leeuwarden-Zwolle",
                "Capaciteitsvergroting Leeuwarden - Groningen", "Station Werpsterhoeke",
                "Capaciteitsvergroting Leeuwarden - Sneek",
            ])
        // "2 Spoorwegen" heads 2a–2d: their group, no project.
        #expect(report.projects[1...4].allSatisfy { $0.group == "Spoorwegen" })
        #expect(!names.contains("Spoorwegen") && !names.contains("Spoorprojecten"))
        // The list of "Overige projecten", cut off inside its last name.
        #expect(names.contains("Heerenveen, stad van Sport (Nieuw Thialf)"))
        #expect(names.contains("Breed cofinancieringsbudget"))
        #expect(report.projects.count == 15)
        // The table's cells are icons without text: no light is invented.
        #expect(report.projects.allSatisfy { !$0.light.isLight })
        #expect(report.unknownLightWords.isEmpty)
    }
}
