import Fluent
import Foundation
import StoplichtCore
import Testing
import Vapor

@testable import Stoplicht

/// Columns and light words the importer does not know: it says what it found, and takes
/// an explicit mapping.
@Suite struct ImportMappingTests {
    @Test func unrecognisedColumnsAreNamedInTheMessage() throws {
        // MUT: names, amounts, dates and codes, but nothing a project table has beside names.
        let error = #expect(throws: ReportFileError.self) { try ImportFixtures.read("zonder-projectkenmerken.csv") }

        // validate
        #expect(
            error?.message.hasPrefix(
                "De kolommen van de tabel zijn niet herkend. Gevonden kolommen: ‘Wat’, ‘Hoeveel’, ‘Wanneer’, ‘Kenmerk’."
            ) == true)
        #expect(error?.message.contains("--columns") == true)
        #expect(error?.foundColumns == ["Wat", "Hoeveel", "Wanneer", "Kenmerk"])
    }

    @Test func unknownHeadersAreReadFromTheirCells() throws {
        // MUT: no header word is known; the cells show names, people and light words.
        let report = try ImportFixtures.read("onbekende-kolommen.csv").report

        // validate
        #expect(report.projects.map(\.name) == ["Centrumplan", "Sporthal", "Bibliotheek"])
        #expect(
            report.projects.map { $0.leaders.map(\.person) } == [["Karin de Wit"], ["Bram Peters"], ["Karin de Wit"]])
        #expect(report.projects.map(\.light) == [.unknown("Op stoom"), .unknown("Stroef"), .unknown("Op stoom")])
        #expect(report.tables.first?.columns.map(\.role) == ["project", "projectleider", "status", "toelichting"])
        // Each unknown word once, with the projects it stands at.
        #expect(report.unknownLightWords.map(\.word) == ["Op stoom", "Stroef"])
        #expect(report.unknownLightWords.map(\.projects) == [[1, 3], [2]])
    }

    @Test func aColumnMappingAndLightWordsMakeItReadable() throws {
        // setup
        var options = ImportOptions()
        try options.addColumns("Wat=project;Wie=projectleider;Hoe staat het ervoor=status;Verhaal=toelichting")

        // MUT: the columns are known now, the light words not yet.
        let first = try ImportFixtures.read("onbekende-kolommen.csv", options: options).report
        try options.addLights("Op stoom=groen;Stroef=oranje")
        let second = try ImportFixtures.read("onbekende-kolommen.csv", options: options).report

        // validate
        #expect(first.projects.map(\.light) == [.unknown("Op stoom"), .unknown("Stroef"), .unknown("Op stoom")])
        #expect(
            first.warnings.map(\.description).contains(
                "regel 2: ‘Op stoom’ is geen bekend stoplicht (status), bij de projecten 1, 3; die projecten krijgen daarvoor geen status. Geef een vertaling op, bijvoorbeeld --lights \"Op stoom=oranje\"."
            ))
        #expect(
            second.projects.map(ImportFixtures.Expected.init) == [
                .init(1, "Centrumplan", ["Karin de Wit"], .tone(.positive), "Ontwerp gereed."),
                .init(2, "Sporthal", ["Bram Peters"], .tone(.warning), "Aanbesteding mislukt."),
                .init(3, "Bibliotheek", ["Karin de Wit"], .tone(.positive), ""),
            ])
        #expect(!second.warnings.contains { $0.message.contains("stoplicht") })
    }

    @Test func aMappingFileSaysTheSame() throws {
        var options = ImportOptions()
        try options.addMappingFile(
            """
            # Indeling voor de rapportage van Renswoude
            kolom Wat = project
            kolom Wie = projectleider
            kolom Hoe staat het ervoor = status
            kolom Verhaal = negeren
            licht Op stoom = groen
            licht Stroef = rood
            """, name: "renswoude.txt")
        let report = try ImportFixtures.read("onbekende-kolommen.csv", options: options).report
        #expect(report.projects.map(\.light) == [.tone(.positive), .tone(.negative), .tone(.positive)])
        #expect(report.projects.map(\.remarks) == ["", "", ""])
    }

    @Test func aWrongMappingSaysWhereAndWhat() {
        var options = ImportOptions()
        #expect(throws: ReportFileError("--columns, deel 2: ‘baas’ is geen rol. Kies uit: \(ColumnRole.mappingNames)."))
        {
            try options.addColumns("Wat=project;Wie=baas")
        }
        #expect(
            throws: ReportFileError(
                "indeling.txt:2: een regel begint met ‘kolom’ of ‘licht’, bijvoorbeeld ‘kolom Wie = projectleider’ of ‘licht Op stoom = groen’."
            )
        ) {
            try options.addMappingFile("kolom Wat = project\nWie is projectleider", name: "indeling.txt")
        }
        #expect(
            throws: ReportFileError(
                "--lights, deel 1: ‘Op stoom’ is geen vertaling; schrijf ‘woord=licht’, bijvoorbeeld ‘Op stoom=groen’.")
        ) {
            try options.addLights("Op stoom")
        }
    }

    @Test func aMappedLightCanNameTheProgrammesOwnCode() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup: Dienstverlening gets a blue light of its own.
            try await ProgrammeScaleUpdate.apply(
                try LightScaleFile.parse(
                    """
                    groen;Groen;groen;nee;Op schema
                    oranje;Oranje;oranje;nee;Aandacht
                    rood;Rood;rood;nee;Ingrijpen
                    blauw;In afwachting;blauw;nee;Wacht op een besluit
                    grijs;Grijs;grijs;ja;Afgerond
                    """), toProgramme: "dienstverlening", on: app.db)
            var options = ImportOptions()
            try options.addLights("Wacht op college=blauw")
            let report = try ReportReader(options: options).read(
                Data(
                    """
                    Nr;Project;Projectleider;Status
                    1;Aansluiten op www.mijnoverheid.nl.;Walter de Haan;Wacht op college
                    """.utf8), filename: "update.csv"
            ).report

            // MUT
            let summary = try await ReportImporter(database: app.db)
                .run(
                    report,
                    into: ImportTarget(
                        organisation: DemoData.organisation, programme: "Dienstverlening",
                        period: "juni t/m oktober 2018"))

            // validate
            #expect(summary.projectChanges.map(\.light) == ["blauw"])
            #expect(summary.projectChanges.map(\.action) == [.updated])
        }
    }
}
