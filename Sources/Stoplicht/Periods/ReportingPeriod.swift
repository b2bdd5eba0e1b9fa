import Fluent
import Foundation
import StoplichtCore

/// A reporting period of a programme: "juni t/m oktober 2018".
final class ReportingPeriod: Model, @unchecked Sendable {
    static let schema = "reporting_periods"

    enum State: String, Codable, Sendable {
        case open
        case inReview = "in-review"
        case published = "gepubliceerd"

        var label: String {
            switch self {
            case .open: Strings.periodOpen
            case .inReview: Strings.periodInReview
            case .published: Strings.periodPublished
            }
        }
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    @Field(key: "slug") var slug: String
    @Field(key: "name") var name: String
    /// First and last day, "2018-06-01"; nil where the name gives no dates.
    @OptionalField(key: "starts_on") var startsOn: String?
    @OptionalField(key: "ends_on") var endsOn: String?
    @Field(key: "state") var state: State
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(programmeID: UUID, slug: String, name: String) {
        self.$programme.id = programmeID
        self.slug = slug
        self.name = name
        self.state = .open
    }
}

/// A project's light, remarks and planning in one period.
final class ProjectStatus: Model, @unchecked Sendable {
    static let schema = "project_statuses"

    @ID(key: .id) var id: UUID?
    @Parent(key: "project_id") var project: Project
    @Parent(key: "period_id") var period: ReportingPeriod
    /// A code of the programme's scale; nil is "geen status".
    @OptionalField(key: "light") var light: String?
    @Field(key: "lifecycle") var lifecycle: Lifecycle
    /// Markdown.
    @Field(key: "remarks") var remarks: String
    /// `PlanDate.storageValue`: "2018-Q4", "2018-11".
    @OptionalField(key: "planned_delivery") var plannedDelivery: String?
    @OptionalField(key: "forecast_delivery") var forecastDelivery: String?
    /// Start as planned and as now expected, at the same precisions.
    @OptionalField(key: "planned_start") var plannedStart: String?
    @OptionalField(key: "forecast_start") var forecastStart: String?
    /// The previous period's light as this period's report gave it, and the light expected
    /// next period: codes of the programme's scale.
    @OptionalField(key: "previous_light") var previousLight: String?
    @OptionalField(key: "expected_light") var expectedLight: String?
    /// Who gave the light, where the imported report had a column per assessor ("IPA rating").
    @OptionalField(key: "light_assessor") var lightAssessor: String?
    /// What was achieved this period and what is planned for the next (Markdown).
    @OptionalField(key: "achieved") var achieved: String?
    @OptionalField(key: "planned_next") var plannedNext: String?
    /// The explanation an orange or red light requires: its cause, the consequence for
    /// the programme's goal, and the corrective measure.
    @OptionalField(key: "cause") var cause: String?
    @OptionalField(key: "consequence") var consequence: String?
    @OptionalField(key: "measure") var measure: String?
    /// Raised by every save; a form sends the revision it showed, and a save against an
    /// older one is a conflict, not an overwrite.
    @Field(key: "revision") var revision: Int
    /// True while the status is last period's, copied when the period opened, and not yet
    /// updated by its project leader.
    @Field(key: "carried_forward") var carriedForward: Bool
    /// Who saved it last: an e-mail address or the command.
    @OptionalField(key: "updated_by") var updatedBy: String?
    @Children(for: \.$status) var dimensionLights: [StatusDimensionLight]
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    var planned: PlanDate? { plannedDelivery.flatMap(PlanDate.init(storageValue:)) }
    var forecast: PlanDate? { forecastDelivery.flatMap(PlanDate.init(storageValue:)) }

    init() {}

    init(projectID: UUID, periodID: UUID) {
        self.$project.id = projectID
        self.$period.id = periodID
        self.lifecycle = .running
        self.remarks = ""
        self.revision = 0
        self.carriedForward = false
    }
}

/// The light of one dimension (Geld, Organisatie, …) in a status.
final class StatusDimensionLight: Model, @unchecked Sendable {
    static let schema = "status_dimension_lights"

    @ID(key: .id) var id: UUID?
    @Parent(key: "status_id") var status: ProjectStatus
    @Field(key: "dimension") var dimension: String
    @Field(key: "light") var light: String

    init() {}

    init(statusID: UUID, dimension: String, light: String) {
        self.$status.id = statusID
        self.dimension = dimension
        self.light = light
    }
}

struct CreateReportingPeriod: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(ReportingPeriod.schema)
            .id()
            .field("programme_id", .uuid, .required, .references(Programme.schema, "id", onDelete: .cascade))
            .field("slug", .string, .required)
            .field("name", .string, .required)
            .field("starts_on", .string)
            .field("ends_on", .string)
            .field("state", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "programme_id", "slug")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(ReportingPeriod.schema).delete()
    }
}

struct CreateProjectStatus: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(ProjectStatus.schema)
            .id()
            .field("project_id", .uuid, .required, .references(Project.schema, "id", onDelete: .cascade))
            .field("period_id", .uuid, .required, .references(ReportingPeriod.schema, "id", onDelete: .cascade))
            .field("light", .string)
            .field("lifecycle", .string, .required)
            .field("remarks", .string, .required)
            .field("planned_delivery", .string)
            .field("forecast_delivery", .string)
            .field("updated_at", .datetime)
            .unique(on: "project_id", "period_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(ProjectStatus.schema).delete()
    }
}

struct CreateStatusDimensionLight: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(StatusDimensionLight.schema)
            .id()
            .field("status_id", .uuid, .required, .references(ProjectStatus.schema, "id", onDelete: .cascade))
            .field("dimension", .string, .required)
            .field("light", .string, .required)
            .unique(on: "status_id", "dimension")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(StatusDimensionLight.schema).delete()
    }
}
