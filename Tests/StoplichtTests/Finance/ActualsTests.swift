import Fluent
import Foundation
import Testing
import Vapor

@testable import Stoplicht
@testable import StoplichtCore

/// Actuals from the financial system: Dutch amounts read exactly, streamed, never counted
/// twice, never dropped.
@Suite struct ActualsTests {
    static let header = "Boekdatum;Kostenplaats;Grootboek;Omschrijving;Bedrag\n"

    func file(_ text: String, name: String = "realisatie.csv") throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "stoplicht-actuals-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func programme(_ app: Application) async throws -> Programme {
        try #require(try await Programme.query(on: app.db).filter(\.$slug == "dienstverlening").first())
    }

    func importing(_ path: String, _ app: Application, columns: [ActualsColumn: String] = [:]) async throws
        -> ActualsImporter.Summary
    {
        try await ActualsImporter(database: app.db).run(
            path: path, source: URL(fileURLWithPath: path).lastPathComponent,
            programme: try await programme(app), columns: columns)
    }

    @Test(
        arguments: [
            ("1.234,56", 123_456), ("€ 21.750,-", 2_175_000), ("-12,50", -1_250), ("(12,50)", -1_250),
            ("€ -1.000.000,01", -100_000_001),
            ("12,5", 1_250), ("1.234", 123_400), ("0,01", 1), ("€ 21.750,00", 2_175_000),
        ] as [(String, Int64)])
    func dutchAmountsAreReadToTheCent(_ text: String, _ cents: Int64) throws {
        let layout = try ActualsLayout(headers: ["Kostenplaats", "Bedrag"])
        let line = ActualsLine(record: ["6100", text], layout: layout, line: 2) { _ in "k" }
        #expect(line.amountCents == cents)
        #expect(line.problem == nil)
    }

    @Test func anUnreadableLineSaysWhy() throws {
        let layout = try ActualsLayout(headers: ["Kpl", "Omschrijving", "Bedrag EUR"])
        #expect(
            ActualsLine(record: ["6100", "x", "twaalf"], layout: layout, line: 3) { _ in "k" }.problem
                == "bedrag ‘twaalf’ is geen bedrag")
        #expect(
            ActualsLine(record: ["", "x", "12,00"], layout: layout, line: 4) { _ in "k" }.problem == "geen kostenplaats"
        )
        #expect(throws: ActualsLayout.Failure.missing([.amount], headers: ["Kpl", "Omschrijving"])) {
            try ActualsLayout(headers: ["Kpl", "Omschrijving"])
        }
    }

    @Test func recordsAreReadAcrossChunksWithQuotesBreaksAndOldCodePages() throws {
        // A quoted field with separators, a doubled quote and a line break, straddling the
        // 64 KB chunk boundary; CRLF line ends; a BOM; a Windows-1252 euro sign; NUL bytes.
        var text = "\u{FEFF}Kostenplaats;Omschrijving;Bedrag\r\n"
        var n = 0
        while text.utf8.count < 65_500 {
            n += 1
            text += "61\(n % 10);regel \(n);1,00\r\n"
        }
        text += "6100;\"Factuur; \"\"spoed\"\"\nmet tweede regel\";\"1.234,56\"\r\n"
        var data = Data(text.utf8)
        data.append(contentsOf: Array("6200;prijs ".utf8) + [0x80] + Array(" 5;5,00\r\n".utf8))
        // A NUL byte, which no database keeps, is dropped, quoted or not.
        data.append(contentsOf: Array("63".utf8) + [0] + Array("00;\"nul".utf8) + [0] + Array("teken\";1,00\r\n".utf8))
        let path = try file("")
        try data.write(to: URL(fileURLWithPath: path))

        var records = try StreamingRecords(path: path)
        #expect(records.separator == UInt8(ascii: ";"))
        #expect(try records.next() == ["Kostenplaats", "Omschrijving", "Bedrag"])
        var all: [[String]] = []
        while let record = try records.next() { all.append(record) }
        #expect(all.count == n + 3)
        #expect(all[n] == ["6100", "Factuur; \"spoed\"\nmet tweede regel", "1.234,56"])
        #expect(all[n + 1] == ["6200", "prijs € 5", "5,00"])
        #expect(all[n + 2] == ["6300", "nulteken", "1,00"])
    }

    @Test func theSameFileTwiceCountsOnceAndIdenticalLinesCountEach() async throws {
        try await withStoplicht(seeded: true) { app in
            let lines =
                Self.header
                + "2018-10-01;6100;4300;Licentie;100,00\n2018-10-01;6100;4300;Licentie;100,00\n2018-10-02;6100;4300;Inhuur;\"1.000,50\"\n"
            let path = try file(lines)

            let first = try await importing(path, app)
            let second = try await importing(path, app)
            // The next export repeats these lines and adds one.
            let longer = try file(lines + "2018-10-03;6100;4300;Inhuur;\"1.000,50\"\n")
            let third = try await importing(longer, app)

            #expect(first.read == 3 && first.added == 3 && first.addedCents == 120_050)
            #expect(second.added == 0 && second.alreadyImported == 3 && second.addedCents == 0)
            #expect(third.added == 1 && third.alreadyImported == 3 && third.addedCents == 100_050)
            #expect(try await ActualLine.query(on: app.db).count() == 4)
        }
    }

    @Test func linesThatCannotBeMappedAreKeptAndMappedLater() async throws {
        try await withStoplicht(seeded: true) { app in
            let programme = try await programme(app)
            _ = try await ActualsMapping.map(costCentre: "6100", toProject: 18, in: programme, on: app.db)
            let path = try file(
                Self.header + "2018-10-01;6100;4300;Licentie;100,00\n2018-10-01;6200;4310;Offerte chatbot;€ 21.750,-\n"
                    + "2018-10-02;;4300;Zonder kostenplaats;5,00\n2018-10-03;6300;4300;Onleesbaar;twaalf\n")

            let summary = try await importing(path, app)

            #expect(summary.added == 4)
            #expect(summary.unmapped == 3)
            #expect(summary.problems == 2)
            let kept = try await ActualLine.query(on: app.db).sort(\.$sourceLine).all()
            #expect(kept.map(\.sourceLine) == [2, 3, 4, 5])
            #expect(kept.map(\.problem) == [nil, nil, "geen kostenplaats", "bedrag ‘twaalf’ is geen bedrag"])
            #expect(kept[3].description == "Onleesbaar")
            // Mapping the cost centre afterwards maps the line already there.
            #expect(try await ActualsMapping.map(costCentre: "6200", toProject: 2, in: programme, on: app.db) == 1)
            let totals = try await ActualsTotals.perProject(programme, on: app.db)
            #expect(totals.map(\.number) == [2, 18])
            #expect(totals.map(\.cents) == [2_175_000, 10_000])
        }
    }

    @Test func sumsOverAHundredThousandLinesAreExact() async throws {
        try await withStoplicht(seeded: true) { app in
            let programme = try await programme(app)
            for (centre, project) in [("6100", 1), ("6200", 2), ("6300", 3)] {
                _ = try await ActualsMapping.map(costCentre: centre, toProject: project, in: programme, on: app.db)
            }
            var generator = SystemRandomNumberGenerator()
            var text = Self.header
            var expected: [Int: Int64] = [1: 0, 2: 0, 3: 0]
            for n in 0..<100_000 {
                let project = n % 3 + 1
                let cents = Int64.random(in: -500_000...5_000_000, using: &generator)
                expected[project]! += cents
                let euros = ReportedAmount.money(cents: cents).description.replacingOccurrences(of: "€ ", with: "")
                text += "2018-10-01;6\(project)00;4300;Boeking \(n);\"\(euros)\"\n"
            }
            let summary = try await importing(try file(text), app)

            #expect(summary.added == 100_000)
            #expect(summary.unmapped == 0)
            #expect(summary.addedCents == expected.values.reduce(0, +))
            let totals = try await ActualsTotals.perProject(programme, on: app.db)
            #expect(Dictionary(uniqueKeysWithValues: totals.map { ($0.number!, $0.cents) }) == expected)
        }
    }

    @Test func aSavedColumnMappingIsUsedNextTime() async throws {
        try await withStoplicht(seeded: true) { app in
            let path = try file("Dag;Code;Tekst;In euro's\n2018-10-01;6100;Licentie;100,00\n")
            await #expect(throws: InputError.self) { _ = try await importing(path, app) }
            do {
                _ = try await importing(path, app)
            } catch let error as InputError {
                #expect(error.message.contains("In de kopregel ontbreekt kostenplaats en bedrag."))
                #expect(error.message.contains("‘Code’"))
            }

            let first = try await importing(path, app, columns: [.costCentre: "Code", .amount: "In euro's"])
            let again = try file("Dag;Code;Tekst;In euro's\n2018-10-02;6100;Licentie;250,00\n")
            let second = try await importing(again, app)

            #expect(first.addedCents == 10_000)
            #expect(second.addedCents == 25_000)
        }
    }
}
