import Fluent
import Foundation
import StoplichtCore

/// The programme and the period an import writes into.
extension ImportWriter {
    /// The programme chosen by its id, or found (or made) by its name in the municipality
    /// named; its title and duration as the report gives them.
    mutating func writeProgramme(
        _ report: ParsedReport, organisation name: String, programme programmeName: String,
        knownID: UUID?
    ) async throws -> (Programme, organisationID: UUID) {
        let programme: Programme
        let organisationID: UUID
        if let knownID {
            // An existing programme chosen by its id: it and its municipality decide, not names.
            guard let found = try await Programme.find(knownID, on: db) else {
                throw InputError(Strings.importProgrammeGone)
            }
            programme = found
            organisationID = programme.$organisation.id
        } else {
            let organisation = try await findOrCreate(
                Organisation.query(on: db).filter(\.$name == name).filter(\.$kind == .municipality).first(),
                else: Organisation(name: name, kind: .municipality))
            organisationID = try organisation.requireID()

            // Its slug is its address, unique over the installation: a second
            // municipality's "Dienstverlening" gets its name added.
            var slug = Slug.make(programmeName)
            if let taken = try await Programme.query(on: db).filter(\.$slug == slug).first(),
                taken.$organisation.id != organisationID
            {
                slug = Slug.make("\(programmeName) \(name)")
            }
            programme = try await findOrCreate(
                Programme.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$slug == slug).first(),
                else: {
                    let programme = Programme(organisationID: organisationID, slug: slug, name: programmeName)
                    programme.reportTitle = report.title
                    programme.duration = report.duration
                    return programme
                }())
            change(programme, \.name, programmeName)
        }
        if let title = report.title { change(programme, \.reportTitle, title) }
        if let duration = report.duration { change(programme, \.duration, duration) }
        try await save(programme)
        return (programme, organisationID)
    }

    /// The period by its name's slug, made when new; a published one refuses the import.
    mutating func writePeriod(_ periodName: String, programmeID: UUID) async throws -> ReportingPeriod {
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
        guard period.state != .published else {
            throw InputError(Strings.periodIsPublished(period.name), status: .conflict)
        }
        change(period, \.name, periodName)
        change(period, \.startsOn, span?.start.isoDay)
        change(period, \.endsOn, span?.end.isoDay)
        try await save(period)
        return period
    }
}
