import Foundation
import Plot
import Vapor

/// Serves a live page from `LivePageCache` when the database has not changed since it was
/// made for the same address and the same viewer; otherwise renders and keeps it. Who may
/// read the page is checked before, on every request.
enum LivePage {
    static func respond(_ req: Request, viewer: Viewer, render: () async throws -> Layout) async throws -> Response {
        // Without a version (or when it cannot be read) the page is made as if nothing were kept.
        guard req.settings.livePageCache, let source = req.application.databaseVersion,
              let version = (try? await source.current(on: req.db)) ?? nil else {
            return try await render().response()
        }
        let key = Self.key(req, viewer: viewer)
        let cache = req.application.livePages
        if let page = cache.page(key, version: version) { return serve(page) }
        let page = ByteBuffer(string: try await render().render())
        cache.keep(page, key: key, version: version)
        return serve(page)
    }

    /// A page of the programme in the address: who may read it is asked with the programme
    /// alone, and its context is read only when the page has to be made.
    static func programmePage(_ req: Request, render: (ProgrammeContext, Viewer) async throws -> Layout) async throws -> Response {
        let programme = try await ProgrammeContext.programme(slug: try req.parameters.require("programme"), on: req.db)
        let viewer = try await Access.reader(req, programme: programme)
        return try await respond(req, viewer: viewer) { try await render(try await ProgrammeContext.load(programme, on: req.db), viewer) }
    }

    /// The address with its query, the viewer (their account, role and the session's form
    /// token, which the page's forms carry) and the hour: a page shows today's date in the
    /// planning, and an hour never spans two days.
    static func key(_ req: Request, viewer: Viewer, now: Date = Date()) -> String {
        [req.url.string, viewer.user?.id?.uuidString ?? "-", viewer.role?.rawValue ?? "-", viewer.csrf ?? "-",
         String(Int(now.timeIntervalSince1970) / 3_600)].joined(separator: "\u{1F}")
    }

    private static func serve(_ page: ByteBuffer) -> Response {
        Response(status: .ok, headers: ["Content-Type": "text/html; charset=utf-8"], body: .init(buffer: page))
    }
}

struct LivePageCacheKey: StorageKey {
    typealias Value = LivePageCache
}

struct DatabaseVersionKey: StorageKey {
    typealias Value = DatabaseVersion
}

extension Application {
    /// Set once in `configure`, before any request.
    var livePages: LivePageCache { storage[LivePageCacheKey.self] ?? LivePageCache(maximumBytes: 0) }
    var databaseVersion: DatabaseVersion? { storage[DatabaseVersionKey.self] }
}
