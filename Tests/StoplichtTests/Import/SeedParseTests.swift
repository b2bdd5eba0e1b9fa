import Foundation
import StoplichtCore
import Testing

/// The seed report, project by project, as the programme manager reads it.
@Suite struct SeedParseTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        var number: Int
        var name: String
        var leaders: [String]
        var light: LightNotation.Reading
        var lifecycle: Lifecycle
        var hasRemarks: Bool
        var testDescription: String { "project \(number)" }
    }

    static let wdh = "Walter de Haan"
    static let sieka = "Sieka Geldof/Censor Bestuur"
    static let erna = "Erna Jongerius"

    static let expected: [Expected] = [
        .init(
            number: 1, name: "Aansluiten op www.mijnoverheid.nl.", leaders: [wdh], light: .empty, lifecycle: .running,
            hasRemarks: true),
        .init(
            number: 2,
            name:
                "Doorontwikkelen website 20 meest gangbare digitale formulieren op de website, incl. koppeling met DigiD en elektronisch betalen.",
            leaders: [wdh], light: .empty, lifecycle: .running, hasRemarks: true),
        .init(number: 3, name: "Intranet", leaders: [], light: .empty, lifecycle: .running, hasRemarks: true),
        .init(number: 4, name: "Projectomgeving", leaders: [wdh], light: .empty, lifecycle: .running, hasRemarks: true),
        .init(
            number: 5, name: "Informatieveiligheid & privacy Uitvoeren actieplan informatieveiligheid", leaders: [wdh],
            light: .empty, lifecycle: .running, hasRemarks: false),
        .init(
            number: 6, name: "Standaard werkplek", leaders: [wdh], light: .finished, lifecycle: .delivered,
            hasRemarks: true),
        .init(
            number: 7, name: "Herinrichting infrastructuur", leaders: [wdh], light: .empty, lifecycle: .running,
            hasRemarks: true),
        .init(
            number: 8, name: "Beheer mobiele apparaten (MDM)", leaders: [wdh], light: .empty, lifecycle: .running,
            hasRemarks: true),
        .init(
            number: 9, name: "Integratie vaste en mobiele telefonie", leaders: [wdh], light: .empty,
            lifecycle: .running, hasRemarks: true),
        .init(
            number: 10, name: "Meten is weten/Inrichten monitoring", leaders: [], light: .empty, lifecycle: .running,
            hasRemarks: true),
        .init(
            number: 11, name: "Klantvraaganalyse", leaders: [], light: .tone(.warning), lifecycle: .notStarted,
            hasRemarks: true),
        .init(
            number: 12, name: "Uitvoeren klanttevredenheidsonderzoek", leaders: [], light: .tone(.warning),
            lifecycle: .notStarted, hasRemarks: true),
        .init(
            number: 13, name: "De integratie van vaste en mobiele telefonie", leaders: [], light: .tone(.positive),
            lifecycle: .running, hasRemarks: false),
        .init(
            number: 14, name: "Invoering wet hergebruik overheidsinformatie 1-1-2015", leaders: [],
            light: .tone(.positive), lifecycle: .running, hasRemarks: false),
        .init(
            number: 15, name: "Invoering wet elektronisch bestuurlijk verkeer per 1-1-2018", leaders: [wdh],
            light: .finished, lifecycle: .delivered, hasRemarks: true),
        .init(
            number: 16, name: "Invoering nieuwe omgevingswet", leaders: ["Wim van Oekel/Innogrations Management"],
            light: .tone(.positive), lifecycle: .running, hasRemarks: true),
        .init(
            number: 17, name: "Juridische kwaliteitszorg", leaders: ["Luuk Vos"], light: .tone(.positive),
            lifecycle: .running, hasRemarks: true),
        .init(
            number: 18, name: "Zaakgericht werken invoeren", leaders: [erna], light: .tone(.warning),
            lifecycle: .running, hasRemarks: true),
        .init(
            number: 19, name: "Procesoptimalisatie", leaders: [sieka], light: .empty, lifecycle: .running,
            hasRemarks: true),
        .init(
            number: 20, name: "Kwaliteitshandvest", leaders: [erna], light: .empty, lifecycle: .running,
            hasRemarks: true),
        .init(
            number: 21, name: "Maken van serviceafspraken tussen het KCC en de productgroepen", leaders: [sieka],
            light: .empty, lifecycle: .running, hasRemarks: true),
        .init(
            number: 22, name: "Opstellen SLA's met ketenpartners", leaders: [sieka], light: .empty, lifecycle: .running,
            hasRemarks: false),
        .init(
            number: 23, name: "Meldingen openbare ruimte", leaders: [sieka], light: .empty, lifecycle: .running,
            hasRemarks: false),
        .init(
            number: 24, name: "Webcare/social media", leaders: ["Laura Biermans"], light: .empty, lifecycle: .running,
            hasRemarks: true),
        .init(
            number: 25, name: "Product verantwoordelijkheid / kennisoverdracht", leaders: [], light: .empty,
            lifecycle: .running, hasRemarks: true),
        .init(
            number: 26, name: "Het opstellen SLA/DVO ten aanzien van het beheer en informatieveiligheid",
            leaders: [wdh], light: .finished, lifecycle: .delivered, hasRemarks: true),
        .init(
            number: 27, name: "Gebruik van video en chat (als alternatief voor email)", leaders: [wdh], light: .empty,
            lifecycle: .running, hasRemarks: true),
        .init(
            number: 28, name: "Dienstverlening in houding en gedrag", leaders: ["Nicole Verlangen"], light: .empty,
            lifecycle: .running, hasRemarks: false),
        .init(
            number: 29, name: "Uitbreiding servicekanalen KCC", leaders: [sieka], light: .empty, lifecycle: .running,
            hasRemarks: false),
        .init(
            number: 30, name: "KCC toekomstproof", leaders: [sieka], light: .empty, lifecycle: .running,
            hasRemarks: false),
        .init(
            number: 31, name: "Leidraad voor het gesprek; de 5 A analyse", leaders: [sieka], light: .finished,
            lifecycle: .delivered, hasRemarks: true),
        .init(number: 32, name: "E-HRM", leaders: [erna], light: .empty, lifecycle: .running, hasRemarks: true),
        .init(
            number: 33, name: "Onderzoeken samenwerking met de gemeente Veenendaal", leaders: [erna, wdh],
            light: .finished, lifecycle: .delivered, hasRemarks: true),
        .init(
            number: 34, name: "WOZ/BAG-samenwerking", leaders: [erna, "Aart van de Bovenkamp"], light: .empty,
            lifecycle: .running, hasRemarks: true),
        .init(
            number: 35, name: "BGT-samenwerking 2018-2020: intergemeentelijk met Leusden, Barneveld en Scherpenzeel.",
            leaders: [erna], light: .empty, lifecycle: .running, hasRemarks: false),
        .init(
            number: 36, name: "Onderzoeken BGT-samenwerking va 2021", leaders: [erna], light: .empty,
            lifecycle: .notStarted, hasRemarks: true),
    ]

    @Test func allThirtySixProjectsInOrder() throws {
        let report = try Fixtures.parsedSeed()
        #expect(report.projects.map(\.number) == Array(1...36))
    }

    @Test(arguments: expected)
    func project(_ expected: Expected) throws {
        let report = try Fixtures.parsedSeed()
        let project = try #require(report.projects.first { $0.number == expected.number })
        #expect(project.name == expected.name)
        #expect(project.leaders.map { $0.person + ($0.firm.map { "/" + $0 } ?? "") } == expected.leaders)
        #expect(project.light == expected.light)
        #expect(project.lifecycle == expected.lifecycle)
        #expect(!project.remarks.isEmpty == expected.hasRemarks)
    }

    @Test func coverData() throws {
        let report = try Fixtures.parsedSeed()
        #expect(report.programmeName == "Dienstverlening")
        #expect(report.title == "Voortgangsrapportage programma dienstverlening")
        #expect(report.duration == "2018-2021")
        #expect(report.politicalSponsor == "Marleen Treep")
        #expect(report.administrativeSponsor == "Simone van der Marck")
        #expect(report.programmeManager == "Erna Jongerius")
        #expect(report.periodName == "juni t/m oktober 2018")
    }

    @Test func legendHasTheFourLights() throws {
        let report = try Fixtures.parsedSeed()
        #expect(report.legend.map(\.label) == ["Groen", "Oranje", "Rood", "Grijs"])
        #expect(report.legend.map(\.reading) == [.tone(.positive), .tone(.warning), .tone(.negative), .finished])
        #expect(report.legend[3].meaning == "Afgerond en overgedragen aan de lijnorganisatie.")
    }

    @Test func sectionsInleidingAndOneToEight() throws {
        let report = try Fixtures.parsedSeed()
        #expect(
            report.sections.map(\.title) == [
                "Inleiding", "Successen", "Gevraagde besluiten", "Financiën", "Risico's/aandachtspunten",
                "Organisatie", "Tijd & capaciteit", "Informatie / communicatie", "Bijlagen",
            ])
        #expect(report.sections.map(\.number) == [nil, 1, 2, 3, 4, 5, 6, 7, 8])
        // The legend floated into the introduction's last sentence; the sentence is whole again.
        #expect(
            report.sections[0].markdown.contains(
                "Daarmee wijzigt ook de planning van een aantal volgordelijke projecten."))
        #expect(!report.sections[0].markdown.contains("Grijs"))
        // Financiën's quotes are sub-headings.
        #expect(report.sections[3].markdown.contains("### PIP-pagina\n\nIn november volgt de offerte."))
    }

    @Test func decisionsAndRisksBecomeRecords() throws {
        let report = try Fixtures.parsedSeed()
        #expect(report.decisions.count == 3)
        #expect(report.decisions[2].markdown.contains("€ 21.750,-"))
        #expect(report.risks.count == 3)
        #expect(report.risks[0].markdown.hasPrefix("Participatie inwoners"))
    }

    @Test func rowsContinuedAcrossPagesAreMerged() throws {
        let projects = try Fixtures.parsedSeed().projects
        func project(_ n: Int) -> ParsedProject { projects.first { $0.number == n }! }
        // Project 4's remarks continue at line 164 in a new table.
        #expect(project(4).lines == [155, 164])
        #expect(
            project(4).remarks.hasSuffix(
                "Gezien de prioriteiten bij doorontwikkelen website en zaakgericht werken uitstellen met minimaal 6 maanden."
            ))
        // Project 10's last sub-item continues at line 180.
        #expect(project(10).lines == [170, 180])
        #expect(
            project(10).items.last?.hasSuffix(
                "Opstellen van voorkeursmatrix en Inrichten kanaalsturing op verschillende niveaus KCC.") == true)
        // Project 18: name and a sentence broken mid-way ("actuele | statusinformatie").
        #expect(project(18).lines == [188, 193])
        #expect(
            project(18).items == [
                "Opstellen startnotitie: wat verstaan we onder zaakgericht werken?", "Opstellen plan van aanpak",
                "Informatie voor de hele organisatie", "Invoeren zaakgericht werken",
            ])
        #expect(
            project(18).remarks.contains(
                "op aanvraag van de klant actuele statusinformatie vinden zonder tussenkomst van de backoffice."))
        #expect(project(18).remarks.contains("\n1. Technisch als gevolg van de infrastructuur"))
        #expect(project(18).remarks.contains("\n3. Financieel is het uitdagend"))
        #expect(project(18).remarks.contains("\n\nMaatregelen: Meerjarenprognose"))
        #expect(
            project(19).items == [
                "(project) voorstel opstellen servicenormen op product en procesniveau",
                "Uitvoering (gefaseerd en per productgroep)", "Evaluatie en inbedding in de bedrijfsvoering",
            ])
    }

    @Test func htmlInRemarksBecomesMarkdown() throws {
        let projects = try Fixtures.parsedSeed().projects
        let two = projects[1].remarks
        #expect(!two.contains("<p>"))
        #expect(MarkdownDocument(parsing: two).blocks.count == 5)
        #expect(projects[2].remarks.contains("start 2e helft 2018"))  // the "2^e" superscript
    }

    @Test func deliveryDatesFromTheRemarks() throws {
        let projects = try Fixtures.parsedSeed().projects
        #expect(projects[1].plannedDelivery == .quarter(2018, 4))
        #expect(projects[1].forecastDelivery == .quarter(2019, 1))
        #expect(projects[6].forecastDelivery == .quarter(2018, 4))
        #expect(projects[19].forecastDelivery == .month(2018, 11))
    }

    @Test func warningsSayWhatAndWhere() throws {
        let warnings = try Fixtures.parsedSeed().warnings
        func lines(containing text: String) -> [Int] { warnings.filter { $0.message.contains(text) }.map(\.line) }
        #expect(lines(containing: "kolom Status ontbreekt") == [150])
        #expect(lines(containing: "Vervolgrij") == [164, 180, 193, 200])
        #expect(lines(containing: "geen projectleider") == [154, 170, 181, 182, 183, 184, 209])
        #expect(lines(containing: "zonder opsommingstekens") == [188, 217, 218])
        #expect(warnings.allSatisfy { $0.line > 0 })
    }

    /// No text is dropped: every word in the seed's report body is somewhere in the result.
    @Test func noWordIsDropped() throws {
        let text = try Fixtures.seedText()
        let report = try Fixtures.parsedSeed()
        var kept = [report.programmeName, report.title, report.duration, report.periodName].compactMap { $0 }
        kept += report.cover.map { "\($0.label) \($0.value)" }
        kept += report.legend.map { "\($0.label) \($0.meaning)" }
        kept += report.sections.map { "\($0.title) \($0.markdown)" }
        kept += report.decisions.map(\.markdown) + report.risks.map(\.markdown)
        for p in report.projects {
            kept.append("\(p.number) \(p.name) \(p.items.joined(separator: " ")) \(p.remarks)")
            kept += p.leaders.map { "\($0.person) \($0.firm ?? "")" }
        }
        let keptWords = Set(Self.words(kept.joined(separator: " ")))
        // Markup and the annex's column names are structure, not text.
        let markup: Set<String> = [
            "p", "ul", "ol", "style", "list", "type", "none", "programma", "status", "opmerking", "en",
        ]
        let missing = Self.words(text).filter { !keptWords.contains($0) && !markup.contains($0) }
        #expect(missing.isEmpty, "dropped: \(Set(missing).sorted())")
    }

    static func words(_ text: String) -> [String] {
        let stripped = text.replacingOccurrences(of: "\\", with: "").replacingOccurrences(of: "^", with: "")
        return stripped.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }
}
