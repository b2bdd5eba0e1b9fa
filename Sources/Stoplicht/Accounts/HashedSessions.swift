import Fluent
import Foundation
import Vapor

/// Sessions in the database (Fluent's `_fluent_sessions` table, so several instances share
/// them), stored under the SHA-256 of their id: the cookie carries the id, the database only
/// its hash, so a copy of the database (a backup, a leaked file) holds no session anyone
/// can use. The id is 32 random bytes; the hash needs no salt.
struct HashedSessions: SessionDriver {
    /// What the database keeps for a session id: its SHA-256 in hex.
    static func storedKey(_ id: SessionID) -> SessionID {
        SessionID(string: SHA256.hash(data: Data(id.string.utf8)).hex)
    }

    /// 32 random bytes from the system's generator, base64url without padding (cookie-safe).
    static func newID() -> SessionID {
        let text = [UInt8].random(count: 32).base64String()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(
                of: "=", with: "")
        return SessionID(string: text)
    }

    func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        let id = Self.newID()
        return SessionRecord(key: Self.storedKey(id), data: data).create(on: request.db).map { id }
    }

    func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        SessionRecord.query(on: request.db).filter(\.$key == Self.storedKey(sessionID)).first().map { $0?.data }
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<SessionID>
    {
        SessionRecord.query(on: request.db).filter(\.$key == Self.storedKey(sessionID)).set(\.$data, to: data).update()
            .map { sessionID }
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
        SessionRecord.query(on: request.db).filter(\.$key == Self.storedKey(sessionID)).delete()
    }
}

/// Sessions stored before their ids were hashed are stored under the id itself, which a
/// copy of the database would hand to anyone: they are deleted (their people log in again).
struct DeleteUnhashedSessions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await SessionRecord.query(on: database).delete()
    }

    func revert(on database: any Database) async throws {}
}
