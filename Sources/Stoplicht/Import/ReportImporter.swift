import Fluent
import Foundation
import StoplichtCore

/// Where an imported report goes. Names left nil are taken from the report itself.
struct ImportTarget: Sendable {
    var organisation: String
    var programme: String?
    var period: String?
}

/// What an import did, for the command line and the tests.
struct ImportSummary: Sendable {
    var programmeSlug: String
    var periodSlug: String
    var projects: Int
    var created = 0
    var updated = 0
    var warnings: [ImportWarning]

    var changedAnything: Bool { created + updated > 0 }
}

/// Writes a parsed report into the database: organisation, programme, people, period,
/// projects, statuses, sections, decisions and risks. Matching is by name, number and
/// key, and a row is only written when a value differs, so importing the same file twice
/// changes nothing.
struct ReportImporter {
    var database: any Database

    func run(_ report: ParsedReport, into target: ImportTarget) async throws -> ImportSummary {
        guard let programmeName = target.programme ?? report.programmeName else {
            throw InputError("Het programma is niet bekend: de rapportage noemt geen programma. Geef het op met --programme \"Naam\".")
        }
        guard let periodName = target.period ?? report.periodName else {
            throw InputError("De rapportageperiode is niet bekend: de rapportage noemt geen ‘Rapportageperiode:’. Geef haar op met --period \"juni t/m oktober 2018\".")
        }
        return try await database.transaction { db in
            var writer = Writer(db: db)
            let summary = try await writer.write(report, organisation: target.organisation, programme: programmeName, period: periodName)
            return summary
        }
    }
}

/// One import's writes, counting what it created and changed.
private struct Writer {
    let db: any Database
    var created = 0
    var updated = 0
    var warnings: [ImportWarning] = []
    var people: [String: Person] = [:]
    var firms: [String: Organisation] = [:]

    init(db: any Database) {
        self.db = db
    }

    mutating func write(_ report: ParsedReport, organisation name: String, programme programmeName: String, period periodName: String) async throws -> ImportSummary {
        let organisation = try await findOrCreate(
            Organisation.query(on: db).filter(\.$name == name).filter(\.$kind == .municipality).first(),
            else: Organisation(name: name, kind: .municipality))
        let organisationID = try organisation.requireID()

        // Programme, its scale and governance. Its slug is its address, unique over the
        // installation: a second municipality's "Dienstverlening" gets its name added.
        var slug = Slug.make(programmeName)
        if let taken = try await Programme.query(on: db).filter(\.$slug == slug).first(), taken.$organisation.id != organisationID {
            slug = Slug.make("\(programmeName) \(name)")
        }
        let programme = try await findOrCreate(
            Programme.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$slug == slug).first(),
            else: {
                let programme = Programme(organisationID: organisationID, slug: slug, name: programmeName)
                programme.reportTitle = report.title
                programme.duration = report.duration
                return programme
            }())
        let programmeID = try programme.requireID()
        change(programme, \.name, programmeName)
        change(programme, \.reportTitle, report.title)
        change(programme, \.duration, report.duration)
        try await save(programme)
        let scale = try await ensureScale(programmeID: programmeID, legend: report.legend)
        try await ensureDimensions(programmeID: programmeID)
        try await writeOfficials(report, programmeID: programmeID, organisationID: organisationID)

        // Period.
        let periodSlug = Slug.make(periodName)
        let span = PeriodSpan(name: periodName)
        let period = try await findOrCreate(
            ReportingPeriod.query(on: db).filter(\.$programme.$id == programmeID).filter(\.$slug == periodSlug).first(),
            else: {
                let period = ReportingPeriod(programmeID: programmeID, slug: periodSlug, name: periodName)
                period.startsOn = span?.start.isoDay
                period.endsOn = span?.end.isoDay
                return period
            }())
        change(period, \.name, periodName)
        change(period, \.startsOn, span?.start.isoDay)
        change(period, \.endsOn, span?.end.isoDay)
        try await save(period)
        let periodID = try period.requireID()
        // A project's name, sub-items, leaders and lifecycle are its current ones: an
        // older report imported later only adds its period's statuses.
        let periods = try await ReportingPeriod.query(on: db).filter(\.$programme.$id == programmeID).all()
        let isLatest = ReportingPeriod.chronological(periods).last?.id == periodID

