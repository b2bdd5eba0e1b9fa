import Foundation
import StoplichtCore
import Testing
import ZIPFoundation

/// Damaged and hostile files end in a clear Dutch message, never a crash, and memory stays
/// bounded by the import limits.
@Suite struct FuzzedImportTests {
    /// Reads a file; returns the message it was refused with, or nil if it was read.
    func outcome(_ data: Data, _ filename: String, limits: ImportLimits = .standard) -> String? {
        var options = ImportOptions()
        options.limits = limits
        do {
            _ = try ReportReader(options: options).read(data, filename: filename)
            return nil
        } catch {
            return error.message
        }
    }

    /// A ZIP file made here, so each test controls exactly what is in it.
    static func zip(_ entries: [(String, Data)]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, data) in entries {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try #require(archive.data)
    }

    static func docx(body: String) throws -> Data {
        try zip([("word/document.xml", Data(body.utf8))])
    }

    static let zipFixtures = ["heuvelrug-dimensies.docx", "zeewolde-perioden.odt", "stratford-dca.xlsx"]

    @Test(arguments: zipFixtures) func truncatedZipsAreRefused(_ name: String) throws {
        let data = try ImportFixtures.data(name)
        for percent in stride(from: 0, to: 100, by: 5) {
            let cut = data.prefix(data.count * percent / 100)
            let message = outcome(Data(cut), name)
            // The directory at the end is gone, so every cut is refused as damaged.
            if percent == 0 {
                #expect(message == "Het bestand is leeg: er staat geen rapportage in.")
            } else {
                #expect(message?.contains("beschadigd") == true, "cut at \(percent)%: \(message ?? "read")")
            }
        }
    }

