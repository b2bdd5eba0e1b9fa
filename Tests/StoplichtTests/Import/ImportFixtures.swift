import Foundation
import StoplichtCore
import Testing
import Vapor

@testable import Stoplicht

/// Reports of other municipalities, in other formats, under `Tests/Fixtures/Import`
/// (made by `scripts/make-import-fixtures.py` or written by hand).
enum ImportFixtures {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/Import")

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(name))
    }

    static func read(_ name: String, options: ImportOptions = ImportOptions()) throws -> ReportReader.Result {
        try ReportReader(options: options).read(data(name), filename: name)
    }

    /// What a test asserts of a project, in a form that prints readably when it differs.
    struct Expected: Equatable, CustomStringConvertible {
        var number: Int
        var name: String
        var leaders: [String]
        var light: LightNotation.Reading
        var remarks: String

        init(_ number: Int, _ name: String, _ leaders: [String], _ light: LightNotation.Reading, _ remarks: String) {
            self.number = number
            self.name = name
            self.leaders = leaders
            self.light = light
            self.remarks = remarks
        }

        init(_ project: ParsedProject) {
            self.init(
                project.number, project.name, project.leaders.map { $0.person + ($0.firm.map { "/" + $0 } ?? "") },
                project.light, project.remarks)
        }

        var description: String { "\(number) \(name) \(leaders) \(light) \(remarks.debugDescription)" }
    }

    /// Imports a report into a fresh programme (or a given one) and returns the summary.
    static func importReport(
        _ result: ReportReader.Result, into app: Application, dryRun: Bool = false,
        programme: String? = nil, period: String? = nil
    ) async throws -> ImportSummary {
        let importer = ReportImporter(database: app.db)
        let target = ImportTarget(organisation: "Gemeente Proef", programme: programme, period: period)
        return dryRun
            ? try await importer.dryRun(result.report, into: target)
            : try await importer.run(result.report, into: target)
    }
}
