import Fluent
import Foundation
import Vapor

extension Project {
    /// The programme's project with this number, or nil.
    static func find(number: Int, inProgramme programmeID: UUID, on db: any Database) async throws -> Project? {
        try await Project.query(on: db).filter(\.$programme.$id == programmeID).filter(\.$number == number).first()
    }

    /// The project named by the request's `:number` in the programme; a 404 otherwise.
    static func find(_ req: Request, in context: ProgrammeContext) async throws -> Project {
        let number = try req.parameters.require("number")
        guard let n = Int(number),
            let project = try await find(number: n, inProgramme: context.programme.requireID(), on: req.db)
        else {
            throw Abort(.notFound, reason: Strings.projectNotFound(number))
        }
        return project
    }

    /// The numbers of the programme's projects the person leads.
    static func numbers(ledBy personID: UUID?, inProgramme programmeID: UUID, on db: any Database) async throws -> Set<
        Int
    > {
        guard let personID else { return [] }
        return Set(
            try await ProjectLeader.query(on: db)
                .join(Project.self, on: \ProjectLeader.$project.$id == \Project.$id)
                .filter(\.$person.$id == personID)
                .filter(Project.self, \.$programme.$id == programmeID)
                .all().map { try $0.joined(Project.self).number })
    }
}
