import Fluent
import Foundation
import StoplichtCore
import Vapor

/// A project's own data as the programme manager edits it: number, name, leaders (one per
/// line, by name), lifecycle, phase and sub-items.
struct ProjectInput: Sendable, Equatable {
    var number = ""
    var name = ""
    var leaders = ""
    var lifecycle: Lifecycle = .notStarted
    var phase = ""
    var items = ""

    init(form fields: FormFields) {
        number = fields.text(ProjectField.number)
        name = fields.text(ProjectField.name)
        leaders = fields.text(ProjectField.leaders)
        lifecycle = Lifecycle(rawValue: fields.text(ProjectField.lifecycle)) ?? .notStarted
        phase = fields.text(ProjectField.phase)
        items = fields.text(ProjectField.items)
    }

    /// The API's body as the form would hold it: leaders and items one per line (a line end
    /// inside one becomes a space), the number `number` when the body gives none, the
    /// lifecycle as the API read it (not started when not given).
    init(api body: ProjectsAPI.ProjectBody, number: Int, lifecycle: Lifecycle?) {
        self.number = String(body.number ?? number)
        name = body.name.trimmingCharacters(in: .whitespacesAndNewlines)
        leaders = (body.leaders ?? []).map { $0.replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\n")
        self.lifecycle = lifecycle ?? .notStarted
        phase = body.phase ?? ""
        items = (body.items ?? []).map { $0.replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\n")
    }

    init(project: Project?, leaders: [String], items: [String], nextNumber: Int) {
        guard let project else {
            number = String(nextNumber)
            return
        }
        number = String(project.number)
        name = project.name
        self.leaders = leaders.joined(separator: "\n")
        lifecycle = project.lifecycle
        phase = project.phase?.rawValue ?? ""
        self.items = items.joined(separator: "\n")
    }

    var leaderNames: [String] { lines(leaders) }
    var itemTitles: [String] { lines(items) }

    private func lines(_ text: String) -> [String] {
        var seen = Set<String>()
        return LineEndings.lines(text).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
    }

    func problems(taken: Set<Int>) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if let n = Int(number), n > 0, n < 1_000_000 {
            if taken.contains(n) {
                problems.append(FieldProblem(field: ProjectField.number, message: Strings.projectNumberTaken(n)))
            }
        } else {
            problems.append(FieldProblem(field: ProjectField.number, message: Strings.projectNumberInvalid(number)))
        }
        if name.isEmpty {
            problems.append(FieldProblem(field: ProjectField.name, message: Strings.projectNameRequired))
        }
        if name.count > 500 {
            problems.append(FieldProblem(field: ProjectField.name, message: Strings.textTooLong(Strings.project, 500)))
        }
        if !phase.isEmpty, Phase(rawValue: phase) == nil {
            problems.append(FieldProblem(field: ProjectField.phase, message: Strings.unknownPhase(phase)))
        }
        if leaderNames.contains(where: { $0.count > 200 }) {
            problems.append(
                FieldProblem(field: ProjectField.leaders, message: Strings.textTooLong(Strings.leader, 200)))
        }
        return problems
    }

    /// The fields by their form names, as the audit trail keeps them.
    var described: [String: String?] {
        [
            ProjectField.number.name: number, ProjectField.name.name: name,
            ProjectField.leaders.name: leaderNames.joined(separator: ", "),
            ProjectField.lifecycle.name: lifecycle.rawValue, ProjectField.phase.name: phase.isEmpty ? nil : phase,
            ProjectField.items.name: itemTitles.joined(separator: "; "),
        ]
    }
}

/// The project form's fields, by the names the form posts.
enum ProjectField: String, CaseIterable, FormField {
    case number = "nummer"
    case name = "naam"
    /// One leader per line, by name.
    case leaders = "projectleiders"
    case lifecycle = "levensfase"
    case phase = "fase"
    /// One sub-item per line.
    case items = "onderdelen"
}

/// The archive button's field on the project form: `ja` archives, `nee` restores.
enum ProjectArchiveField: String, CaseIterable, FormField {
    case archived = "archief"
}

/// Writes a `ProjectInput`: the project, its leaders (people of the municipality, found
/// by name or added) and sub-items, and an audit entry with the fields before and after.
struct ProjectWriter {
    var context: ProgrammeContext
    var actor: String
    var address: String?

    func write(_ input: ProjectInput, over project: Project?, before: ProjectInput?, on database: any Database)
        async throws -> Project
    {
        try await database.transaction { db in
            let programmeID = try context.programme.requireID()
            let project = project ?? Project(programmeID: programmeID, number: 0, name: "", lifecycle: input.lifecycle)
            let isNew = project.id == nil
            project.number = Int(input.number) ?? project.number
            project.name = input.name
            project.lifecycle = input.lifecycle
            project.phase = Phase(rawValue: input.phase)
            try await project.save(on: db)
            let projectID = try project.requireID()

            try await ProjectLeader.query(on: db).filter(\.$project.$id == projectID).delete()
            for (position, name) in input.leaderNames.enumerated() {
                let person = try await person(named: name, on: db)
                try await ProjectLeader(projectID: projectID, personID: person.requireID(), position: position).save(
                    on: db)
            }
            try await ProjectItem.query(on: db).filter(\.$project.$id == projectID).delete()
            for (position, title) in input.itemTitles.enumerated() {
                try await ProjectItem(projectID: projectID, position: position, title: title).save(on: db)
            }
            // A new project joins the period being reported on, waiting for its leader's update.
            if isNew, let period = context.latestPeriod, period.state != .published {
                let status = ProjectStatus(projectID: projectID, periodID: try period.requireID())
                status.lifecycle = input.lifecycle
                status.carriedForward = true
                try await status.save(on: db)
            }
            try await AuditTrail.append(
                [
                    AuditRecord(
                        at: Date(), actor: actor, address: address, action: isNew ? .projectAdd : .projectChange,
                        entity: "project",
                        entityID: projectID.uuidString, programmeID: programmeID, periodID: nil,
                        before: before.flatMap { AuditRecord.json($0.described) },
                        after: AuditRecord.json(input.described))
                ], on: db)
            return project
        }
    }

    private func person(named name: String, on db: any Database) async throws -> Person {
        let organisationID = try context.organisation.requireID()
        let people = try await Person.query(on: db).filter(\.$organisation.$id == organisationID).all()
        if let known = people.first(where: { $0.name.lowercased() == name.lowercased() }) { return known }
        let person = Person(organisationID: organisationID, name: name)
        try await person.save(on: db)
        return person
    }

    /// Archives a project (carried into no new period) or takes it out of the archive.
    func setArchived(_ archived: Bool, _ project: Project, on database: any Database) async throws {
        guard project.archived != archived else { return }
        try await database.transaction { db in
            project.archived = archived
            try await project.save(on: db)
            try await AuditTrail.append(
                [
                    AuditRecord(
                        at: Date(), actor: actor, address: address,
                        action: archived ? .projectArchive : .projectRestore, entity: "project",
                        entityID: project.id?.uuidString, programmeID: context.programme.id, periodID: nil,
                        before: AuditRecord.json(["gearchiveerd": String(!archived)]),
                        after: AuditRecord.json(["gearchiveerd": String(archived)]))
                ], on: db)
        }
    }
}
