import Fluent
import Foundation
import Vapor

/// The start page's programmes: those the reader may see, by organisation and name, found
/// by either, a page at a time. A shared installation holds thousands of programmes; only the page's
/// own are summarised (project counts, periods) and rendered.
struct ProgrammeIndexModel: Sendable {
    static let pageSize = 30

    var summaries: [ProgrammeSummary]
    /// Programmes the reader may see, and how many of them match the search.
    var visible: Int
    var matching: Int
    var search: String
    var page: Int
    var account: IndexAccount?

    var pageCount: Int { max(1, (matching + Self.pageSize - 1) / Self.pageSize) }
    /// The search field is there once there is more than one page to look through.
    var offersSearch: Bool { visible > Self.pageSize || !search.isEmpty }

    static func query(_ req: Request) async throws -> ProgrammeIndexModel {
        let user = try await AccountSession.currentUser(req)
        let search = (req.query[String.self, at: "zoek"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let asked = req.query[String.self, at: "pagina"].flatMap { Int($0) } ?? 1

        // A municipality's programmes together, as its people look for them.
        let programmes = try await Programme.query(on: req.db).with(\.$organisation).all()
            .map { (key: (fold($0.organisation.name), fold($0.name)), programme: $0) }
            .sorted { $0.key < $1.key }.map(\.programme)
        var readable: Set<UUID> = []
        if let user {
            readable = user.isAdministrator
                ? Set(programmes.compactMap(\.id))
                : Set(try await ProgrammeRoleAssignment.query(on: req.db).filter(\.$user.$id == user.requireID()).all().map(\.$programme.id))
        }
        // Where one reads nothing but published reports, the card leads to the latest of them.
        let seen: [(programme: Programme, publishedOnly: Bool)] = programmes.compactMap { programme in
            if programme.access == .open || programme.id.map(readable.contains) == true { return (programme, false) }
            return programme.access == .publishedReports ? (programme, true) : nil
        }
        let found = search.isEmpty ? seen : seen.filter { Self.matches($0.programme, search) }
        let pageCount = max(1, (found.count + pageSize - 1) / pageSize)
        let page = min(max(1, asked), pageCount)
        let shown = Array(found.dropFirst((page - 1) * pageSize).prefix(pageSize))

        var summaries = try await ProgrammeSummary.summaries(of: shown.map(\.programme), on: req.db)
        for index in summaries.indices { summaries[index].publishedOnly = shown[index].publishedOnly }
        let account = user.map { IndexAccount(name: $0.name, csrf: CSRF.token(for: req), isAdministrator: $0.isAdministrator) }
        return ProgrammeIndexModel(summaries: summaries, visible: seen.count, matching: found.count, search: search, page: page, account: account)
    }

    /// Every word of the search in the programme's or its organisation's name, whatever the
    /// case or accents ("rijswijk" finds "Gemeente Rijswijk", "cafe" finds "Café").
    static func matches(_ programme: Programme, _ search: String) -> Bool {
        let haystack = fold(programme.name + " " + programme.organisation.name)
        return search.split(whereSeparator: \.isWhitespace).allSatisfy { haystack.contains(fold(String($0))) }
    }

    private static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "nl_NL"))
    }

    /// The start page with this search at `page`.
    func link(page: Int) -> String {
        var query: [String] = []
        if !search.isEmpty { query.append("zoek=" + (search.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")) }
        if page > 1 { query.append("pagina=\(page)") }
        return SiteURL.home.path + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
    }
}
