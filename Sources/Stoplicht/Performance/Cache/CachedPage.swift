import Foundation
import Plot
import StoplichtCore
import Vapor

/// Serves a live page from the page cache when the database has not changed since it was
/// rendered for the same address and the same viewer; otherwise renders and caches it, once
/// for all who ask meanwhile (`SingleFlight`). Who may read the page is settled before the
/// page is looked up: by the reader's cached read permission under the same version
/// (`CachedReadPermission`), else by asking the database.
enum CachedPage {
    static func respond(_ req: Request, viewer: Viewer, render: () async throws -> Layout) async throws -> Response {
        try await respond(req, key: key(req, viewer: viewer), render: render)
    }

    /// `key`: what tells this page from the same address for other readers (`key(_:user:role:csrf:)`).
    static func respond(_ req: Request, key: String, render: () async throws -> Layout) async throws -> Response {
        // Without a version (or when it cannot be read) the page is rendered without the cache.
        guard let read = await req.databaseVersion(), let source = req.application.databaseVersion else {
            return try await render().response()
        }
        // Rendered under a newer version handed out meanwhile, the page is as exact for this
        // request and is rendered once for both (`DatabaseVersion.newest`).
        let version = source.newest(read)
        let cache = req.application.pageCache
        if let page = cache.value(key, version: version) { return serve(page) }
        let flights = req.application.singleFlight
        let flight = key + "\u{1F}" + version
        switch flights.join(flight, on: req.eventLoop) {
        case .wait(let underway):
            return serve(try await underway.get())
        case .render(let promise):
            do {
                let page = ByteBuffer(string: try await render().render())
                cache.insert(page, key: key, version: version, size: page.readableBytes)
                flights.finish(flight, promise, .success(page))
                return serve(page)
            } catch {
                flights.finish(flight, promise, .failure(error))
                throw error
            }
        }
    }

    /// The page cached for this address and this reader of the programme in the address,
    /// when the database has not changed since `Access.reader` let them read it
    /// (`CachedReadPermission`) and since the page was rendered; then neither is asked of the
    /// database again.
    static func cached(_ req: Request) -> EventLoopFuture<Response?> {
        guard let slug = req.parameters.get("programme") else { return req.eventLoop.makeSucceededFuture(nil) }
        return CachedReadPermission.lookup(req, programme: slug, published: false).map { found in
            guard let (permission, version) = found else { return nil }
            let csrf = permission.userID == nil ? nil : req.accountSession[AccountSession.csrfKey]
            let key = key(req, user: permission.userKey, role: permission.role, csrf: csrf)
            return req.application.pageCache.value(key, version: version).map(serve)
        }
    }

    /// A page of the programme in the address (its route is registered `cached: .page`): who
    /// may read it is asked with the programme alone and cached as the reader's read
    /// permission, and its context is read only when the page has to be rendered.
    static func programmePage(_ req: Request, render: (ProgrammeContext, Viewer) async throws -> Layout) async throws
        -> Response
    {
        let programme = try await ProgrammeContext.programme(slug: try req.parameters.require("programme"), on: req.db)
        let viewer = try await Access.reader(req, programme: programme)
        await CachedReadPermission.store(req, programme: programme, published: false, viewer: viewer)
        return try await respond(req, viewer: viewer) {
            try await render(try await ProgrammeContext.load(programme, on: req.db), viewer)
        }
    }

    /// The address with its query, the viewer (their account, role and the session's form
    /// token, which the page's forms carry) and the hour: a page shows today's date in the
    /// planning, and an hour never spans two days.
    static func key(_ req: Request, viewer: Viewer, now: Date = Date()) -> String {
        key(req, user: viewer.user?.id?.uuidString, role: viewer.role, csrf: viewer.csrf, now: now)
    }

    /// `user`: the account's id as text (`ReadPermission.userKey`).
    static func key(_ req: Request, user: String?, role: ProgrammeRole?, csrf: String?, now: Date = Date()) -> String {
        [
            req.pathAndQuery, user ?? "-", role?.rawValue ?? "-", csrf ?? "-",
            String(Int(now.timeIntervalSince1970) / 3_600),
        ].joined(separator: "\u{1F}")
    }

    static func serve(_ page: ByteBuffer) -> Response {
        Response(status: .ok, headers: ["Content-Type": "text/html; charset=utf-8"], body: .init(buffer: page))
    }
}
