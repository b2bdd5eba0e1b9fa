import Foundation
import StoplichtCore

/// A dry run's plan as JSON for scripts: every project with what would become of it,
/// the sections, and every warning with its place in the file.
struct ImportPlan: Encodable {
    struct Project: Encodable {
        var number: Int
        var name: String
        var action: ProjectChange.Action
        var changes: [String]
        /// Each changed value, before and after, as stored.
        var changed: [ProjectChange.Detail]
        var items: [String]
        var leaders: [String]
        var light: String?
        var lightText: String
        var lightsPerDimension: [String: String]
        var lightsPerPeriod: [String: String]
        var lifecycle: String
        var phase: String?
        var plannedDelivery: String?
        var forecastDelivery: String?
        var budget: String?
        var group: String?
        var assessor: String?
        var remarks: String
        var position: String
    }

    struct Section: Encodable {
        var key: String
        var number: Int?
        var title: String
        var markdown: String
    }

    /// How a table, project page or list was read, and why.
    struct Table: Encodable {
        var position: String
        var kind: String
        var reason: String
        var columns: [TableExplanation.Column]
        var vocabulary: [String: String]
    }

    /// A light word no vocabulary knew, once, with the projects it stands at.
    struct UnknownLight: Encodable {
        var word: String
        var column: String
        var projects: [Int]
        var position: String
    }

    struct Warning: Encodable {
        var position: String
        var message: String
    }

    var file: String
    var format: String
    var programme: String
    var period: String
    var created: Int
    var updated: Int
    var projects: [Project]
    var sections: [Section]
    var decisions: [String]
    var risks: [String]
    var tables: [Table]
    /// The legend's words as the document itself explains them.
    var legend: [String: String]
    var unknownLights: [UnknownLight]
    var warnings: [Warning]

    init(file: String, format: ReportFormat, report: ParsedReport, summary: ImportSummary) {
        self.file = file
        self.format = format.rawValue
        programme = summary.programmeSlug
        period = summary.periodSlug
        created = summary.created
        updated = summary.updated
        projects = zip(report.projects, summary.projectChanges).map { parsed, change in
            var perPeriod: [String: String] = [:]
            if let light = change.light { perPeriod["huidige"] = light }
            if let light = change.previousLight { perPeriod["vorige"] = light }
            if let light = change.expectedLight { perPeriod["komende"] = light }
            return Project(
                number: change.number, name: parsed.name, action: change.action, changes: change.fields,
                changed: change.details, items: parsed.items,
                leaders: parsed.leaders.map { leader in leader.firm.map { "\(leader.person) (\($0))" } ?? leader.person
                },
                light: change.light, lightText: parsed.lightText, lightsPerDimension: change.dimensionLights,
                lightsPerPeriod: perPeriod,
                lifecycle: parsed.lifecycle.rawValue, phase: parsed.phase?.rawValue,
                plannedDelivery: parsed.plannedDelivery?.storageValue,
                forecastDelivery: parsed.forecastDelivery?.storageValue,
                budget: parsed.budget?.description, group: parsed.group, assessor: parsed.assessor,
                remarks: parsed.remarks, position: report.position(ofLine: parsed.lines.first ?? 0))
        }
        sections = report.sections.map {
            Section(key: $0.kind.key, number: $0.number, title: $0.title, markdown: $0.markdown)
        }
        decisions = report.decisions.map(\.markdown)
        risks = report.risks.map(\.markdown)
        tables = report.tables.map { table in
            Table(
                position: report.position(ofLine: table.line), kind: table.kind.rawValue, reason: table.reason,
                columns: table.columns, vocabulary: table.vocabulary)
        }
        legend = Dictionary(report.legend.map { ($0.label, $0.reading.text) }, uniquingKeysWith: { first, _ in first })
        unknownLights = report.unknownLightWords.map {
            UnknownLight(
                word: $0.word, column: $0.column, projects: $0.projects, position: report.position(ofLine: $0.line))
        }
        warnings = summary.warnings.map { Warning(position: $0.position, message: $0.commandLineText) }
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
