import Fluent
import Foundation
import StoplichtCore
import Testing
import Vapor
import VaporTesting

@testable import Stoplicht

/// Logging in and out, the session cookie, CSRF and throttling.
@Suite struct AccountTests {
    @Test func aBeheerderLogsInWithANewSessionAndAHardenedCookie() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup
            _ = try await User.create(
                email: "Erna@Woudenberg.nl", name: "Erna Jongerius", password: "twaalf tekens!", administrator: true,
                on: app.db)
            var browser = Browser(app)
            let form = try await browser.get("/inloggen?terug=/importeren")
            let loginCookie = try #require(form.headers.setCookie?[SessionCookies.loginToken])
            #expect(
                loginCookie.isSecure && loginCookie.isHTTPOnly && loginCookie.sameSite == .strict
                    && loginCookie.path == "/")
            #expect(browser.cookie == nil)

            // MUT
            let reply = try await browser.post(
                "/inloggen",
                LoginField.form([.email: " erna@woudenberg.nl", .password: "twaalf tekens!", .back: "/importeren"]))

            // validate
            #expect(reply.status == .seeOther)
            #expect(reply.location == "/importeren")
            let cookie = try #require(reply.setCookie)
            #expect(cookie.isSecure)
            #expect(cookie.isHTTPOnly)
            #expect(cookie.sameSite == .lax)
            let first = try #require(browser.cookie)
            let page = try await browser.get("/importeren")
            #expect(page.status == .ok)
            #expect(page.body.contains("Ingelogd als Erna Jongerius."))
            // A page read sets no cookie: the browser has it.
            #expect(page.headers.setCookie == nil)
            // Logging in again gives a new id, and the one from before is worth nothing.
            #expect(
                try await browser.logIn(email: "erna@woudenberg.nl", password: "twaalf tekens!").status == .seeOther)
            #expect(browser.cookie != nil && browser.cookie != first)
            #expect(
                try await SessionRecord.query(on: app.db).filter(
                    \.$key == HashedSessions.storedKey(SessionID(string: first))
                ).count() == 0)
            #expect(try await SessionRecord.query(on: app.db).count() == 1)
        }
    }

    @Test func theLoginFormsTokenComesBackInItsOwnCookieAndNothingIsStored() async throws {
        try await withStoplicht(seeded: true) { app in
            _ = try await User.create(
                email: "a@gemeente.nl", name: "A", password: "een lang wachtwoord", administrator: true, on: app.db)
            // Looking at the login page, however often, writes nothing.
            for _ in 1...5 {
                var visitor = Browser(app)
                #expect(try await visitor.get("/inloggen").status == .ok)
                #expect(visitor.loginCookie != nil && visitor.loginCookie == visitor.csrf)
            }
            #expect(try await SessionRecord.query(on: app.db).count() == 0)

            // A token from one browser's form is refused with another browser's cookie, and
            // without the cookie (a form posted from another site arrives without it).
            var victim = Browser(app)
            var attacker = Browser(app)
            _ = try await victim.get("/inloggen")
            _ = try await attacker.get("/inloggen")
            victim.csrf = attacker.csrf
            #expect(
                try await victim.post(
                    "/inloggen", LoginField.form([.email: "a@gemeente.nl", .password: "een lang wachtwoord"])
                ).status == .forbidden)
            attacker.loginCookie = nil
            #expect(
                try await attacker.post(
                    "/inloggen", LoginField.form([.email: "a@gemeente.nl", .password: "een lang wachtwoord"])
                ).status == .forbidden)
            #expect(try await SessionRecord.query(on: app.db).count() == 0)

            // A failed login's form keeps the token; the login after it stores one session.
            var browser = Browser(app)
            #expect(
                try await browser.logIn(email: "a@gemeente.nl", password: "fout wachtwoord").status == .unauthorized)
            let retry = try await browser.post(
                "/inloggen", LoginField.form([.email: "a@gemeente.nl", .password: "een lang wachtwoord"]))
            #expect(retry.status == .seeOther)
            #expect(try await SessionRecord.query(on: app.db).count() == 1)
        }
    }

    @Test func aWrongPasswordIsRefusedAndRepeatedFailuresAreThrottled() async throws {
        try await withStoplicht { app in
            _ = try await User.create(
                email: "pm@gemeente.nl", name: "PM", password: "goed wachtwoord 1", administrator: false, on: app.db)
            var browser = Browser(app)
            for attempt in 1...5 {
                let reply = try await browser.logIn(email: "pm@gemeente.nl", password: "fout \(attempt)")
                #expect(reply.status == .unauthorized)
                #expect(reply.body.contains("Het e-mailadres of het wachtwoord klopt niet."))
            }
            // The sixth attempt is refused even with the right password.
            let throttled = try await browser.logIn(email: "pm@gemeente.nl", password: "goed wachtwoord 1")
            #expect(throttled.status == .tooManyRequests)
            #expect(throttled.body.contains("Probeer het over een kwartier opnieuw."))
            #expect(try await FailedLogin.query(on: app.db).count() == 5)
            // An unknown address counts as a failure too, without saying it is unknown.
            let unknown = try await browser.logIn(email: "onbekend@gemeente.nl", password: "wat dan ook")
            #expect(unknown.status == .unauthorized)
        }
    }

    @Test func formsWithoutTheirTokenAreRefused() async throws {
        try await withStoplicht(seeded: true) { app in
            _ = try await User.create(
                email: "a@gemeente.nl", name: "A", password: "een lang wachtwoord", administrator: true, on: app.db)
            var browser = Browser(app)
            _ = try await browser.get("/inloggen")
            let noToken = try await browser.post(
                "/inloggen", LoginField.form([.email: "a@gemeente.nl", .password: "een lang wachtwoord"]), csrf: false)
            #expect(noToken.status == .forbidden)
            #expect(noToken.body.contains("beveiligingskenmerk"))
            let wrongToken = try await browser.post(
                "/inloggen",
                LoginField.form([.email: "a@gemeente.nl", .password: "een lang wachtwoord"]).merging([
                    CSRF.fieldName: "vervalst"
                ]) { $1 }, csrf: false)
            #expect(wrongToken.status == .forbidden)

            // Logged in, an upload and a confirmation without the token are refused as well.
            var admin = try await Browser.loggedIn(app, email: "b@gemeente.nl")
            _ = try await admin.get("/importeren")
            let token = admin.csrf
            admin.csrf = nil
            let upload = try await admin.upload(
                "/importeren", file: Data("Nr;Project\n1;Iets\n".utf8), filename: "x.csv", fields: [:])
            #expect(upload.status == .forbidden)
            #expect(try await PendingImport.query(on: app.db).count() == 0)
            admin.csrf = token
            let logout = try await admin.post("/uitloggen", csrf: false)
            #expect(logout.status == .forbidden)
        }
    }

    @Test func importPagesNeedABeheerder() async throws {
        try await withStoplicht(seeded: true) { app in
            // Not logged in: to the login page, and back afterwards.
            var anonymous = Browser(app)
            let page = try await anonymous.get("/importeren")
            #expect(page.status == .seeOther)
            #expect(page.location == "/inloggen?terug=%2Fimporteren")
            let post = try await anonymous.post("/importeren")
            #expect(post.status == .seeOther)
            // Logged in without the role: 403.
            var reader = try await Browser.loggedIn(app, email: "lezer@gemeente.nl", administrator: false)
            let refused = try await reader.get("/importeren")
            #expect(refused.status == .forbidden)
            #expect(refused.body.contains("U hebt geen toestemming voor deze handeling."))
            // The reading pages stay public.
            #expect(try await anonymous.get("/programmas/dienstverlening").status == .ok)
        }
    }

    @Test func sessionsEndAfterIdleAndAbsoluteTimeouts() async throws {
        try await withStoplicht { app in
            for key in [AccountSession.seenAtKey, AccountSession.loginAtKey] {
                // setup
                var browser = try await Browser.loggedIn(app, email: "\(key)@gemeente.nl")
                #expect(try await browser.get("/importeren").status == .ok)
                let timeout =
                    key == AccountSession.seenAtKey ? AccountSession.idleTimeout : AccountSession.absoluteTimeout
                for record in try await SessionRecord.query(on: app.db).all() {
                    record.data[key] = String(Date().timeIntervalSince1970 - timeout - 60)
                    try await record.save(on: app.db)
                }

                // MUT
                let after = try await browser.get("/importeren")

                // validate
                #expect(after.status == .seeOther, "timeout \(key)")
                #expect(after.location?.hasPrefix("/inloggen") == true)
            }
        }
    }

    @Test func aCookieNamingNoSessionStoresNone() async throws {
        try await withStoplicht(seeded: true) { app in
            // A stale tab's cookie, a made-up one, again and again: nothing is written.
            for attempt in 1...5 {
                var stranger = Browser(app)
                stranger.cookie = "verzonnen-\(attempt)"
                #expect(try await stranger.get("/css/stoplicht.css").status == .ok)
                #expect(try await stranger.get("/programmas/dienstverlening").status == .ok)
            }
            #expect(try await SessionRecord.query(on: app.db).count() == 0)
            // The cookie is ended, so the browser stops sending it.
            var stale = Browser(app)
            stale.cookie = "verzonnen"
            _ = try await stale.get("/programmas/dienstverlening")
            #expect(stale.cookie == nil)
            // Such a browser still logs in, and the login is the first thing stored.
            _ = try await User.create(
                email: "a@gemeente.nl", name: "A", password: "een lang wachtwoord", administrator: true, on: app.db)
            var browser = Browser(app)
            browser.cookie = "verzonnen"
            #expect(
                try await browser.logIn(email: "a@gemeente.nl", password: "een lang wachtwoord").status == .seeOther)
            #expect(try await browser.get("/importeren").body.contains("Ingelogd als A."))
            #expect(try await SessionRecord.query(on: app.db).count() == 1)
        }
    }

    @Test func loggingOutEndsTheSession() async throws {
        try await withStoplicht { app in
            var browser = try await Browser.loggedIn(app)
            _ = try await browser.get("/importeren")
            let reply = try await browser.post("/uitloggen")
            #expect(reply.status == .seeOther)
            #expect(browser.cookie == nil)
            #expect(try await SessionRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func accountsNeedAnAddressAndALongPassword() async throws {
        try await withStoplicht { app in
            await #expect(throws: InputError("Een wachtwoord heeft ten minste 12 tekens.")) {
                try await User.create(
                    email: "x@gemeente.nl", name: "X", password: "kort", administrator: false, on: app.db)
            }
            await #expect(throws: InputError("‘geen adres’ is geen e-mailadres.")) {
                try await User.create(
                    email: "geen adres", name: "X", password: "lang genoeg 12", administrator: false, on: app.db)
            }
            let user = try await User.create(
                email: "x@gemeente.nl", name: "X", password: "lang genoeg 12", administrator: false, on: app.db)
            #expect(user.passwordHash.hasPrefix("$2b$12$"))
            #expect(try Bcrypt.verify("lang genoeg 12", created: user.passwordHash))
            await #expect(throws: InputError("Er is al een account voor x@gemeente.nl.", status: .conflict)) {
                try await User.create(
                    email: "X@gemeente.nl", name: "X", password: "lang genoeg 12", administrator: false, on: app.db)
            }
            #expect(AccountController.safeReturnPath("//elders.nl/") == nil)
            #expect(AccountController.safeReturnPath("https://elders.nl/") == nil)
            #expect(AccountController.safeReturnPath("/importeren") == "/importeren")
        }
    }
}

