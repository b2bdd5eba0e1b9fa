import Fluent
import Foundation
import StoplichtCore
import Vapor

/// The programme manager's desk: open a period, see who has not yet updated, move the
/// period to review and back, publish it; the programme's access for a beheerder.
enum PeriodController {
    static func desk(_ req: Request) async throws -> Response {
        let context = try await ProgrammeContext.load(slug: try req.parameters.require("programme"), on: req.db)
        let viewer = try await Access.require(.movePeriod, req, programme: context.programme)
        return try await deskPage(
            req, context: context, viewer: viewer, notice: req.query[String.self, at: "melding"], error: nil)
    }

    static func deskPage(
        _ req: Request, context: ProgrammeContext, viewer: Viewer, notice: String?, error: String?,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        var model = PeriodDeskModel(
            context: context, viewer: viewer, notice: notice.flatMap(Strings.deskNotice), error: error)
        if let period = context.latestPeriod, period.state != .published {
            model.notYetUpdated = try await NotYetUpdated.load(context, period: period, on: req.db)
        }
        return PeriodDeskView.page(model, settings: req.settings).response(status: status)
    }

    static func open(_ req: Request) async throws -> Response {
        let context = try await ProgrammeContext.load(slug: try req.parameters.require("programme"), on: req.db)
        let viewer = try await Access.require(.movePeriod, req, programme: context.programme)
        try CSRF.verify(req)
        let name = (try? req.content.get(String.self, at: "naam")) ?? ""
        do {
            _ = try await PeriodOpening.open(
                name: name, in: context, actor: viewer.user?.email ?? "", address: req.clientAddress, on: req.db)
        } catch let error as InputError {
            return try await deskPage(
                req, context: context, viewer: viewer, notice: nil, error: error.message, status: error.status)
        }
        return req.redirect(to: SiteURL.periodDesk(context.slug).path + "?melding=geopend", redirectType: .normal)
    }

    /// What publishing would freeze, with "Definitief publiceren".
    static func confirmPublish(_ req: Request) async throws -> Response {
        let context = try await ProgrammeContext.load(slug: try req.parameters.require("programme"), on: req.db)
        let viewer = try await Access.require(.publishPeriod, req, programme: context.programme)
        let period = try context.period(slug: try req.parameters.require("period"))
        guard period.state != .published else {
            return try await deskPage(
                req, context: context, viewer: viewer, notice: nil, error: Strings.periodIsPublished(period.name),
                status: .conflict)
        }
        let model = try await PublishConfirmationModel.query(context, period: period, viewer: viewer, on: req.db)
        return PublishConfirmationView.page(model, settings: req.settings).response()
    }

    /// `naar`: review, open or publiceren. Publishing comes from the confirmation page
    /// (`bevestigd`); a period that was not put up for review also needs `zonder-controle`.
    static func move(_ req: Request) async throws -> Response {
        let context = try await ProgrammeContext.load(slug: try req.parameters.require("programme"), on: req.db)
        let period = try context.period(slug: try req.parameters.require("period"))
        let target = (try? req.content.get(String.self, at: PeriodMoveField.target.name)) ?? ""
        let viewer = try await Access.require(
            target == "publiceren" ? .publishPeriod : .movePeriod, req, programme: context.programme)
        try CSRF.verify(req)
        let actor = viewer.user?.email ?? ""
        if target == "publiceren" && period.state != .published {
            guard (try? req.content.get(String.self, at: PeriodMoveField.confirmed.name)) == "ja" else {
                return req.redirect(
                    to: SiteURL.periodPublish(programme: context.slug, period: period.slug).path, redirectType: .normal)
            }
            if period.state == .open && (try? req.content.get(String.self, at: PeriodMoveField.skipReview.name)) != "ja"
            {
                var model = try await PublishConfirmationModel.query(
                    context, period: period, viewer: viewer, on: req.db)
                model.error = Strings.publishSkipReviewRequired
                return PublishConfirmationView.page(model, settings: req.settings).response(
                    status: .unprocessableEntity)
            }
        }
        do {
            switch target {
            case "review": try await PeriodPublication.move(period, to: .inReview, actor: actor, on: req.db)
            case "open": try await PeriodPublication.move(period, to: .open, actor: actor, on: req.db)
            case "publiceren":
                _ = try await PeriodPublication.publish(
                    programme: context.slug, period: period, actor: actor, settings: req.settings,
                    on: req.db, logger: req.logger)
            default: throw InputError(Strings.unknownPeriodMove(target), status: .badRequest)
            }
        } catch let error as InputError {
            return try await deskPage(
                req, context: context, viewer: viewer, notice: nil, error: error.message, status: error.status)
        }
        return req.redirect(to: SiteURL.periodDesk(context.slug).path + "?melding=\(target)", redirectType: .normal)
    }

    /// `toegang`: besloten, rapportages-openbaar or openbaar; a beheerder's choice.
    static func access(_ req: Request) async throws -> Response {
        let context = try await ProgrammeContext.load(slug: try req.parameters.require("programme"), on: req.db)
        let viewer = try await Access.require(.manageRoles, req, programme: context.programme)
        try CSRF.verify(req)
        let value = (try? req.content.get(String.self, at: "toegang")) ?? ""
        guard let access = ProgrammeAccess(rawValue: value) else {
            return try await deskPage(
                req, context: context, viewer: viewer, notice: nil, error: Strings.unknownAccess(value),
                status: .unprocessableEntity)
        }
        try await setAccess(
            access, of: context.programme, actor: viewer.user?.email ?? "", address: req.clientAddress, on: req.db)
        return req.redirect(to: SiteURL.periodDesk(context.slug).path + "?melding=toegang", redirectType: .normal)
    }

    /// Changes who may read a programme, with its audit entry.
    static func setAccess(
        _ access: ProgrammeAccess, of programme: Programme, actor: String, address: String?, on database: any Database
    ) async throws {
        let before = programme.access
        guard before != access else { return }
        try await database.transaction { db in
            programme.access = access
            try await programme.save(on: db)
            try await AuditTrail.append(
                [
                    AuditRecord(
                        at: Date(), actor: actor, address: address, action: .programmeAccess, entity: "programma",
                        entityID: programme.id?.uuidString, programmeID: programme.id, periodID: nil,
                        before: AuditRecord.json(["toegang": before.rawValue]),
                        after: AuditRecord.json(["toegang": access.rawValue]))
                ], on: db)
        }
    }
}

struct PeriodDeskModel: Sendable {
    var context: ProgrammeContext
    var viewer: Viewer
    var notice: String?
    var error: String?
    var notYetUpdated: NotYetUpdated?
}

/// The form that moves a period: `naar` review, open or publiceren. Publishing is confirmed
/// on its own page (`bevestigd`, and `zonder-controle` when the period skipped review).
enum PeriodMoveField: String, CaseIterable, FormField {
    case target = "naar"
    case confirmed = "bevestigd"
    case skipReview = "zonder-controle"
}