        // Projects and their status in the period.
        let existing = try await Project.query(on: db).filter(\.$programme.$id == programmeID)
            .with(\.$leaders).with(\.$items).all()
        let statuses = try await ProjectStatus.query(on: db).filter(\.$period.$id == periodID).all()
        for parsed in report.projects {
            let project = existing.first { $0.number == parsed.number }
                ?? Project(programmeID: programmeID, number: parsed.number, name: parsed.name, lifecycle: parsed.lifecycle)
            let isNew = project.id == nil
            if isNew || isLatest {
                change(project, \.name, parsed.name)
                change(project, \.lifecycle, parsed.lifecycle)
                try await save(project)
                let projectID = try project.requireID()
                try await writeItems(parsed.items, projectID: projectID, existing: isNew ? [] : project.items)
                try await writeLeaders(parsed.leaders, projectID: projectID, existing: isNew ? [] : project.leaders, organisationID: organisationID)
            }
            let projectID = try project.requireID()

            let status = statuses.first { $0.$project.id == projectID } ?? ProjectStatus(projectID: projectID, periodID: periodID)
            let light = scale.light(for: parsed.light)
            if light == nil, Self.isLight(parsed.light) {
                warnings.append(ImportWarning(line: parsed.lines[0], message: "Project \(parsed.number): de schaal van dit programma heeft geen licht voor deze status; het project krijgt geen status."))
            }
            change(status, \.light, light?.code)
            change(status, \.lifecycle, parsed.lifecycle)
            change(status, \.remarks, parsed.remarks)
            change(status, \.plannedDelivery, parsed.plannedDelivery?.storageValue)
            change(status, \.forecastDelivery, parsed.forecastDelivery?.storageValue)
            try await save(status)
        }

        try await writeSections(report.sections, periodID: periodID)
        try await writeDecisions(report.decisions, periodID: periodID)
        try await writeRisks(report.risks, periodID: periodID)

