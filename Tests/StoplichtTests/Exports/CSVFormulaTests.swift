import Fluent
import Foundation
import Testing
import Vapor

@testable import Stoplicht
@testable import StoplichtCore

/// A CSV cell that starts like a formula is written so a spreadsheet shows it as text, and
/// the import reads back what was written.
@Suite struct CSVFormulaTests {
    static let formulas = [
        "=HYPERLINK(\"http://127.0.0.1:9/x\";\"klik\")", "+31 33 123 45 67", "-5", "@SUM(A1:A9)", "\t=1+1",
        "'=al een apostrof", "''=twee", "'gewoon", "gewoon = gelijk",
    ]

    @Test(arguments: formulas)
    func aFormulaStartGetsAnApostropheAndLosesItOnReading(_ text: String) {
        let written = CSVFormulaGuard.guarded(text)
        if let first = text.first, "=+-@\t'".contains(first), text != "'gewoon" {
            #expect(written.hasPrefix("'"))
        } else {
            #expect(written == text)
        }
        #expect(CSVFormulaGuard.unguarded(written) == text)
    }

    @Test func exportedFormulasComeBackAsTheTextTheyWere() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup: project names and remarks that a spreadsheet would run
            let projects = try await Project.query(on: app.db).sort(\.$number).limit(Self.formulas.count).all()
            for (project, name) in zip(projects, Self.formulas) {
                project.name = name
                try await project.save(on: app.db)
            }
            let model = try await ReportPageModel.query(
                programme: "dienstverlening", period: ExportTests.period, on: app.db)

            // MUT
            let csv = CSVExport.data(ReportExport(model))
            let read = try ReportReader().read(csv, filename: "rapportage.csv")

            // validate: no field starts a formula, and the names come back
            let text = String(decoding: csv.dropFirst(3), as: UTF8.self)
            for line in text.components(separatedBy: "\r\n") {
                for field in line.split(separator: ";", omittingEmptySubsequences: false) {
                    let unquoted = field.hasPrefix("\"") ? field.dropFirst() : field
                    #expect(!(unquoted.first.map { "=+-@\t".contains($0) } ?? false), "\(line)")
                }
            }
            let names = read.report.projects.prefix(Self.formulas.count).map(\.name)
            #expect(names == Self.formulas.map { $0.trimmingCharacters(in: .whitespaces) })
        }
    }
}