/// Who may import where: a beheerder anywhere, a programme manager into their own
/// programme, nobody else; an upload is seen only by its uploader (or a beheerder).
@Suite struct ImportRoleTests {
    func grant(_ email: String, _ role: ProgrammeRole, _ app: Application) async throws {
        let user = try #require(try await User.query(on: app.db).filter(\.$email == email).first())
        let programme = try #require(try await Programme.query(on: app.db).filter(\.$slug == "dienstverlening").first())
        try await ProgrammeRoleAssignment.grant(role, to: user, inProgramme: programme.requireID(), on: app.db)
    }

    @Test func aProgrammeManagerImportsIntoTheirOwnProgrammeOnly() async throws {
        try await withStoplicht(seeded: true) { app in
            // setup
            var manager = try await Browser.loggedIn(app, email: "pm@woudenberg.nl", administrator: false)
            try await grant("pm@woudenberg.nl", .programmeManager, app)
            let csv = Data(
                "Nr;Project;Projectleider;Status\n1;Aansluiten op www.mijnoverheid.nl.;Walter de Haan;groen\n".utf8)

            // MUT
            let form = try await manager.get("/importeren")
            let own = try await manager.upload(
                "/importeren", file: csv, filename: "update.csv",
                fields: ImportUploadField.form([.programme: "dienstverlening", .period: "juni t/m oktober 2018"]))
            let newProgramme = try await manager.upload(
                "/importeren", file: csv, filename: "nieuw.csv",
                fields: ImportUploadField.form([.organisation: "Gemeente Woudenberg"]))

            // validate
            #expect(form.status == .ok)
            #expect(!form.body.contains(Strings.importNewProgramme))
            #expect(own.status == .seeOther)
            #expect(newProgramme.status == .forbidden)
            let location = try #require(own.location)
            #expect(try await manager.get(location).status == .ok)
            // Another beheerder sees it; another programme manager does not.
            var other = try await Browser.loggedIn(app, email: "pm2@woudenberg.nl", administrator: false)
            try await grant("pm2@woudenberg.nl", .programmeManager, app)
            #expect(try await other.get(location).status == .notFound)
            var admin = try await Browser.loggedIn(app, email: "beheer@woudenberg.nl")
            #expect(try await admin.get(location).status == .ok)
            // Confirmed by the manager, recorded in the audit trail under their name.
            _ = try await manager.get(location)
            #expect(try await manager.post(location).status == .seeOther)
            #expect(
                try await AuditEntry.query(on: app.db).filter(\.$actor == "pm@woudenberg.nl").filter(
                    \.$action == "import"
                ).count() > 0)
        }
    }

    @Test(arguments: [ProgrammeRole.projectLeader, .reader])
    func othersMayNotImport(_ role: ProgrammeRole) async throws {
        try await withStoplicht(seeded: true) { app in
            var browser = try await Browser.loggedIn(app, email: "iemand@woudenberg.nl", administrator: false)
            try await grant("iemand@woudenberg.nl", role, app)
            #expect(try await browser.get("/importeren").status == .forbidden)
        }
    }
}
