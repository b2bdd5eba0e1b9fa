import Fluent
import Foundation
import StoplichtCore

/// One import's writes, counting what it created and changed, project by project.
struct ImportWriter {
    let db: any Database
    var created = 0
    var updated = 0
    var warnings: [ImportWarning] = []
    var people: [String: Person] = [:]
    var firms: [String: Organisation] = [:]
    /// New projects and their children, written together after the loop.
    var batches = ImportBatches()
    /// Every value of an existing record this import changed, for the audit trail.
    var fieldChanges: [FieldChange] = []

    init(db: any Database) {
        self.db = db
    }

    mutating func write(
        _ report: ParsedReport, organisation name: String, programme programmeName: String,
        programmeID knownID: UUID? = nil,
        period periodName: String, leaveOut: Set<String> = []
    ) async throws -> ImportSummary {
        let (programme, organisationID) = try await writeProgramme(
            report, organisation: name, programme: programmeName, knownID: knownID)
        let programmeID = try programme.requireID()
        let scale = try await ensureScale(programmeID: programmeID, report: report)
        var dimensions = try await ensureDimensions(programmeID: programmeID, report: report)
        try await writeOfficials(report, programmeID: programmeID, organisationID: organisationID)
        let period = try await writePeriod(periodName, programmeID: programmeID)
        let periodID = try period.requireID()
        // A project's name, sub-items, leaders and lifecycle are its current ones: an
        // older report imported later only adds its period's statuses.
        let periods = try await ReportingPeriod.query(on: db).filter(\.$programme.$id == programmeID).all()
        let isLatest = ReportingPeriod.chronological(periods).last?.id == periodID

        var existing = try await ExistingProjects.load(programmeID: programmeID, periodID: periodID, on: db)
        var changes: [ProjectChange] = []
        changes.reserveCapacity(report.projects.count)
        for (row, parsed) in report.projects.enumerated() {
            let target = ProjectTarget(
                programmeID: programmeID, periodID: periodID, organisationID: organisationID, scale: scale,
                isLatest: isLatest)
            changes.append(
                try await writeProject(
                    parsed, row: row, into: target, existing: &existing, dimensions: &dimensions,
                    leaveOut: leaveOut))
            // Written as they fill, so memory does not grow with the size of the report.
            if batches.count >= ImportBatches.rowsPerStatement * 4 { try await batches.write(on: db) }
        }

        try await batches.write(on: db)
        try await writeSections(report.sections, periodID: periodID)
        try await writeDecisions(report.decisions, periodID: periodID)
        try await writeRisks(report.risks, periodID: periodID)

        // The writer's own warnings name the place in the file, as the reader's do.
        let located = report.locating(warnings)
        var summary = ImportSummary(
            programmeSlug: programme.slug, periodSlug: period.slug, projects: report.projects.count,
            created: created, updated: updated, warnings: (report.warnings + located).sorted { $0.line < $1.line },
            projectChanges: changes)
        summary.programmeName = programme.name
        summary.periodName = periodName
        summary.scale = scale
        summary.fieldChanges = fieldChanges
        summary.programmeID = programmeID
        summary.periodID = periodID
        return summary
    }

    /// The scale's code for a reading, with a warning where the scale has no such light
    /// or only an approximation (Amber/Green on a four-light scale).
    mutating func lightCode(
        _ reading: LightNotation.Reading, on scale: LightScale, project: ParsedProject, what: String
    ) -> String? {
        guard reading.isLight else { return nil }
        let line = project.lines.first ?? 0
        guard let match = scale.match(reading) else {
            warnings.append(
                ImportWarning(
                    line: line,
                    message:
                        "Project \(project.number): de schaal van dit programma heeft geen licht voor ‘\(reading.text)’ (\(what)); het project krijgt daarvoor geen status.",
                    advice: .addLightToScale))
            return nil
        }
        if match.approximate {
            warnings.append(
                ImportWarning(
                    line: line,
                    message:
                        "Project \(project.number): ‘\(reading.text)’ (\(what)) staat niet op de schaal van dit programma; het is als \(match.light.label) ingelezen, de ernstigste van de twee."
                ))
        }
        return match.light.code
    }

    static let dimensionSynonyms: [[String]] = [
        ["geld", "budget", "financien", "kosten", "money", "cost"],
        ["organisatie", "capaciteit", "resources", "mensen"],
        ["tijd", "planning", "time", "schedule"],
        ["informatie", "communicatie"],
        ["kwaliteit", "quality", "scope"],
    ]

