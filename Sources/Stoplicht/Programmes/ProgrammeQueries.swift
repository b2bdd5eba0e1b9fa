import Fluent
import SQLKit
import StoplichtCore
import Vapor

/// What every page of a programme needs: the programme, its organisation, its light scale
/// and its periods, in four queries whatever the programme's size.
struct ProgrammeContext: Sendable {
    var programme: Programme
    var organisation: Organisation
    var scale: LightScale
    var dimensions: [ProgrammeDimension]
    /// Oldest first.
    var periods: [ReportingPeriod]

    var slug: String { programme.slug }
    var latestPeriod: ReportingPeriod? { periods.last }

    static func load(slug: String, on db: any Database) async throws -> ProgrammeContext {
        guard let programme = try await Programme.query(on: db)
            .join(Organisation.self, on: \Programme.$organisation.$id == \Organisation.$id)
            .filter(\.$slug == slug).first(),
              let id = programme.id else {
            throw Abort(.notFound, reason: Strings.programmeNotFound(slug))
        }
        async let lights = ProgrammeLight.query(on: db).filter(\.$programme.$id == id).all()
        async let dimensions = ProgrammeDimension.query(on: db).filter(\.$programme.$id == id).sort(\.$position).all()
        async let periods = ReportingPeriod.query(on: db).filter(\.$programme.$id == id).all()
        return try await ProgrammeContext(
            programme: programme,
            organisation: programme.joined(Organisation.self),
            scale: LightScale(lights.map(\.definition)),
            dimensions: dimensions,
            periods: ReportingPeriod.chronological(periods))
    }

    func period(slug: String) throws -> ReportingPeriod {
        guard let period = periods.first(where: { $0.slug == slug }) else {
            throw Abort(.notFound, reason: Strings.periodNotFound(slug))
        }
        return period
    }
}

/// The programme's governance as the cover of the report prints it.
struct Officials: Sendable {
    var byRole: [ProgrammeOfficial.Role: [String]]

    func names(_ role: ProgrammeOfficial.Role) -> [String] { byRole[role] ?? [] }

    static func load(programmeID: UUID, on db: any Database) async throws -> Officials {
        let officials = try await ProgrammeOfficial.query(on: db)
            .join(Person.self, on: \ProgrammeOfficial.$person.$id == \Person.$id)
            .filter(\.$programme.$id == programmeID).sort(\.$position).all()
        var byRole: [ProgrammeOfficial.Role: [String]] = [:]
        for official in officials { byRole[official.role, default: []].append(try official.joined(Person.self).name) }
        return Officials(byRole: byRole)
    }
}

/// The programmes on the start page, with their size and latest period.
struct ProgrammeSummary: Sendable {
    var programme: Programme
    var organisationName: String
    var projectCount: Int
    var latestPeriod: ReportingPeriod?
    var latestPublished: ReportingPeriod?
    /// The reader sees only the published reports (an anonymous reader of a programme
    /// that opened them).
    var publishedOnly = false

    static func all(on db: any Database) async throws -> [ProgrammeSummary] {
        let programmes = try await Programme.query(on: db).with(\.$organisation).sort(\.$name).all()
        let periods = try await ReportingPeriod.query(on: db).all()
        let counts = try await projectCounts(on: db)
        let periodsByProgramme = Dictionary(grouping: periods, by: \.$programme.id)
        return programmes.map { programme in
            let periods = ReportingPeriod.chronological(periodsByProgramme[programme.id!] ?? [])
            return ProgrammeSummary(
                programme: programme,
                organisationName: programme.organisation.name,
                projectCount: programme.id.flatMap { counts[$0] } ?? 0,
                latestPeriod: periods.last,
                latestPublished: periods.last { $0.state == .published })
        }
    }

    private static func projectCounts(on db: any Database) async throws -> [UUID: Int] {
        guard let sql = db as? any SQLDatabase else { return [:] }
        struct Row: Decodable { var programme_id: UUID; var count: Int }
        let rows = try await sql.raw("SELECT programme_id, COUNT(*) AS count FROM projects GROUP BY programme_id").all(decoding: Row.self)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.programme_id, $0.count) })
    }
}

extension ReportingPeriod {
    /// Periods by their first day, undated ones in the order they were made.
    static func chronological(_ periods: [ReportingPeriod]) -> [ReportingPeriod] {
        periods.sorted {
            ($0.startsOn ?? "9999", $0.createdAt ?? .distantFuture) < ($1.startsOn ?? "9999", $1.createdAt ?? .distantFuture)
        }
    }
}
