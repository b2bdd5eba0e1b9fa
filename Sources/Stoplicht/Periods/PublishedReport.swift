import Fluent
import Foundation
import Vapor

/// The report of a published period as it was published: the page, byte for byte, and
/// its SHA-256. Served instead of a fresh rendering, and never changed (the database
/// refuses updates and deletes).
final class PublishedReport: Model, @unchecked Sendable {
    static let schema = "published_reports"

    @ID(key: .id) var id: UUID?
    @Parent(key: "period_id") var period: ReportingPeriod
    @Field(key: "html") var html: String
    /// Hex SHA-256 of the UTF-8 bytes of `html`.
    @Field(key: "sha256") var sha256: String
    @Field(key: "published_at") var publishedAt: Date
    @Field(key: "published_by") var publishedBy: String

    init() {}

    init(periodID: UUID, html: String, publishedAt: Date, publishedBy: String) {
        self.$period.id = periodID
        self.html = html
        self.sha256 = Self.digest(html)
        self.publishedAt = publishedAt
        self.publishedBy = publishedBy
    }

    static func digest(_ html: String) -> String {
        SHA256.hash(data: Data(html.utf8)).hex
    }
}

struct CreatePublishedReport: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(PublishedReport.schema)
            .id()
            .field("period_id", .uuid, .required, .references(ReportingPeriod.schema, "id"))
            .field("html", .string, .required)
            .field("sha256", .string, .required)
            .field("published_at", .datetime, .required)
            .field("published_by", .string, .required)
            .unique(on: "period_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(PublishedReport.schema).delete()
    }
}