    /// The programme's dimension a report's word names: the same word, or one meaning the
    /// same (Planning is Tijd); a word it has no dimension for is added to the programme.
    mutating func dimensionCode(for label: String, programmeID: UUID, dimensions: inout [ProgrammeDimension], line: Int)
        async throws -> String
    {
        let code = Slug.make(label)
        if let own = dimensions.first(where: { $0.code == code || Slug.make($0.label) == code }) { return own.code }
        if let group = Self.dimensionSynonyms.first(where: { $0.contains(code) }),
            let own = dimensions.first(where: { group.contains($0.code) })
        {
            return own.code
        }
        let added = ProgrammeDimension(
            programmeID: programmeID, dimension: ReportingDimension(code: code, label: label),
            position: dimensions.count)
        try await save(added)
        dimensions.append(added)
        warnings.append(
            ImportWarning(
                line: line,
                message:
                    "Het programma had geen dimensie ‘\(label)’; die is toegevoegd, zodat de lichten ervoor bewaard blijven."
            ))
        return code
    }

    // MARK: Parts

    mutating func ensureScale(programmeID: UUID, report: ParsedReport) async throws -> LightScale {
        let legend = report.legend
        var lights = try await ProgrammeLight.query(on: db).filter(\.$programme.$id == programmeID).all()
        if lights.isEmpty {
            // A new programme whose report uses the five-point scale gets it.
            let scale = Self.usesFivePoints(report) ? LightScale.fivePoint : LightScale.standard
            lights = scale.lights.map { ProgrammeLight(programmeID: programmeID, definition: $0) }
        }
        // The report's own legend says what its lights mean: the first entry per light that
        // speaks of the whole project (a dimension's answers, "Within budget", do not).
        let scale = LightScale(lights.map(\.definition))
        var explained = Set<String>()
        for entry in legend where entry.dimension == nil && entry.meaning.contains(where: \.isLetter) {
            guard let code = scale.light(for: entry.reading)?.code, !explained.contains(code),
                let light = lights.first(where: { $0.code == code })
            else { continue }
            explained.insert(code)
            if light.meaning != entry.meaning { light.meaning = entry.meaning }
        }
        for light in lights { try await save(light) }
        return LightScale(lights.map(\.definition))
    }

    static func usesFivePoints(_ report: ParsedReport) -> Bool {
        report.projects.contains { project in
            ([project.light, project.previousLight, project.expectedLight].compactMap { $0 }
                + project.dimensionLights.map(\.reading)).contains {
                    if case .between = $0 { return true }
                    return false
                }
        }
    }

    /// A new programme reports on the dimensions its report uses ("Planning, Budget,
    /// Risico"), or on GOTIK when the report has none.
    mutating func ensureDimensions(programmeID: UUID, report: ParsedReport) async throws -> [ProgrammeDimension] {
        let existing = try await ProgrammeDimension.query(on: db).filter(\.$programme.$id == programmeID).sort(
            \.$position
        ).all()
        guard existing.isEmpty else { return existing }
        var labels: [String] = []
        for project in report.projects {
            for reading in project.dimensionLights where !labels.contains(reading.label) {
                labels.append(reading.label)
            }
        }
        let dimensions =
            labels.isEmpty
            ? ReportingDimension.gotik : labels.map { ReportingDimension(code: Slug.make($0), label: $0) }
        var models: [ProgrammeDimension] = []
        for (position, dimension) in dimensions.enumerated() {
            let model = ProgrammeDimension(programmeID: programmeID, dimension: dimension, position: position)
            try await save(model)
            models.append(model)
        }
        return models
    }

    mutating func writeOfficials(_ report: ParsedReport, programmeID: UUID, organisationID: UUID) async throws {
        var wanted: [(ProgrammeOfficial.Role, String)] = []
        if let name = report.politicalSponsor { wanted.append((.politicalSponsor, name)) }
        if let name = report.administrativeSponsor { wanted.append((.administrativeSponsor, name)) }
        if let name = report.programmeManager { wanted.append((.programmeManager, name)) }
        wanted += report.portfolioHolders.map { (.portfolioHolder, $0) }
        guard !wanted.isEmpty else { return }
        let existing = try await ProgrammeOfficial.query(on: db).filter(\.$programme.$id == programmeID).with(\.$person)
            .sort(\.$position).all()
        if existing.map({ "\($0.role.rawValue):\($0.person.name)" }) == wanted.map({ "\($0.0.rawValue):\($0.1)" }) {
            return
        }
        for official in existing { try await official.delete(on: db) }
        for (position, (role, name)) in wanted.enumerated() {
            let person = try await person(LeaderName(person: name), organisationID: organisationID)
            try await save(
                ProgrammeOfficial(
                    programmeID: programmeID, personID: person.requireID(), role: role, position: position))
        }
        if !existing.isEmpty { updated += 1 }
    }

