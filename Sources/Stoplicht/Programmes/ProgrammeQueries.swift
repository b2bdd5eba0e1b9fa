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
        try await load(try await programme(slug: slug, on: db), on: db)
    }

    /// The programme alone, with its organisation: enough to ask who may read it before
    /// the rest is read (a kept live page needs no more).
    static func programme(slug: String, on db: any Database) async throws -> Programme {
        guard
            let programme = try await Programme.query(on: db)
                .join(Organisation.self, on: \Programme.$organisation.$id == \Organisation.$id)
                .filter(\.$slug == slug).first()
        else {
            throw Abort(.notFound, reason: Strings.programmeNotFound(slug))
        }
        return programme
    }

    /// The context of a programme from `programme(slug:on:)`.
    static func load(_ programme: Programme, on db: any Database) async throws -> ProgrammeContext {
        let id = try programme.requireID()
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

    /// The summaries of `programmes` (with their organisation loaded), in their order; the
    /// counts and periods are read for these programmes only.
    static func summaries(of programmes: [Programme], on db: any Database) async throws -> [ProgrammeSummary] {
        let ids = programmes.compactMap(\.id)
        let counts = try await projectCounts(of: ids, on: db)
        let latest = try await latestPeriods(of: ids, on: db)
        return programmes.map { programme in
            let periods = programme.id.flatMap { latest[$0] }
            return ProgrammeSummary(
                programme: programme,
                organisationName: programme.organisation.name,
                projectCount: programme.id.flatMap { counts[$0] } ?? 0,
                latestPeriod: periods?.latest,
                latestPublished: periods?.published)
        }
    }

    /// Bind lists stay well under SQLite's limit of variables in a statement.
    private static let batchSize = 1_000

    /// Each programme's latest period and latest published one. The database ranks the
    /// periods (in `ReportingPeriod.isBefore`'s order) and answers only the chosen ones' ids,
    /// which are then read as models: a shared installation has tens of thousands of
    /// periods, and reading them all as models took 130 MB for 50,000; even reading every
    /// period's ordering columns was most of the start page's time.
    private static func latestPeriods(of programmes: [UUID], on db: any Database) async throws -> [UUID: (
        latest: ReportingPeriod, published: ReportingPeriod?
    )] {
        let sql = try db.sqlDatabase()
        // Fields named as the query's columns.
        // swift-format-ignore: AlwaysUseLowerCamelCase
        struct Row: Decodable {
            var id: UUID
            var programme_id: UUID
            var latest: Int
            var published: Int?
        }
        // Last first: no first day counts as the latest, as does no moment made.
        let order: SQLQueryString = """
            ORDER BY COALESCE(\(ident: "starts_on"), '9999') DESC, CASE WHEN \(ident: "created_at") IS NULL THEN 1 ELSE 0 END DESC, \
            \(ident: "created_at") DESC
            """
        let published = ReportingPeriod.State.published.rawValue
        var chosen: [UUID: (latest: UUID?, published: UUID?)] = [:]
        for batch in stride(from: 0, to: programmes.count, by: batchSize) {
            let ids = Array(programmes[batch..<min(programmes.count, batch + batchSize)])
            let rows = try await sql.raw(
                """
                SELECT \(ident: "id"), \(ident: "programme_id"), \(ident: "latest"), \(ident: "published") FROM (
                SELECT \(ident: "id"), \(ident: "programme_id"), ROW_NUMBER() OVER (PARTITION BY \(ident: "programme_id") \(order)) AS \(ident: "latest"), \
                CASE WHEN \(ident: "state") = \(bind: published) \
                THEN ROW_NUMBER() OVER (PARTITION BY \(ident: "programme_id"), \(ident: "state") \(order)) END AS \(ident: "published") \
                FROM \(ident: ReportingPeriod.schema) WHERE \(ident: "programme_id") IN (\(binds: ids))) AS \(ident: "ranked") \
                WHERE \(ident: "latest") = 1 OR \(ident: "published") = 1
                """
            ).all(decoding: Row.self)
            for row in rows {
                var entry = chosen[row.programme_id] ?? (nil, nil)
                if row.latest == 1 { entry.latest = row.id }
                if row.published == 1 { entry.published = row.id }
                chosen[row.programme_id] = entry
            }
        }
        let ids = chosen.values.flatMap { [$0.latest, $0.published].compactMap { $0 } }
        var models: [UUID: ReportingPeriod] = [:]
        for batch in stride(from: 0, to: ids.count, by: batchSize) {
            for period in try await ReportingPeriod.query(on: db).filter(
                \.$id ~~ Array(ids[batch..<min(ids.count, batch + batchSize)])
            ).all() {
                models[try period.requireID()] = period
            }
        }
        return chosen.compactMapValues { entry in
            entry.latest.flatMap { models[$0] }.map { ($0, entry.published.flatMap { models[$0] }) }
        }
    }

    private static func projectCounts(of programmes: [UUID], on db: any Database) async throws -> [UUID: Int] {
        let sql = try db.sqlDatabase()
        // Fields named as the query's columns.
        // swift-format-ignore: AlwaysUseLowerCamelCase
        struct Row: Decodable {
            var programme_id: UUID
            var count: Int
        }
        var counts: [UUID: Int] = [:]
        for batch in stride(from: 0, to: programmes.count, by: batchSize) {
            let rows = try await sql.select().column("programme_id").column(
                SQLFunction("COUNT", args: SQLLiteral.all), as: "count"
            )
            .from(Project.schema).where(
                "programme_id", .in, Array(programmes[batch..<min(programmes.count, batch + batchSize)])
            )
            .groupBy("programme_id").all(decoding: Row.self)
            for row in rows { counts[row.programme_id] = row.count }
        }
        return counts
    }
}

extension ReportingPeriod {
    /// Periods by their first day, undated ones in the order they were made.
    static func chronological(_ periods: [ReportingPeriod]) -> [ReportingPeriod] {
        periods.sorted { isBefore(($0.startsOn, $0.createdAt), ($1.startsOn, $1.createdAt)) }
    }

    /// The order of periods by first day and then by when they were made.
    static func isBefore(_ a: (startsOn: String?, createdAt: Date?), _ b: (startsOn: String?, createdAt: Date?)) -> Bool
    {
        (a.startsOn ?? "9999", a.createdAt ?? .distantFuture) < (b.startsOn ?? "9999", b.createdAt ?? .distantFuture)
    }
}
