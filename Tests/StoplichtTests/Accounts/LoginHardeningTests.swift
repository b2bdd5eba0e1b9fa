import Fluent
import Foundation
import Testing
import Vapor

@testable import Stoplicht

/// The login under attack: many attempts at once, the time an answer takes, where it sends
/// the browser afterwards.
@Suite struct LoginHardeningTests {
    @Test func aHundredAttemptsAtOnceGetNoMoreThanTheLimitOfPasswordChecks() async throws {
        try await withStoplicht { app in
            // setup: a hundred browsers with the login form open
            _ = try await User.create(
                email: "pm@gemeente.nl", name: "PM", password: "goed wachtwoord 1", administrator: false, on: app.db)
            var form = Browser(app)
            _ = try await form.get("/inloggen")
            let browser = form

            // MUT: a hundred wrong passwords for one account, all at once
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for attempt in 1...100 {
                    group.addTask {
                        var copy = browser
                        return try await copy.post(
                            "/inloggen", LoginField.form([.email: "pm@gemeente.nl", .password: "fout \(attempt)"])
                        ).status
                    }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }

            // validate: no more than five were checked (and failed), the rest refused unchecked;
            // the failures are kept, and with the attempts after them there are five in all.
            let checked = statuses.filter { $0 == .unauthorized }.count
            #expect(checked <= FailedLogin.limit)
            #expect(statuses.filter { $0 == .tooManyRequests }.count == 100 - checked)
            #expect(try await FailedLogin.query(on: app.db).count() == checked)
            var owner = browser
            var later = 0
            while try await owner.post("/inloggen", LoginField.form([.email: "pm@gemeente.nl", .password: "fout"]))
                .status == .unauthorized, later < 10
            { later += 1 }
            #expect(checked + later == FailedLogin.limit)
            // The right password waits for the window too.
            #expect(
                try await owner.post(
                    "/inloggen", LoginField.form([.email: "pm@gemeente.nl", .password: "goed wachtwoord 1"])
                ).status == .tooManyRequests)
        }
    }

    @Test func aRightPasswordClearsTheAttemptsBeforeIt() async throws {
        try await withStoplicht { app in
            _ = try await User.create(
                email: "pm@gemeente.nl", name: "PM", password: "goed wachtwoord 1", administrator: false, on: app.db)
            var browser = Browser(app)
            for attempt in 1...4 {
                #expect(
                    try await browser.logIn(email: "pm@gemeente.nl", password: "fout \(attempt)").status
                        == .unauthorized)
            }
            #expect(try await browser.logIn(email: "pm@gemeente.nl", password: "goed wachtwoord 1").status == .seeOther)
            #expect(try await FailedLogin.query(on: app.db).count() == 0)
        }
    }

    @Test func anUnknownAddressTakesAsLongAsAWrongPassword() async throws {
        try await withStoplicht { app in
            // setup: accounts, each tried once (the limit per address is five); the hash for
            // unknown addresses made before the clock runs
            let rounds = 9
            #expect(!AccountController.LoginTiming.unknownAccountHash.isEmpty)
            for round in 1...rounds {
                _ = try await User.create(
                    email: "bekend\(round)@gemeente.nl", name: "B\(round)", password: "goed wachtwoord 1",
                    administrator: false, on: app.db)
            }
            var browser = Browser(app)
            _ = try await browser.get("/inloggen")
            let clock = ContinuousClock()

            // MUT: known and unknown addresses in turn, each first every other round, so a busy
            // machine slows both alike
            var known: [Duration] = []
            var unknown: [Duration] = []
            func attempt(_ email: String) async throws -> Duration {
                var status = HTTPStatus.ok
                let time = try await clock.measure {
                    status = try await browser.post(
                        "/inloggen", LoginField.form([.email: email, .password: "fout wachtwoord"])
                    ).status
                }
                #expect(status == .unauthorized)
                return time
            }
            for round in 1...rounds {
                if round.isMultiple(of: 2) {
                    known.append(try await attempt("bekend\(round)@gemeente.nl"))
                    unknown.append(try await attempt("onbekend\(round)@gemeente.nl"))
                } else {
                    unknown.append(try await attempt("onbekend\(round)@gemeente.nl"))
                    known.append(try await attempt("bekend\(round)@gemeente.nl"))
                }
            }

            // validate: the medians within 20 %, and the median of each round's two, which a
            // machine busy with other tests moves less
            func seconds(_ d: Duration) -> Double {
                Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
            }
            func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
            let medians = median(unknown.map(seconds)) / median(known.map(seconds))
            let paired = median(zip(unknown, known).map { seconds($0) / seconds($1) })
            #expect(
                (medians > 0.8 && medians < 1.2) || (paired > 0.8 && paired < 1.2),
                "medians \(unknown.map(seconds).sorted()) against \(known.map(seconds).sorted()); each round's ratio \(paired)"
            )
        }
    }

    @Test(arguments: [
        "/\t/elders.example", "/%09/elders.example", "/\n/elders.example", "/\r\n//elders.example", "/ /elders.example",
        "//elders.example", "/\\elders.example", "https://elders.example", "/\u{0}/x", "javascript:alert(1)", "/é/../x",
    ])
    func aReturnPathThatIsNoPlainPathOfThisSiteIsRefused(_ path: String) {
        if path == "/%09/elders.example" {
            // Percent-encoded, it stays a path on this site: a browser does not decode it.
            #expect(AccountController.safeReturnPath(path) == path)
        } else {
            #expect(AccountController.safeReturnPath(path) == nil)
        }
    }

    @Test func plainPathsOfThisSiteAreKept() {
        for path in [
            "/importeren", "/programmas/dienstverlening/projecten/3?periode=juni-t-m-oktober-2018",
            "/beheer/gebruikers",
        ] {
            #expect(AccountController.safeReturnPath(path) == path)
        }
    }

    @Test func aLoginWithATabInItsReturnPathLandsOnTheStartPage() async throws {
        try await withStoplicht { app in
            _ = try await User.create(
                email: "a@gemeente.nl", name: "A", password: "een lang wachtwoord", administrator: true, on: app.db)
            var browser = Browser(app)
            _ = try await browser.get("/inloggen?terug=/%09/elders.example")
            // As a form field the tab arrives decoded.
            let reply = try await browser.post(
                "/inloggen",
                LoginField.form([
                    .email: "a@gemeente.nl", .password: "een lang wachtwoord", .back: "/\t/elders.example",
                ]))
            #expect(reply.status == .seeOther)
            #expect(reply.location == "/")
        }
    }
}

