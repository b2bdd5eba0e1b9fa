import Fluent
import Foundation
import Vapor

/// The audit trail of one project (its own changes and its statuses') or one period,
/// newest first, for those who may read the programme.
struct AuditLogModel: Sendable {
    var context: ProgrammeContext
    var viewer: Viewer
    var title: String
    var backLink: (label: String, path: String)
    var entries: [AuditEntry]

    static let limit = 1000

    static func project(_ req: Request) async throws -> AuditLogModel {
        let context = try await ProgrammeContext.load(slug: try req.parameters.require("programme"), on: req.db)
        let viewer = try await Access.reader(req, programme: context.programme)
        let project = try await Project.find(req, in: context)
        let statusIDs = try await ProjectStatus.query(on: req.db).filter(\.$project.$id == project.requireID()).all(
            \.$id
        ).map(\.uuidString)
        let projectKeys = [try project.requireID().uuidString, String(project.number)]
        let entries = try await AuditEntry.query(on: req.db)
            .filter(\.$programmeID == context.programme.requireID())
            .group(.or) { or in
                or.group(.and) { $0.filter(\.$entity == "status").filter(\.$entityID ~~ statusIDs) }
                or.group(.and) { $0.filter(\.$entity == "project").filter(\.$entityID ~~ projectKeys) }
            }
            .sort(\.$sequence, .descending).limit(limit).all()
        return AuditLogModel(
            context: context, viewer: viewer, title: Strings.auditProjectTitle(project.number, project.name),
            backLink: (
                "\(project.number). \(project.name)",
                SiteURL.project(programme: context.slug, number: project.number).path
            ),
            entries: entries)
    }

    static func period(_ req: Request) async throws -> AuditLogModel {
        let context = try await ProgrammeContext.load(slug: try req.parameters.require("programme"), on: req.db)
        let viewer = try await Access.reader(req, programme: context.programme)
        let period = try context.period(slug: try req.parameters.require("period"))
        let entries = try await AuditEntry.query(on: req.db).filter(\.$periodID == period.requireID())
            .sort(\.$sequence, .descending).limit(limit).all()
        return AuditLogModel(
            context: context, viewer: viewer, title: Strings.auditPeriodTitle(period.name),
            backLink: (
                "\(Strings.report) \(period.name)", SiteURL.period(programme: context.slug, period: period.slug).path
            ),
            entries: entries)
    }
}

enum AuditLogController {
    static func project(_ req: Request) async throws -> Response {
        AuditLogView.page(try await AuditLogModel.project(req), settings: req.settings).response()
    }

    static func period(_ req: Request) async throws -> Response {
        AuditLogView.page(try await AuditLogModel.period(req), settings: req.settings).response()
    }
}