    @Test(arguments: zipFixtures + ["bos-bedrijfsvoering.html", "leusden-zonder-nummers.csv"])
    func mutatedBytesNeverCrash(_ name: String) throws {
        let original = try ImportFixtures.data(name)
        var random = SeededGenerator(seed: 20_181_031)
        var refused = 0
        for _ in 0..<150 {
            var bytes = [UInt8](original)
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
            if let message = outcome(Data(bytes), name) {
                refused += 1
                #expect(!message.isEmpty)
            }
        }
        // Damaged ZIPs fail their checksums; text files are read with warnings.
        if name.hasSuffix(".csv") || name.hasSuffix(".html") { #expect(refused < 150) } else { #expect(refused > 100) }
    }

    @Test func entityExpansionIsRefused() throws {
        let bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
            <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
            <w:document xmlns:w="w"><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>
            """
        let message = outcome(try Self.docx(body: bomb), "bom.docx")
        #expect(
            message
                == "Het onderdeel ‘word/document.xml’ van het bestand is geen geldige XML: een DOCTYPE- of ENTITY-declaratie (die komt in een echt document niet voor en wordt om veiligheidsredenen geweigerd). Sla het bestand opnieuw op en probeer het nog eens."
        )
        let external =
            #"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><w:document><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"#
        #expect(outcome(try Self.docx(body: external), "xxe.docx")?.contains("DOCTYPE") == true)
    }

    @Test func aZipBombStopsAtThePartLimit() throws {
        // 4 MB of one character deflates to a few kilobytes.
        let huge =
            "<w:document><w:body><w:p><w:r><w:t>" + String(repeating: "a", count: 4 * 1024 * 1024)
            + "</w:t></w:r></w:p></w:body></w:document>"
        let data = try Self.docx(body: huge)
        #expect(data.count < 64 * 1024)
        var limits = ImportLimits()
        limits.partBytes = 1024 * 1024
        #expect(
            outcome(data, "bom.docx", limits: limits)
                == "Het onderdeel ‘word/document.xml’ van het bestand is uitgepakt groter dan 1 MB; zo groot is geen rapportage. Het bestand is geweigerd."
        )
        // Within the part limit, the one paragraph is still far over the cell limit.
        #expect(outcome(data, "bom.docx")?.contains("meer dan 100000 tekens") == true)
    }

    @Test func deepNestingIsRefused() throws {
        let deep =
            "<w:document><w:body>" + String(repeating: "<w:p>", count: 10_000)
            + String(repeating: "</w:p>", count: 10_000) + "</w:body></w:document>"
        #expect(outcome(try Self.docx(body: deep), "diep.docx")?.contains("meer dan 512 geneste elementen") == true)
    }

    @Test func hugeCellsAreRefusedWithTheirPlace() throws {
        let cell = String(repeating: "Heel lange toelichting. ", count: 20_000)
        let csv = "Nr;Project;Toelichting\n1;Lang;\"\(cell)\"\n"
        #expect(
            outcome(Data(csv.utf8), "lang.csv")
                == "Op regel 2 staat een veld van meer dan 100000 tekens; zo lang is geen toelichting. Controleer of er een aanhalingsteken niet gesloten is."
        )
        let html = "<table><tr><th>Nr</th><th>Project</th></tr><tr><td>1</td><td>\(cell)</td></tr></table>"
        var limits = ImportLimits()
        limits.textBytes = 2 * 1024 * 1024
        #expect(
            outcome(Data(html.utf8), "lang.html", limits: limits)
                == "In tabel 1, rij 2 staat een cel of alinea van meer dan 100000 tekens; zo lang is geen toelichting. Het bestand is geweigerd."
        )
        let sheet =
            "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>\(cell)</t></is></c></row></sheetData></worksheet>"
        let xlsx = try Self.zip([
            ("xl/workbook.xml", Data(#"<workbook><sheets><sheet name="Blad1" sheetId="1"/></sheets></workbook>"#.utf8)),
            ("xl/worksheets/sheet1.xml", Data(sheet.utf8)),
        ])
        #expect(
            outcome(xlsx, "lang.xlsx")
                == "In blad ‘Blad1’, rij 1 staat een cel of alinea van meer dan 100000 tekens; zo lang is geen toelichting. Het bestand is geweigerd."
        )
    }

    @Test func anUnclosedQuoteSaysWhere() {
        let csv =
            "Nr;Project;Toelichting\n1;Centrumplan;Loopt\n2;Sporthal;\"Begint maar sluit niet\n3;Bibliotheek;Klaar\n"
        #expect(
            outcome(Data(csv.utf8), "quote.csv")
                == "Het aanhalingsteken van het veld op regel 3 wordt niet gesloten; het bestand is onvolledig of beschadigd."
        )
    }

    @Test func invalidUTF8IsReadWithAWarningOrReplaced() throws {
        // CSV from an old Excel: Windows-1252, read with a warning at the first bad line.
        var csv = Data("Nr;Project;Projectleider;Status\n1;Centrumplan;Ren".utf8)
        csv.append(0xE9)  // é in Windows-1252
        csv.append(contentsOf: Array(" Bakker;groen\n".utf8))
        let read = try ReportReader().read(csv, filename: "oud.csv")
        #expect(read.report.projects.first?.leaders.first?.person == "René Bakker")
        #expect(
            read.report.warnings.first?.description.hasPrefix("regel 2: Het bestand is niet in UTF-8 gecodeerd") == true
        )
        // Invalid bytes inside a Word document's XML become replacement characters.
        var body = Data("<w:document><w:body><w:p><w:r><w:t>Programma Kapot ".utf8)
        body.append(contentsOf: [0xFF, 0xC3])
        body.append(contentsOf: Array("</w:t></w:r></w:p></w:body></w:document>".utf8))
        let docx = try Self.zip([("word/document.xml", body)])
        #expect(outcome(docx, "kapot.docx")?.contains("geen rapportage herkend") == true)
    }

    @Test func otherFilesAreNamed() throws {
        #expect(
            outcome(Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]), "oud.doc")?.hasPrefix(
                "Dit is een oud Word- of Excel-bestand (.doc of .xls).") == true)
        #expect(outcome(Data("%PDF-1.7".utf8), "rapport.pdf")?.hasPrefix("Dit is een PDF-bestand.") == true)
        #expect(
            outcome(try Self.zip([("foto.jpg", Data([1, 2, 3]))]), "foto.zip")
                == "Dit ZIP-bestand is geen Word-, Excel- of OpenDocument-bestand. Kies het bestand van de rapportage zelf."
        )
        var limits = ImportLimits()
        limits.fileBytes = 1024
        #expect(outcome(Data(count: 4096), "groot.xlsx", limits: limits)?.contains("hoogstens 0 MB") == true)
    }

    @Test func aHundredThousandRowCSVIsRead() throws {
        // setup
        var csv = "Nr;Project;Projectleider;Status;Toelichting;Gereed\n"
        let lights = ["groen", "oranje", "rood", "afgerond"]
        for i in 1...100_000 {
            csv +=
                "\(i);Project \(i);Leider \(i % 250);\(lights[i % 4]);Toelichting bij project \(i).;Q\(i % 4 + 1) 2025\n"
        }

        // MUT
        let report = try ReportReader().read(Data(csv.utf8), filename: "groot.csv").report

        // validate
        #expect(report.projects.count == 100_000)
        #expect(
            ImportFixtures.Expected(report.projects[99_999])
                == .init(100_000, "Project 100000", ["Leider 0"], .tone(.positive), "Toelichting bij project 100000."))
        #expect(report.projects[99_999].plannedDelivery == .quarter(2025, 1))
        #expect(report.warnings.isEmpty)
        // Over the row limit the file is refused, not read halfway.
        var options = ImportOptions()
        options.limits.rows = 50_000
        #expect(
            throws: ReportFileError(
                "Het bestand heeft meer dan 50000 rijen; zo groot is geen rapportage. Het bestand is geweigerd.")
        ) {
            try ReportReader(options: options).read(Data(csv.utf8), filename: "groot.csv")
        }
    }
}
