import Fluent
import Foundation
import Testing
import Vapor

@testable import Stoplicht

/// Sessions nobody can use any more are deleted; those in use stay and keep working.
@Suite struct SessionPurgeTests {
    func record(_ data: [String: String], on db: any Database) async throws {
        try await SessionRecord(key: SessionID(string: UUID().uuidString), data: SessionData(initialData: data)).save(
            on: db)
    }

    @Test func expiredAndEmptySessionsAreDeletedAndLiveOnesStay() async throws {
        try await withStoplicht(seeded: true) { app in
            var beheerder = try await Browser.loggedIn(app)
            var other = try await Browser.loggedIn(app, email: "tweede@gemeente.nl")
            let now = Date().timeIntervalSince1970
            let user = UUID().uuidString
            // Idle past the timeout; logged in past the day's limit though seen just now; no
            // account (as Vapor stored for visitors); times that are no times.
            try await record(
                [
                    AccountSession.userKey: user, AccountSession.loginAtKey: String(now - 3_600),
                    AccountSession.seenAtKey: String(now - AccountSession.idleTimeout - 60),
                ], on: app.db)
            try await record(
                [
                    AccountSession.userKey: user,
                    AccountSession.loginAtKey: String(now - AccountSession.absoluteTimeout - 60),
                    AccountSession.seenAtKey: String(now),
                ], on: app.db)
            try await record([:], on: app.db)
            try await record(
                [AccountSession.userKey: user, AccountSession.loginAtKey: "gisteren", AccountSession.seenAtKey: "net"],
                on: app.db)
            #expect(try await SessionRecord.query(on: app.db).count() == 6)

            #expect(try await SessionPurge.purge(on: app.db) == 4)
            #expect(try await SessionRecord.query(on: app.db).count() == 2)
            #expect(try await beheerder.get("/beheer/gebruikers").status == .ok)
            #expect(try await other.get("/").body.contains("Ingelogd als"))
            #expect(try await SessionPurge.purge(on: app.db) == 0)

            // Half an hour on, both have been idle too long.
            #expect(
                try await SessionPurge.purge(
                    on: app.db, now: Date().addingTimeInterval(AccountSession.idleTimeout + 60)) == 2)
            #expect(try await SessionRecord.query(on: app.db).count() == 0)
        }
    }
}
