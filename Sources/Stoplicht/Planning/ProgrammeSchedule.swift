import Fluent
import Foundation
import SQLKit
import StoplichtCore
import Vapor

/// The programme's plan in one period, as slip propagation sees it: each project's start
/// and delivery (the forecast where there is one), its milestones, the prerequisites —
/// and what follows: which projects can no longer keep their plan, and their earliest
/// dates. Four queries, however many projects.
struct ProgrammeSchedule: Sendable {
    struct Entry: Sendable {
        var number: Int
        var name: String
        var start: PlanDate?
        var delivery: PlanDate?
        /// The plan no longer holds: a prerequisite delivers after this project was to start.
        var infeasible: Bool
        var earliestStart: PlanDate?
        var earliestDelivery: PlanDate?
        /// "3. Intranet" or "3. Intranet, mijlpaal Pilot": what holds it up most.
        var blockedBy: String?
        /// What it needs: "3. Intranet", "7. Herinrichting infrastructuur (mijlpaal Pilot)".
        var needs: [String]
        /// The dates as planned and as expected, for the roadmap.
        var planned: (start: PlanDate?, delivery: PlanDate?) = (nil, nil)
        var forecast: (start: PlanDate?, delivery: PlanDate?) = (nil, nil)
    }

    struct Link: Sendable, Equatable {
        var id: UUID
        var project: Int
        var needsProject: Int
        var milestone: String?
    }

    var entries: [Entry]
    var links: [Link]

    var infeasible: [Entry] { entries.filter(\.infeasible) }

