import Foundation
import Testing

@testable import StoplichtCore

/// Projects given as pages of text, project sheets and named lists, each layout in a small
/// made-up report.
@Suite struct ProjectPageReaderTests {
    func read(_ text: String, reading: LightReading = .standard) -> ProjectPages {
        ProjectPageReader(reading: reading).read(ReportLine.split(text))
    }

    @Test func lightAboveAspectWithRemarksAndNotRated() throws {
        // MUT
        let pages = read(
            """
            # Rapportage 2024

            ## Zwembad De Vijver

            Het zwembad wordt vernieuwd.

            G
            Kwaliteit

            O

            Tijd
            De aannemer levert later dan gepland.

            --
            Geld
            """)

        // validate
        try #require(pages.projects.count == 1)
        let project = pages.projects[0]
        #expect(project.name == "Zwembad De Vijver")
        #expect(project.number == 1)
        #expect(!project.isNumbered)
        #expect(
            project.dimensionLights == [
                DimensionReading(label: "Kwaliteit", reading: .tone(.positive)),
                DimensionReading(label: "Tijd", reading: .tone(.warning)),
                DimensionReading(label: "Geld", reading: .notRated(notStarted: false)),
            ])
        // No overall light on the page: the worst of the aspects.
        #expect(project.light == .tone(.warning))
        #expect(project.remarks == "Het zwembad wordt vernieuwd.\n\n**Tijd:** De aannemer levert later dan gepland.")
        #expect(project.lines == [3, 5, 7, 8, 10, 12, 13, 15, 16])
        #expect(
            pages.explanations == [
                PageExplanation(
                    line: 3, kind: "projectpagina",
                    reason: "regels met een letter of woord boven een aspect (Kwaliteit, Tijd, Geld)")
            ])
        #expect(pages.warnings.map(\.message).contains("Project ‘Zwembad De Vijver’ heeft geen projectleider."))
    }

    @Test func labelAboveLightAndNumberedPageHeading() throws {
        // MUT
        let pages = read(
            """
            ### Pagina: project 143 — Actieplan Leefbaar Platteland

            Inhoudelijke kleurscore

            G

            Financiële kleurscore

            R

            Kwaliteit (indicator)

            O
            """)

        // validate
        try #require(pages.projects.count == 1)
        #expect(pages.projects[0].number == 143)
        #expect(pages.projects[0].isNumbered)
        #expect(pages.projects[0].name == "Actieplan Leefbaar Platteland")
        #expect(
            pages.projects[0].dimensionLights == [
                DimensionReading(label: "Inhoud", reading: .tone(.positive)),
                DimensionReading(label: "Financiën", reading: .tone(.negative)),
                DimensionReading(label: "Kwaliteit", reading: .tone(.warning)),
            ])
    }

    @Test func titlePrintedTwiceUnderAHeadingThatNamesProjectsWithFields() throws {
        // MUT
        let pages = read(
            """
            4. Majeure projecten

            Insteekhaven

            Insteekhaven

            Terug naar navigatie - Insteekhaven

            De raad wordt per kwartaal geïnformeerd over de voortgang.

            Stadshart

            Stadshart

            Terug naar navigatie - Stadshart

            Project: Stadshart Oost.
            Fase: Voorbereiding door aannemer.
            Doel: Een levendig centrum.
            """)

        // validate
        #expect(pages.projects.map(\.name) == ["Insteekhaven", "Stadshart"])
        try #require(pages.projects.count == 2)
        #expect(pages.projects[0].remarks == "De raad wordt per kwartaal geïnformeerd over de voortgang.")
        #expect(pages.projects[0].dimensionLights.isEmpty)
        #expect(pages.projects[0].light == .empty)
        #expect(pages.projects[1].phase == .preparation)
        #expect(
            pages.projects[1].remarks
                == "**Fase:** Voorbereiding door aannemer.\n\n**Doel:** Een levendig centrum.\n\n**Project:** Stadshart Oost"
        )
        #expect(
            pages.warnings.map(\.description).contains(
                "regel 17: Project ‘Stadshart’: het veld ‘Project’ noemt ‘Stadshart Oost’; de titel van de pagina is als naam genomen, het veld staat in de toelichting."
            ))
        #expect(
            pages.explanations.map(\.reason) == [
                "een titel onder ‘4. Majeure projecten’, een kop die projecten noemt",
                "een veld met de naam van het project",
            ])
    }

    @Test func aTitleTwiceWithoutAHeadingThatNamesProjectsIsNoProject() throws {
        // MUT
        let pages = read(
            """
            Inleiding

            Inleiding

            Terug naar navigatie - Inleiding

            Voor u ligt de eerste rapportage.
            """)

        // validate
        #expect(pages.projects.isEmpty)
    }

    @Test func portfolioHolderNamesBelowTheLabel() throws {
        // MUT
        let pages = read(
            """
            ### Pagina: project 444 — Robuust goederenvervoer

            Portefeuillehouder
            Monique van Haaf
            Roy de Witte

            Acties 2020

            G

            Inhoud
            """)

        // validate
        try #require(pages.projects.count == 1)
        #expect(
            pages.projects[0].leaders == [LeaderName(person: "Monique van Haaf"), LeaderName(person: "Roy de Witte")])
        #expect(pages.projects[0].dimensionLights == [DimensionReading(label: "Inhoud", reading: .tone(.positive))])
    }

    @Test func projectManagerFieldNamesThePersonNotTheJobTitle() throws {
        // MUT
        let pages = read(
            """
            ### Page: Central Station

            Central Station

            Additional project details

              • Project manager: Amir Bhatti, Project Manager, Facility Design and Construction
              • Target completion: Tender ready in 2026.
            """)

        // validate
        #expect(pages.projects.map(\.name) == ["Central Station"])
        try #require(pages.projects.count == 1)
        #expect(pages.projects[0].leaders == [LeaderName(person: "Amir Bhatti")])
        #expect(pages.projects[0].remarks == "**Target completion:** Tender ready in 2026.")
        #expect(pages.explanations.map(\.reason) == ["een veld met de projectleider"])
    }

    @Test func leaderFieldNeverTakesALightWordDateOrAmount() throws {
        // MUT
        let pages = read(
            """
            ## Brug Oost

            Projectleider: Groen

            G
            Tijd

            ## Brug West

            Projectleider: 12 maart 2024

            O
            Tijd
            """)

        // validate
        #expect(pages.projects.map(\.name) == ["Brug Oost", "Brug West"])
        #expect(pages.projects.allSatisfy { $0.leaders.isEmpty })
        try #require(pages.projects.count == 2)
        #expect(pages.projects[0].remarks == "**Projectleider:** Groen")
    }

    @Test func twoColumnSheetIsOneProject() throws {
        // MUT
        let pages = read(
            """
            | Algemene info |  |
            |---|---|
            | Naam Project | Verder met de vesting Muiden |
            | Omschrijving (soort project, context) | De vesting is werelderfgoed. |
            | Projectleider | Jan Jansen |
            | Kwaliteit | O |
            """)

        // validate
        try #require(pages.projects.count == 1)
        let project = pages.projects[0]
        #expect(project.name == "Verder met de vesting Muiden")
        #expect(project.leaders == [LeaderName(person: "Jan Jansen")])
        #expect(project.dimensionLights == [DimensionReading(label: "Kwaliteit", reading: .tone(.warning))])
        #expect(project.remarks == "**Omschrijving (soort project, context):** De vesting is werelderfgoed.")
        #expect(pages.tableLinesTaken == Set(1...6))
        #expect(pages.explanations.map(\.kind) == ["projectblad"])
    }

    @Test func twoColumnTableWithoutAProjectNameIsNoSheet() throws {
        // MUT
        let pages = read(
            """
            | Looptijd | 2018-2021 |
            |---|---|
            | Programmamanager | Ilse Bakker |
            """)

        // validate
        #expect(pages.projects.isEmpty)
        #expect(pages.tableLinesTaken.isEmpty)
    }

    @Test func aspectTableWithPreviousCurrentAndNextPeriod() throws {
        // MUT
        let pages = read(
            """
            ## Brug over de Vaart

            | Aspect | Vorige periode | Huidige periode | Komende periode | Toelichting |
            |---|---|---|---|---|
            | Tijd | G | O | R | Vertraging door vorst. |
            | Geld | G | G | O |  |
            """)

        // validate
        try #require(pages.projects.count == 1)
        let project = pages.projects[0]
        #expect(project.name == "Brug over de Vaart")
        #expect(
            project.dimensionLights == [
                DimensionReading(label: "Tijd", reading: .tone(.warning)),
                DimensionReading(label: "Geld", reading: .tone(.positive)),
            ])
        #expect(project.previousLight == .tone(.positive))
        #expect(project.expectedLight == .tone(.negative))
        #expect(project.remarks == "**Tijd:** Vertraging door vorst.")
        #expect(pages.tableLinesTaken == Set(3...6))
    }

    @Test func aspectTableWithReportingMomentsTakesTheLastAsCurrent() throws {
        // MUT
        let pages = read(
            """
            ## Brug over de Vaart

            | Aspect | Q1 2024 | Q2 2024 | Q3 2024 |
            |---|---|---|---|
            | Kwaliteit | G | O |  |
            | Tijd | G | R |  |
            """)

        // validate
        #expect(
            pages.projects.first?.dimensionLights == [
                DimensionReading(label: "Kwaliteit", reading: .tone(.warning)),
                DimensionReading(label: "Tijd", reading: .tone(.negative)),
            ])
        #expect(pages.projects.first?.previousLight == .tone(.positive))
        #expect(pages.projects.first?.expectedLight == nil)
    }

    @Test func namedListWithAGroupOfSubNumbers() throws {
        // MUT
        let pages = read(
            """
            Overige projecten
            1   Fietsbrug Noord
            2   Spoorprojecten
            2a Capaciteitsvergroting Leeuwarden-Zwolle
            2b Station Werpsterhoeke
            3   Sporthal West
            """)

        // validate
        #expect(
            pages.projects.map(\.name) == [
                "Fietsbrug Noord", "Capaciteitsvergroting Leeuwarden-Zwolle", "Station Werpsterhoeke", "Sporthal West",
            ])
        #expect(pages.projects.map(\.number) == [1, 4, 5, 3])
        #expect(pages.projects.map(\.isNumbered) == [true, false, false, true])
        #expect(pages.projects.map(\.group) == [nil, "Spoorprojecten", "Spoorprojecten", nil])
        #expect(pages.projects.allSatisfy { $0.light == .empty && $0.leaders.isEmpty })
        #expect(
            pages.explanations == [
                PageExplanation(
                    line: 1, kind: "projectenlijst",
                    reason: "een opsomming van 4 korte namen onder ‘Overige projecten’, een regel die projecten noemt")
            ])
        #expect(
            pages.warnings.map(\.description).contains(
                "regel 3: ‘2 Spoorprojecten’ heeft onderdelen (2a, 2b); het is als groep van die projecten gelezen, niet als project."
            ))
    }

    @Test func bulletListUnderAHeadingThatNamesProjects() throws {
        // MUT
        let pages = read(
            """
            Tier 1
            - Usually more than $10 million
            - Large complex scope
            Current Tier 1 projects
            - Baker District Redevelopment
            - Guelph Central Station
            Latest updates
            """)

        // validate
        #expect(pages.projects.map(\.name) == ["Baker District Redevelopment", "Guelph Central Station"])
        #expect(pages.projects.map(\.number) == [1, 2])
    }

    @Test func runningProseIsNoProject() throws {
        // MUT
        let pages = read(
            """
            ### Pagina: 2. Infrastructurele projecten

            2. Infrastructurele projecten

            Het knooppunt Joure en de N31 traverse Harlingen zijn opengesteld.

            Knooppunt Joure
            Het verkeer maakt al geruime tijd gebruik van het nieuwe knooppunt. De aannemer rondt af.

            N31 Traverse Harlingen
            De laatste restpunten voor het project Harlingen zijn hersteld.

            Groen

            =

            Realisatie volgens begroting.
            """)

        // validate
        #expect(pages.projects.isEmpty)
        #expect(pages.explanations.isEmpty)
    }

    @Test func statusPhrasesUnderAStatusHeadingAreLightsPerAspect() throws {
        let text = """
            ### Page: Guelph Central Station

            Guelph Central Station

            Project status and last quarter update

            Within scope

            On schedule

            Over budget

              • The City received the design report.
            """
        let reading = LightReading(custom: [
            "Within scope": .tone(.positive), "On schedule": .tone(.positive), "Over budget": .tone(.negative),
        ])

        // MUT
        let pages = read(text, reading: reading)

        // validate
        #expect(pages.projects.map(\.name) == ["Guelph Central Station"])
        try #require(pages.projects.count == 1)
        #expect(
            pages.projects[0].dimensionLights == [
                DimensionReading(label: "Scope", reading: .tone(.positive)),
                DimensionReading(label: "Planning", reading: .tone(.positive)),
                DimensionReading(label: "Budget", reading: .tone(.negative)),
            ])
        #expect(pages.projects[0].remarks == "- The City received the design report.")
        // The standard vocabulary knows these phrases too.
        #expect(read(text).projects.first?.dimensionLights == pages.projects[0].dimensionLights)
    }

    @Test func unnamedPageTakesTheProjectTheDocumentTitleQuotes() throws {
        // MUT
        let pages = read(
            """
            # Jaarstukken 2020, projectpagina "122 Onderzoek omgeving Rietkraag"

            ## Inhoud

            O

            Kwaliteit
            """)
        let unnamed = read(
            """
            # Jaarstukken 2020

            ## Inhoud

            O

            Kwaliteit
            """)

        // validate
        #expect(pages.projects.map(\.name) == ["Onderzoek omgeving Rietkraag"])
        #expect(pages.projects.map(\.number) == [122])
        #expect(pages.projects.map(\.isNumbered) == [true])
        #expect(unnamed.projects.map(\.name) == ["zonder naam"])
        #expect(
            unnamed.warnings.map(\.description).contains(
                "regel 3: De projectpagina op regel 3 heeft geen naam; het project heet ‘zonder naam’."))
    }

    @Test func subProjectsListedInsideAProjectPageAreItsItems() throws {
        // MUT
        let pages = read(
            """
            # Jaarstukken 2020, project "Uitvoeren Deltaprogramma Maas"

            ## Inhoud

            Voortgang rivierverruimingsprojecten

            (MIRT fase)

            * Lob van Gennep

            * Alem

            Verkenning

            Verkenning

            Planstudie

            Kwaliteit (indicator)

            G
            """)

        // validate
        try #require(pages.projects.count == 1)
        #expect(pages.projects[0].name == "Uitvoeren Deltaprogramma Maas")
        #expect(pages.projects[0].items == ["Lob van Gennep", "Alem"])
        #expect(pages.projects[0].dimensionLights == [DimensionReading(label: "Kwaliteit", reading: .tone(.positive))])
    }

    @Test func numberedTitleUnderAHeadingThatNamesProjects() throws {
        // MUT
        let pages = read(
            """
            ### Pagina: 3. Overige projecten

            7 Heerenveen, stad van Sport (Nieuw Thialf) (programma mienskip)

            Het doel is een schaatsaccommodatie te behouden.
            """)

        // validate
        #expect(pages.projects.map(\.name) == ["Heerenveen, stad van Sport (Nieuw Thialf)"])
        #expect(pages.projects.map(\.number) == [7])
        try #require(pages.projects.count == 1)
        #expect(
            pages.projects[0].remarks == "Het doel is een schaatsaccommodatie te behouden.\n\n**Programma:** mienskip")
    }

    @Test func aListBulletAboveAnAspectIsNoLight() throws {
        // MUT
        let pages = read(
            """
            ## Gewenste resultaten

              • Nee, dit gaat niet lukken

            Tijd

            Verwacht je dat eind 2019 het resultaat is gerealiseerd?
            """, reading: LightReading(custom: ["Nee, dit gaat niet lukken": .tone(.negative)]))

        // validate
        #expect(pages.projects.isEmpty)
    }

    @Test func firstLevelHeadingsHeadPagesToo() throws {
        // MUT
        let pages = read(
            """
            # Sporthal West

            G
            Kwaliteit

            # Sporthal Oost

            O
            Kwaliteit
            """)
        let quoted = read(
            """
            # Jaarstukken 2020, projectpagina "122 Onderzoek omgeving Rietkraag"

            O

            Tijd
            """)

        // validate
        #expect(pages.projects.map(\.name) == ["Sporthal West", "Sporthal Oost"])
        #expect(pages.projects.map(\.light) == [.tone(.positive), .tone(.warning)])
        #expect(quoted.projects.map(\.name) == ["Onderzoek omgeving Rietkraag"])
        #expect(quoted.projects.map(\.number) == [122])
    }

    @Test func aHugeProjectNumberIsKeptAsTextNotNumbered() throws {
        // MUT
        let pages = read(
            """
            | Naam project | Brug |
            |---|---|
            | Nr | 9223372036854775807 |

            | Naam project | Tunnel |
            |---|---|
            """)

        // validate
        #expect(pages.projects.map(\.name) == ["Brug", "Tunnel"])
        #expect(pages.projects.map(\.number) == [1, 2])
        #expect(pages.projects.first?.remarks == "**Nr:** 9223372036854775807")
    }

    @Test func coverFieldsBeforeAnyTitleAreNoProject() throws {
        // MUT
        let pages = read(
            """
            PROGRAMMA **DIENSTVERLENING**

            Projectnaam: Voortgangsrapportage programma dienstverlening
            Projectleider: Erna Jongerius
            Doorlooptijd: 2018-2021

            Inleiding

            Het programma loopt.
            """)

        // validate
        #expect(pages.projects.isEmpty)
    }

    /// Lines of every layout shuffled together: whatever comes out is well formed.
    @Test func shuffledLayoutsGiveWellFormedProjects() throws {
        let pieces = [
            "", "G", "O", "--", "–", "Kwaliteit", "Tijd", "Kwaliteit (indicator)", "Inhoudelijke kleurscore",
            "Kwaliteit (toelichting)",
            "# Titel \"Project X\"", "## Pagina: project 12 — Brug", "### Inhoud", "Insteekhaven",
            "Terug naar navigatie - Insteekhaven",
            "Overige projecten", "2 Spoorprojecten", "2a Station", "2b Brug", "7 Heerenveen", "- Baker District",
            "* Alem", "1.1.1 Vastleggen",
            "Portefeuillehouder", "Monique van Haaf", "Project: Brug Oost", "Fase: onbekend", "Projectleider: Groen",
            "Nr: 99999999999999999999",
            "| Naam project | Brug |", "|---|---|", "| Nr | 9223372036854775807 |", "| Tijd | G | O |",
            "| Aspect | Vorige | Huidige |", "Project status", "Within scope",
            "Het project loopt volgens planning en de aannemer is tevreden.", "4. Majeure projecten", "[… afgebroken]",
            "(MIRT fase)",
        ]
        var generator = SeededGenerator(seed: 7)
        var found = 0
        for _ in 0..<20 {
            let text = (0..<400).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined(
                separator: "\n")
            let lines = ReportLine.split(text)

            // MUT
            let pages = ProjectPageReader(reading: .standard).read(lines)

            // validate
            #expect(Set(pages.projects.map(\.number)).count == pages.projects.count)
            for project in pages.projects {
                #expect(!project.name.isEmpty && project.name.count <= 200)
                #expect(
                    project.lines == project.lines.sorted()
                        && project.lines.allSatisfy { (1...lines.count).contains($0) })
                #expect(project.leaders.allSatisfy { !LightReading.standard.read($0.person).isLight })
            }
            #expect(pages.tableLinesTaken.allSatisfy { (1...lines.count).contains($0) })
            found += pages.projects.count
        }
        #expect(found > 20)
    }

    /// Pages, a long page and a long list with groups; `scale` 1 is about 9,500 lines.
    static func largeReport(scale: Int) -> [ReportLine] {
        var text = ""
        for n in 1...(375 * scale) { text += "## Project \(n)\n\nG\nKwaliteit\nProjectleider: Jan Jansen\n\n" }
        text += "## Eén pagina\n\nG\nTijd\n"
        for n in 1...(2_500 * scale) { text += "Projectleider: Jan Jansen\nDoel: doel \(n).\n" }
        text += "## Lijst\n\nOverige projecten\n"
        for n in 1...(1_125 * scale) { text += "\(n) Naam\n\(n)a Onderdeel\n" }
        return ReportLine.split(text)
    }

    @Test func largeInputIsReadInOnePass() throws {
        let small = Self.largeReport(scale: 1)
        let large = Self.largeReport(scale: 4)
        let reader = ProjectPageReader(reading: .standard)

        // MUT
        let clock = ContinuousClock()
        let smallTime = clock.measure { _ = reader.read(small) }
        var pages = ProjectPages()
        let largeTime = clock.measure { pages = reader.read(large) }

        // validate
        try #require(pages.projects.count == 1_500 + 1 + 4_500)
        #expect(pages.projects[1_500].leaders == [LeaderName(person: "Jan Jansen")])
        #expect(pages.projects.last?.group == "Naam")
        // Linear: four times the lines take about four times as long (a quadratic pass, sixteen).
        print("page reader: \(small.count) lines in \(smallTime), \(large.count) lines in \(largeTime)")
        #expect(largeTime < smallTime * 8 + .seconds(1), "\(smallTime) → \(largeTime)")
    }
}