    mutating func writeItems(_ items: [String], projectID: UUID, existing: [ProjectItem]) async throws -> Bool {
        guard existing.sorted(by: { $0.position < $1.position }).map(\.title) != items else { return false }
        for item in existing { try await item.delete(on: db) }
        for (position, title) in items.enumerated() {
            try await save(ProjectItem(projectID: projectID, position: position, title: title))
        }
        return !existing.isEmpty || !items.isEmpty
    }

    mutating func writeLeaders(
        _ leaders: [LeaderName], projectID: UUID, existing: [ProjectLeader], organisationID: UUID
    ) async throws -> Bool {
        var personIDs: [UUID] = []
        for leader in leaders {
            let id = try await person(leader, organisationID: organisationID).requireID()
            if !personIDs.contains(id) { personIDs.append(id) }
        }
        guard existing.sorted(by: { $0.position < $1.position }).map(\.$person.id) != personIDs else { return false }
        for leader in existing { try await leader.delete(on: db) }
        for (position, personID) in personIDs.enumerated() {
            try await save(ProjectLeader(projectID: projectID, personID: personID, position: position))
        }
        return true
    }

    mutating func writeDimensionLights(
        _ wanted: [String: String], status: ProjectStatus, existing: [StatusDimensionLight]
    ) async throws -> Bool {
        let statusID = try status.requireID()
        var changed = false
        for (dimension, code) in wanted.sorted(by: { $0.key < $1.key }) {
            let model =
                existing.first { $0.dimension == dimension }
                ?? StatusDimensionLight(statusID: statusID, dimension: dimension, light: code)
            if change(model, \.light, code) { changed = true }
            if model.id == nil { changed = true }
            try await save(model)
        }
        return changed
    }

    mutating func writeSections(_ sections: [ParsedSection], periodID: UUID) async throws {
        let existing = try await ProgrammeSection.query(on: db).filter(\.$period.$id == periodID).all()
        for (position, parsed) in sections.enumerated() {
            let section =
                existing.first { $0.key == parsed.kind.key }
                ?? ProgrammeSection(periodID: periodID, key: parsed.kind.key, position: position)
            change(section, \.number, parsed.number)
            change(section, \.title, parsed.title)
            change(section, \.body, parsed.markdown)
            change(section, \.position, position)
            try await save(section)
        }
        // A report that carries only its project table (a spreadsheet) leaves the
        // period's sections as they are.
        guard !sections.isEmpty else { return }
        let keys = Set(sections.map(\.kind.key))
        for stale in existing where !keys.contains(stale.key) {
            try await stale.delete(on: db)
            updated += 1
        }
    }

    mutating func writeDecisions(_ items: [ParsedItem], periodID: UUID) async throws {
        try await writeNumbered(
            items, existing: Decision.query(on: db).filter(\.$period.$id == periodID).all(),
            position: \.position, text: \.text
        ) { Decision(periodID: periodID, position: $0, text: $1) }
    }

    mutating func writeRisks(_ items: [ParsedItem], periodID: UUID) async throws {
        try await writeNumbered(
            items, existing: Risk.query(on: db).filter(\.$period.$id == periodID).all(),
            position: \.position, text: \.description
        ) { Risk(periodID: periodID, position: $0, description: $1) }
    }

    /// A period's list of items by position: changed text is updated, items beyond the
    /// new list are removed.
    mutating func writeNumbered<M: Model>(
        _ items: [ParsedItem], existing: [M], position: KeyPath<M, Int>, text: ReferenceWritableKeyPath<M, String>,
        make: (Int, String) -> M
    ) async throws {
        guard !items.isEmpty else { return }
        for (index, item) in items.enumerated() {
            let model = existing.first { $0[keyPath: position] == index } ?? make(index, item.markdown)
            change(model, text, item.markdown)
            try await save(model)
        }
        for stale in existing where stale[keyPath: position] >= items.count {
            try await stale.delete(on: db)
            updated += 1
        }
    }

