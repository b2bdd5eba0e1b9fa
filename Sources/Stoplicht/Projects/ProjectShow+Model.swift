import Fluent
import StoplichtCore
import Vapor

/// A project with its status in every period of the programme, newest first.
struct ProjectShowModel: Sendable {
    struct PeriodEntry: Sendable {
        var period: ReportingPeriod
        var status: ProjectStatus?
        var light: LightDefinition?
        /// (dimension label, light), in the programme's order of dimensions.
        var dimensionLights: [(String, LightDefinition)] = []
        /// The previous period's light and the one expected next, as this period's report gave them.
        var reportedLights: [(String, LightDefinition)] = []
    }

    var context: ProgrammeContext
    var project: Project
    var current: ProjectRow
    var lineManager: String?
    var history: [PeriodEntry]
    var viewer = Viewer()
    /// The viewer may update the project's status (they lead it, or manage the programme).
    var mayEdit = false
    var justSaved = false
    /// The programme's plan as far as it concerns this project: its prerequisites, who
    /// waits on it, and whether its plan still holds.
    var schedule: ProgrammeSchedule?
    /// A refused planning form: its problem and what was typed.
    var problems: [FieldProblem] = []
    var entered: [String: String] = [:]
    /// Postponements asked or decided for this project, with their decision requests.
    var postponements: [Postponement] = []
    /// Decision requests a new postponement can hang on (the programme manager's form).
    var openDecisions: [Decision] = []
    /// The names of the accounts that saved a status, by the e-mail address stored with it.
    var updaters: [String: String] = [:]

    static func query(_ context: ProgrammeContext, number: String, on db: any Database) async throws -> ProjectShowModel
    {
        guard let n = Int(number) else { throw Abort(.notFound, reason: Strings.projectNotFound(number)) }
        let query = try Project.query(on: db)
            .filter(\.$programme.$id == context.programme.requireID())
            .filter(\.$number == n)
            .with(\.$leaders, { $0.with(\.$person, { $0.with(\.$firm) }) })
            .with(\.$items)
            .with(\.$lineManager)
        guard let project = try await query.first() else {
            throw Abort(.notFound, reason: Strings.projectNotFound(number))
        }
        let statuses = try await ProjectStatus.query(on: db).filter(\.$project.$id == project.requireID())
            .with(\.$dimensionLights).all()
        let byPeriod = Dictionary(uniqueKeysWithValues: statuses.map { ($0.$period.id, $0) })
        let history = context.periods.reversed().map { period in
            let status = period.id.flatMap { byPeriod[$0] }
            let lights = status?.dimensionLights ?? []
            let dimensions: [(String, LightDefinition)] = context.dimensions.compactMap { dimension in
                guard let code = lights.first(where: { $0.dimension == dimension.code })?.light,
                    let light = context.scale.light(code)
                else { return nil }
                return (dimension.label, light)
            }
            var reported: [(String, LightDefinition)] = []
            if let light = context.scale.light(status?.previousLight) {
                reported.append((Strings.reportedPreviousLight, light))
            }
            if let light = context.scale.light(status?.expectedLight) {
                reported.append((Strings.reportedExpectedLight, light))
            }
            return PeriodEntry(
                period: period, status: status, light: context.scale.light(status?.light), dimensionLights: dimensions,
                reportedLights: reported)
        }
        let latest = history.first { $0.status != nil }
        let leaders: [ProjectRow.Leader] = project.leaders.sorted { $0.position < $1.position }
            .map { ProjectRow.Leader(name: $0.person.name, firm: $0.person.firm?.name) }
        let latestStatus: ProjectStatus? = latest?.status
        let current = ProjectRow(
            number: project.number, name: project.name,
            items: project.items.sorted { $0.position < $1.position }.map(\.title),
            leaders: leaders,
            lifecycle: project.lifecycle, light: latest?.light, remarks: latestStatus?.remarks ?? "",
            plannedDelivery: latestStatus?.planned,
            forecastDelivery: latestStatus?.forecast)
        let updaters = try await User.names(of: Set(statuses.compactMap(\.updatedBy)), on: db)
        return ProjectShowModel(
            context: context, project: project, current: current,
            lineManager: project.lineManager?.name, history: history, updaters: updaters)
    }
}
