import Fluent
import Foundation
import StoplichtCore

/// Where the projects of an import go.
struct ProjectTarget {
    var programmeID: UUID
    var periodID: UUID
    var organisationID: UUID
    var scale: LightScale
    /// Whether the period is the programme's latest: only then does a report change a
    /// project's name, sub-items, leaders and lifecycle.
    var isLatest: Bool
}

/// The programme's projects and their children as stored before the import, read once.
/// Children are grouped here rather than eager-loaded: Fluent's eager loader matches every
/// child against every parent, which is quadratic in a large programme.
struct ExistingProjects {
    var byNumber: [Int: Project]
    var byName: [String: Project]
    var usedNumbers: Set<Int>
    var leaders: [UUID: [ProjectLeader]]
    /// The leaders' names, for what a changed list of leaders was before.
    var leaderNames: [UUID: String]
    var items: [UUID: [ProjectItem]]
    var statuses: [UUID: ProjectStatus]
    var dimensionLights: [UUID: [StatusDimensionLight]]

    static func load(programmeID: UUID, periodID: UUID, on db: any Database) async throws -> ExistingProjects {
        let projects = try await Project.query(on: db).filter(\.$programme.$id == programmeID).all()
        let leaders = Dictionary(
            grouping: try await ProjectLeader.query(on: db)
                .join(Project.self, on: \ProjectLeader.$project.$id == \Project.$id)
                .filter(Project.self, \.$programme.$id == programmeID).all(), by: \.$project.id)
        let leaderNames = Dictionary(
            try await Person.query(on: db)
                .join(ProjectLeader.self, on: \Person.$id == \ProjectLeader.$person.$id)
                .join(Project.self, on: \ProjectLeader.$project.$id == \Project.$id)
                .filter(Project.self, \.$programme.$id == programmeID).all().compactMap { person in
                    person.id.map { ($0, person.name) }
                },
            uniquingKeysWith: { first, _ in first })
        let items = Dictionary(
            grouping: try await ProjectItem.query(on: db)
                .join(Project.self, on: \ProjectItem.$project.$id == \Project.$id)
                .filter(Project.self, \.$programme.$id == programmeID).all(), by: \.$project.id)
        let byNumber = Dictionary(projects.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        let statuses = try await ProjectStatus.query(on: db).filter(\.$period.$id == periodID).all()
        let dimensionLights = Dictionary(
            grouping: try await StatusDimensionLight.query(on: db)
                .join(ProjectStatus.self, on: \StatusDimensionLight.$status.$id == \ProjectStatus.$id)
                .filter(ProjectStatus.self, \.$period.$id == periodID).all(), by: \.$status.id)
        return ExistingProjects(
            byNumber: byNumber,
            byName: Dictionary(projects.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { first, _ in first }),
            usedNumbers: Set(byNumber.keys), leaders: leaders, leaderNames: leaderNames, items: items,
            statuses: Dictionary(statuses.map { ($0.$project.id, $0) }, uniquingKeysWith: { first, _ in first }),
            dimensionLights: dimensionLights)
    }
}

/// One row of the report: its project, its status in the period and its lights per dimension.
extension ImportWriter {
    /// A numbered project is matched by its number (so a renamed project stays itself), an
    /// unnumbered one by its name.
    mutating func writeProject(
        _ parsed: ParsedProject, row: Int, into target: ProjectTarget, existing: inout ExistingProjects,
        dimensions: inout [ProgrammeDimension], leaveOut: Set<String>
    ) async throws -> ProjectChange {
        let found = parsed.isNumbered ? existing.byNumber[parsed.number] : existing.byName[parsed.name.lowercased()]
        // The row's key: the project's id, or its place for a project it would create.
        let key = try found.map { try $0.requireID().uuidString } ?? "rij-\(row + 1)"
        if leaveOut.contains(key) {
            return ProjectChange(
                number: found?.number ?? parsed.number, name: parsed.name, action: .leftOut, fields: [],
                light: nil, dimensionLights: [:], previousLight: nil, expectedLight: nil, key: key)
        }
        let changesBefore = fieldChanges.count
        var details: [ProjectChange.Detail] = []
        let project: Project
        if let found {
            project = found
        } else {
            var number = parsed.number
            if existing.usedNumbers.contains(number) { number = (existing.usedNumbers.max() ?? 0) + 1 }
            project = Project(
                programmeID: target.programmeID, number: number, name: parsed.name, lifecycle: parsed.lifecycle)
            existing.usedNumbers.insert(number)
        }
        let isNew = project.id == nil
        var fields: [String] = []
        let createdBefore = created
        if isNew || target.isLatest {
            try await writeProjectFields(
                parsed, project: project, target: target, existing: existing, fields: &fields, details: &details)
        }
        let projectID = try project.requireID()
        let status = existing.statuses[projectID] ?? ProjectStatus(projectID: projectID, periodID: target.periodID)
        // This period's status as someone saved it — not carried over, not imported —
        // which the import would overwrite if it changes it.
        let edit =
            status.id == nil || status.carriedForward
            ? nil
            : status.updatedBy.flatMap {
                $0 == Self.importedBy ? nil : ProjectChange.Edit(by: $0, at: status.updatedAt)
            }
        let scale = target.scale
        let light = lightCode(parsed.light, on: scale, project: parsed, what: "stoplicht")
        let previous = parsed.previousLight.flatMap {
            lightCode($0, on: scale, project: parsed, what: "stoplicht van de vorige periode")
        }
        let expected = parsed.expectedLight.flatMap {
            lightCode($0, on: scale, project: parsed, what: "verwachte stoplicht")
        }
        if change(status, \.light, light) { fields.append("stoplicht") }
        if change(status, \.lightAssessor, light == nil ? nil : parsed.assessor) { fields.append("beoordelaar") }
        if change(status, \.lifecycle, parsed.lifecycle) { fields.append("levensfase") }
        if change(status, \.remarks, parsed.remarks) { fields.append("toelichting") }
        if change(status, \.plannedDelivery, parsed.plannedDelivery?.storageValue) { fields.append("planning") }
        if change(status, \.forecastDelivery, parsed.forecastDelivery?.storageValue) { fields.append("prognose") }
        if parsed.previousLight != nil, change(status, \.previousLight, previous) { fields.append("vorig stoplicht") }
        if parsed.expectedLight != nil, change(status, \.expectedLight, expected) {
            fields.append("verwacht stoplicht")
        }
        let statusIsNew = status.id == nil
        if statusIsNew, !isNew { fields.append("status in deze periode") }
        try await save(status)

        var dimensionCodes: [String: String] = [:]
        for reading in parsed.dimensionLights {
            guard
                let code = lightCode(
                    reading.reading, on: scale, project: parsed, what: "stoplicht voor \(reading.label)")
            else { continue }
            let dimension = try await dimensionCode(
                for: reading.label, programmeID: target.programmeID, dimensions: &dimensions,
                line: parsed.lines.first ?? 0)
            dimensionCodes[dimension] = code
        }
        let existingDimensionLights = statusIsNew ? [] : (status.id.flatMap { existing.dimensionLights[$0] } ?? [])
        let statusChanged = statusIsNew || fieldChanges[changesBefore...].contains { $0.entity == ProjectStatus.schema }
        let dimensionsBefore = fieldChanges.count
        if try await writeDimensionLights(dimensionCodes, status: status, existing: existingDimensionLights) {
            fields.append("stoplichten per dimensie")
            let was = Dictionary(
                existingDimensionLights.map { ($0.dimension, $0.light) }, uniquingKeysWith: { first, _ in first })
            for (dimension, code) in dimensionCodes.sorted(by: { $0.key < $1.key }) where was[dimension] != code {
                let label = dimensions.first { $0.code == dimension }?.label ?? dimension
                details.append(.init(field: "stoplicht \(label)", kind: .light, before: was[dimension], after: code))
            }
        }
        let overwrites =
            statusChanged || fieldChanges.count > dimensionsBefore || fields.contains("stoplichten per dimensie")
            ? edit : nil
        // What this row changed, field by field (a lifecycle is the project's and its status's: once).
        var seenFields = Set(details.map(\.field))
        for change in fieldChanges[changesBefore..<dimensionsBefore]
        where change.entity != StatusDimensionLight.schema && seenFields.insert(change.field).inserted {
            details.append(
                .init(
                    field: change.field, kind: Self.kind(of: change.field), before: change.before, after: change.after))
        }
        let unique = Self.distinct(fields)
        let action: ProjectChange.Action =
            isNew ? .created : unique.isEmpty && created == createdBefore ? .unchanged : .updated
        return ProjectChange(
            number: project.number, name: parsed.name, action: action, fields: isNew ? [] : unique,
            light: light, dimensionLights: dimensionCodes, previousLight: previous, expectedLight: expected,
            key: key, details: isNew ? [] : Self.ordered(details, as: unique),
            overwrites: action == .updated ? overwrites : nil)
    }

