import Fluent
import FluentSQL
import Foundation
import Vapor

/// The start page's programmes: those the reader may see, by organisation and name, found
/// by either, a page at a time. A shared installation holds thousands of programmes; the
/// database counts and orders them (by their folded names, `IndexName`), and only the
/// page's own are read, summarised (project counts, periods) and rendered.
struct ProgrammeIndexModel: Sendable {
    static let pageSize = 30

    var summaries: [ProgrammeSummary]
    /// Programmes the reader may see, and how many of them match the search.
    var visible: Int
    var matching: Int
    var search: String
    var page: Int
    var account: IndexAccount?
    /// The projects the reader leads ("Uw projecten"), and whether they may import a report.
    var ownProjects: [OwnProject] = []
    var mayImport = false

    var pageCount: Int { max(1, (matching + Self.pageSize - 1) / Self.pageSize) }
    /// The search field is there once there is more than one page to look through.
    var offersSearch: Bool { visible > Self.pageSize || !search.isEmpty }

    static func query(_ req: Request) async throws -> ProgrammeIndexModel {
        let user = try await AccountSession.currentUser(req)
        let search = (req.query[String.self, at: "zoek"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let asked = req.query[String.self, at: "pagina"].flatMap { Int($0) } ?? 1
        let words = IndexName.words(search)

        // The database counts, orders and pages; only the page's programmes are read.
        let visible = try await seen(by: user, on: req.db).count()
        let matching = words.isEmpty ? visible : try await found(words, seenBy: user, on: req.db).count()
        let pageCount = max(1, (matching + pageSize - 1) / pageSize)
        let page = min(max(1, asked), pageCount)
        // A municipality's programmes together, as its people look for them.
        let shown = try await found(words, seenBy: user, on: req.db)
            .sort(Organisation.self, \.$indexName).sort(\.$indexName).sort(\.$slug)
            .range(((page - 1) * pageSize)..<(page * pageSize)).with(\.$organisation).all()

        // Where one reads nothing but published reports, the card leads to the latest of them.
        var roles: Set<UUID> = []
        if let user, !user.isAdministrator, !shown.isEmpty {
            roles = Set(
                try await ProgrammeRoleAssignment.query(on: req.db).filter(\.$user.$id == user.requireID())
                    .filter(\.$programme.$id ~~ shown.compactMap(\.id)).all().map(\.$programme.id))
        }
        var summaries = try await ProgrammeSummary.summaries(of: shown, on: req.db)
        for index in summaries.indices {
            let programme = shown[index]
            let readsAll =
                programme.access == .open || user?.isAdministrator == true || programme.id.map(roles.contains) == true
            summaries[index].publishedOnly = !readsAll
        }
        let account = user.map {
            IndexAccount(name: $0.name, csrf: CSRF.token(for: req), isAdministrator: $0.isAdministrator)
        }
        var model = ProgrammeIndexModel(
            summaries: summaries, visible: visible, matching: matching, search: search, page: page, account: account)
        if let user {
            model.ownProjects = try await OwnProjects.load(for: user, on: req.db)
            model.mayImport = user.isAdministrator
            if !model.mayImport {
                model.mayImport = try await !ImportPermission.programmes(for: user, on: req.db).isEmpty
            }
        }
        return model
    }

    /// The programmes `user` may see: a beheerder all, anyone those open to everyone or
    /// with their published reports open, and a user also those they have a role in.
    static func seen(by user: User?, on db: any Database) throws -> QueryBuilder<Programme> {
        let query = Programme.query(on: db)
        if user?.isAdministrator == true { return query }
        let userID = try user?.requireID()
        return query.group(.or) { either in
            either.filter(\.$access ~~ [.open, .publishedReports])
            if let userID { either.filter(ProgrammeRoleAssignment.programmes(of: userID)) }
        }
    }

    /// Those of `seen` with every word of the search in the programme's or its
    /// organisation's name, whatever the case or accents ("rijswijk" finds "Gemeente
    /// Rijswijk", "cafe" finds "Café").
    static func found(_ words: [String], seenBy user: User?, on db: any Database) throws -> QueryBuilder<Programme> {
        let query = try seen(by: user, on: db).join(
            Organisation.self, on: \Programme.$organisation.$id == \Organisation.$id)
        for word in words {
            query.group(.or) { either in
                either.filter(IndexName.contains(Programme.schema, word))
                either.filter(IndexName.contains(Organisation.schema, word))
            }
        }
        return query
    }

    /// The start page with this search at `page`.
    func link(page: Int) -> String {
        var query: [String] = []
        if !search.isEmpty {
            query.append("zoek=" + (search.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
        }
        if page > 1 { query.append("pagina=\(page)") }
        return SiteURL.home.path + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
    }
}