        return ImportSummary(programmeSlug: programme.slug, periodSlug: periodSlug, projects: report.projects.count,
                             created: created, updated: updated, warnings: (report.warnings + warnings).sorted { $0.line < $1.line })
    }

    static func isLight(_ reading: LightNotation.Reading) -> Bool {
        switch reading {
        case .tone, .finished, .ambiguous: true
        case .empty, .allLampsOff, .unknown: false
        }
    }

    // MARK: Parts

    mutating func ensureScale(programmeID: UUID, legend: [LegendEntry]) async throws -> LightScale {
        var lights = try await ProgrammeLight.query(on: db).filter(\.$programme.$id == programmeID).all()
        if lights.isEmpty {
            lights = LightScale.standard.lights.map { ProgrammeLight(programmeID: programmeID, definition: $0) }
        }
        // The report's own legend says what its lights mean.
        let scale = LightScale(lights.map(\.definition))
        for entry in legend {
            guard let code = scale.light(for: entry.reading)?.code, let light = lights.first(where: { $0.code == code }) else { continue }
            if light.meaning != entry.meaning { light.meaning = entry.meaning }
        }
        for light in lights { try await save(light) }
        return LightScale(lights.map(\.definition))
    }

    mutating func ensureDimensions(programmeID: UUID) async throws {
        guard try await ProgrammeDimension.query(on: db).filter(\.$programme.$id == programmeID).count() == 0 else { return }
        for (position, dimension) in ReportingDimension.gotik.enumerated() {
            try await save(ProgrammeDimension(programmeID: programmeID, dimension: dimension, position: position))
        }
    }

    mutating func writeOfficials(_ report: ParsedReport, programmeID: UUID, organisationID: UUID) async throws {
        var wanted: [(ProgrammeOfficial.Role, String)] = []
        if let name = report.politicalSponsor { wanted.append((.politicalSponsor, name)) }
        if let name = report.administrativeSponsor { wanted.append((.administrativeSponsor, name)) }
        if let name = report.programmeManager { wanted.append((.programmeManager, name)) }
        wanted += report.portfolioHolders.map { (.portfolioHolder, $0) }
        guard !wanted.isEmpty else { return }
        let existing = try await ProgrammeOfficial.query(on: db).filter(\.$programme.$id == programmeID).with(\.$person).sort(\.$position).all()
        if existing.map({ "\($0.role.rawValue):\($0.person.name)" }) == wanted.map({ "\($0.0.rawValue):\($0.1)" }) { return }
        for official in existing { try await official.delete(on: db) }
        for (position, (role, name)) in wanted.enumerated() {
            let person = try await person(LeaderName(person: name), organisationID: organisationID)
            try await save(ProgrammeOfficial(programmeID: programmeID, personID: person.requireID(), role: role, position: position))
        }
        if !existing.isEmpty { updated += 1 }
    }

    mutating func writeItems(_ items: [String], projectID: UUID, existing: [ProjectItem]) async throws {
        guard existing.sorted(by: { $0.position < $1.position }).map(\.title) != items else { return }
        for item in existing { try await item.delete(on: db) }
        for (position, title) in items.enumerated() {
            try await save(ProjectItem(projectID: projectID, position: position, title: title))
        }
    }

    mutating func writeLeaders(_ leaders: [LeaderName], projectID: UUID, existing: [ProjectLeader], organisationID: UUID) async throws {
        var personIDs: [UUID] = []
        for leader in leaders {
            let id = try await person(leader, organisationID: organisationID).requireID()
            if !personIDs.contains(id) { personIDs.append(id) }
        }
        guard existing.sorted(by: { $0.position < $1.position }).map(\.$person.id) != personIDs else { return }
        for leader in existing { try await leader.delete(on: db) }
        for (position, personID) in personIDs.enumerated() {
            try await save(ProjectLeader(projectID: projectID, personID: personID, position: position))
        }
    }

    mutating func writeSections(_ sections: [ParsedSection], periodID: UUID) async throws {
        let existing = try await ProgrammeSection.query(on: db).filter(\.$period.$id == periodID).all()
        for (position, parsed) in sections.enumerated() {
            let section = existing.first { $0.key == parsed.kind.key } ?? ProgrammeSection(periodID: periodID, key: parsed.kind.key, position: position)
            change(section, \.number, parsed.number)
            change(section, \.title, parsed.title)
            change(section, \.body, parsed.markdown)
            change(section, \.position, position)
            try await save(section)
        }
        let keys = Set(sections.map(\.kind.key))
        for stale in existing where !keys.contains(stale.key) {
            try await stale.delete(on: db)
            updated += 1
        }
    }

    mutating func writeDecisions(_ items: [ParsedItem], periodID: UUID) async throws {
        try await writeNumbered(items, existing: Decision.query(on: db).filter(\.$period.$id == periodID).all(),
                                position: \.position, text: \.text) { Decision(periodID: periodID, position: $0, text: $1) }
    }

    mutating func writeRisks(_ items: [ParsedItem], periodID: UUID) async throws {
        try await writeNumbered(items, existing: Risk.query(on: db).filter(\.$period.$id == periodID).all(),
                                position: \.position, text: \.description) { Risk(periodID: periodID, position: $0, description: $1) }
    }

    /// A period's list of items by position: changed text is updated, items beyond the
    /// new list are removed.
    mutating func writeNumbered<M: Model>(
        _ items: [ParsedItem], existing: [M], position: KeyPath<M, Int>, text: ReferenceWritableKeyPath<M, String>,
        make: (Int, String) -> M
    ) async throws {
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
                Person.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$name == name.person).first(),
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

    /// Assigns only a different value, so an unchanged model stays unchanged.
    func change<M: Model, V: Equatable>(_ model: M, _ keyPath: ReferenceWritableKeyPath<M, V>, _ value: V) {
        if model.id == nil || model[keyPath: keyPath] != value { model[keyPath: keyPath] = value }
    }

    mutating func save<M: Model>(_ model: M) async throws {
        guard model.hasChanges || model.id == nil else { return }
        let isNew = model.id == nil
        try await model.save(on: db)
        if isNew { created += 1 } else { updated += 1 }
    }
}

extension PlanDate {
    var isoDay: String { String(format: "%04d-%02d-%02d", year, part, day) }
}