    /// The roadmap of the projects that have dates, with the prerequisites between them.
    func roadmap(title: String, today: Date = Date()) -> Roadmap {
        let dated = entries.filter { $0.delivery != nil }
        let index = Dictionary(uniqueKeysWithValues: dated.enumerated().map { ($1.number, $0) })
        let arrows = links.compactMap { link -> (Int, Int)? in
            guard let from = index[link.needsProject], let to = index[link.project] else { return nil }
            return (from, to)
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .current
        let now = calendar.dateComponents([.year, .month], from: today)
        return Roadmap(
            title: title,
            entries: dated.map { entry in
                Roadmap.Entry(
                    label: "\(entry.number). \(entry.name)", plannedStart: entry.planned.start,
                    plannedDelivery: entry.planned.delivery,
                    forecastStart: entry.forecast.start, forecastDelivery: entry.forecast.delivery,
                    infeasible: entry.infeasible,
                    earliestDelivery: entry.earliestDelivery)
            }, arrows: arrows, today: (now.year ?? 2000) * 12 + (now.month ?? 1) - 1)
    }

    func entry(_ number: Int) -> Entry? { entries.first { $0.number == number } }

    /// The schedule where the programme has prerequisites at all (one query when it has none).
    static func loadIfLinked(_ context: ProgrammeContext, period: ReportingPeriod?, on db: any Database) async throws
        -> ProgrammeSchedule?
    {
        let sql = try db.sqlDatabase()
        struct Row: Decodable { var present: Int }
        let row = try await sql.raw(
            """
            SELECT CASE WHEN EXISTS (SELECT 1 FROM prerequisites WHERE programme_id = \(bind: try context.programme.requireID())) THEN 1 ELSE 0 END AS present
            """
        ).first(decoding: Row.self)
        guard row?.present == 1 else { return nil }
        return try await load(context, period: period, on: db)
    }

    /// Marks the rows whose plan no longer holds.
    func flag(_ rows: inout [ProjectRow]) {
        let late = Dictionary(infeasible.map { ($0.number, $0) }, uniquingKeysWith: { a, _ in a })
        for index in rows.indices {
            guard let entry = late[rows[index].number] else { continue }
            rows[index].planFlag = Strings.planFlag(entry)
        }
    }

    /// The plan of `period` (the latest where nil).
    static func load(_ context: ProgrammeContext, period: ReportingPeriod?, on db: any Database) async throws
        -> ProgrammeSchedule
    {
        let graph = try await Graph.load(context, period: period ?? context.latestPeriod, on: db)
        let outcome: SlipPropagation.Outcome
        do {
            outcome = try SlipPropagation.propagate(graph.nodes, graph.edges)
        } catch {
            // A cycle cannot be stored (adding one is refused); should one exist, nothing is flagged.
            return ProgrammeSchedule(
                entries: graph.projects.indices.map { graph.entry($0, outcome: nil) }, links: graph.links)
        }
        return ProgrammeSchedule(
            entries: graph.projects.indices.map { graph.entry($0, outcome: outcome) }, links: graph.links)
    }

    /// The projects, milestones and prerequisites as nodes and edges.
    struct Graph: Sendable {
        struct ProjectDates: Sendable {
            var id: UUID
            var number: Int
            var name: String
            var start: PlanDate?
            var delivery: PlanDate?
            var planned: (start: PlanDate?, delivery: PlanDate?)
            var forecast: (start: PlanDate?, delivery: PlanDate?)
        }

        var projects: [ProjectDates]
        /// Milestone node index → (project index, title).
        var milestones: [(project: Int, title: String)]
        var nodes: [SlipPropagation.Node]
        var edges: [SlipPropagation.Edge]
        var links: [Link]

        static func load(_ context: ProgrammeContext, period: ReportingPeriod?, on db: any Database) async throws
            -> Graph
        {
            let sql = try db.sqlDatabase()
            let programmeID = try context.programme.requireID()
            let periodID = period?.id ?? UUID()
            // Fields named as the query's columns.
            // swift-format-ignore: AlwaysUseLowerCamelCase
            struct ProjectRow: Decodable {
                var id: UUID
                var number: Int
                var name: String
                var planned_start: String?
                var forecast_start: String?
                var planned_delivery: String?
                var forecast_delivery: String?
            }
            let rows = try await sql.raw(
                """
                SELECT p.id, p.number, p.name, s.planned_start, s.forecast_start, s.planned_delivery, s.forecast_delivery
                FROM projects p LEFT JOIN project_statuses s ON s.project_id = p.id AND s.period_id = \(bind: periodID)
                WHERE p.programme_id = \(bind: programmeID) AND NOT p.archived ORDER BY p.number
                """
            ).all(decoding: ProjectRow.self)
            let items = try await ProjectItem.query(on: db).join(
                Project.self, on: \ProjectItem.$project.$id == \Project.$id
            )
            .filter(Project.self, \.$programme.$id == programmeID).all()
            let prerequisites = try await Prerequisite.query(on: db).filter(\.$programme.$id == programmeID).all()

            func date(_ text: String?) -> PlanDate? { text.flatMap(PlanDate.init(storageValue:)) }
            var graph = Graph(projects: [], milestones: [], nodes: [], edges: [], links: [])
            var index: [UUID: Int] = [:]
            for row in rows {
                index[row.id] = graph.nodes.count
                let dates = ProjectDates(
                    id: row.id, number: row.number, name: row.name,
                    start: date(row.forecast_start) ?? date(row.planned_start),
                    delivery: date(row.forecast_delivery) ?? date(row.planned_delivery),
                    planned: (date(row.planned_start), date(row.planned_delivery)),
                    forecast: (date(row.forecast_start), date(row.forecast_delivery)))
                graph.projects.append(dates)
                graph.nodes.append(SlipPropagation.Node(start: dates.start, delivery: dates.delivery))
            }
            var milestoneIndex: [UUID: Int] = [:]
            for item in items {
                guard let parent = index[item.$project.id], let id = item.id, !item.done else { continue }
                milestoneIndex[id] = graph.nodes.count
                graph.milestones.append((parent, item.title))
                graph.nodes.append(
                    SlipPropagation.Node(
                        start: nil, delivery: date(item.forecast) ?? date(item.planned), parent: parent))
            }
            let numbers = Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0.number) })
            let titles = Dictionary(
                items.compactMap { item in item.id.map { ($0, item.title) } }, uniquingKeysWith: { a, _ in a })
            for prerequisite in prerequisites {
                guard let dependent = index[prerequisite.$project.id], let project = index[prerequisite.$needs.id],
                    let id = prerequisite.id
                else { continue }
                let milestone = prerequisite.$milestone.id
                // A milestone already done holds nothing up.
                if let milestone, milestoneIndex[milestone] == nil, titles[milestone] != nil {
                    graph.links.append(
                        Link(
                            id: id, project: numbers[prerequisite.$project.id] ?? 0,
                            needsProject: numbers[prerequisite.$needs.id] ?? 0,
                            milestone: titles[milestone]))
                    continue
                }
                let needed = milestone.flatMap { milestoneIndex[$0] } ?? project
                graph.edges.append(SlipPropagation.Edge(dependent: dependent, needs: needed))
                graph.links.append(
                    Link(
                        id: id, project: numbers[prerequisite.$project.id] ?? 0,
                        needsProject: numbers[prerequisite.$needs.id] ?? 0,
                        milestone: milestone.flatMap { titles[$0] }))
            }
            return graph
        }

        func label(_ node: Int) -> String {
            if node < projects.count { return "\(projects[node].number). \(projects[node].name)" }
            let milestone = milestones[node - projects.count]
            return
                "\(projects[milestone.project].number). \(projects[milestone.project].name), mijlpaal \(milestone.title)"
        }

        func entry(_ i: Int, outcome: SlipPropagation.Outcome?) -> Entry {
            let project = projects[i]
            let needs = links.filter { $0.project == project.number }.map { link in
                let name =
                    projects.first { $0.number == link.needsProject }.map { "\($0.number). \($0.name)" }
                    ?? String(link.needsProject)
                return link.milestone.map { "\(name) (mijlpaal \($0))" } ?? name
            }
            guard let outcome, outcome.infeasible[i] else {
                return Entry(
                    number: project.number, name: project.name, start: project.start, delivery: project.delivery,
                    infeasible: false,
                    earliestStart: nil, earliestDelivery: nil, blockedBy: nil, needs: needs, planned: project.planned,
                    forecast: project.forecast)
            }
            return Entry(
                number: project.number, name: project.name, start: project.start, delivery: project.delivery,
                infeasible: true,
                earliestStart: outcome.earliestStart[i].map(PlanMonth.date),
                earliestDelivery: outcome.earliestDelivery[i].map(PlanMonth.date),
                blockedBy: outcome.blockedBy[i].map(label), needs: needs, planned: project.planned,
                forecast: project.forecast)
        }
    }
}
