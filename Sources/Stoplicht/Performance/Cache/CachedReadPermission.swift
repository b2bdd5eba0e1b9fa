import Foundation
import StoplichtCore
import Vapor

/// What `Access.reader` allowed one session user (or an anonymous reader) in one
/// programme, cached under the database's version: while nothing is committed, the same
/// question gets the same answer, and a cached page is served without asking the database
/// for the programme, the account and the role again. Only a yes is cached.
struct ReadPermission: Sendable {
    var programmeID: UUID
    /// The account as found (nil: anonymous, or the session's account is gone).
    var userID: UUID?
    var role: ProgrammeRole?
    /// `userID` as text, made once for the keys of the pages the permission serves.
    let userKey: String?

    init(programmeID: UUID, userID: UUID?, role: ProgrammeRole?) {
        self.programmeID = programmeID
        self.userID = userID
        self.role = role
        userKey = userID?.uuidString
    }
}

/// The cache of read permissions (`Application.readPermissions`). `Access` decides; this
/// only remembers a yes until the next commit.
enum CachedReadPermission {
    /// The permission `Access.reader` gave this request's reader for the programme `slug`
    /// under the database's version now, or nil when it has to be asked (again). The
    /// session's timeouts are applied first, as `reader` does.
    static func lookup(_ req: Request, programme slug: String, published: Bool) -> EventLoopFuture<
        (ReadPermission, String)?
    > {
        req.databaseVersion().map { version in
            guard let version else { return nil }
            let key = key(user: AccountSession.sessionUser(req), programme: slug, published: published)
            return req.application.readPermissions.value(key, version: version).map { ($0, version) }
        }
    }

    /// Caches what `reader` allowed `viewer` in `programme`, under the version the request read.
    static func store(_ req: Request, programme: Programme, published: Bool, viewer: Viewer) async {
        guard let version = await req.databaseVersion(), let id = programme.id else { return }
        let key = key(user: AccountSession.sessionUser(req), programme: programme.slug, published: published)
        req.application.readPermissions.insert(
            ReadPermission(programmeID: id, userID: viewer.user?.id, role: viewer.role),
            key: key, version: version, size: 96)
    }

    /// A permission is cached by the session's user (after its timeouts; nil for a reader
    /// without one), the programme and whether a published report is read.
    static func key(user: String?, programme slug: String, published: Bool) -> String {
        [user ?? "-", slug, published ? "gepubliceerd" : "live"].joined(separator: "\u{1F}")
    }
}
