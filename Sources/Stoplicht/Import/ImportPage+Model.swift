import Fluent
import Foundation
import StoplichtCore

/// Who is importing, and the token their forms carry.
struct ImportAccount {
    var name: String
    var email: String
    var csrf: String
    var isAdministrator: Bool
    /// Slugs of the programmes this account may import into.
    var programmes: [String]
}

/// Which programmes a user may import into: every one for a beheerder, else those where
/// their role allows it.
enum ImportPermission {
    /// The programmes a user who is no beheerder may import into (a beheerder: any).
    static func programmes(for user: User, on db: any Database) async throws -> [Programme] {
        let assignments = try await ProgrammeRoleAssignment.query(on: db).filter(\.$user.$id == user.requireID()).with(
            \.$programme
        ).all()
        return assignments.filter { Permissions.allows($0.role, .importReport) }.map(\.programme).sorted {
            $0.name < $1.name
        }
    }
}

/// The upload form: where a report can go.
struct ImportFormModel {
    var account: ImportAccount
    /// Those the report may go into, with their organisation, by name.
    var programmes: [Programme]
    var selectedProgramme: String?
    var organisation: String
    var period: String
    var mapping: String
    var error: String?

    static func query(selected: String?, account: ImportAccount, on db: any Database) async throws -> ImportFormModel {
        // Names and organisations only: a beheerder of a shared installation chooses from thousands.
        let query = Programme.query(on: db).with(\.$organisation).sort(\.$indexName).sort(\.$slug)
        if !account.isAdministrator { query.filter(\.$slug ~~ account.programmes) }
        let programmes = try await query.all()
        let municipalities = try await Organisation.query(on: db).filter(\.$kind == .municipality).all()
        return ImportFormModel(
            account: account, programmes: programmes,
            selectedProgramme: programmes.contains { $0.slug == selected } ? selected : nil,
            organisation: municipalities.count == 1 ? municipalities[0].name : "", period: "", mapping: "")
    }
}

/// What an uploaded report would do: the dry run's plan, or why it cannot be read yet.
struct ImportPreviewModel {
    enum Outcome {
        case plan(format: ReportFormat, report: ParsedReport, summary: ImportSummary)
        case unreadable(message: String, foundColumns: [String]?)
    }

    var account: ImportAccount
    var id: UUID
    var pending: PendingImport
    var outcome: Outcome
    /// Light words the report uses that no vocabulary or mapping knows.
    var unknownWords: [String]
    /// What such a word can be mapped to: the programme's lights, or the standard ones.
    var lightChoices: [(value: String, label: String)]
    /// A mapping the user gave that could not be read.
    var mappingError: String?
    /// The names of the people whose update of this period a row would overwrite, by the
    /// e-mail address their status keeps (pages name people, never by address).
    var editors: [String: String] = [:]

    var isReadable: Bool {
        if case .plan = outcome { return true }
        return false
    }

    static func query(
        _ pending: PendingImport, account: ImportAccount, mappingError: String? = nil, on db: any Database
    ) async throws -> ImportPreviewModel {
        let id = try pending.requireID()
        var options = ImportOptions()
        var mappingError = mappingError
        do {
            options = try pending.options()
        } catch {
            mappingError = error.message
        }
        var outcome: Outcome
        var unknown: [String] = []
        var editors: [String: String] = [:]
        do {
            let result = try ReportReader(options: options).read(pending.data, filename: pending.filename)
            let summary = try await ReportImporter(database: db).dryRun(result.report, into: target(pending))
            outcome = .plan(format: result.format, report: result.report, summary: summary)
            editors = try await User.names(of: Set(summary.projectChanges.compactMap(\.overwrites?.by)), on: db)
            // Each unknown word once, wherever it stood: the status, a dimension, a period.
            unknown = result.report.unknownLightWords.map(\.word)
        } catch let error as ReportFileError {
            outcome = .unreadable(message: error.message, foundColumns: error.foundColumns)
        } catch let error as InputError {
            outcome = .unreadable(message: error.message, foundColumns: nil)
        }
        let scale = try await lightChoices(programmeID: pending.programmeID, on: db)
        return ImportPreviewModel(
            account: account, id: id, pending: pending, outcome: outcome, unknownWords: unknown, lightChoices: scale,
            mappingError: mappingError,
            editors: editors)
    }

    static func target(_ pending: PendingImport) -> ImportTarget {
        var target = ImportTarget(
            organisation: pending.organisation, programme: pending.programme, programmeID: pending.programmeID,
            period: pending.period)
        target.isCommandLine = false
        return target
    }

    static func lightChoices(programmeID: UUID?, on db: any Database) async throws -> [(value: String, label: String)] {
        var lights = LightScale.standard.lights
        if let programmeID {
            let own = try await ProgrammeLight.query(on: db).filter(\.$programme.$id == programmeID).sort(\.$rank).all()
            if !own.isEmpty { lights = own.map(\.definition) }
        }
        return lights.map { ($0.code, $0.label) } + [("niet van toepassing", Strings.importNotRated)]
    }
}
