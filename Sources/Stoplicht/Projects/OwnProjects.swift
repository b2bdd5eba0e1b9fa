import Fluent
import Foundation
import StoplichtCore

/// The projects a person leads, in the programmes where their role lets them update them (a beheerder: all),
/// each with its light and whether it still needs this period's update: the start page's
/// "Uw projecten". Which programmes count is decided by ids: the person's leaderships and
/// the account's role assignments.
struct OwnProject: Sendable {
    enum State: Sendable {
        /// Carried over from the period before and still to be updated.
        case toUpdate
        /// Updated in this period; when, if known.
        case updated(Date?)
        /// The period is ter controle or published: no update by the leader now.
        case closed(ReportingPeriod.State)
        /// The programme has no period yet, or the project no status in it.
        case noStatus
    }

    var programme: String
    var programmeSlug: String
    var number: Int
    var name: String
    var light: LightDefinition?
    var period: ReportingPeriod?
    var state: State

    /// Where the leader updates it, while the period is open.
    var updatePath: String? {
        guard let period, period.state == .open else { return nil }
        return SiteURL.statusEdit(programme: programmeSlug, number: number, period: period.slug).path
    }
}

enum OwnProjects {
    /// A person leads a handful of projects; the page shows at most this many.
    static let limit = 60

    static func load(for user: User, on db: any Database) async throws -> [OwnProject] {
        guard let personID = user.personID else { return [] }
        let led = try await ProjectLeader.query(on: db).filter(\.$person.$id == personID).with(\.$project).limit(limit)
            .all()
            .map(\.project).filter { !$0.archived }
        guard !led.isEmpty else { return [] }
        var programmeIDs = Set(led.map(\.$programme.id))
        if !user.isAdministrator {
            // Only where the account's role lets a leader update their own project.
            programmeIDs = Set(
                try await ProgrammeRoleAssignment.query(on: db).filter(\.$user.$id == user.requireID())
                    .filter(\.$programme.$id ~~ Array(programmeIDs)).all()
                    .filter { Permissions.allows($0.role, .editOwnProject, leadsProject: true) }.map(\.$programme.id))
        }
        var own: [OwnProject] = []
        let programmes = try await Programme.query(on: db).join(
            Organisation.self, on: \Programme.$organisation.$id == \Organisation.$id
        )
        .filter(\.$id ~~ Array(programmeIDs)).sort(\.$name).all()
        for programme in programmes {
            let context = try await ProgrammeContext.load(programme, on: db)
            let projects = led.filter { $0.$programme.id == programme.id }.sorted { $0.number < $1.number }
            var statuses: [UUID: ProjectStatus] = [:]
            if let period = context.latestPeriod {
                for status in try await ProjectStatus.query(on: db).filter(\.$period.$id == period.requireID())
                    .filter(\.$project.$id ~~ projects.compactMap(\.id)).all()
                {
                    statuses[status.$project.id] = status
                }
            }
            for project in projects {
                let status = project.id.flatMap { statuses[$0] }
                let state: OwnProject.State
                switch (context.latestPeriod?.state, status) {
                case (_, nil): state = .noStatus
                case (.open?, let status?): state = status.carriedForward ? .toUpdate : .updated(status.updatedAt)
                case (let periodState?, _?): state = .closed(periodState)
                case (nil, _?): state = .noStatus
                }
                own.append(
                    OwnProject(
                        programme: programme.name, programmeSlug: programme.slug, number: project.number,
                        name: project.name,
                        light: context.scale.light(status?.light), period: context.latestPeriod, state: state))
            }
        }
        return own
    }
}