/// Whoever knows someone's e-mail address cannot lock them out from elsewhere.
@Suite struct LoginLockoutTests {
    @Test func failuresFromOneNetworkAddressDoNotLockTheAccountForOthers() async throws {
        try await withStoplicht { app in
            // setup: an attacker's five wrong passwords for the victim's address
            let now = Date()
            for _ in 1...FailedLogin.limit {
                let reserved = try await FailedLogin.reserve(
                    email: "wethouder@gemeente.nl", address: "198.51.100.9", now: now, on: app.db)
                #expect(reserved != nil)
            }

            // MUT
            let attacker = try await FailedLogin.reserve(
                email: "wethouder@gemeente.nl", address: "198.51.100.9", now: now, on: app.db)
            let victim = try await FailedLogin.reserve(
                email: "wethouder@gemeente.nl", address: "192.0.2.20", now: now, on: app.db)

            // validate
            #expect(attacker == nil)
            #expect(victim != nil)
        }
    }

    @Test func guessesSpreadOverManyNetworkAddressesMeetTheLimitPerAccount() async throws {
        try await withStoplicht { app in
            let now = Date()
            for attempt in 0..<FailedLogin.emailLimit {
                let reserved = try await FailedLogin.reserve(
                    email: "wethouder@gemeente.nl", address: "198.51.100.\(attempt / 4)", now: now, on: app.db)
                #expect(reserved != nil)
            }
            let fromElsewhere = try await FailedLogin.reserve(
                email: "wethouder@gemeente.nl", address: "192.0.2.20", now: now, on: app.db)
            let someoneElse = try await FailedLogin.reserve(
                email: "iemand.anders@gemeente.nl", address: "192.0.2.20", now: now, on: app.db)
            #expect(fromElsewhere == nil)
            #expect(someoneElse != nil)
        }
    }
}
