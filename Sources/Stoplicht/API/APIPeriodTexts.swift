import Fluent
import Foundation
import Vapor

/// What the sections, decisions and risks of a period share in the API: the period they
/// belong to, who may read them (a published report may be open to everyone), who may
/// write them (the programme manager, while the period is not published), and the write
/// itself, made through `PeriodTexts` with the period's row locked — one save of a period's
/// texts at a time, whether from the web form or the API.
enum APIPeriodTexts {
    typealias Stored = PeriodTexts.Stored

    static func target(_ req: Request) async throws -> (ProgrammeContext, ReportingPeriod) {
        let context = try await ProgrammeContext.load(slug: try req.parameters.require("programme"), on: req.db)
        return (context, try context.period(slug: try req.parameters.require("period")))
    }

    static func read(_ req: Request) async throws -> (ProgrammeContext, ReportingPeriod) {
        let (context, period) = try await target(req)
        _ = try await APIAccess.reader(req, programme: context.programme, published: period.state == .published)
        return (context, period)
    }

    /// `ifMatch`: what the write changes ("het besluit"), for a change or removal that must
    /// carry its ETag; its If-Match is asked for before anything else is checked but access.
    static func write(_ req: Request, ifMatch what: String? = nil) async throws -> (
        ProgrammeContext, ReportingPeriod, APITokens.Client, String
    ) {
        let (context, period) = try await target(req)
        let (_, client) = try await APIAccess.writer(req, .editSections, programme: context.programme)
        let match = try what.map { try APIWrite.ifMatch(req, what: $0) } ?? ""
        if period.state == .published { throw InputError(Strings.periodIsPublished(period.name), status: .conflict) }
        return (context, period, client, match)
    }

    /// Runs `body` in a transaction with the period's row locked and its texts as stored now.
    static func locked<T: Sendable>(
        _ period: ReportingPeriod, _ req: Request,
        _ body: @escaping @Sendable (any Database, Stored) async throws -> T
    ) async throws -> T {
        try await APIWrite.run {
            try await PeriodTexts.locked(period, on: req.db) { db, _, stored in try await body(db, stored) }
        }
    }

    /// Saves the changed items over the stored ones, with the audit entries of the web form.
    static func save(
        _ texts: PeriodTexts, over stored: Stored, period: ReportingPeriod, client: APITokens.Client, _ req: Request,
        on db: any Database
    ) async throws {
        try await texts.save(over: stored, period: period, actor: client.user.email, address: req.clientAddress, on: db)
    }

    /// A path's item id; anything else is no such item (404).
    static func id(_ req: Request, _ name: String, notFound: (String) -> String) throws -> UUID {
        let text = try req.parameters.require(name)
        guard let id = UUID(uuidString: text) else { throw InputError(notFound(text), status: .notFound) }
        return id
    }
}
