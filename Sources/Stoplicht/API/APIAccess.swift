import Fluent
import Foundation
import StoplichtCore
import Vapor

/// The API's permission check: the token's user gets the same role and the same matrix as
/// in the web UI; a read-only token writes nothing; an open programme is read by anyone.
enum APIAccess {
    /// `published`: what is read belongs to a published report, which a programme may open to everyone.
    static func reader(_ req: Request, programme: Programme, published: Bool = false) async throws -> Viewer {
        let client = try await APITokens.client(req)
        var viewer = Viewer()
        if let client {
            viewer = Viewer(
                user: client.user,
                role: try await ProgrammeRoleAssignment.role(
                    of: client.user, inProgramme: programme.requireID(), on: req.db))
        }
        if viewer.may(.read) || programme.access == .open || published && programme.access == .publishedReports {
            return viewer
        }
        throw InputError(
            client == nil ? Strings.apiLoginRequired : Strings.forbidden,
            status: client == nil ? .unauthorized : .forbidden)
    }

    static func writer(_ req: Request, _ action: ProgrammeAction, programme: Programme, leadsProject: Bool = false)
        async throws -> (Viewer, APITokens.Client)
    {
        guard let client = try await APITokens.client(req) else {
            throw InputError(Strings.apiLoginRequired, status: .unauthorized)
        }
        guard client.scope == .readWrite else { throw InputError(Strings.tokenReadOnly, status: .forbidden) }
        let viewer = Viewer(
            user: client.user,
            role: try await ProgrammeRoleAssignment.role(
                of: client.user, inProgramme: programme.requireID(), on: req.db))
        guard viewer.may(action, leadsProject: leadsProject) || action == .editOwnProject && viewer.may(.editAnyProject)
        else {
            throw InputError(Strings.forbidden, status: .forbidden)
        }
        return (viewer, client)
    }
}

extension APIAccess {
    /// The programmes the caller may read, as a query for the database to count and page:
    /// the open ones for anyone, all for a beheerder, else also those where the token's user
    /// has a role.
    static func readableProgrammes(_ req: Request) async throws -> QueryBuilder<Programme> {
        let query = Programme.query(on: req.db)
        guard let client = try await APITokens.client(req) else { return query.filter(\.$access == .open) }
        if client.user.isAdministrator { return query }
        let userID = try client.user.requireID()
        return query.group(.or) { either in
            either.filter(\.$access == .open)
            either.filter(ProgrammeRoleAssignment.programmes(of: userID))
        }
    }

    /// What a body larger than a form's needs before it is read (`BodyAdmission`): a token
    /// that may write. Which programme it may write in the operation asks, with the body.
    static func mayWrite(_ req: Request) async throws {
        guard let client = try await APITokens.client(req) else {
            throw InputError(Strings.apiLoginRequired, status: .unauthorized)
        }
        guard client.scope == .readWrite else { throw InputError(Strings.tokenReadOnly, status: .forbidden) }
    }

    /// A beheerder's token that may write: what the web leaves to the application's administrator.
    static func administrator(_ req: Request) async throws -> APITokens.Client {
        guard let client = try await APITokens.client(req) else {
            throw InputError(Strings.apiLoginRequired, status: .unauthorized)
        }
        guard client.scope == .readWrite else { throw InputError(Strings.tokenReadOnly, status: .forbidden) }
        guard client.user.isAdministrator else { throw InputError(Strings.forbidden, status: .forbidden) }
        return client
    }
}

/// The API Design Rules every answer keeps: it says which version of the API gave it
/// (API-Version, on errors too) and a path with a trailing slash is no resource (404).
struct APIVersionMiddleware: Middleware {
    static let version = "1.0.0"

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        let path = request.plainPath
        guard path.hasPrefix("/api/") else { return next.respond(to: request) }
        let response: EventLoopFuture<Response>
        if path.hasSuffix("/") {
            response = request.eventLoop.makeSucceededFuture(
                ErrorPageMiddleware().response(
                    for: InputError(Strings.apiTrailingSlash, status: .notFound), request: request))
        } else {
            let allowed = APIOperations.methods(for: path)
            if !allowed.isEmpty, !allowed.contains(request.method), !(request.method == .HEAD && allowed.contains(.GET))
            {
                // A resource the API has, asked with a method it does not answer: 405 with what it does.
                let refusal = ErrorPageMiddleware().response(
                    for: InputError(Strings.apiMethodNotAllowed(request.method.rawValue), status: .methodNotAllowed),
                    request: request)
                refusal.headers.replaceOrAdd(name: .allow, value: allowed.map(\.rawValue).joined(separator: ", "))
                response = request.eventLoop.makeSucceededFuture(refusal)
            } else {
                response = next.respond(to: request).recover { error in
                    ErrorPageMiddleware().response(for: error, request: request)
                }
            }
        }
        return response.map { response in
            response.headers.replaceOrAdd(name: "API-Version", value: Self.version)
            return response
        }
    }
}

/// `?page=2&page-size=50`: 1-based, at most 100 per page; anything else is a 400.
struct APIPage: Sendable {
    var number: Int
    var size: Int

    static let maximumSize = 100

    init(_ req: Request) throws {
        let page = req.query[String.self, at: "page"] ?? "1"
        let size = req.query[String.self, at: "page-size"] ?? "20"
        guard let number = Int(page), number >= 1, number <= 1_000_000 else {
            throw InputError(Strings.apiPageInvalid("page", page), status: .badRequest)
        }
        guard let count = Int(size), (1...Self.maximumSize).contains(count) else {
            throw InputError(
                Strings.apiPageInvalid("page-size (1 tot en met \(Self.maximumSize))", size), status: .badRequest)
        }
        self.number = number
        self.size = count
    }

    /// This page's rows of a query, for the database to skip to.
    var rows: Range<Int> { ((number - 1) * size)..<(number * size) }

    func slice<T>(_ all: [T]) -> [T] {
        let start = min(all.count, (number - 1) * size)
        return Array(all[start..<min(all.count, start + size)])
    }

    /// Links to this page and its neighbours, the query otherwise kept.
    func links(_ req: Request, total: Int) -> APILinks {
        func href(_ page: Int) -> APILinks.Link {
            var components = URLComponents()
            components.path = req.url.path
            var items = (URLComponents(string: req.url.string)?.queryItems ?? []).filter { $0.name != "page" }
            items.append(URLQueryItem(name: "page", value: String(page)))
            components.queryItems = items
            return APILinks.Link(href: components.string ?? req.url.path)
        }
        let last = max(1, (total + size - 1) / size)
        return APILinks(
            self: href(number), next: number < last ? href(number + 1) : nil, prev: number > 1 ? href(number - 1) : nil,
            first: href(1), last: href(last))
    }
}

struct APILinks: Content {
    struct Link: Content { var href: String }
    var `self`: Link
    var next: Link?
    var prev: Link?
    var first: Link
    var last: Link
}
