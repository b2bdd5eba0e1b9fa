import Fluent
import StoplichtCore
import Vapor

/// A project as the overview and the report's annex table show it in one period.
struct ProjectRow: Sendable {
    struct Leader: Sendable, Equatable {
        var name: String
        var firm: String?

        var text: String { firm.map { "\(name) (\(Strings.firm) \($0))" } ?? name }
    }

    var number: Int
    var name: String
    var items: [String]
    var leaders: [Leader]
    var lifecycle: Lifecycle
    /// Nil where the project has no status in the period, or its status has no light.
    var light: LightDefinition?
    var remarks: String
    var plannedDelivery: PlanDate?
    var forecastDelivery: PlanDate?
    var hasStatus: Bool

    var leaderText: String { leaders.map(\.text).joined(separator: ", ") }

    /// The programme's projects with their status in `period`, by number: a fixed number
    /// of queries however many projects there are.
    static func load(_ context: ProgrammeContext, period: ReportingPeriod?, on db: any Database) async throws -> [ProjectRow] {
        let projects = try await Project.query(on: db)
            .filter(\.$programme.$id == context.programme.requireID())
            .with(\.$leaders) { $0.with(\.$person) { $0.with(\.$firm) } }
            .with(\.$items)
            .sort(\.$number)
            .all()
        var statuses: [UUID: ProjectStatus] = [:]
        if let periodID = period?.id {
            for status in try await ProjectStatus.query(on: db).filter(\.$period.$id == periodID).all() {
                statuses[status.$project.id] = status
            }
        }
        return projects.map { project in
            let status = project.id.flatMap { statuses[$0] }
            return ProjectRow(
                number: project.number,
                name: project.name,
                items: project.items.sorted { $0.position < $1.position }.map(\.title),
                leaders: project.leaders.sorted { $0.position < $1.position }
                    .map { Leader(name: $0.person.name, firm: $0.person.firm?.name) },
                lifecycle: status?.lifecycle ?? project.lifecycle,
                light: context.scale.light(status?.light),
                remarks: status?.remarks ?? "",
                plannedDelivery: status?.plannedDelivery.flatMap(PlanDate.init(storageValue:)),
                forecastDelivery: status?.forecastDelivery.flatMap(PlanDate.init(storageValue:)),
                hasStatus: status != nil)
        }
    }
}

/// How many projects carry each light, in the scale's order, "geen status" last.
struct LightCounts: Sendable {
    var counts: [(light: LightDefinition?, count: Int)]

    init(rows: [ProjectRow], scale: LightScale) {
        var counts: [(LightDefinition?, Int)] = scale.lights.map { light in
            (light, rows.filter { $0.light?.code == light.code }.count)
        }
        counts.append((nil, rows.filter { $0.light == nil }.count))
        self.counts = counts
    }
}