    /// The project's own fields, sub-items and leaders (a new project, or the latest period).
    private mutating func writeProjectFields(
        _ parsed: ParsedProject, project: Project, target: ProjectTarget, existing: ExistingProjects,
        fields: inout [String], details: inout [ProjectChange.Detail]
    ) async throws {
        if change(project, \.name, parsed.name) { fields.append("naam") }
        if change(project, \.lifecycle, parsed.lifecycle) { fields.append("levensfase") }
        if let phase = parsed.phase, change(project, \.phase, phase) { fields.append("fase") }
        if let group = parsed.group, change(project, \.groupName, group) { fields.append("groep") }
        try await save(project)
        let projectID = try project.requireID()
        let items = existing.items[projectID] ?? []
        if try await writeItems(parsed.items, projectID: projectID, existing: items) {
            fields.append("onderdelen")
            details.append(
                .init(
                    field: "onderdelen", kind: .list,
                    before: Self.list(items.sorted { $0.position < $1.position }.map(\.title)),
                    after: Self.list(parsed.items)))
        }
        let leaders = existing.leaders[projectID] ?? []
        if try await writeLeaders(
            parsed.leaders, projectID: projectID, existing: leaders, organisationID: target.organisationID)
        {
            fields.append("projectleiders")
            details.append(
                .init(
                    field: "projectleiders", kind: .list,
                    before: Self.list(
                        leaders.sorted { $0.position < $1.position }.compactMap { existing.leaderNames[$0.$person.id] }),
                    after: Self.list(parsed.leaders.map(\.person))))
        }
    }

    private static func distinct(_ fields: [String]) -> [String] {
        var unique: [String] = []
        for field in fields where !unique.contains(field) { unique.append(field) }
        return unique
    }

    /// The values in the order the fields are named; a dimension's light where its group is.
    private static func ordered(_ details: [ProjectChange.Detail], as fields: [String]) -> [ProjectChange.Detail] {
        let order = Dictionary(fields.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let rank = { (detail: ProjectChange.Detail) in
            order[detail.field] ?? (detail.field.hasPrefix("stoplicht ") ? order["stoplichten per dimensie"] : nil)
                ?? fields.count
        }
        return details.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(
            \.element)
    }
}
