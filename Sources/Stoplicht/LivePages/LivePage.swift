import Foundation
import Plot
import StoplichtCore
import Vapor

/// Serves a live page from `LivePageCache` when the database has not changed since it was
/// made for the same address and the same viewer; otherwise renders and keeps it, once for
/// all who ask meanwhile (`SharedRenders`). Who may
/// read the page is settled before the page is looked up: by the reader's pass when one is
/// kept under the same version (`ReaderPass`), else by asking the database.
enum LivePage {
    static func respond(_ req: Request, viewer: Viewer, render: () async throws -> Layout) async throws -> Response {
        try await respond(req, key: key(req, viewer: viewer), render: render)
    }

    /// `key`: what tells this page from the same address for other readers (`key(_:user:role:csrf:)`).
    static func respond(_ req: Request, key: String, render: () async throws -> Layout) async throws -> Response {
        // Without a version (or when it cannot be read) the page is made as if nothing were kept.
        guard let read = await req.databaseVersion(), let source = req.application.databaseVersion else { return try await render().response() }
        // Made under a newer version handed out meanwhile, the page is as exact for this request
        // and is made once for both (`DatabaseVersion.newest`).
        let version = source.newest(read)
        let cache = req.application.livePages
        if let page = cache.value(key, version: version) { return serve(page) }
        let renders = req.application.sharedRenders, making = key + "\u{1F}" + version
        switch renders.turn(making, on: req.eventLoop) {
        case .wait(let underway):
            return serve(try await underway.get())
        case .make(let promise):
            do {
                let page = ByteBuffer(string: try await render().render())
                cache.keep(page, key: key, version: version, size: page.readableBytes)
                renders.finish(making, promise, .success(page))
                return serve(page)
            } catch {
                renders.finish(making, promise, .failure(error))
                throw error
            }
        }
    }

    /// A route that answers with what is kept (`kept`) on the event loop, without starting a
    /// task for the request, and runs `handler` only when the page has to be made.
    static func route(kept: @escaping @Sendable (Request) -> EventLoopFuture<Response?> = { kept($0) },
                      _ handler: @escaping @Sendable (Request) async throws -> Response) -> @Sendable (Request) -> EventLoopFuture<Response> {
        { req in
            kept(req).flatMap { page in
                if let page { return req.eventLoop.makeSucceededFuture(page) }
                return req.eventLoop.makeFutureWithTask { try await handler(req) }
            }
        }
    }

    /// The page kept for this address and this reader of the programme in the address, when
    /// the database has not changed since `Access.reader` let them read it (`ReaderPass`)
    /// and since the page was made; then neither is asked of the database again.
    static func kept(_ req: Request) -> EventLoopFuture<Response?> {
        guard let slug = req.parameters.get("programme") else { return req.eventLoop.makeSucceededFuture(nil) }
        return Access.keptPass(req, programme: slug, published: false).map { found in
            guard let (pass, version) = found else { return nil }
            let csrf = pass.userID == nil ? nil : req.accountSession[AccountSession.csrfKey]
            return req.application.livePages.value(key(req, user: pass.userKey, role: pass.role, csrf: csrf), version: version).map(serve)
        }
    }

    /// A page of the programme in the address (its route is a `route`): who may read it is
    /// asked with the programme alone and kept as the reader's pass, and its context is read
    /// only when the page has to be made.
    static func programmePage(_ req: Request, render: (ProgrammeContext, Viewer) async throws -> Layout) async throws -> Response {
        let programme = try await ProgrammeContext.programme(slug: try req.parameters.require("programme"), on: req.db)
        let viewer = try await Access.reader(req, programme: programme)
        await Access.keepPass(req, programme: programme, published: false, viewer: viewer)
        return try await respond(req, viewer: viewer) { try await render(try await ProgrammeContext.load(programme, on: req.db), viewer) }
    }

    /// The address with its query, the viewer (their account, role and the session's form
    /// token, which the page's forms carry) and the hour: a page shows today's date in the
    /// planning, and an hour never spans two days.
    static func key(_ req: Request, viewer: Viewer, now: Date = Date()) -> String {
        key(req, user: viewer.user?.id?.uuidString, role: viewer.role, csrf: viewer.csrf, now: now)
    }

    /// `user`: the account's id as text (`ReaderPass.userKey`).
    static func key(_ req: Request, user: String?, role: ProgrammeRole?, csrf: String?, now: Date = Date()) -> String {
        [req.pathAndQuery, user ?? "-", role?.rawValue ?? "-", csrf ?? "-",
         String(Int(now.timeIntervalSince1970) / 3_600)].joined(separator: "\u{1F}")
    }

    private static func serve(_ page: ByteBuffer) -> Response {
        Response(status: .ok, headers: ["Content-Type": "text/html; charset=utf-8"], body: .init(buffer: page))
    }
}

struct LivePageCacheKey: StorageKey {
    typealias Value = LivePageCache
}

struct SharedRendersKey: StorageKey {
    typealias Value = SharedRenders
}

struct DatabaseVersionKey: StorageKey {
    typealias Value = DatabaseVersion
}

struct KeptSessionsKey: StorageKey {
    typealias Value = VersionedStore<SessionData>
}

struct ReaderPassesKey: StorageKey {
    typealias Value = VersionedStore<ReaderPass>
}

extension Application {
    /// Set once in `configure`, before any request.
    var livePages: LivePageCache { storage[LivePageCacheKey.self] ?? LivePageCache(maximumBytes: 0) }
    var keptSessions: VersionedStore<SessionData> { storage[KeptSessionsKey.self] ?? VersionedStore(maximumBytes: 0) }
    var readerPasses: VersionedStore<ReaderPass> { storage[ReaderPassesKey.self] ?? VersionedStore(maximumBytes: 0) }
    var databaseVersion: DatabaseVersion? { storage[DatabaseVersionKey.self] }
    var sharedRenders: SharedRenders { storage[SharedRendersKey.self] ?? SharedRenders() }
}
