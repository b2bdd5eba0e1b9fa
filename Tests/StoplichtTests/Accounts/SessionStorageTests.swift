import Fluent
import Foundation
import Testing
import Vapor

@testable import Stoplicht

/// Sessions are stored under the SHA-256 of their id: a copy of the database holds no
/// session anyone can use.
@Suite struct SessionStorageTests {
    @Test func theDatabaseHoldsOnlyTheHashOfASessionsID() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup
            var browser = try await Browser.loggedIn(app)
            let id = try #require(browser.cookie)

            // MUT
            let records = try await SessionRecord.query(on: app.db).all()

            // validate
            #expect(records.count == 1)
            let stored = try #require(records.first?.key.string)
            #expect(stored != id)
            #expect(!stored.contains(id))
            #expect(stored == SHA256.hash(data: Data(id.utf8)).hex)
            // 32 random bytes, in a form a cookie carries as it is.
            #expect(id.count == 43)
            #expect(id.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
            #expect(try await browser.get("/beheer/gebruikers").status == .ok)
        }
    }

    @Test func theStoredKeyIsNoSessionForWhoeverReadsTheDatabase() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup: a beheerder logged in; someone who has a copy of the database
            var browser = try await Browser.loggedIn(app)
            #expect(try await browser.get("/beheer/gebruikers").status == .ok)
            let stored = try #require(try await SessionRecord.query(on: app.db).first()?.key.string)

            // MUT
            var thief = Browser(app)
            thief.cookie = stored
            let reply = try await thief.get("/beheer/gebruikers")

            // validate
            #expect(reply.status == .seeOther)
            #expect(reply.location?.hasPrefix("/inloggen") == true)
        }
    }

    @Test func logoutAndUpdatesFindTheSessionByItsHash() async throws {
        try await withStoplicht(seeded: true) { app in
            var browser = try await Browser.loggedIn(app)
            _ = try await browser.get("/beheer/gebruikers")
            #expect(try await SessionRecord.query(on: app.db).count() == 1)

            // MUT
            #expect(try await browser.post("/uitloggen").status == .seeOther)

            // validate
            #expect(try await SessionRecord.query(on: app.db).count() == 0)
        }
    }
}