    /// A person of the municipality by name; a firm, if given, is recorded with them.
    mutating func person(_ name: LeaderName, organisationID: UUID) async throws -> Person {
        let key = name.person.lowercased()
        var firmID: UUID?
        if let firmName = name.firm {
            if let known = firms[firmName] {
                firmID = known.id
            } else {
                let firm = try await findOrCreate(
                    Organisation.query(on: db).filter(\.$name == firmName).filter(\.$kind == .firm).first(),
                    else: Organisation(name: firmName, kind: .firm))
                firms[firmName] = firm
                firmID = firm.id
            }
        }
        let person: Person
        if let known = people[key] {
            person = known
        } else {
            person = try await findOrCreate(
                Person.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$name == name.person)
                    .first(),
                else: Person(organisationID: organisationID, name: name.person, firmID: firmID))
            people[key] = person
        }
        if let firmID, person.$firm.id != firmID {
            person.$firm.id = firmID
            try await save(person)
        }
        return person
    }

    // MARK: Writing only what changed

    mutating func findOrCreate<M: Model>(_ found: M?, else make: @autoclosure () -> M) async throws -> M {
        if let found { return found }
        let model = make()
        try await save(model)
        return model
    }

    /// Assigns only a different value, so an unchanged model stays unchanged; true when
    /// an existing model's value changes, which is noted for the audit trail.
    @discardableResult
    mutating func change<M: Model, V: Equatable>(_ model: M, _ keyPath: ReferenceWritableKeyPath<M, V>, _ value: V)
        -> Bool
    {
        if model.id == nil {
            model[keyPath: keyPath] = value
            return false
        }
        let old = model[keyPath: keyPath]
        guard old != value else { return false }
        model[keyPath: keyPath] = value
        if let id = model.id as? UUID {
            let field = Self.fieldNames[keyPath] ?? "veld"
            fieldChanges.append(
                FieldChange(entity: M.schema, id: id, field: field, before: Self.text(old), after: Self.text(value)))
        }
        return true
    }

    /// Who saved a status, for a status the import wrote (`ProjectStatus.updatedBy`).
    static let importedBy = "de import"

    /// How the page shows a changed field of a project or its status.
    static func kind(of field: String) -> ProjectChange.Kind {
        switch field {
        case "stoplicht", "vorig stoplicht", "verwacht stoplicht": .light
        case "levensfase": .lifecycle
        case "planning", "prognose": .date
        case "toelichting": .text
        default: .plain
        }
    }

    /// A list as one value; none is nil.
    static func list(_ names: [String]) -> String? {
        names.isEmpty ? nil : names.joined(separator: ", ")
    }

    /// The audit trail's name for each field an import changes. (Key paths are immutable
    /// values; the table is never written after it is made.)
    nonisolated(unsafe) static let fieldNames: [AnyKeyPath: String] = [
        \Programme.name: "naam", \Programme.reportTitle: "titel", \Programme.duration: "doorlooptijd",
        \ReportingPeriod.name: "naam", \ReportingPeriod.startsOn: "begin", \ReportingPeriod.endsOn: "einde",
        \Project.name: "naam", \Project.lifecycle: "levensfase", \Project.phase: "fase", \Project.groupName: "groep",
        \ProjectStatus.lightAssessor: "beoordelaar",
        \ProjectStatus.light: "stoplicht", \ProjectStatus.lifecycle: "levensfase",
        \ProjectStatus.remarks: "toelichting",
        \ProjectStatus.plannedDelivery: "planning", \ProjectStatus.forecastDelivery: "prognose",
        \ProjectStatus.previousLight: "vorig stoplicht", \ProjectStatus.expectedLight: "verwacht stoplicht",
        \StatusDimensionLight.light: "stoplicht", \ProgrammeSection.number: "nummer", \ProgrammeSection.title: "titel",
        \ProgrammeSection.body: "tekst", \ProgrammeSection.position: "volgorde", \Decision.text: "tekst",
        \Risk.description: "tekst",
    ]

    static func text<V>(_ value: V) -> String? {
        if let optional = value as? (any OptionalValue) { return optional.describedValue }
        if let raw = value as? any RawRepresentable { return "\(raw.rawValue)" }
        return "\(value)"
    }

    mutating func save<M: Model>(_ model: M) async throws {
        guard model.hasChanges || model.id == nil else { return }
        let isNew = model.id == nil
        if !isNew, let status = model as? ProjectStatus {
            // An imported change is a save like any other: a form open on the old revision conflicts.
            status.revision += 1
            status.carriedForward = false
        }
        // A status the import wrote is the import's, not the last person's who saved it.
        if let status = model as? ProjectStatus { status.updatedBy = Self.importedBy }
        if isNew, batches.stage(model) {
            created += 1
            return
        }
        try await model.save(on: db)
        if isNew { created += 1 } else { updated += 1 }
    }
}

struct FieldChange: Sendable {
    var entity: String
    var id: UUID
    var field: String
    var before: String?
    var after: String?
}

/// An optional's value as text, or nil: for the audit trail's before and after.
protocol OptionalValue {
    var describedValue: String? { get }
}

extension Optional: OptionalValue {
    var describedValue: String? { self.flatMap { ImportWriter.text($0) } }
}

extension PlanDate {
    var isoDay: String { String(format: "%04d-%02d-%02d", year, part, day) }
}
